//! Pure resource caps: they bound memory or work, and decide nothing
//! about what is story.

/// Pages in flight per worker thread in `Cleaner::clean_stream`: enough
/// that a slow page does not leave the other threads idle, few enough that
/// memory stays a small multiple of the pages being cleaned.
#[cfg(feature = "rayon")]
pub(crate) const IN_FLIGHT_PER_THREAD: usize = 4;

/// Nodes copied into the arena between two readings of the clock for
/// [`crate::Options::time_limit`]: a reading costs tens of nanoseconds, a
/// node about a hundred, so the checks cost nothing measurable and a
/// deadline is noticed within a fraction of a millisecond.
pub(crate) const DEADLINE_CHECK_NODES: usize = 4096;

/// Items (nodes, blocks, lines) a later stage's long loop handles between
/// two readings of the clock for [`crate::Options::time_limit`]: an item
/// costs from a hundred nanoseconds (a node in `prune`) to a few
/// microseconds (a block's features), a reading tens of nanoseconds, so the
/// checks cost under a thousandth of the loop and a deadline is noticed
/// within a few milliseconds in any stage.
pub(crate) const DEADLINE_CHECK_ITEMS: usize = 1024;

/// Read buffer of a WARC file, and of its gzip decoder: large records
/// (whole pages) come in a few reads.
#[cfg(feature = "warc")]
pub(crate) const WARC_BUFFER_BYTES: usize = 1 << 16;
/// Longest HTTP head read in a WARC record: more is not an HTTP response.
#[cfg(feature = "warc")]
pub(crate) const MAX_HTTP_HEAD: usize = 256 * 1024;
/// A compressed WARC body is decoded to this many bytes at most, so that a
/// decompression bomb (a few KB that inflate to gigabytes) cannot exhaust
/// memory: 256 MiB, four times the default `max_input_bytes`, so that a
/// body cut here still fails as too large rather than passing as a shorter
/// page (a unit test of `warc` checks that it stays above).
#[cfg(feature = "warc")]
pub(crate) const WARC_MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;
/// A gzip or deflate body is inflated into a buffer this many times its
/// compressed size to start with (HTML compresses about four to one); it
/// grows as needed.
#[cfg(feature = "warc")]
pub(crate) const INFLATE_CAPACITY_FACTOR: usize = 4;

/// A box with at most this many children is asked whether a card in it
/// has a twin by reading them (`features::teasers`); a larger one has its
/// children sorted by kind once, so a box of thousands of cards stays
/// linear. Sorting every box cost 12 M instructions on scrapinghub's
/// pages, where boxes are small.
pub(crate) const SERIES_SCAN_MAX_CHILDREN: usize = 64;
