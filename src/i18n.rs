//! The reader's own words (not the article's), in Vietnamese and English.
//!
//! The UI language follows the document's `lang` unless the reader picked one, which is
//! remembered in `localStorage` so the choice survives reloads.

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

/// The UI language as one screen sees it: a memo owned by that screen. When the screen is
/// closed the memo goes with it, so nothing the screen leaves behind can re-run on a later
/// language change (Leptos 0.8 may keep a closed screen's view effects alive past their
/// owner; re-running them would read disposed signals and panic).
pub fn screen_lang(ui: leptos::prelude::Signal<Lang>) -> leptos::prelude::Signal<Lang> {
    use leptos::prelude::*;
    Memo::new(move |_| ui.get()).into()
}

const STORAGE_KEY: &str = "article-viewer.lang";

impl Lang {
    /// `vi`, `vi-VN` → Vietnamese; anything else → English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// The reader's saved choice, if any.
    pub fn saved() -> Option<Lang> {
        let storage = web_sys::window()?.local_storage().ok()??;
        storage
            .get_item(STORAGE_KEY)
            .ok()?
            .map(|t| Lang::from_tag(&t))
    }

    pub fn save(self) {
        if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
            // Private browsing may refuse storage; the switch still works for this page.
            let _ = storage.set_item(STORAGE_KEY, self.tag());
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// Every string the chrome shows. A struct rather than a map so a missing translation is a
/// compile error.
pub struct Text {
    pub app_name: &'static str,
    pub skip_to_article: &'static str,
    pub switch_language: &'static str,
    pub catalog_heading: &'static str,
    pub catalog_empty: &'static str,
    pub back_to_catalog: &'static str,
    pub loading: &'static str,
    pub ledger_heading: &'static str,
    pub ledger_label: &'static str,
    pub sort_label: &'static str,
    pub sort_reading: &'static str,
    pub sort_value: &'static str,
    pub legend_heading: &'static str,
    pub uncategorised: &'static str,
    pub computed: &'static str,
    pub figure: &'static str,
    pub details_heading: &'static str,
    pub details_empty: &'static str,
    pub mention_of: &'static str,
    pub next_mention: &'static str,
    pub previous_mention: &'static str,
    pub clear_selection: &'static str,
    pub within: &'static str,
    pub contains: &'static str,
    pub part_of: &'static str,
    pub sum_ok: &'static str,
    pub sum_mismatch: &'static str,
    /// The parts are in other units than the total, so they are not added up.
    pub sum_unchecked: &'static str,
    pub warnings_heading: &'static str,
    pub retry: &'static str,
    pub reload: &'static str,
    pub error_network: &'static str,
    pub error_http: &'static str,
    pub error_invalid: &'static str,
    pub error_refused: &'static str,
    pub error_timeout: &'static str,
    /// Before a duration: "nothing received for 15 s".
    pub nothing_received_for: &'static str,
    pub error_redirected: &'static str,
    pub error_interrupted: &'static str,
    pub error_stalled: &'static str,
    pub error_not_json: &'static str,
    pub error_too_large: &'static str,
    pub what_to_do_redirected: &'static str,
    pub what_to_do_not_json: &'static str,
    pub what_to_do_too_large: &'static str,
    /// Summary of the publisher's messages when the UI is not English.
    pub publisher_details: &'static str,
    /// Above the list of an invalid document's problems.
    pub problems_found: &'static str,
    pub no_figures: &'static str,
    pub error_panic: &'static str,
    pub what_to_do_network: &'static str,
    pub what_to_do_http: &'static str,
    pub what_to_do_invalid: &'static str,
    pub what_to_do_refused: &'static str,
    pub show_figures: &'static str,
    pub hide_figures: &'static str,
    pub keyboard_hint: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_next: &'static str,
    pub search_previous: &'static str,
    pub search_none: &'static str,
}

pub static VI: Text = Text {
    app_name: "Đọc số liệu",
    skip_to_article: "Bỏ qua, tới nội dung",
    switch_language: "English",
    catalog_heading: "Bài viết",
    catalog_empty: "Chưa có bài viết nào.",
    back_to_catalog: "← Danh sách bài",
    loading: "Đang tải…",
    ledger_heading: "Số liệu chính",
    ledger_label: "Bảng số liệu",
    sort_label: "Sắp xếp",
    sort_reading: "Theo thứ tự đọc",
    sort_value: "Theo giá trị",
    legend_heading: "Nhóm số liệu",
    uncategorised: "Khác",
    computed: "tính toán",
    figure: "số liệu",
    details_heading: "Chi tiết số liệu",
    details_empty: "Chọn một số liệu được tô sáng để xem chi tiết.",
    mention_of: "lần nhắc",
    next_mention: "Lần nhắc sau",
    previous_mention: "Lần nhắc trước",
    clear_selection: "Bỏ chọn",
    within: "trong",
    contains: "Bao gồm",
    part_of: "Là một phần của",
    sum_ok: "tổng khớp",
    sum_mismatch: "tổng không khớp",
    sum_unchecked: "không cộng được: các phần khác đơn vị",
    warnings_heading: "Lưu ý về tài liệu",
    retry: "Thử lại",
    reload: "Tải lại trang",
    error_network: "Không tải được tài liệu",
    error_http: "Máy chủ trả lỗi",
    error_invalid: "Tài liệu không hợp lệ",
    error_refused: "Từ chối tải tài liệu",
    error_timeout: "Quá thời gian chờ",
    nothing_received_for: "Không nhận được dữ liệu nào trong",
    error_redirected: "Địa chỉ dẫn sang trang khác",
    error_interrupted: "Tải tài liệu bị ngắt giữa chừng",
    error_stalled: "Tải tài liệu bị dừng giữa chừng",
    error_not_json: "Máy chủ trả về một trang web thay vì bài viết",
    error_too_large: "Tài liệu quá lớn",
    what_to_do_redirected: "Chỉ mở được tài liệu cùng nguồn với trang này. Nhà xuất bản cần dùng đúng địa chỉ của tài liệu trên trang này.",
    what_to_do_not_json: "Kiểm tra địa chỉ bài viết. Nếu đó là trang đăng nhập Wi-Fi hoặc trang bảo trì, hãy thử lại sau.",
    what_to_do_too_large: "Nhà xuất bản cần chia nhỏ bài viết hoặc bớt nội dung dài.",
    publisher_details: "Thông báo gốc cho nhà xuất bản (tiếng Anh, như `article check`)",
    problems_found: "Các lỗi tìm thấy:",
    no_figures: "Bài này không có số liệu nào được đánh dấu.",
    error_panic: "Đã xảy ra lỗi",
    what_to_do_network: "Kiểm tra kết nối mạng rồi thử lại.",
    what_to_do_http: "Kiểm tra địa chỉ bài viết, hoặc thử lại sau.",
    what_to_do_invalid: "Nhà xuất bản cần sửa tài liệu (chạy `article check`).",
    what_to_do_refused: "Chỉ mở được tài liệu cùng nguồn với trang này.",
    show_figures: "Xem số liệu",
    hide_figures: "Ẩn số liệu",
    keyboard_hint: "Phím j / k: số liệu sau / trước · Esc: bỏ chọn",
    search_label: "Tìm trong bài",
    search_placeholder: "Tìm (không cần dấu)",
    search_next: "Kết quả sau",
    search_previous: "Kết quả trước",
    search_none: "Không thấy",
};

pub static EN: Text = Text {
    app_name: "Figures reader",
    skip_to_article: "Skip to article",
    switch_language: "Tiếng Việt",
    catalog_heading: "Articles",
    catalog_empty: "No articles yet.",
    back_to_catalog: "← All articles",
    loading: "Loading…",
    ledger_heading: "Key figures",
    ledger_label: "Figure ledger",
    sort_label: "Sort",
    sort_reading: "Reading order",
    sort_value: "Value",
    legend_heading: "Categories",
    uncategorised: "Other",
    computed: "computed",
    figure: "figure",
    details_heading: "Figure details",
    details_empty: "Select a highlighted figure to see its details.",
    mention_of: "mention",
    next_mention: "Next mention",
    previous_mention: "Previous mention",
    clear_selection: "Clear",
    within: "within",
    contains: "Contains",
    part_of: "Part of",
    sum_ok: "sum checks",
    sum_mismatch: "sum does not match",
    sum_unchecked: "cannot add up: the parts are in other units",
    warnings_heading: "Notes on this document",
    retry: "Retry",
    reload: "Reload page",
    error_network: "Could not load the document",
    error_http: "The server returned an error",
    error_invalid: "The document is not valid",
    error_refused: "Refused to load the document",
    error_timeout: "The request timed out",
    nothing_received_for: "Nothing was received for",
    error_redirected: "The address leads to another site",
    error_interrupted: "The download broke off",
    error_stalled: "The download stalled",
    error_not_json: "The server sent a web page instead of the article",
    error_too_large: "The document is too large",
    what_to_do_redirected: "Only documents from this site's own origin can be opened. The publisher needs to link the document's address on this site.",
    what_to_do_not_json: "Check the article address. If the page is a Wi-Fi login or maintenance page, retry later.",
    what_to_do_too_large: "The publisher needs to split the article, or move long material out of it.",
    publisher_details: "The publisher's messages (as `article check` prints them)",
    problems_found: "Problems found:",
    no_figures: "This article has no marked figures.",
    error_panic: "Something went wrong",
    what_to_do_network: "Check your connection and retry.",
    what_to_do_http: "Check the article address, or retry later.",
    what_to_do_invalid: "The publisher needs to fix the document (run `article check`).",
    what_to_do_refused: "Only documents from this site's own origin can be opened.",
    show_figures: "Show figures",
    hide_figures: "Hide figures",
    keyboard_hint: "j / k: next / previous figure · Esc: clear",
    search_label: "Search this article",
    search_placeholder: "Search (accents optional)",
    search_next: "Next match",
    search_previous: "Previous match",
    search_none: "No matches",
};
