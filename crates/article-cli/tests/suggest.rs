//! `article suggest` on numbers as the web writes them: invisible format characters inside
//! and around them, thousands grouped with no-break, narrow no-break and thin spaces. A
//! draft reads each number whole or not at all, quotes the exact text, and passes
//! `article check`.
use article_core::problem::Kind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The zero-width and other invisible characters copy-paste brings into numbers.
const FORMAT: [(char, &str); 6] = [
    ('\u{200D}', "zero-width joiner"),
    ('\u{200B}', "zero-width space"),
    ('\u{200C}', "zero-width non-joiner"),
    ('\u{2060}', "word joiner"),
    ('\u{AD}', "soft hyphen"),
    ('\u{FEFF}', "byte-order mark"),
];

/// Spaces that group thousands besides the plain one.
const SPACES: [(char, &str); 3] = [
    ('\u{A0}', "no-break space"),
    ('\u{202F}', "narrow no-break space"),
    ('\u{2009}', "thin space"),
];

fn article(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the article binary runs")
}

/// A file of this text in the test's scratch directory.
fn text_file(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("suggest");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/suggest")
        .join(name)
}

/// One drafted figure, as the core resolved it.
#[derive(Debug)]
struct Drafted {
    value: f64,
    unit: Option<String>,
    quote: String,
    /// The block text and the byte range the mention landed on.
    block: String,
    at: std::ops::Range<usize>,
}

