//! A fatal problem, explained: what failed, where (URL, JSON path, line:column), what to
//! do, and a Retry button where asking again can help.
//!
//! Everything the alert says is in the UI's language: reasons are values (see
//! [`LoadError`], [`Refusal`]) put into words here, never the browser's or the server's
//! English. The one exception is an invalid document's problems, which are the publisher's
//! messages exactly as `article check` prints them (English): in another UI language each
//! is summarised by its kind, with the original under a disclosure marked `lang="en"`.
use article_core::problem::Kind;
use leptos::prelude::*;

use crate::api::LoadError;
use crate::i18n::Lang;
use crate::url::Refusal;
use article_core::view::download_size;

/// The heading: what failed.
pub fn heading(error: &LoadError, lang: Lang) -> String {
    let t = lang.text();
    match error {
        LoadError::Refused { .. } => t.error_refused.to_string(),
        LoadError::Redirected { .. } => t.error_redirected.to_string(),
        LoadError::Network { .. } => t.error_network.to_string(),
        LoadError::Timeout { received: 0, .. } => t.error_timeout.to_string(),
        LoadError::Timeout { .. } => t.error_stalled.to_string(),
        LoadError::Interrupted { .. } => t.error_interrupted.to_string(),
        LoadError::Http { status, .. } => format!("{} (HTTP {status})", t.error_http),
        LoadError::NotJson { .. } => t.error_not_json.to_string(),
        LoadError::TooLarge { .. } => t.error_too_large.to_string(),
        LoadError::Invalid { .. } => t.error_invalid.to_string(),
    }
}

/// What the reader can do about it.
pub fn what_to_do(error: &LoadError, lang: Lang) -> &'static str {
    let t = lang.text();
    match error {
        LoadError::Refused { .. } => t.what_to_do_refused,
        LoadError::Redirected { .. } => t.what_to_do_redirected,
        LoadError::Network { .. } | LoadError::Timeout { .. } | LoadError::Interrupted { .. } => {
            t.what_to_do_network
        }
        LoadError::Http { .. } => t.what_to_do_http,
        LoadError::NotJson { .. } => t.what_to_do_not_json,
        LoadError::TooLarge { .. } => t.what_to_do_too_large,
        LoadError::Invalid { .. } => t.what_to_do_invalid,
    }
}

/// The sentence between heading and advice: why, with the numbers that matter.
pub fn detail(error: &LoadError, lang: Lang) -> Option<String> {
    let tag = lang.tag();
    let secs = |ms: i32| article_core::format::number(f64::from(ms) / 1000.0, tag);
    let vi = lang == Lang::Vi;
    Some(match error {
        LoadError::Refused { reason, .. } => refusal(reason, lang),
        LoadError::Redirected { to: Some(to), .. } => {
            let page = crate::url::page_origin();
            if vi {
                format!("Máy chủ chuyển hướng yêu cầu sang {to}, không phải trang này ({page}).")
            } else {
                format!("The server redirected the request to {to}, not this site ({page}).")
            }
        }
        LoadError::Redirected { to: None, .. } => if vi {
            "Máy chủ chuyển hướng yêu cầu sang một trang khác; trình đọc chỉ tải tài liệu từ chính trang này."
        } else {
            "The server redirected the request to another site; the reader only loads documents from this one."
        }
        .to_string(),
        LoadError::Network { .. } => {
            let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
            match (offline, vi) {
                (true, true) => "Thiết bị đang không có kết nối mạng.",
                (true, false) => "This device is offline.",
                (false, true) => "Không kết nối được tới máy chủ.",
                (false, false) => "The server could not be reached.",
            }
            .to_string()
        }
        LoadError::Timeout {
            after_ms,
            received: 0,
            ..
        } => {
            let t = lang.text();
            format!("{} {} s.", t.nothing_received_for, secs(*after_ms))
        }
        LoadError::Timeout {
            after_ms,
            received,
            total,
            ..
        } => {
            let got = download_size(*received, *total, tag);
            if vi {
                format!(
                    "Đã nhận {got}, sau đó không nhận thêm được gì trong {} s.",
                    secs(*after_ms)
                )
            } else {
                format!(
                    "Received {got}, then nothing more for {} s.",
                    secs(*after_ms)
                )
            }
        }
        LoadError::Interrupted {
            received, total, ..
        } => {
            let got = download_size(*received, *total, tag);
            if vi {
                format!("Kết nối bị đóng khi mới nhận được {got}.")
            } else {
                format!("The connection closed after {got}.")
            }
        }
        LoadError::Http { status, .. } => http_reason(*status, vi)?.to_string(),
        LoadError::NotJson { html: true, .. } => if vi {
            "Thay vì dữ liệu bài viết (JSON), máy chủ gửi về một trang web (HTML), thường là trang báo lỗi, trang đăng nhập hoặc trang chờ của tên miền."
        } else {
            "Instead of the article's data (JSON), the server sent a web page (HTML), often an error, login or domain parking page."
        }
        .to_string(),
        LoadError::NotJson { html: false, .. } => if vi {
            "Thay vì dữ liệu bài viết (JSON), máy chủ gửi về một tài liệu định dạng khác (bắt đầu bằng “<”)."
        } else {
            "Instead of the article's data (JSON), the server sent a document in another format (it starts with “<”)."
        }
        .to_string(),
        LoadError::TooLarge {
            bytes: Some(bytes),
            limit,
            ..
        } => {
            if vi {
                format!("Tài liệu có {bytes} byte; trình đọc chỉ nhận tối đa {limit} byte.")
            } else {
                format!("The document is {bytes} bytes; the reader accepts at most {limit} bytes.")
            }
        }
        LoadError::TooLarge {
            bytes: None, limit, ..
        } => {
            if vi {
                format!("Tài liệu dài hơn {limit} byte, mức tối đa trình đọc nhận.")
            } else {
                format!("The document is larger than the {limit} bytes the reader accepts.")
            }
        }
        LoadError::Invalid { .. } => return None,
    })
}

