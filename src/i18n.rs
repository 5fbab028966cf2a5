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
            Lang::Vi => &article_core::words::VI,
            Lang::En => &article_core::words::EN,
        }
    }
}

pub use article_core::words::Text;
