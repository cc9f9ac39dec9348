//! Many pages at once: [`Cleaner::clean_batch`] for a slice of pages, and
//! [`Cleaner::clean_stream`] for a stream of any length in bounded memory.
//!
//! Both run on several threads with the `rayon` feature (on by default), and
//! one page after the other without it; results always come in input order.

use crate::{Article, Cleaner, Result};

impl Cleaner {
    /// Cleans many pages (each HTML or plain text, as [`Cleaner::clean`]
    /// tells them apart), in parallel with the `rayon` feature; the results
    /// are in the order of `inputs`.
    ///
    /// The work runs on rayon's current thread pool: the global one (one
    /// thread per core) unless called inside `ThreadPool::install`. The
    /// results are held until all pages are done; for a stream of pages of
    /// unknown length, or to write each result as soon as it is ready, use
    /// [`Cleaner::clean_stream`], whose memory does not grow with the number
    /// of pages.
    ///
    /// ```
    /// let pages = [
    ///     "<article><p>The harbour plan goes to a public vote in spring, after months of debate over its cost and its design.</p></article>",
    ///     "",
    ///     "<p>Volunteers planted four hundred trees along the river on Sunday, and the council promised more next year.</p>",
    /// ];
    /// let results = unboil::Cleaner::default().clean_batch(&pages);
    /// assert_eq!(results.len(), 3);
    /// assert!(results[0].as_ref().unwrap().text().contains("harbour plan"));
    /// assert_eq!(results[1], Err(unboil::Error::EmptyInput));
    /// assert!(results[2].as_ref().unwrap().text().contains("four hundred trees"));
    /// ```
    pub fn clean_batch<S: AsRef<str> + Sync>(&self, inputs: &[S]) -> Vec<Result<Article>> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            inputs.par_iter().map(|s| self.clean(s.as_ref())).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            inputs.iter().map(|s| self.clean(s.as_ref())).collect()
        }
    }

    /// Cleans a stream of inputs of any length on `jobs` threads (0: one per
    /// core), in bounded memory, handing each result to `sink` in input
    /// order.
    ///
    /// `work` runs on the worker threads and turns one input into a result:
    /// typically a call to [`Cleaner::clean_bytes`] or [`Cleaner::clean`],
    /// plus whatever the caller carries along (a file name, a URL, the time
    /// taken). `sink` runs on the calling thread, which also pulls `inputs`,
    /// so reading the inputs and writing the results overlap with the
    /// cleaning. At most a few pages per thread are in flight at once:
    /// memory depends on the size of the pages, not on how many there are.
    ///
    /// Without the `rayon` feature, or with `jobs` 1, everything runs on
    /// the calling thread, one input at a time.
    ///
    /// # Panics
    /// A panic in `work` is resumed on the calling thread (after the pages
    /// in flight are done).
    ///
    /// ```
    /// use unboil::Cleaner;
    ///
    /// // Pages as they could come from a crawl: (URL, raw bytes).
    /// let pages = (0..50).map(|i| {
    ///     let html = format!(
    ///         "<html><body><nav><a href='/'>Home</a></nav><article><p>Story number {i}: \
    ///          the council met on Tuesday and agreed, after a long debate, to repair the old bridge.</p>\
    ///          </article></body></html>"
    ///     );
    ///     (format!("https://example.com/{i}"), html.into_bytes())
    /// });
    /// let mut lines = Vec::new();
    /// Cleaner::default().clean_stream(
    ///     2,
    ///     pages,
    ///     |cleaner, (url, bytes)| (url, cleaner.clean_bytes(&bytes, None)),
    ///     |(url, result)| lines.push(format!("{url}\t{}", result.map(|a| a.text()).unwrap_or_default())),
    /// );
    /// assert_eq!(lines.len(), 50);
    /// assert!(lines[7].starts_with("https://example.com/7\tStory number 7:"));
    /// ```
    pub fn clean_stream<I, T, R, F, S>(&self, jobs: usize, inputs: I, work: F, mut sink: S)
    where
        I: IntoIterator<Item = T>,
        T: Send,
        R: Send,
        F: Fn(&Cleaner, T) -> R + Sync,
        S: FnMut(R),
    {
        #[cfg(feature = "rayon")]
        {
            let threads = if jobs == 0 {
                std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
            } else {
                jobs
            };
            if threads > 1 {
                if let Ok(pool) = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("unboil-{i}"))
                    .build()
                {
                    let window = threads * crate::patterns::IN_FLIGHT_PER_THREAD;
                    pool.in_place_scope(|scope| {
                        ordered(self, scope, window, inputs, &work, &mut sink);
                    });
                    return;
                }
            }
        }
        #[cfg(not(feature = "rayon"))]
        let _ = jobs;
        for input in inputs {
            sink(work(self, input));
        }
    }
}

