//! Pages in legacy encodings, made here in code: `clean_bytes` must give
//! back the story's non-ASCII text exactly (no mojibake, no U+FFFD), whether
//! the encoding is declared by a `<meta>`, by the Content-Type header, by a
//! byte order mark, or not at all (detection).
//!
//! The documented order: BOM, then the header's charset, then `<meta>`, then
//! detection; a header or `<meta>` label naming a legacy encoding is
//! overruled when the bytes are UTF-8 (a lying label).

// A test fails by panicking; the library's panic lints do not apply here.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use encoding_rs::{
    EUC_KR, Encoding, GBK, KOI8_R, SHIFT_JIS, UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252,
};
use unboil::{Article, Cleaner};

/// A page: ASCII navigation and footer around the story's paragraphs, with
/// `head_extra` (a `<meta>`, or nothing) in the head.
fn page(head_extra: &str, title: &str, paragraphs: &[&str]) -> String {
    let mut html = format!(
        "<!DOCTYPE html>\n<html><head>{head_extra}<title>{title}</title></head><body>\n\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>\n\
         <article><h1>{title}</h1>\n"
    );
    for p in paragraphs {
        html.push_str(&format!("<p>{p}</p>\n"));
    }
    html.push_str(
        "</article>\n<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>\n\
         </body></html>\n",
    );
    html
}

/// `html` encoded in `encoding`; every character must be representable.
fn encode(html: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encode(html);
    assert_eq!(used, encoding, "{} cannot encode", encoding.name());
    assert!(
        !unmappable,
        "test text not representable in {}",
        encoding.name()
    );
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the {} page must not be valid UTF-8, or the test proves nothing",
        encoding.name()
    );
    bytes.into_owned()
}

fn clean(bytes: &[u8], content_type: Option<&str>) -> Article {
    Cleaner::default()
        .clean_bytes(bytes, content_type)
        .unwrap_or_else(|e| panic!("clean_bytes failed: {e}"))
}

/// The article holds every paragraph exactly, and no mojibake.
fn assert_story(article: &Article, paragraphs: &[&str], what: &str) {
    let text = article.text();
    for p in paragraphs {
        assert!(
            text.contains(p),
            "{what}: paragraph missing or garbled.\nwanted: {p}\ngot:    {text}"
        );
    }
    assert!(!text.contains('\u{FFFD}'), "{what}: U+FFFD in {text}");
    assert!(!text.contains("All rights reserved"), "{what}: footer kept");
}

/// Checks one encoding four ways: `<meta charset>`, `<meta http-equiv>`,
/// the Content-Type header alone, and no label at all (detection).
fn check_encoding(encoding: &'static Encoding, label: &str, title: &str, paragraphs: &[&str]) {
    let with_meta = encode(
        &page(&format!("<meta charset=\"{label}\">"), title, paragraphs),
        encoding,
    );
    let article = clean(&with_meta, None);
    assert_story(&article, paragraphs, &format!("{label}, meta charset"));
    assert_eq!(article.title.as_deref(), Some(title), "{label}: title");

    let pragma =
        format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">");
    let with_pragma = encode(&page(&pragma, title, paragraphs), encoding);
    assert_story(
        &clean(&with_pragma, None),
        paragraphs,
        &format!("{label}, meta http-equiv"),
    );

    let bare = encode(&page("", title, paragraphs), encoding);
    let header = format!("text/html; charset={label}");
    assert_story(
        &clean(&bare, Some(&header)),
        paragraphs,
        &format!("{label}, Content-Type header"),
    );
    assert_story(
        &clean(&bare, None),
        paragraphs,
        &format!("{label}, no label (detection)"),
    );
}

const CHINESE: &[&str] = &[
    "北京市政府周二宣布，城市东部的新图书馆将于明年春天正式开放，届时市民可以免费借阅超过五十万册图书。",
    "图书馆的设计由一家本地建筑事务所完成，大楼采用自然采光和雨水回收系统，预计每年可以节省大量能源。",
    "市民代表表示，他们希望新图书馆能够延长开放时间，并为儿童和老年人提供更多的阅读活动和学习课程。",
];

