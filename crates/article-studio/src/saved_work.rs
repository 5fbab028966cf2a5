//! The work in progress, kept in the browser's local storage as the journalist types, so
//! a reload or a closed tab loses nothing.
use article_suggest::work::Work;

const KEY: &str = "article-studio/work";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved work, or a new one (nothing saved, or a save this version cannot read).
pub fn load() -> Work {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Save the work; false when the browser refuses (private mode, storage full).
pub fn save(work: &Work) -> bool {
    let Ok(text) = serde_json::to_string(work) else {
        return false;
    };
    storage().is_some_and(|s| s.set_item(KEY, &text).is_ok())
}
