//! The studio's flow on the seed story, without a browser: suggestions accepted, one
//! fixed, parts linked to their total, the document checked; and every problem tied to
//! the field or figure it concerns.
use article_core::problem::Kind;
use article_suggest::work::{Concerns, Work};
use std::path::Path;

fn seed() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join("crates/article-cli/tests/fixtures/cam_pha.txt")).unwrap()
}

fn index_of(work: &Work, value: f64) -> usize {
    work.figures
        .iter()
        .position(|f| f.value == value)
        .unwrap_or_else(|| panic!("no figure {value}"))
}

#[test]
fn accepting_fixing_and_linking_makes_a_document_that_checks() {
    let mut work = Work::new("vi");
    work.text = seed();
    let a = work.analyse();
    work.fill_header(&a);
    assert_eq!(
        work.title,
        "Chú trọng xây dựng tổ chức Đảng trong sạch, vững mạnh"
    );
    assert_eq!(work.kicker, "Thành phố Cẩm Phả");
    assert_eq!(work.published, "2016-11-29T07:35:00+07:00");
    assert_eq!(work.byline, "Nguyên Lâm");
    assert!(a.suggestions.len() >= 15, "{}", a.suggestions.len());
    for s in &a.suggestions {
        work.accept(s);
        work.accept(s); // twice is once
    }
    assert_eq!(work.figures.len(), a.suggestions.len());
    assert!(a.suggestions.iter().all(|s| work.is_accepted(&s.key)));

    // Fix one: "54 chi" is 54 units, with the whole phrase as its label.
    let total = index_of(&work, 54.0);
    work.figures[total].unit = "đơn vị".into();
    work.figures[total].label = "chi, đảng bộ trực thuộc".into();
    let total_id = work.figures[total].id.clone();
    for part in [33.0, 21.0] {
        let i = index_of(&work, part);
        work.figures[i].part_of = total_id.clone();
    }
    let problems = work.problems(&a);
    assert!(
        problems.iter().all(|p| !p.is_error()),
        "{:?}",
        problems
            .iter()
            .map(|p| &p.problem.message)
            .collect::<Vec<_>>()
    );
    let json = work.document(&a);
    let doc = article_core::load(&json).expect("the document loads");
    let f = doc.figure_index(&total_id).unwrap();
    let b = doc.relations.breakdown(f).expect("a breakdown");
    assert!(b.consistent);
    assert_eq!(b.equation(&doc.article.figures, "vi"), "33 + 21 = 54");
    // Every accepted figure is highlighted where it was suggested.
    for (i, s) in a.suggestions.iter().enumerate() {
        let anchor = &doc.figures[i].anchors;
        assert_eq!(anchor.len(), 1, "{}", s.figure.id);
        assert_eq!(
            (anchor[0].block, anchor[0].bytes.clone()),
            (s.block, s.at.clone())
        );
    }

    // A wrong total is a problem of the total.
    work.figures[total].value = 55.0;
    let p = work.problems(&a);
    let mismatch = p
        .iter()
        .find(|p| p.problem.kind == Kind::SumMismatch)
        .expect("a sum mismatch");
    assert_eq!(mismatch.concerns, Concerns::Figure(total));

    // Parts that go round in a circle are an error of one of them.
    let committees = index_of(&work, 33.0);
    let committees_id = work.figures[committees].id.clone();
    work.figures[total].value = 54.0;
    work.figures[total].part_of = committees_id;
    let p = work.problems(&a);
    let cycle = p
        .iter()
        .find(|p| p.problem.kind == Kind::Cycle)
        .expect("a cycle");
    assert!(cycle.is_error());
    assert!(matches!(cycle.concerns, Concerns::Figure(_)), "{cycle:?}");
    work.figures[total].part_of.clear();

    // Reopening the document gives the same work back (figures, links, header).
    work.figures[total].value = 54.0;
    let again = Work::from_document(&work.document(&a)).unwrap();
    assert_eq!(again.title, work.title);
    assert_eq!(again.figures.len(), work.figures.len());
    let a2 = again.analyse();
    assert_eq!(again.document(&a2), {
        let mut w = work.clone();
        w.figures.iter_mut().for_each(|f| f.key.clear());
        w.document(&a)
    });

    // Removing the total unlinks its parts.
    work.remove(total);
    assert!(work.figures.iter().all(|f| f.part_of.is_empty()));
}

#[test]
fn problems_say_what_they_concern() {
    let mut work = Work::new("en");
    work.text = "The port handled 48,210 passengers and 48,210 passengers again.".into();
    let a = work.analyse();
    let p = work.problems(&a);
    assert!(p
        .iter()
        .any(|p| p.is_error() && p.concerns == Concerns::Field("title")));
    work.title = "Ferry".into();
    // A repeated phrase by hand: the second occurrence was selected.
    let i = work.add_by_hand(&a, "48,210 passengers", 1).unwrap();
    assert_eq!(work.figures[i].value, 48210.0);
    let p = work.problems(&a);
    assert!(
        p.iter()
            .any(|p| p.problem.kind == Kind::Ambiguous && p.concerns == Concerns::Figure(i)),
        "{:?}",
        p
    );
    // Words without a number are not a figure.
    assert_eq!(work.add_by_hand(&a, "passengers", 0), None);

    // An empty story.
    let empty = Work::new("vi");
    let p = empty.problems(&empty.analyse());
    assert!(p
        .iter()
        .any(|p| p.concerns == Concerns::Text && p.is_error()));
}

#[test]
fn a_broken_document_is_refused_with_the_checks_message() {
    let err = Work::from_document("{\"format\": \"article/1\", \"id\": \"x\"").unwrap_err();
    assert!(!err.is_empty());
    assert!(err[0].is_error());
}

#[test]
fn the_work_survives_a_round_trip_through_storage() {
    let mut work = Work::new("vi");
    work.text = seed();
    let a = work.analyse();
    work.accept(&a.suggestions[0]);
    work.reject(&a.suggestions[1]);
    let saved = serde_json::to_string(&work).unwrap();
    let back: Work = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, work);
    // Older or partial saves fill in defaults.
    let partial: Work = serde_json::from_str("{\"title\": \"x\"}").unwrap();
    assert_eq!(partial.title, "x");
    assert_eq!(partial.lang, "vi");
}
