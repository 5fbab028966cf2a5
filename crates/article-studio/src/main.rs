//! The studio (`studio/` of the built site): a journalist pastes a story, accepts and
//! fixes the suggested figures, links parts to totals, sees every problem `article check`
//! would report and a preview drawn by the reader's own components, and downloads the
//! `article/1` document. Its own wasm, so the reader's bundle does not grow; the work
//! model is `article_suggest::work` (DOM-free, tested natively), this is its shell.
mod document_actions;
mod figure_list;
mod problem_list;
mod problem_notes;
mod saved_work;
mod story_form;
mod studio;
mod studio_preview;
mod suggestion_list;
mod words;

fn main() {
    article_viewer::init();
    leptos::mount::mount_to_body(studio::Studio);
}
