//! Everything the studio says, in Vietnamese and English (the UI language is the reader's:
//! `article_viewer::i18n::Lang`, remembered across both).
use article_core::problem::Kind;
use article_suggest::work::{Concerns, Work, WorkProblem};
use article_viewer::i18n::Lang;

pub struct Words {
    pub heading: &'static str,
    pub intro: &'static str,
    pub story: &'static str,
    pub language: &'static str,
    pub kicker: &'static str,
    pub title: &'static str,
    pub byline: &'static str,
    pub published: &'static str,
    pub published_hint: &'static str,
    pub text: &'static str,
    pub text_hint: &'static str,
    pub open_file: &'static str,
    pub add_selection: &'static str,
    pub add_selection_none: &'static str,
    pub suggestions: &'static str,
    pub suggestions_none: &'static str,
    pub accept: &'static str,
    pub accept_all: &'static str,
    pub reject: &'static str,
    pub accepted: &'static str,
    pub figures: &'static str,
    pub figures_none: &'static str,
    pub value: &'static str,
    pub unit: &'static str,
    pub label: &'static str,
    pub category: &'static str,
    pub qualifier: &'static str,
    pub qualifier_none: &'static str,
    pub qualifiers: [(&'static str, &'static str); 4],
    pub part_of: &'static str,
    pub part_of_none: &'static str,
    pub remove: &'static str,
    pub quote: &'static str,
    pub problems: &'static str,
    pub problems_none: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub preview: &'static str,
    pub preview_none: &'static str,
    pub download: &'static str,
    pub download_blocked: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub saved: &'static str,
    pub new_story: &'static str,
    pub new_story_confirm: &'static str,
    pub import_refused: &'static str,
    pub import_unreadable: &'static str,
    pub reader_link: &'static str,
}

const VI: Words = Words {
    heading: "Studio",
    intro: "Dán bài viết, nhận các số liệu gợi ý, sửa và nối chúng, rồi tải tài liệu article/1 về. Mọi thứ được lưu ngay trên máy này.",
    story: "Bài viết",
    language: "Ngôn ngữ bài",
    kicker: "Tiêu đề phụ",
    title: "Tiêu đề",
    byline: "Tác giả",
    published: "Ngày đăng",
    published_hint: "Ví dụ 2016-11-29T07:35:00+07:00",
    text: "Nội dung",
    text_hint: "Mỗi đoạn cách nhau một dòng trống.",
    open_file: "Mở tệp .txt hoặc .json",
    add_selection: "Thêm số liệu từ đoạn đang chọn",
    add_selection_none: "Hãy bôi đen một con số trong nội dung trước.",
    suggestions: "Số liệu gợi ý",
    suggestions_none: "Chưa có gợi ý: dán nội dung bài viết ở trên.",
    accept: "Nhận",
    accept_all: "Nhận tất cả",
    reject: "Bỏ",
    accepted: "Đã nhận",
    figures: "Số liệu của bài",
    figures_none: "Chưa có số liệu nào: nhận một gợi ý hoặc thêm từ đoạn chọn.",
    value: "Giá trị",
    unit: "Đơn vị",
    label: "Nhãn",
    category: "Nhóm",
    qualifier: "Mức",
    qualifier_none: "đúng bằng",
    qualifiers: [
        ("over", "trên"),
        ("at-least", "ít nhất"),
        ("about", "khoảng"),
        ("under", "dưới"),
    ],
    part_of: "Là một phần của",
    part_of_none: "không",
    remove: "Xoá",
    quote: "Trích dẫn",
    problems: "Cần xem lại",
    problems_none: "Không có vấn đề nào: tài liệu đạt kiểm tra.",
    error: "Lỗi",
    warning: "Lưu ý",
    preview: "Xem trước",
    preview_none: "Bản xem trước hiện ra khi tài liệu không còn lỗi.",
    download: "Tải tài liệu JSON",
    download_blocked: "Sửa các lỗi ở trên để tải về.",
    copy: "Sao chép JSON",
    copied: "Đã sao chép.",
    saved: "Đã lưu trên máy này.",
    new_story: "Bài mới",
    new_story_confirm: "Bắt đầu bài mới? Bài đang làm sẽ bị xoá khỏi máy này.",
    import_refused: "Không mở được tệp này, bài đang làm vẫn giữ nguyên:",
    import_unreadable: "Không đọc được tệp này, bài đang làm vẫn giữ nguyên.",
    reader_link: "Về trang đọc",
};

