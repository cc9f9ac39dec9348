//! Which of the dates the sources give is the page's: the first in
//! precedence order that passes the sanity rules, as precise as any source
//! gives that day. Here rather than in `metadata/mod.rs` because it is date
//! logic; `Findings` and `Source` are that module's (a child module sees
//! them).

use super::super::{Field, Findings, Found, Source, sources};
use crate::datetime::DateTime;
use crate::patterns as p;

impl Source {
    /// Whether the page declares what this source gives (structured data
    /// and tags), rather than showing it in its layout, text or URL.
    fn is_declared(self) -> bool {
        use Source::*;
        matches!(self, JsonLd | OpenGraph | Twitter | MetaName | Microdata)
    }
}

/// A date in the years a page may declare (`p::PLAUSIBLE_YEARS`): not a
/// placeholder such as `0001-01-01`.
fn plausible(d: &DateTime) -> bool {
    p::PLAUSIBLE_YEARS.contains(&d.year())
}

impl Findings {
    /// The date of `field` (see `date::choose`), from the plausible values
    /// of its sources in precedence order.
    pub(crate) fn date(
        &self,
        field: Field,
        value: impl Fn(&Found) -> Option<DateTime>,
    ) -> Option<DateTime> {
        let candidates: Vec<Candidate> = sources(field)
            .iter()
            .filter_map(|s| {
                let date = self.get(*s).and_then(&value).filter(plausible)?;
                Some(Candidate {
                    date,
                    declared: s.is_declared(),
                })
            })
            .collect();
        choose(&candidates, self.newest_declared())
    }

    /// Whether the date of `field` is settled by the sources read so far,
    /// which must be a prefix of its sources in precedence order: a source
    /// after them could change it only when no read source gives a sane
    /// date, or when the first sane one lacks a time of day and no read
    /// source gives one for that day (see `choose`). The costly sources
    /// come last and are read only when this is false.
    pub(crate) fn date_settled(
        &self,
        field: Field,
        value: impl Fn(&Found) -> Option<DateTime>,
    ) -> bool {
        let newest = self.newest_declared();
        let mut sane = sources(field).iter().filter_map(|s| {
            let date = self.get(*s).and_then(&value).filter(plausible)?;
            (s.is_declared() || newest.is_none_or(|n| day(&date) <= day(&n))).then_some(date)
        });
        let Some(first) = sane.next() else {
            return false;
        };
        first.has_time() || sane.any(|d| d.has_time() && day(&d) == day(&first))
    }

    /// The newest of the plausible dates the page declares.
    pub(crate) fn newest_declared(&self) -> Option<DateTime> {
        let declared = self.0.iter().filter(|(s, _)| s.is_declared());
        newest(
            declared
                .flat_map(|(_, f)| [f.published, f.modified])
                .flatten()
                .filter(plausible),
        )
    }
}

/// A date one source gives, in precedence order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub date: DateTime,
    /// Declared by the page (JSON-LD, `<meta>`, microdata) rather than
    /// read from its layout, text or URL.
    pub declared: bool,
}

/// The calendar day of `date`, to compare days.
fn day(date: &DateTime) -> (i32, u32, u32) {
    (date.year(), date.month(), date.day())
}

/// The newest day among `dates`, the dates the page declares (published
/// or modified): a page is not older than its own newest date, so no date
/// it shows in its layout can be later.
pub(crate) fn newest(dates: impl IntoIterator<Item = DateTime>) -> Option<DateTime> {
    dates.into_iter().max_by_key(day)
}

/// Whether `date` is not on a later day than `newest` (any date is, when
/// the page declares none).
pub(crate) fn not_after(date: &DateTime, newest: Option<DateTime>) -> bool {
    newest.is_none_or(|n| day(date) <= day(&n))
}

/// The first candidate that passes the sanity rules (a date read from the
/// layout, text or URL is not later than the page's newest declared date,
/// `newest`); when it has no time of day, the first candidate of the same
/// day that has one gives the time.
pub(crate) fn choose(candidates: &[Candidate], newest: Option<DateTime>) -> Option<DateTime> {
    let sane = |c: &&Candidate| c.declared || newest.is_none_or(|n| day(&c.date) <= day(&n));
    let first = candidates.iter().find(sane)?.date;
    if first.has_time() {
        return Some(first);
    }
    let timed = candidates
        .iter()
        .filter(sane)
        .map(|c| c.date)
        .find(|d| d.has_time() && day(d) == day(&first));
    Some(timed.unwrap_or(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str, declared: bool) -> Candidate {
        Candidate {
            date: DateTime::parse(s).unwrap(),
            declared,
        }
    }

    fn pick(candidates: &[Candidate]) -> Option<String> {
        let declared = candidates.iter().filter(|c| c.declared).map(|c| c.date);
        choose(candidates, newest(declared)).map(|d| d.to_string())
    }

    #[test]
    fn the_first_candidate_wins() {
        let list = [c("2015-02-25T11:46:00Z", true), c("2015-03-01", true)];
        assert_eq!(pick(&list).as_deref(), Some("2015-02-25T11:46:00Z"));
        assert_eq!(pick(&[]), None);
    }

    #[test]
    fn a_later_source_gives_the_time_of_the_same_day() {
        let list = [
            c("2015-02-25", true),
            c("2015-02-24T09:00:00Z", true),
            c("2015-02-25T11:46:00+01:00", false),
        ];
        assert_eq!(pick(&list).as_deref(), Some("2015-02-25T11:46:00+01:00"));
        // No timed candidate of that day: the day alone.
        let list = [c("2015-02-25", true), c("2015-02-24T09:00:00Z", true)];
        assert_eq!(pick(&list).as_deref(), Some("2015-02-25"));
    }

    #[test]
    fn no_inferred_date_after_the_newest_declared_one() {
        // A forum's "current time" box, later than the page's modified date.
        let list = [
            c("2026-03-05T12:16:19Z", false),
            c("2024-06-04T11:23:55", false),
        ];
        let modified = c("2024-06-09", true);
        assert_eq!(
            choose(&list, newest([modified.date]))
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-06-04T11:23:55")
        );
        // Declared dates are not bounded by each other.
        let list = [c("2026-03-05", true), c("2024-06-09", true)];
        assert_eq!(pick(&list).as_deref(), Some("2026-03-05"));
        // Nothing declared: no bound.
        let list = [c("2026-03-05", false)];
        assert_eq!(pick(&list).as_deref(), Some("2026-03-05"));
    }
}