/// Why an address was refused, in words.
pub fn refusal(reason: &Refusal, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match reason {
        Refusal::BadId if vi => "Mã bài viết chỉ được gồm chữ cái, chữ số, “-” và “_”.".into(),
        Refusal::BadId => "An article id may only hold letters, digits, “-” and “_”.".into(),
        Refusal::NotUrl if vi => "Đây không phải là một địa chỉ hợp lệ.".into(),
        Refusal::NotUrl => "This is not a valid address.".into(),
        Refusal::Scheme(s) if vi => format!("Không được mở địa chỉ dạng “{s}”."),
        Refusal::Scheme(s) => format!("Addresses of the form “{s}” are not allowed."),
        Refusal::Origin { origin, page } if vi => {
            format!("{origin} là một trang khác, không phải trang này ({page}).")
        }
        Refusal::Origin { origin, page } => {
            format!("{origin} is another site than this one ({page}).")
        }
    }
}

/// What an HTTP status means for a reader, when it is one they can understand.
fn http_reason(status: u16, vi: bool) -> Option<&'static str> {
    Some(match (status, vi) {
        (404, true) => "Không có tài liệu nào ở địa chỉ này.",
        (404, false) => "There is no document at this address.",
        (410, true) => "Tài liệu đã bị gỡ bỏ.",
        (410, false) => "The document has been removed.",
        (401 | 403, true) => "Máy chủ không cho phép đọc tài liệu này.",
        (401 | 403, false) => "The server does not allow reading this document.",
        (408 | 429, true) => "Máy chủ đang quá tải.",
        (408 | 429, false) => "The server is too busy.",
        (500..=599, true) => "Máy chủ đang gặp sự cố.",
        (500..=599, false) => "The server has a problem.",
        _ => return None,
    })
}

/// A problem's kind in a few words, for a UI language the publisher's messages are not in.
pub fn kind_words(kind: Kind, lang: Lang) -> &'static str {
    let vi = lang == Lang::Vi;
    match (kind, vi) {
        (Kind::Syntax, true) => "không đọc được (sai cú pháp JSON hoặc mã hoá ký tự)",
        (Kind::Syntax, false) => "cannot be read (JSON syntax or character encoding)",
        (Kind::Type, true) => "sai kiểu giá trị",
        (Kind::Type, false) => "a value of the wrong type",
        (Kind::Missing, true) => "thiếu trường bắt buộc",
        (Kind::Missing, false) => "a required field is missing",
        (Kind::Format, true) => "giá trị sai định dạng",
        (Kind::Format, false) => "a value in the wrong format",
        (Kind::Duplicate, true) => "bị trùng lặp",
        (Kind::Duplicate, false) => "a duplicate",
        (Kind::UnknownReference, true) => "tham chiếu tới mục không tồn tại",
        (Kind::UnknownReference, false) => "a reference to something that does not exist",
        (Kind::Cycle, true) => "tham chiếu vòng tròn",
        (Kind::Cycle, false) => "a circular reference",
        (Kind::Limit, true) => "vượt quá giới hạn",
        (Kind::Limit, false) => "over a limit",
        (Kind::RefusedUrl, true) => "địa chỉ bị từ chối",
        (Kind::RefusedUrl, false) => "a refused address",
        (_, true) => "lỗi trong tài liệu",
        (_, false) => "a problem in the document",
    }
}