const JAPANESE: &[&str] = &[
    "東京都は火曜日、来年の春に新しい図書館を開館すると発表しました。市民は五十万冊以上の本を無料で借りることができます。",
    "図書館の建物は地元の建築事務所が設計し、自然光と雨水の再利用によって毎年多くのエネルギーを節約する見込みです。",
    "住民の代表は、開館時間の延長と、子どもや高齢者のための読書会や講座の充実を求めています。",
];

const KOREAN: &[&str] = &[
    "서울시는 화요일 도시 동쪽에 새 도서관을 내년 봄에 정식으로 개관한다고 발표했으며, 시민들은 오십만 권이 넘는 책을 무료로 빌릴 수 있다.",
    "도서관 건물은 지역 건축 사무소가 설계했으며, 자연 채광과 빗물 재활용 시설을 갖추어 해마다 많은 에너지를 절약할 것으로 예상된다.",
    "시민 대표들은 도서관이 개관 시간을 늘리고 어린이와 노인을 위한 독서 모임과 강좌를 더 많이 마련하기를 바란다고 말했다.",
];

const RUSSIAN: &[&str] = &[
    "Городские власти объявили во вторник, что новая библиотека на востоке города откроется весной следующего года, и жители смогут бесплатно брать более пятисот тысяч книг.",
    "Здание библиотеки спроектировало местное архитектурное бюро; естественное освещение и сбор дождевой воды позволят каждый год экономить много энергии.",
    "Представители жителей попросили продлить часы работы и устраивать больше чтений и занятий для детей и пожилых людей.",
];

const GERMAN: &[&str] = &[
    "Der Bürgermeister eröffnete am Samstag die renovierte Stadtbücherei, und mehr als dreihundert Besucher drängten sich in den hellen Lesesälen.",
    "Die Umbauarbeiten hatten fast zwei Jahre gedauert; die Stadt ließ die alten Holzböden erhalten und fügte einen gläsernen Anbau für Kinder hinzu.",
    "Künftig öffnet die Bücherei auch sonntags, und für Schüler gibt es eigene Arbeitsplätze mit Blick über den Fluss.",
];

/// Text that needs windows-1252 beyond ISO-8859-1 (curly quotes, dashes,
/// the euro sign, œ): bytes 0x80-0x9F.
const FRENCH_1252: &[&str] = &[
    "Le maire a inauguré samedi la médiathèque rénovée – un chantier de deux ans qui a coûté 4,2 millions d’euros, soit 300 000 € de moins que prévu.",
    "« C’est une œuvre collective », a déclaré l’architecte, qui a conservé les anciennes poutres et ajouté une salle vitrée pour les enfants.",
    "Les lecteurs pourront désormais emprunter des livres le dimanche, et l’accès au “coin des étudiants” restera gratuit toute l’année.",
];

#[test]
fn gb2312_gbk_page() {
    check_encoding(GBK, "gb2312", "新图书馆明年开放", CHINESE);
    check_encoding(GBK, "GBK", "新图书馆明年开放", CHINESE);
}

#[test]
fn shift_jis_page() {
    check_encoding(SHIFT_JIS, "Shift_JIS", "新しい図書館が来春開館", JAPANESE);
}

#[test]
fn euc_kr_page() {
    check_encoding(EUC_KR, "euc-kr", "새 도서관 내년 봄 개관", KOREAN);
}

#[test]
fn windows_1251_page() {
    check_encoding(
        WINDOWS_1251,
        "windows-1251",
        "Новая библиотека откроется весной",
        RUSSIAN,
    );
}

#[test]
fn koi8_r_page() {
    check_encoding(
        KOI8_R,
        "koi8-r",
        "Новая библиотека откроется весной",
        RUSSIAN,
    );
}

