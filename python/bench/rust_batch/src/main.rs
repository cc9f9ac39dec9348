//! `rust_batch DIR [ROUNDS] [JOBS]`: reads every `*.html` of DIR (as UTF-8,
//! lossily), cleans them all with `Cleaner::clean_batch` on a rayon pool
//! of JOBS threads (0: one per core), once to warm up and then ROUNDS
//! times, and prints one JSON line: the pages, the best round's seconds
//! and its pages per second.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: rust_batch DIR [ROUNDS] [JOBS]");
    let rounds: usize = args.next().map_or(5, |r| r.parse().expect("ROUNDS"));
    let jobs: usize = args.next().map_or(0, |j| j.parse().expect("JOBS"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("read DIR")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("read page")).into_owned())
        .collect();
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build_global()
        .expect("rayon pool");
    let cleaner = unboil::Cleaner::default();
    let ok = cleaner.clean_batch(&pages).iter().filter(|r| r.is_ok()).count();
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let start = Instant::now();
        let results = cleaner.clean_batch(&pages);
        best = best.min(start.elapsed().as_secs_f64());
        assert_eq!(results.len(), pages.len());
    }
    println!(
        "{{\"pages\": {}, \"ok\": {ok}, \"threads\": {}, \"best_seconds\": {best:.4}, \"pages_per_s\": {:.1}}}",
        pages.len(),
        rayon::current_num_threads(),
        pages.len() as f64 / best
    );
}
