//! Building DOM from a plan (`article_core::markup::Plan`) in one call per fragment, by
//! `fill.js` (see there for why). The only way highlights, blocks and cards enter the
//! page; the module that decides *when* is `figure_dom`.
use article_core::markup::{Name, Plan, Tag};

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/fill.js")]
extern "C" {
    fn vocabulary(tags: &str, names: &str);
    #[wasm_bindgen(js_name = fill)]
    fn fill_js(parent: &web_sys::Element, pool: &str, ops: &[u32], append: bool);
}

/// Hand `fill.js` the names behind the numbers in a plan, once per page.
fn ensure_vocabulary() {
    thread_local!(static SET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    SET.with(|set| {
        if !set.get() {
            let tags: Vec<&str> = Tag::ALL.iter().map(|t| t.as_str()).collect();
            let names: Vec<&str> = Name::ALL.iter().map(|n| n.as_str()).collect();
            vocabulary(&tags.join(" "), &names.join(" "));
            set.set(true);
        }
    });
}

/// Replace `parent`'s children with the fragment.
pub fn fill(parent: &web_sys::Element, plan: &Plan) {
    ensure_vocabulary();
    fill_js(parent, plan.pool(), plan.ops(), false);
}

/// Add the fragment after `parent`'s children.
pub fn append(parent: &web_sys::Element, plan: &Plan) {
    ensure_vocabulary();
    fill_js(parent, plan.pool(), plan.ops(), true);
}
