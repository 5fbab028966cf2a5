//! The `article` binary end to end: exit codes, compiler-style reports, the figures
//! table, drafts that the core loads, and the shipped sample articles.
use article_core::problem::Kind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn article(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the article binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Run `check` on one broken fixture and assert the compiler-style report: exit 1, a
/// `FILE:LINE:COL: error: …` line with the message, and the JSON path under it.
fn assert_reported(name: &str, line_col: &str, path: &str, message: &str) {
    let file = fixture(name);
    let o = article(&["check", &file]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{name}: {out}");
    let head = format!("{file}:{line_col}: error: ");
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&head) && l.contains(message))
        .unwrap_or_else(|| panic!("{name}: no line `{head}…{message}…` in\n{out}"));
    assert_eq!(
        lines.get(at + 1).copied(),
        Some(format!("  --> at {path}").as_str()),
        "{name}: path line after the problem in\n{out}"
    );
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("checked 1 file(s): "),
        "{out}"
    );
}

#[test]
fn help_lists_every_command() {
    let o = article(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for command in ["check", "figures", "suggest", "generate"] {
        assert!(out.contains(&format!("article {command}")), "{out}");
    }
}

#[test]
fn no_arguments_print_usage_and_fail() {
    let o = article(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage:"));
}

#[test]
fn unknown_command_and_option_are_usage_errors() {
    let o = article(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown command `frobnicate`"));
    assert!(stderr(&o).contains("Usage:"));
    let o = article(&["check", "--frob", &fixture("valid.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option `--frob`"));
    assert_eq!(article(&["check"]).status.code(), Some(2));
    assert_eq!(article(&["figures"]).status.code(), Some(2));
}

#[test]
fn valid_document_passes() {
    let o = article(&["check", &fixture("valid.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "checked 1 file(s): 0 error(s), 0 warning(s)\n");
}

#[test]
fn not_json_points_at_the_missing_comma() {
    assert_reported("not_json.json", "4:3", "$.id", "not valid JSON");
}

#[test]
fn wrong_type_points_at_the_value() {
    assert_reported(
        "wrong_type.json",
        "9:16",
        "$.figures[0].value",
        "expected a number, found a string \"28\"",
    );
}

#[test]
fn missing_required_field_points_at_its_object() {
    assert_reported(
        "missing_field.json",
        "7:5",
        "$.figures[0].label",
        "missing required field \"label\"",
    );
}

#[test]
fn unsupported_format_is_refused() {
    assert_reported(
        "unsupported_format.json",
        "2:13",
        "$.format",
        "unsupported format \"article/2\"",
    );
}

#[test]
fn duplicate_ids_are_reported() {
    assert_reported(
        "duplicate_ids.json",
        "8:13",
        "$.figures[1].id",
        "duplicate figure id \"moved\"",
    );
}

#[test]
fn unknown_references_are_each_reported() {
    let file = "unknown_reference.json";
    assert_reported(
        file,
        "12:19",
        "$.figures[0].category",
        "unknown category \"housing\"",
    );
    assert_reported(
        file,
        "13:25",
        "$.figures[0].parts[1]",
        "no figure with id \"road\"",
    );
    assert_reported(
        file,
        "20:17",
        "$.figures[1].within",
        "no figure with id \"city\"",
    );
    let out = stdout(&article(&["check", &fixture(file)]));
    assert!(
        out.ends_with("checked 1 file(s): 3 error(s), 0 warning(s)\n"),
        "{out}"
    );
}

#[test]
fn cycles_are_reported() {
    assert_reported(
        "cycle.json",
        "11:17",
        "$.figures[0].within",
        "cycle through \"within\": units → committees → units",
    );
}

#[test]
fn orphaned_mention_fails_check() {
    assert_reported(
        "orphan.json",
        "11:20",
        "$.figures[0].mentions[0]",
        "quote \"29 households\" was not found",
    );
}

#[test]
fn ambiguous_mention_fails_check() {
    assert_reported(
        "ambiguous.json",
        "14:20",
        "$.figures[0].mentions[0]",
        "matches 2 places",
    );
    let out = stdout(&article(&["check", &fixture("ambiguous.json")]));
    assert!(out.contains("  = hint: add \"prefix\""), "{out}");
}

#[test]
fn invalid_utf8_is_an_error_with_its_offset() {
    let file = fixture("not_utf8.json");
    let o = article(&["check", &file]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.starts_with(&format!(
            "{file}:3:16: error: the document is not valid UTF-8: byte 0xE9 at byte offset 42"
        )),
        "{out}"
    );
    // The message is the core's, so the reader's alert says exactly the same.
    let bytes = std::fs::read(&file).unwrap();
    let p = article_core::text::decode(bytes).unwrap_err();
    assert!(out.contains(&p.message), "{out}");
    assert!(
        out.contains(&format!("  = hint: {}", article_core::text::SAVE_AS_UTF8)),
        "{out}"
    );
}

/// Other encodings a publisher's editor may save: each refused at its first bad byte (or
/// named, for UTF-16), a byte-order mark before UTF-8 accepted.
#[test]
fn legacy_and_wide_encodings_are_refused_and_a_byte_order_mark_is_not() {
    let dir = std::env::temp_dir().join(format!("article-cli-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let valid = std::fs::read_to_string(fixture("valid.json")).unwrap();
    let title = "\"title\": \"";
    let at = valid.find(title).expect("a title") + title.len();
    let cases: Vec<(&str, Vec<u8>, &str, usize)> = vec![
        // "Cẩm Phả" in Windows-1258, "café" in Latin-1, Windows-1252 curly quotes.
        ("cp1258", b"C\xE2\xD2m Ph\xE1\xD2 ".to_vec(), "byte 0xE2", 1),
        ("latin1", b"caf\xE9 ".to_vec(), "byte 0xE9", 3),
        ("cp1252", b"\x93quoted\x94 ".to_vec(), "byte 0x93", 0),
    ];
    for (name, insert, needle, skip) in cases {
        let mut bytes = valid.as_bytes()[..at].to_vec();
        bytes.extend(insert);
        bytes.extend(valid.as_bytes()[at..].iter());
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, &bytes).unwrap();
        let o = article(&["check", path.to_str().unwrap()]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {out}");
        assert!(
            out.contains("error: the document is not valid UTF-8"),
            "{name}: {out}"
        );
        assert!(out.contains(needle), "{name}: {out}");
        assert!(
            out.contains(&format!("{needle} at byte offset {}", at + skip)),
            "{name}: the offset of the first bad byte: {out}"
        );
    }
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(valid.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let path = dir.join("utf16.json");
    std::fs::write(&path, utf16).unwrap();
    let o = article(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o)
            .contains(":1:1: error: the document is not valid UTF-8: it is encoded as UTF-16"),
        "{}",
        stdout(&o)
    );
    let path = dir.join("bom.json");
    std::fs::write(
        &path,
        [b"\xEF\xBB\xBF".as_slice(), valid.as_bytes()].concat(),
    )
    .unwrap();
    let o = article(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_file_is_an_error() {
    let file = fixture("does-not-exist.json");
    let o = article(&["check", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with(&format!("{file}: error: cannot read file")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn several_files_add_up_and_quiet_keeps_failures() {
    let (good, bad) = (fixture("valid.json"), fixture("orphan.json"));
    let o = article(&["check", &good, &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).ends_with("checked 2 file(s): 1 error(s), 0 warning(s)\n"));
    let o = article(&["check", "--quiet", &good, &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("was not found"));
}

/// The cells of a table line: columns are separated by two or more spaces.
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn figures_table_shows_values_places_and_sums() {
    let o = article(&["figures", &fixture("valid.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let rows: Vec<Vec<String>> = out.lines().map(cells).collect();
    assert_eq!(rows[0], ["ID", "VALUE", "MENTIONS", "WHERE", "SUM"]);
    assert_eq!(rows.len(), 9, "{out}");
    let row = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("no row {id} in\n{out}"))
            .clone()
    };
    assert_eq!(
        row("units"),
        ["units", "54 chi, đảng bộ", "1/1", "¶0:26", "33 + 21 = 54 ✓"]
    );
    assert_eq!(
        row("members"),
        ["members", "trên 8.000 đảng viên", "1/1", "¶0:113"]
    );
    assert_eq!(
        row("households-km6"),
        ["households-km6", "6 hộ", "1/1", "¶1:81"]
    );
    assert_eq!(
        row("households"),
        [
            "households",
            "34 hộ",
            "-",
            "computed = households-ql18 + households-km6",
            "28 + 6 = 34 ✓"
        ]
    );
    // Aligned: every row starts its VALUE cell in the same column.
    let value_column = |l: &str| l.chars().take_while(|c| !c.is_whitespace()).count();
    let starts: Vec<usize> = out
        .lines()
        .map(|l| {
            value_column(l)
                + l.chars()
                    .skip(value_column(l))
                    .take_while(|c| *c == ' ')
                    .count()
        })
        .collect();
    assert!(starts.iter().all(|&s| s == starts[0]), "{out}");
}

#[test]
fn figures_of_a_broken_document_fail_with_its_errors() {
    let file = fixture("cycle.json");
    let o = article(&["figures", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).starts_with(&format!("{file}:11:17: error: ")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn figures_show_unresolved_mentions_without_failing() {
    let o = article(&["figures", &fixture("orphan.json")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        cells(stdout(&o).lines().nth(1).unwrap()),
        ["households", "29", "0/1", "-"]
    );
    assert!(stderr(&o).contains("warning: figure \"households\""));
}

/// Run `suggest` and load its output with the core: no errors, every mention anchored.
fn suggest(file: &str) -> (serde_json::Value, article_core::Document) {
    let o = article(&["suggest", file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = stdout(&o);
    let doc = article_core::load(&json).unwrap_or_else(|e| panic!("{e:?}\n{json}"));
    let unresolved: Vec<_> = doc
        .warnings
        .iter()
        .filter(|p| matches!(p.kind, Kind::Orphan | Kind::Ambiguous))
        .collect();
    assert!(unresolved.is_empty(), "{unresolved:?}");
    for (f, r) in doc.article.figures.iter().zip(&doc.figures) {
        assert_eq!(f.mentions.len(), 1, "{}", f.id);
        assert_eq!(r.anchors.len(), 1, "{} is not anchored", f.id);
    }
    (serde_json::from_str(&json).unwrap(), doc)
}

#[test]
fn suggest_drafts_the_key_figures_of_a_vietnamese_article() {
    let (json, doc) = suggest(&fixture("cam_pha.txt"));
    let a = &doc.article;
    assert_eq!(a.lang, "vi");
    assert_eq!(a.kicker.as_deref(), Some("Thành phố Cẩm Phả"));
    assert_eq!(
        a.title,
        "Chú trọng xây dựng tổ chức Đảng trong sạch, vững mạnh"
    );
    assert_eq!(a.published.as_deref(), Some("2016-11-29T07:35:00+07:00"));
    assert_eq!(a.byline.as_deref(), Some("Nguyên Lâm"));
    // The duplicated photo caption and the "." lines are gone.
    let captions = a
        .blocks
        .iter()
        .filter(|b| {
            b.text()
                .is_some_and(|t| t.starts_with("Đồng chí Trần Văn Hùng"))
        })
        .count();
    assert_eq!(captions, 1);
    assert!(a.blocks.iter().all(|b| b.text() != Some(".")));

    let by_value = |v: f64| {
        a.figures
            .iter()
            .find(|f| f.value == v)
            .unwrap_or_else(|| panic!("no figure {v}"))
    };
    for v in [54.0, 33.0, 386.0, 21.0, 28.0, 6.0] {
        by_value(v);
    }
    assert_eq!(by_value(28.0).unit.as_deref(), Some("hộ"));
    assert_eq!(by_value(28.0).mentions[0].quote, "28 hộ");
    let members = by_value(8000.0);
    assert_eq!(members.qualifier, Some(article_core::Qualifier::Over));
    assert_eq!(members.mentions[0].quote, "trên 8.000 đảng viên");
    let cadres = by_value(95.0);
    assert_eq!(cadres.unit.as_deref(), Some("%"));
    assert!(a
        .figures
        .iter()
        .any(|f| f.mentions[0].quote == "2016-2020" && f.value == 2016.0));
    // Codes, dates and years are not figures: QL18, Km6, 03-CT/TW, 29/11/2016, năm 2015.
    for not_a_figure in [18.0, 11.0, 29.0, 2015.0, 2025.0, 25.0] {
        assert!(
            a.figures.iter().all(|f| f.value != not_a_figure),
            "unexpected figure {not_a_figure}"
        );
    }
    // Ids are ascii-folded from the noun.
    let ids: Vec<&str> = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"ho-28"), "{ids:?}");
    assert!(ids.contains(&"dang-vien-8000"), "{ids:?}");
    // Field order follows the format, for people editing the draft.
    let text = stdout(&article(&["suggest", &fixture("cam_pha.txt")]));
    assert!(
        text.starts_with("{\n  \"format\": \"article/1\",\n  \"id\": "),
        "{text}"
    );
}

#[test]
fn suggest_pins_repeated_quotes_with_block_and_context() {
    let (json, _) = suggest(&fixture("repeats.txt"));
    let mentions: Vec<&serde_json::Value> = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["mentions"][0])
        .collect();
    assert_eq!(json["lang"], "en");
    assert!(mentions.iter().any(|m| m.get("block").is_some()), "{json}");
    assert!(
        mentions
            .iter()
            .any(|m| m.get("prefix").is_some() || m.get("suffix").is_some()),
        "{json}"
    );
    let values: Vec<f64> = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_f64().unwrap())
        .collect();
    assert!(
        values.contains(&2.5) && values.contains(&1200.0),
        "{values:?}"
    );
}

#[test]
fn suggest_refuses_an_empty_text() {
    let o = article(&["suggest", &fixture("noise.txt")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no text to draft from"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn generate_prints_a_loadable_article_deterministically() {
    let args = [
        "generate",
        "--bytes",
        "20000",
        "--figures",
        "40",
        "--seed",
        "7",
    ];
    let first = article(&args);
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(first.stdout, article(&args).stdout);
    let doc = article_core::load(&stdout(&first)).expect("generated article loads");
    assert_eq!(doc.article.figures.len(), 40);
    assert_eq!(
        article(&["generate", "--bytes", "lots"]).status.code(),
        Some(2)
    );
}

#[test]
fn shipped_articles_pass_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        // The catalog lists the articles; it is not an article itself.
        .filter(|p| p.file_name().is_some_and(|n| n != "index.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no articles in {}", dir.display());
    let args: Vec<String> = std::iter::once("check".to_string())
        .chain(files.iter().map(|p| p.to_string_lossy().into_owned()))
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = article(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}