/// The `role="alert"` box for a [`LoadError`].
#[component]
pub fn Alert(
    /// What went wrong.
    error: LoadError,
    /// Called by the Retry button (shown only when [`LoadError::retryable`]).
    #[prop(into)]
    on_retry: Callback<()>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// True when the alert is the whole page: it then is the `main` landmark with the `h1`.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    // An alert replaces whatever a static page showed (the page's content failed).
    Effect::new(|_| crate::static_page::take_over());
    let e = error.clone();
    let heading = move || heading(&e, ui.get());
    let e = error.clone();
    let todo = move || what_to_do(&e, ui.get());
    let e = error.clone();
    let detail = move || detail(&e, ui.get()).map(|d| view! { <p class="alert-detail">{d}</p> });
    let problems = match &error {
        LoadError::Invalid { problems, .. } => {
            let problems = problems.clone();
            Some(move || {
                let lang = ui.get();
                let items = problems
                    .iter()
                    .take(20)
                    .map(|p| {
                        let at = article_core::markup::problem_location(p);
                        let message = view! {
                            <span class="problem-msg">{p.message.clone()}</span>
                            {p.hint.clone().map(|h| view! { <span class="problem-hint">{h}</span> })}
                        };
                        // The publisher's words are English: shown as they are in an
                        // English UI, summarised in another with the original one click away.
                        let said = if lang == Lang::En {
                            message.into_any()
                        } else {
                            view! {
                                <span class="problem-kind">{kind_words(p.kind, lang)}</span>
                                <details class="problem-original">
                                    <summary>{lang.text().publisher_details}</summary>
                                    <span lang="en">{message}</span>
                                </details>
                            }
                            .into_any()
                        };
                        view! { <li><code class="problem-path">{at}</code>" "{said}</li> }
                    })
                    .collect_view();
                view! {
                    <p class="alert-problems">{lang.text().problems_found}</p>
                    <ul class="problems">{items}</ul>
                }
            })
        }
        _ => None,
    };
    let retry = error.retryable().then(|| {
        view! {
            <button type="button" class="retry" on:click=move |_| on_retry.run(())>{move || ui.get().text().retry}</button>
        }
    });
    let heading = if standalone {
        view! { <h1>{heading}</h1> }.into_any()
    } else {
        view! { <h2>{heading}</h2> }.into_any()
    };
    let alert = view! {
        <div class="alert" role="alert" data-error=error.kind() data-error-url=error.url().to_string()>
            {heading}
            <p class="alert-url"><code>{error.url().to_string()}</code></p>
            {detail}
            {problems}
            <p class="alert-todo">{todo}</p>
            {retry}
        </div>
    };
    if standalone {
        view! { <main id="main" class="error-page" tabindex="-1">{alert}</main> }.into_any()
    } else {
        alert.into_any()
    }
}

/// The fallback of an `ErrorBoundary` around a loading view: the first [`LoadError`] as an
/// [`Alert`]; any other error type (a bug) as a generic one.
pub fn error_fallback(
    ui: Signal<Lang>,
    on_retry: Callback<()>,
    standalone: bool,
) -> impl Fn(ArcRwSignal<Errors>) -> AnyView + Clone + Send + Sync + 'static {
    move |errors: ArcRwSignal<Errors>| {
        let errors = errors.clone();
        (move || {
            let first = errors.with(|list| {
                list.iter().next().map(|(_, e)| {
                    e.downcast_ref::<LoadError>()
                        .cloned()
                        .unwrap_or_else(|| LoadError::Network {
                            url: String::new(),
                            message: e.to_string(),
                        })
                })
            });
            first.map(|error| view! { <Alert error=error on_retry=on_retry ui=ui standalone=standalone /> })
        })
        .into_any()
    }
}
