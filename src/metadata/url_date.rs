//! Dates written in a page's URL: `/2015/02/25/`, `/2015-02-25/`,
//! `/20150225/`, `_2015_02_25_`. A year and month alone (`/2015/02/`) is
//! not a day and gives nothing.

use crate::datetime::DateTime;
use crate::patterns as p;

/// The date in the path of `url`, if it has one.
pub(crate) fn date_in_url(url: &str) -> Option<DateTime> {
    // Only the path: a host or a query string holds other numbers.
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = if url.contains("://") {
        after_scheme.find('/').and_then(|i| after_scheme.get(i..))?
    } else {
        after_scheme
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    for re in [&*p::URL_DATE_SEPARATED, &*p::URL_DATE_COMPACT] {
        for c in re.captures_iter(path) {
            let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) else {
                continue;
            };
            let Ok(year) = i32::try_from(y) else { continue };
            if !p::URL_YEARS.contains(&year) {
                continue;
            }
            if let Some(date) = DateTime::from_ymd(year, m, d) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(url: &str) -> Option<String> {
        date_in_url(url).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_paths() {
        assert_eq!(
            d("https://example.com/2015/02/25/cyber-security/").as_deref(),
            Some("2015-02-25")
        );
        assert_eq!(
            d("https://example.com/news/2015-02-25-story").as_deref(),
            Some("2015-02-25")
        );
        assert_eq!(
            d("http://example.com/a/20150225/story.html").as_deref(),
            Some("2015-02-25")
        );
        assert_eq!(
            d("/blog/2017/11/03/xbox-one-x-review/").as_deref(),
            Some("2017-11-03")
        );
    }

    #[test]
    fn no_day_no_date() {
        assert_eq!(d("https://example.com/2015/02/story"), None);
        assert_eq!(d("https://example.com/story-123456789"), None);
        assert_eq!(d("https://example.com/2015/13/45/x"), None);
        assert_eq!(d("https://2015.02.25.example.com/x"), None);
        assert_eq!(d("https://example.com/x?date=2015/02/25"), None);
        assert_eq!(d(""), None);
    }
}
