//! HTML entities in JSON-LD strings: templates often HTML-escape what
//! they write into a script (`&#8217;`, `&amp;`, `&mdash;`).

/// Named entities seen in JSON-LD strings; numeric ones are decoded too.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("times", '×'),
    ("aacute", 'á'),
    ("eacute", 'é'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("agrave", 'à'),
    ("egrave", 'è'),
    ("ograve", 'ò'),
    ("acirc", 'â'),
    ("ecirc", 'ê'),
    ("ocirc", 'ô'),
    ("atilde", 'ã'),
    ("otilde", 'õ'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("szlig", 'ß'),
    ("Eacute", 'É'),
];

/// Longest entity read (`&#x1F600;`, `&hellip;`).
const MAX_ENTITY: usize = 10;

/// `s` with its HTML entities (named ones of [`ENTITIES`], numeric ones)
/// decoded; anything else that starts with `&` is kept as written.
pub(super) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let decoded = after
            .char_indices()
            .take(MAX_ENTITY)
            .find(|(_, c)| *c == ';')
            .and_then(|(semi, _)| {
                let name = after.get(..semi)?;
                let c = if let Some(num) = name.strip_prefix('#') {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                } else {
                    ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)?
                };
                Some((c, semi))
            });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = after.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_entities() {
        assert_eq!(
            decode("Bike &amp; Style &#8211; it&#8217;s &mdash; &#x263A; &bogus; & more"),
            "Bike & Style – it’s — ☺ &bogus; & more"
        );
        assert_eq!(decode("no entity"), "no entity");
    }
}