/// Draft `file`, load the draft with the core (no errors, every mention anchored once),
/// check that no mention lands on a fragment of a number, and run `article check` on it.
fn suggest(file: &Path) -> (String, Vec<Drafted>) {
    let o = article(&["suggest".as_ref(), file.as_os_str()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let json = String::from_utf8(o.stdout).expect("the draft is UTF-8");
    let doc = article_core::load(&json).unwrap_or_else(|e| panic!("{e:?}\n{json}"));
    let unresolved: Vec<_> = doc
        .warnings
        .iter()
        .filter(|p| matches!(p.kind, Kind::Orphan | Kind::Ambiguous))
        .collect();
    assert!(unresolved.is_empty(), "{unresolved:?}\n{json}");
    let drafted: Vec<Drafted> = doc
        .article
        .figures
        .iter()
        .zip(&doc.figures)
        .map(|(f, r)| {
            assert_eq!(r.anchors.len(), 1, "{} is not anchored\n{json}", f.id);
            let a = &r.anchors[0];
            let block = doc.article.blocks[a.block].text().unwrap().to_string();
            Drafted {
                value: f.value,
                unit: f.unit.clone(),
                quote: f.mentions[0].quote.clone(),
                at: a.bytes.clone(),
                block,
            }
        })
        .collect();
    for d in &drafted {
        assert!(
            whole(&d.block, &d.at),
            "{:?} is a fragment of a number in {:?}\n{json}",
            d.quote,
            d.block
        );
    }
    let draft = text_file(
        &format!("{}.json", file.file_stem().unwrap().to_string_lossy()),
        &json,
    );
    let check = article(&["check".as_ref(), draft.as_os_str()]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    (json, drafted)
}

fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Does the text at `at` stand alone as a number: no digit touches it on a side where it
/// has one, across invisible characters and across one separator ("5\u{200D}|4 hộ",
/// "10\u{A0}|000", "8.|000")?
fn whole(text: &str, at: &std::ops::Range<usize>) -> bool {
    let quote = &text[at.clone()];
    let visible = |s: &mut dyn Iterator<Item = char>| -> Vec<char> {
        s.filter(|&c| !invisible(c)).take(2).collect()
    };
    let touches = |near: &[char]| match near {
        [d, ..] if d.is_ascii_digit() => true,
        [sep, d] => (".,".contains(*sep) || sep.is_whitespace()) && d.is_ascii_digit(),
        _ => false,
    };
    let starts = visible(&mut quote.chars())
        .first()
        .is_some_and(char::is_ascii_digit);
    let ends = visible(&mut quote.chars().rev())
        .first()
        .is_some_and(char::is_ascii_digit);
    !(starts && touches(&visible(&mut text[..at.start].chars().rev()))
        || ends && touches(&visible(&mut text[at.end..].chars())))
}

fn find(drafted: &[Drafted], value: f64) -> &Drafted {
    drafted
        .iter()
        .find(|d| d.value == value)
        .unwrap_or_else(|| panic!("no figure {value} in {drafted:#?}"))
}

#[test]
fn a_zero_width_joiner_inside_a_number_gives_the_whole_number() {
    let file = text_file(
        "zwj.txt",
        "Di dời dân\n\nThành phố đã di dời 5\u{200D}4 hộ dân ra khỏi vùng sạt lở.\n",
    );
    let (json, drafted) = suggest(&file);
    assert_eq!(drafted.len(), 1, "{drafted:#?}");
    assert_eq!(drafted[0].value, 54.0);
    assert_eq!(drafted[0].quote, "5\u{200D}4 hộ dân");
    assert_eq!(drafted[0].unit.as_deref(), Some("hộ dân"));
    // The draft shows the publisher the invisible character.
    assert!(json.contains(r#""quote": "5\u200d4 hộ dân""#), "{json}");
}

#[test]
fn every_format_character_inside_a_number_is_read_across() {
    for (f, name) in FORMAT {
        let file = text_file(
            "format.txt",
            &format!(
                "Tiêu đề\n\nĐã di dời 5{f}4 hộ dân, hơn 1{f}000 cán bộ và 8.{f}000 đảng viên; \
                 tăng 2{f}5 % trong nhiệm kỳ 2016-{f}2020.\n"
            ),
        );
        let (_, drafted) = suggest(&file);
        let got: Vec<(f64, &str)> = drafted
            .iter()
            .map(|d| (d.value, d.quote.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (54.0, format!("5{f}4 hộ dân").as_str()),
                (1000.0, format!("hơn 1{f}000 cán bộ").as_str()),
                (8000.0, format!("8.{f}000 đảng viên").as_str()),
                (25.0, format!("2{f}5 %").as_str()),
                (2016.0, format!("2016-{f}2020").as_str()),
            ],
            "{name}"
        );
    }
}

#[test]
fn format_characters_around_a_number_do_not_hide_it() {
    for (f, name) in FORMAT {
        let file = text_file(
            "edges.txt",
            &format!(
                "Tiêu đề\n\n{f}54 chi bộ đã họp.\n\nCó {f}33{f} đảng bộ và 21{f} chi bộ cơ sở.\n"
            ),
        );
        let (_, drafted) = suggest(&file);
        let got: Vec<(f64, Option<&str>)> = drafted
            .iter()
            .map(|d| (d.value, d.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (54.0, Some("chi bộ")),
                (33.0, Some("đảng bộ")),
                (21.0, Some("chi bộ"))
            ],
            "{name}"
        );
        // Quotes start and end on what is visible.
        for d in &drafted {
            assert!(!d.quote.starts_with(f) && !d.quote.ends_with(f), "{name}");
        }
    }
}

#[test]
fn special_spaces_group_thousands() {
    for (space, name) in SPACES.into_iter().chain([(' ', "space")]) {
        let file = text_file(
            "spaces.txt",
            &format!(
                "Tiêu đề\n\nThành phố có 10{space}000 đảng viên và 1{space}234{space}567 \
                 người; kinh phí 2{space}500,5 triệu đồng.\n"
            ),
        );
        let (json, drafted) = suggest(&file);
        let got: Vec<(f64, &str, Option<&str>)> = drafted
            .iter()
            .map(|d| (d.value, d.quote.as_str(), d.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    10_000.0,
                    format!("10{space}000 đảng viên").as_str(),
                    Some("đảng viên")
                ),
                (
                    1_234_567.0,
                    format!("1{space}234{space}567 người").as_str(),
                    Some("người")
                ),
                (
                    2500.5,
                    format!("2{space}500,5 triệu đồng").as_str(),
                    Some("triệu đồng")
                ),
            ],
            "{name}"
        );
        // The space is kept as written in the text: it keeps the number on one line.
        assert!(
            drafted[0].block.contains(&format!("10{space}000")),
            "{name}"
        );
        assert!(!json.contains("\"%\""), "{name}: {json}");
    }
}

#[test]
fn percent_after_a_special_space() {
    let file = text_file(
        "percent.txt",
        "Tiêu đề\n\nĐạt 95\u{A0}% kế hoạch; hộ nghèo còn 2,5\u{202F}%, \
         lãi suất 6\u{2009}% một năm.\n",
    );
    let (_, drafted) = suggest(&file);
    let got: Vec<(f64, &str, Option<&str>)> = drafted
        .iter()
        .map(|d| (d.value, d.quote.as_str(), d.unit.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (95.0, "95\u{A0}% kế hoạch", Some("%")),
            (2.5, "2,5\u{202F}%", Some("%")),
            (6.0, "6\u{2009}%", Some("%")),
        ]
    );
}

#[test]
fn no_figure_from_a_fragment_of_a_number() {
    let file = text_file(
        "fragments.txt",
        "Tiêu đề\n\nCó 10\u{A0}0000 hộ, 1\u{202F}00 hộ, 10\u{A0}000.000 đồng; năm 2016 500 \
         hộ; gọi 0912\u{A0}345\u{A0}678. Còn 28 hộ.\n",
    );
    let (_, drafted) = suggest(&file);
    let got: Vec<(f64, &str)> = drafted
        .iter()
        .map(|d| (d.value, d.quote.as_str()))
        .collect();
    assert_eq!(got, [(28.0, "28 hộ")]);
}

#[test]
fn a_quote_that_also_ends_a_longer_number_is_pinned_to_its_place() {
    // "4 hộ" also occurs at the end of "5‍4 hộ"; the core matches quotes exactly, so the
    // mention must be told apart from that fragment.
    let file = text_file(
        "pinned.txt",
        "Tiêu đề\n\nĐã di dời 5\u{200D}4 hộ dân.\n\nPhường Cẩm Đông có 4 hộ dân.\n\n\
         Còn 1\u{A0}000 người và 000 người.\n",
    );
    let (_, drafted) = suggest(&file);
    let four = find(&drafted, 4.0);
    assert!(four.block.starts_with("Phường"), "{four:?}");
    assert_eq!(find(&drafted, 54.0).quote, "5\u{200D}4 hộ dân");
    assert_eq!(find(&drafted, 1000.0).quote, "1\u{A0}000 người");
    assert!(drafted.iter().all(|d| d.value != 5.0 && d.value != 0.0));
}

#[test]
fn a_realistic_page_with_invisible_characters() {
    let (_, drafted) = suggest(&fixture("invisible.txt"));
    let values: Vec<f64> = drafted.iter().map(|d| d.value).collect();
    assert_eq!(
        values,
        [
            54.0,
            28.0,
            4.0,
            10_000.0,
            1000.0,
            8000.0,
            2.5,
            95.0,
            1_234_567.0,
            1200.0,
            2016.0,
            54.0,
            4.0,
            54.0
        ]
    );
    assert_eq!(find(&drafted, 10_000.0).unit.as_deref(), Some("đảng viên"));
    assert_eq!(find(&drafted, 2.5).unit.as_deref(), Some("%"));
    assert!(drafted
        .iter()
        .all(|d| d.unit.as_deref().is_none_or(|u| !u.contains("  "))));
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_a_usage_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("suggest");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(std::ffi::OsStr::from_bytes(b"b\xE0i-vi\xEA\xF3t.txt"));
    std::fs::write(&path, "Tiêu đề\n\nCó 28 hộ.\n").unwrap();
    for command in ["suggest", "check", "figures"] {
        let o = article(&[command.as_ref(), path.as_os_str()]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{command}: {stderr}");
        assert!(
            stderr.contains(r#"-vi\xEA\xF3t.txt" is not valid UTF-8"#),
            "{command}: {stderr}"
        );
        assert!(stderr.contains("Usage:"), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
}

/// The seed text's two speakers come out as sources with the numbers they gave.
#[test]
fn attributed_passages_propose_sources_with_their_numbers() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cam_pha.txt");
    let o = Command::new(env!("CARGO_BIN_EXE_article"))
        .arg("suggest")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let draft: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sources = draft["sources"].as_array().expect("sources proposed");
    let names: Vec<&str> = sources
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bùi Thị Bính", "Nguyễn Thị Tụ"]);
    assert_eq!(sources[0]["role"], "Phó Bí thư Thường trực Thành uỷ");
    let by = |id: &str| -> Vec<f64> {
        draft["figures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["source"] == id)
            .map(|f| f["value"].as_f64().unwrap())
            .collect()
    };
    let binh = by(sources[0]["id"].as_str().unwrap());
    for v in [54.0, 33.0, 386.0, 21.0, 8000.0] {
        assert!(binh.contains(&v), "{v} said by Bùi Thị Bính: {binh:?}");
    }
    let tu = by(sources[1]["id"].as_str().unwrap());
    for v in [28.0, 6.0] {
        assert!(tu.contains(&v), "{v} said by Nguyễn Thị Tụ: {tu:?}");
    }
    // The draft, sources and all, passes the core's checks.
    let doc = article_core::load(&String::from_utf8(o.stdout).unwrap()).expect("loads");
    assert!(
        doc.warnings.iter().all(|w| !w.message.contains("source")),
        "{:#?}",
        doc.warnings
    );
}