const EN: Words = Words {
    heading: "Studio",
    intro: "Paste a story, accept the suggested figures, fix and link them, then download the article/1 document. Everything is saved on this device as you go.",
    story: "Story",
    language: "Article language",
    kicker: "Kicker",
    title: "Title",
    byline: "Byline",
    published: "Published",
    published_hint: "For example 2016-11-29T07:35:00+07:00",
    text: "Text",
    text_hint: "Separate paragraphs with a blank line.",
    open_file: "Open a .txt or .json file",
    add_selection: "Add a figure from the selection",
    add_selection_none: "First select a number in the text.",
    suggestions: "Suggested figures",
    suggestions_none: "No suggestions yet: paste the story's text above.",
    accept: "Accept",
    accept_all: "Accept all",
    reject: "Reject",
    accepted: "Accepted",
    figures: "The article's figures",
    figures_none: "No figures yet: accept a suggestion or add one from a selection.",
    value: "Value",
    unit: "Unit",
    label: "Label",
    category: "Category",
    qualifier: "Qualifier",
    qualifier_none: "exactly",
    qualifiers: [
        ("over", "over"),
        ("at-least", "at least"),
        ("about", "about"),
        ("under", "under"),
    ],
    part_of: "Part of",
    part_of_none: "none",
    remove: "Remove",
    quote: "Quote",
    problems: "To review",
    problems_none: "No problems: the document passes the check.",
    error: "Error",
    warning: "Warning",
    preview: "Preview",
    preview_none: "The preview appears once the document has no errors.",
    download: "Download the JSON document",
    download_blocked: "Fix the errors above to download.",
    copy: "Copy the JSON",
    copied: "Copied.",
    saved: "Saved on this device.",
    new_story: "New story",
    new_story_confirm: "Start a new story? The current one will be removed from this device.",
    import_refused: "This file cannot be opened; your work is unchanged:",
    import_unreadable: "This file cannot be read; your work is unchanged.",
    reader_link: "Back to the reader",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// What a problem means for the journalist, in the UI language: about the field or figure
/// it concerns, in their words. Kinds the studio cannot cause in normal use fall back to
/// the check's own message, introduced in the UI language.
pub fn problem_text(lang: Lang, p: &WorkProblem, work: &Work) -> String {
    let fig = match p.concerns {
        Concerns::Figure(i) => work.figures.get(i),
        _ => None,
    };
    let quote = fig.map(|f| f.quote.as_str()).unwrap_or_default();
    let label = fig
        .map(|f| {
            if f.label.trim().is_empty() {
                f.id.as_str()
            } else {
                f.label.as_str()
            }
        })
        .unwrap_or_default();
    let field = |name: &str| -> &'static str {
        let w = words(lang);
        match name {
            "title" => w.title,
            "kicker" => w.kicker,
            "byline" => w.byline,
            "published" => w.published,
            _ => w.language,
        }
    };
    let kind = p.problem.kind;
    // A required field left empty is reported by the check as missing or empty.
    let empty_field = match p.concerns {
        Concerns::Field(f) => match f {
            "title" => work.title.trim().is_empty(),
            "published" => false,
            _ => false,
        },
        _ => false,
    };
    let kind = if empty_field { Kind::Missing } else { kind };
    match (lang, kind, &p.concerns) {
        (Lang::Vi, Kind::Orphan, Concerns::Figure(_)) => {
            format!("“{label}”: không tìm thấy trích dẫn “{quote}” trong nội dung.")
        }
        (Lang::En, Kind::Orphan, Concerns::Figure(_)) => {
            format!("“{label}”: the quote “{quote}” is not in the text.")
        }
        (Lang::Vi, Kind::Ambiguous, Concerns::Figure(_)) => format!(
            "“{label}”: trích dẫn “{quote}” có ở nhiều chỗ; hãy chọn lại đúng chỗ trong nội dung."
        ),
        (Lang::En, Kind::Ambiguous, Concerns::Figure(_)) => format!(
            "“{label}”: the quote “{quote}” is in several places; select it again where you mean it."
        ),
        (Lang::Vi, Kind::SumMismatch, Concerns::Figure(_)) => {
            format!("“{label}”: các phần cộng lại không bằng tổng {}.", value_of(fig))
        }
        (Lang::En, Kind::SumMismatch, Concerns::Figure(_)) => {
            format!("“{label}”: its parts do not add up to {}.", value_of(fig))
        }
        (Lang::Vi, Kind::UnitMismatch, Concerns::Figure(_)) => {
            format!("“{label}”: các phần đo bằng đơn vị khác nên không cộng được.")
        }
        (Lang::En, Kind::UnitMismatch, Concerns::Figure(_)) => {
            format!("“{label}”: its parts are in another measure, so they are not added.")
        }
        (Lang::Vi, Kind::Cycle, Concerns::Figure(_)) => format!(
            "“{label}”: các liên kết “là một phần của” đi thành vòng; một số không thể là phần của chính nó."
        ),
        (Lang::En, Kind::Cycle, Concerns::Figure(_)) => format!(
            "“{label}”: the “part of” links go round in a circle; a figure cannot be part of itself."
        ),
        (Lang::Vi, Kind::Missing, Concerns::Field(f)) => format!("Cần điền {}.", lower(field(f))),
        (Lang::En, Kind::Missing, Concerns::Field(f)) => format!("{} is required.", field(f)),
        (Lang::Vi, Kind::Missing, Concerns::Figure(_)) => {
            format!("“{label}”: thiếu nhãn hoặc trích dẫn.")
        }
        (Lang::En, Kind::Missing, Concerns::Figure(_)) => {
            format!("“{label}”: a label or quote is missing.")
        }
        (Lang::Vi, _, Concerns::Text) => "Nội dung bài viết còn trống.".to_string(),
        (Lang::En, _, Concerns::Text) => "The story has no text yet.".to_string(),
        (Lang::Vi, Kind::Format, Concerns::Field("published")) => {
            "Ngày đăng cần có dạng 2016-11-29T07:35:00+07:00.".to_string()
        }
        (Lang::En, Kind::Format, Concerns::Field("published")) => {
            "The date needs the form 2016-11-29T07:35:00+07:00.".to_string()
        }
        (Lang::Vi, _, _) => format!(
            "Kiểm tra báo ở {} (nguyên văn tiếng Anh): {}",
            p.problem.path, p.problem.message
        ),
        (Lang::En, _, _) => format!("{}: {}", p.problem.path, p.problem.message),
    }
}

fn value_of(f: Option<&article_suggest::work::Chosen>) -> String {
    f.map(|f| format!("{}", f.value)).unwrap_or_default()
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
