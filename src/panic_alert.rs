//! The last resort: a panic that escapes (a bug) replaces a frozen page with an explanation.
use crate::i18n::Lang;

/// Replace a frozen page with an explanation when a panic escapes (a bug): the message goes
/// to the console, and the reader gets a `role="alert"` box with a reload link. Built with
/// plain DOM calls because after a panic the reactive system can no longer be trusted, and
/// a link rather than a button because with `panic = "abort"` no wasm code runs afterwards.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(install_hook);
}

fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else { return };
        let lang = Lang::saved().unwrap_or(Lang::from_tag(
            &doc.document_element()
                .map(|e| e.get_attribute("lang").unwrap_or_default())
                .unwrap_or_default(),
        ));
        let t = lang.text();
        let build = || -> Result<(), wasm_bindgen::JsValue> {
            let alert = doc.create_element("div")?;
            alert.set_attribute("role", "alert")?;
            alert.set_attribute("class", "alert panic")?;
            let h = doc.create_element("h2")?;
            h.set_text_content(Some(t.error_panic));
            let p = doc.create_element("p")?;
            p.set_text_content(Some(&info.to_string()));
            let a = doc.create_element("a")?;
            a.set_attribute("href", &crate::url::current_href())?;
            a.set_attribute("class", "button")?;
            a.set_text_content(Some(t.reload));
            alert.append_child(&h)?;
            alert.append_child(&p)?;
            alert.append_child(&a)?;
            body.prepend_with_node_1(&alert)?;
            Ok(())
        };
        let _ = build();
    }));
}
