//! Mounts the reader. Everything else lives in the library.
fn main() {
    article_viewer::init();
    // On a static page the reader builds itself out of sight and then takes its place.
    match article_viewer::static_page::mount_root() {
        Some(root) => leptos::mount::mount_to(root, article_viewer::App).forget(),
        None => leptos::mount::mount_to_body(article_viewer::App),
    }
}