/// The parallel loop of [`Cleaner::clean_stream`]: keeps up to `window`
/// inputs in flight on the pool, and hands results to `sink` in input order
/// as soon as the next one in order is ready.
#[cfg(feature = "rayon")]
fn ordered<'scope, I, T, R, F, S>(
    cleaner: &'scope Cleaner,
    scope: &rayon::Scope<'scope>,
    window: usize,
    inputs: I,
    work: &'scope F,
    sink: &mut S,
) where
    I: IntoIterator<Item = T>,
    T: Send + 'scope,
    R: Send + 'scope,
    F: Fn(&Cleaner, T) -> R + Sync,
    S: FnMut(R),
{
    use std::collections::VecDeque;
    use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

    let (tx, rx) = std::sync::mpsc::channel::<(usize, std::thread::Result<R>)>();
    let mut inputs = inputs.into_iter();
    let mut more = true;
    // Results that came back early, by index from `next_out`.
    let mut ready: VecDeque<Option<R>> = VecDeque::with_capacity(window);
    let (mut spawned, mut next_out) = (0usize, 0usize);
    loop {
        while more && spawned - next_out < window {
            let Some(input) = inputs.next() else {
                more = false;
                break;
            };
            let tx = tx.clone();
            let index = spawned;
            scope.spawn(move |_| {
                let result = catch_unwind(AssertUnwindSafe(|| work(cleaner, input)));
                // The receiver outlives the scope; a failed send cannot happen.
                let _ = tx.send((index, result));
            });
            spawned += 1;
        }
        if next_out == spawned {
            break;
        }
        // Every task sends exactly once (panics are caught), so this waits
        // for a task that is running or queued.
        let Ok((index, result)) = rx.recv() else {
            break;
        };
        let result = result.unwrap_or_else(|panic| resume_unwind(panic));
        let slot = index - next_out;
        if ready.len() <= slot {
            ready.resize_with(slot + 1, || None);
        }
        if let Some(cell) = ready.get_mut(slot) {
            *cell = Some(result);
        }
        while ready.front().is_some_and(Option::is_some) {
            if let Some(Some(result)) = ready.pop_front() {
                sink(result);
                next_out += 1;
            }
        }
    }
}

/// Cleans many pages with the default [`crate::Options`], in parallel with
/// the `rayon` feature; the results are in input order. See
/// [`Cleaner::clean_batch`].
///
/// ```
/// let results = unboil::clean_many(&[
///     "<p>The library reopened on Monday after a year of repairs, with a new reading room upstairs.</p>",
///     "<p>Tickets for the summer festival go on sale this week, and the organisers expect a record crowd.</p>",
/// ]);
/// assert!(results.iter().all(Result::is_ok));
/// assert!(results[1].as_ref().unwrap().text().starts_with("Tickets"));
/// ```
pub fn clean_many<S: AsRef<str> + Sync>(inputs: &[S]) -> Vec<Result<Article>> {
    Cleaner::default().clean_batch(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(i: usize) -> String {
        format!(
            "<article><p>Report {i}: the town council met on Tuesday evening and voted, \
             after a long and heated debate, to rebuild the old stone bridge.</p></article>"
        )
    }

    #[test]
    fn batch_keeps_input_order() {
        let pages: Vec<String> = (0..64).map(page).collect();
        let results = Cleaner::default().clean_batch(&pages);
        for (i, r) in results.iter().enumerate() {
            let text = r.as_ref().map(Article::text).unwrap_or_default();
            assert!(text.starts_with(&format!("Report {i}:")), "{i}: {text}");
        }
    }

    #[test]
    fn stream_keeps_input_order_with_uneven_pages() {
        // Every fifth page is large, so results come back out of order.
        let pages = (0..200).map(|i| {
            if i % 5 == 0 {
                page(i).repeat(200)
            } else {
                page(i)
            }
        });
        for jobs in [1, 2, 3, 0] {
            let mut seen = Vec::new();
            Cleaner::default().clean_stream(
                jobs,
                pages.clone().enumerate(),
                |c, (i, html)| (i, c.clean(&html)),
                |(i, result)| {
                    assert!(result.is_ok_and(|a| a.text().starts_with(&format!("Report {i}:"))));
                    seen.push(i);
                },
            );
            assert_eq!(seen, (0..200).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    #[cfg(feature = "rayon")]
    fn stream_resumes_a_panic_in_work() {
        let outcome = std::panic::catch_unwind(|| {
            Cleaner::default().clean_stream(
                2,
                0..20,
                |_, i| {
                    assert!(i != 7, "page 7 is bad");
                    i
                },
                |_| {},
            );
        });
        assert!(outcome.is_err());
    }
}