#[test]
fn iso_8859_1_page() {
    // The Encoding Standard maps the ISO-8859-1 label to windows-1252, a
    // superset; German needs only the ISO-8859-1 part of it.
    check_encoding(
        WINDOWS_1252,
        "iso-8859-1",
        "Stadtbücherei wieder geöffnet",
        GERMAN,
    );
}

#[test]
fn windows_1252_page() {
    check_encoding(
        WINDOWS_1252,
        "windows-1252",
        "La médiathèque rouvre ses portes",
        FRENCH_1252,
    );
}

/// UTF-16 bytes with a byte order mark, little or big endian.
fn utf16(html: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in html.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn utf16_pages_with_bom() {
    // Mixed scripts, and a character outside the BMP (surrogate pair).
    let paragraphs: Vec<String> = RUSSIAN
        .iter()
        .chain(CHINESE)
        .map(|p| format!("{p} 📚"))
        .collect();
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    // The meta and the header both lie: the byte order mark wins over both.
    let html = page(
        "<meta charset=\"windows-1251\">",
        "Новая библиотека",
        &paragraphs,
    );
    for (little, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let bytes = utf16(&html, little);
        let article = clean(&bytes, None);
        assert_story(&article, &paragraphs, name);
        assert_eq!(article.title.as_deref(), Some("Новая библиотека"));
        let article = clean(&bytes, Some("text/html; charset=koi8-r"));
        assert_story(
            &article,
            &paragraphs,
            &format!("{name} with a lying header"),
        );
    }
    // UTF-16 named by the header, without a byte order mark.
    let without_bom = UTF_16LE.name();
    let bytes: Vec<u8> = html.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let article = clean(&bytes, Some("text/html; charset=utf-16le"));
    assert_story(&article, &paragraphs, without_bom);
    let bytes: Vec<u8> = html.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let article = clean(&bytes, Some("text/html; charset=UTF-16BE"));
    assert_story(&article, &paragraphs, UTF_16BE.name());
}

#[test]
fn utf8_bom_wins_over_a_legacy_meta() {
    let html = page("<meta charset=\"shift_jis\">", "新图书馆明年开放", CHINESE);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(html.as_bytes());
    assert_story(&clean(&bytes, None), CHINESE, "UTF-8 BOM");
}

/// The documented rule for lying labels: a `<meta>` or header naming a
/// legacy encoding is overruled when the bytes are UTF-8, because legacy
/// text is almost never valid UTF-8 while stale labels on UTF-8 pages are
/// common. Decoding as labelled would give "Ã¼" for "ü" everywhere.
#[test]
fn meta_charset_that_lies_is_overruled_by_utf8_content() {
    let html = page(
        "<meta charset=\"windows-1252\">",
        "Stadtbücherei wieder geöffnet",
        GERMAN,
    );
    let article = clean(html.as_bytes(), None);
    assert_story(&article, GERMAN, "UTF-8 under a windows-1252 meta");
    assert!(
        !article.text().contains("Ã"),
        "mojibake: {}",
        article.text()
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Stadtbücherei wieder geöffnet")
    );

    // The same for a multi-byte legacy label, and for an http-equiv meta.
    let html = page(
        "<meta http-equiv=\"content-type\" content=\"text/html; charset=gbk\">",
        "Новая библиотека откроется весной",
        RUSSIAN,
    );
    assert_story(
        &clean(html.as_bytes(), None),
        RUSSIAN,
        "UTF-8 under a GBK meta",
    );

    // And for a server default in the header (Apache's old ISO-8859-1).
    let html = page("", "La médiathèque rouvre ses portes", FRENCH_1252);
    assert_story(
        &clean(html.as_bytes(), Some("text/html; charset=ISO-8859-1")),
        FRENCH_1252,
        "UTF-8 under an ISO-8859-1 header",
    );
}

#[test]
fn utf8_page_with_a_few_stray_bytes_is_still_utf8() {
    // A UTF-8 page with no label and one Latin-1 byte pasted in: decoded as
    // UTF-8 (one U+FFFD), not handed to the detector as legacy text.
    let html = page("", "Новая библиотека откроется весной", RUSSIAN);
    let mut bytes = html.into_bytes();
    let footer = bytes
        .windows(8)
        .position(|w| w == b"<footer>")
        .expect("footer");
    bytes.splice(footer..footer, b"<p>caf\xE9</p>".iter().copied());
    let article = clean(&bytes, None);
    assert_story(&article, RUSSIAN, "UTF-8 with a stray byte");
}

#[test]
fn content_type_header_overrides_meta() {
    // KOI8-R bytes with a wrong windows-1251 meta: the header is right and
    // wins. Both are Cyrillic encodings, so the wrong one would give
    // Cyrillic-looking garbage, not U+FFFD.
    let html = page(
        "<meta charset=\"windows-1251\">",
        "Новая библиотека откроется весной",
        RUSSIAN,
    );
    let bytes = encode(&html, KOI8_R);
    let article = clean(&bytes, Some("text/html; charset=KOI8-R"));
    assert_story(&article, RUSSIAN, "KOI8-R header over a windows-1251 meta");

    // Without the header, the meta is trusted (as browsers do), and the
    // text is wrong: this is what the header fixes.
    let article = clean(&bytes, None);
    assert!(!article.text().contains(RUSSIAN[0]));

    // A header without a charset, or with an unknown one, leaves the meta
    // in charge.
    let bytes = encode(
        &page(
            "<meta charset=\"koi8-r\">",
            "Новая библиотека откроется весной",
            RUSSIAN,
        ),
        KOI8_R,
    );
    for header in [
        "text/html",
        "text/html; charset=no-such-charset",
        "text/html; charset=",
    ] {
        assert_story(&clean(&bytes, Some(header)), RUSSIAN, header);
    }
}

#[test]
fn free_function_matches_the_cleaner() {
    let bytes = encode(&page("", "新图书馆明年开放", CHINESE), GBK);
    let header = Some("text/html; charset=gb2312");
    assert_eq!(
        unboil::clean_bytes(&bytes, header),
        Cleaner::default().clean_bytes(&bytes, header)
    );
}

#[test]
fn plain_text_in_a_legacy_encoding_goes_through_text_mode() {
    // Bytes that are not HTML are decoded, then cleaned as plain text.
    let text = format!(
        "Главная\nНовости\nСпорт\n\n{}\n\n{}\n",
        RUSSIAN[0], RUSSIAN[1]
    );
    let bytes = encode(&text, WINDOWS_1251);
    let article = clean(&bytes, Some("text/plain; charset=windows-1251"));
    assert_story(&article, &RUSSIAN[..2], "windows-1251 plain text");
}

#[test]
fn input_limit_applies_to_the_raw_bytes() {
    let bytes = encode(&page("", "新图书馆明年开放", CHINESE), GBK);
    let cleaner = Cleaner::new(unboil::Options::new().max_input_bytes(100));
    assert_eq!(
        cleaner.clean_bytes(&bytes, None),
        Err(unboil::Error::InputTooLarge {
            size: bytes.len(),
            limit: 100
        })
    );
    assert_eq!(
        Cleaner::default().clean_bytes(b"", None),
        Err(unboil::Error::EmptyInput)
    );
}

/// The command-line tool reads files as bytes and detects their encoding.
#[cfg(feature = "cli")]
#[test]
fn cli_decodes_a_gbk_file() {
    let bytes = encode(
        &page("<meta charset=\"gbk\">", "新图书馆明年开放", CHINESE),
        GBK,
    );
    let dir = std::env::temp_dir().join(format!("unboil-encodings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("gbk.html");
    std::fs::write(&path, &bytes).expect("write page");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_unboil"))
        .arg(&path)
        .output()
        .expect("run unboil");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    for p in CHINESE {
        assert!(stdout.contains(p), "missing {p} in {stdout}");
    }
}
