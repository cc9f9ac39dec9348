//! Author names (`metadata::author`): the words around names in a byline
//! ("By", "Staff Writer", "Updated"), in the languages the date parser
//! reads, and the limits of a plausible name.

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

/// Words that introduce a byline, in the languages the date parser reads;
/// stripped from the start of each name (longest first, so "written by"
/// goes before "by").
pub(crate) const BYLINE_PREFIXES: &[&str] = &[
    "written and reported by",
    "reported and written by",
    "written by",
    "words by",
    "story by",
    "text by",
    "posted by",
    "published by",
    "reported by",
    "article by",
    "author:",
    "authors:",
    "autor:",
    "auteur:",
    "text:",
    "texto:",
    "by:",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
];

/// Credits that name someone other than a writer: the part of a byline
/// they introduce is dropped.
pub(crate) const OTHER_CREDITS: &[&str] = &[
    "edited by",
    "photos by",
    "photo by",
    "photographs by",
    "photography by",
    "illustration by",
    "illustrations by",
    "video by",
    "graphics by",
    "translated by",
    "additional reporting by",
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
];

/// Words joining two names ("Jane Doe and John Roe", "X et Y", "X und Y").
pub(crate) const NAME_JOINERS: &[&str] = &[" and ", " & ", " und ", " et ", " y ", " e ", " en "];

/// Job titles and degrees: a part made only of these is a role, not a
/// name, and they are trimmed from the end of a name ("Jane Doe Staff
/// Writer").
pub(crate) const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "contributor",
    "contributors",
    "contributing",
    "columnist",
    "producer",
    "photographer",
    "intern",
    "senior",
    "chief",
    "deputy",
    "associate",
    "assistant",
    "managing",
    "executive",
    "special",
    "freelance",
    "guest",
    "journalist",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journaliste",
    "envoyé",
    "envoyée",
    "spécial",
    "spéciale",
    "periodista",
    "redactor",
    "corresponsal",
    "ma",
    "md",
    "phd",
    "ph.d.",
    "rn",
    "mph",
    "ms",
    "msc",
    "mba",
    "jr",
    "jr.",
];

/// Words that mark an organisation rather than a person; such a part is
/// dropped when the byline also names a person.
pub(crate) const ORG_WORDS: &[&str] = &[
    "news",
    "staff",
    "team",
    "desk",
    "newsroom",
    "agency",
    "press",
    "media",
    "magazine",
    "redaktion",
    "rédaction",
    "redacción",
    "reuters",
    "afp",
    "dpa",
    "health",
];

/// Values that are never a name.
pub(crate) const NOT_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "anonymous",
    "unknown",
    "guest",
    "follow",
    "follow author",
    "share",
    "comments",
    "null",
    "undefined",
    "none",
];

/// Weekday names left before a date that was cut ("Sunday, Apr 26").
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "on",
    "am",
    "le",
    "el",
];

/// Longest name kept, in words and in characters.
pub(crate) const MAX_NAME_WORDS: usize = 6;
pub(crate) const MAX_NAME_CHARS: usize = 80;
/// Longest byline read as an author value, in characters (a byline is one
/// short line).
pub(crate) const MAX_AUTHOR_BYLINE_CHARS: usize = 400;

/// Separators between the names of a byline, besides commas and joiners
/// ("Jane Doe | Staff", "Jane Doe; John Roe", "Jane Doe / AP").
pub(crate) const NAME_SEPARATORS: &[&str] = &[";", " | ", "|", " / ", " · ", "•", "\n"];

/// "Mac & i" is one name: a joiner splits only when every side has this
/// many letters or more.
pub(crate) const MIN_JOINED_NAME_LETTERS: usize = 2;

/// "Doe, Jane" (one word, a comma, then this many words) is one name
/// written family name first, not two names.
pub(crate) const FAMILY_FIRST_GIVEN_WORDS: std::ops::RangeInclusive<usize> = 1..=3;

/// Brackets that credit co-authors ("Martin Untersinger (avec Damien
/// Leloup et Morgane Tual)"): their content becomes part of the list.
pub(crate) const CO_AUTHOR_BRACKETS: &[&str] = &["(with ", "(avec ", "(mit ", "(con ", "(com "];

/// Starts of a value that names no one ("Our Foreign Staff", "Our
/// Correspondent"), lower case.
pub(crate) const NOT_NAME_PREFIXES: &[&str] = &["our "];

/// What is stripped from a byline before names are read: e-mail
/// addresses, URLs and social handles.
pub(crate) static AUTHOR_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        [\w.+-]+@[\w-]+\.[\w.-]+      # e-mail
        | (?:https?://|www\.)\S+      # URL
        | (?:^|\s)@\w+                # handle
        ",
    )
});

/// Where the names of a byline end: a status word ("Updated", "Posted")
/// or an English dateline ("in Washington", "reporting from Kyiv").
pub(crate) static BYLINE_STATUS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i:\b(?:last\s+)?(?:updated?|published|posted|modified|aktualisiert|veröffentlicht|publié|mis\s+à\s+jour|actualizado|publicado)\b)|\s(?:in|(?i:reporting\s+from))\s+\p{Lu}",
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_author_pattern_compiles() {
        for re in [&AUTHOR_NOISE, &BYLINE_STATUS] {
            LazyLock::force(re);
        }
    }
}
