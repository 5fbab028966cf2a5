//! Mounts the reader. Everything else lives in the library.
fn main() {
    article_viewer::init();
    leptos::mount::mount_to_body(article_viewer::App);
}
