//! The page's language: declared tags normalised to BCP 47, or, when no
//! source declares one, detected from the article's text with `whatlang`.

use crate::patterns as p;

/// A language tag in BCP 47 form: `en_us` -> `en-US`, `zh-hant-tw` ->
/// `zh-Hant-TW`; the first of a list; `None` for junk and `und`.
///
/// The lengths below are BCP 47's syntax (RFC 5646: a language of 2-3
/// letters, subtags of 1-8 characters, a script of 4 letters, a region of
/// 2), not heuristics.
pub(crate) fn bcp47(raw: &str) -> Option<String> {
    let first = raw
        .split([',', ';', ' '])
        .find(|s| !s.trim().is_empty())?
        .trim();
    let mut parts = first.split(['-', '_']);
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let language = language.to_ascii_lowercase();
    if language == "und" {
        return None;
    }
    let mut out = language;
    for part in parts {
        let valid =
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric());
        if !valid {
            break;
        }
        out.push('-');
        if part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            // Script: title case.
            let mut chars = part.chars();
            out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        } else if part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push_str(&part.to_ascii_uppercase());
        } else {
            out.push_str(&part.to_ascii_lowercase());
        }
    }
    Some(out)
}

/// whatlang's ISO 639-3 codes and their BCP 47 tags (the ISO 639-1 code
/// where there is one).
const WHATLANG_TO_BCP47: &[(&str, &str)] = &[
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
    ("cym", "cy"),
];

/// The language of `text`, when `whatlang` is confident (its
/// `is_reliable`); `None` for short text.
pub(crate) fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(p::DETECT_CHARS).collect();
    if sample.chars().filter(|c| c.is_alphabetic()).count() < p::DETECT_MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(&sample).filter(whatlang::Info::is_reliable)?;
    let code = info.lang().code();
    WHATLANG_TO_BCP47
        .iter()
        .find(|(three, _)| *three == code)
        .map_or_else(
            || Some(code.to_string()),
            |(_, two)| Some((*two).to_string()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_normalised() {
        assert_eq!(bcp47("en_US").as_deref(), Some("en-US"));
        assert_eq!(bcp47("ZH-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(bcp47("de-DE, en").as_deref(), Some("de-DE"));
        assert_eq!(bcp47("{{lang}}"), None);
        assert_eq!(bcp47("und"), None);
        assert_eq!(bcp47(""), None);
    }

    #[test]
    fn language_is_detected_from_text() {
        assert_eq!(
            detect_language(
                "Der Bürgermeister eröffnete am Samstag das renovierte Rathaus, und viele \
                 Bürger kamen, um den neuen Glockenturm zu sehen und die Feier zu genießen."
            )
            .as_deref(),
            Some("de")
        );
        assert_eq!(detect_language("ok"), None);
    }
}
