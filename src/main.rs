//! Mounts the reader. Everything else lives in the library.
fn main() {
    article_viewer::init();
    // In the task after the one that instantiated the wasm: two shorter tasks block input
    // less than one long one (see `api::next_task`).
    wasm_bindgen_futures::spawn_local(async {
        article_viewer::api::next_task().await;
        // On a static page the reader builds itself out of sight and then takes its place.
        match article_viewer::static_page::mount_root() {
            Some(root) => leptos::mount::mount_to(root, article_viewer::App).forget(),
            None => leptos::mount::mount_to_body(article_viewer::App),
        }
    });
}
