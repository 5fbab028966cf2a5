//! The studio page: its state, shared with the parts below through context, and the
//! layout. The work is one signal; everything shown is derived from it (the engine's
//! analysis of the text, the document, its problems) and it is saved on every change.
use std::sync::Arc;

use article_core::problem::Problem;
use article_core::Document;
use article_suggest::work::{Analysis, Concerns, Work, WorkProblem};
use article_viewer::i18n::Lang;
use leptos::prelude::*;

use crate::document_actions::DocumentActions;
use crate::figure_list::FigureList;
use crate::problem_list::ProblemList;
use crate::saved_work;
use crate::story_form::StoryForm;
use crate::studio_preview::StudioPreview;
use crate::suggestion_list::SuggestionList;
use crate::words::{words, Words};

/// What every part of the studio reads and writes.
#[derive(Clone, Copy)]
pub struct StudioState {
    pub work: RwSignal<Work>,
    /// The engine's reading of the text (header, paragraphs, suggestions).
    pub analysis: Memo<Arc<Analysis>>,
    /// The `article/1` document the work makes.
    pub document: Memo<String>,
    /// That document loaded by the core (what the preview shows), or its errors.
    pub loaded: Memo<Result<Arc<Document>, Vec<Problem>>>,
    /// What `article check` would say of it, tied to what each problem concerns.
    pub problems: Memo<Vec<WorkProblem>>,
    pub ui: Signal<Lang>,
    /// A message about the last file opened (refused import), if any.
    pub notice: RwSignal<Option<String>>,
}

impl StudioState {
    pub fn words(&self) -> &'static Words {
        words(self.ui.get())
    }

    /// The problems concerning one thing, in the order the check reports them.
    pub fn problems_of(&self, what: &Concerns) -> Vec<WorkProblem> {
        self.problems
            .get()
            .into_iter()
            .filter(|p| p.concerns == *what)
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        self.problems.with(|p| p.iter().any(WorkProblem::is_error))
    }
}

pub fn use_studio() -> StudioState {
    expect_context::<StudioState>()
}

#[component]
pub fn Studio() -> impl IntoView {
    let (chosen, set_chosen) = signal(Lang::saved());
    let ui = Signal::derive(move || chosen.get().unwrap_or(Lang::Vi));
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", ui.get().tag());
        }
    });

    let work = RwSignal::new(saved_work::load());
    let text = Memo::new(move |_| work.with(|w| w.text.clone()));
    let analysis = Memo::new(move |_| Arc::new(text.with(|t| article_suggest::work::analyse(t))));
    let document = Memo::new(move |_| work.with(|w| analysis.with(|a| w.document(a))));
    // Loaded once per change: the problems and the preview both come from it.
    let loaded = Memo::new(move |_| document.with(|json| article_core::load(json).map(Arc::new)));
    let problems = Memo::new(move |_| {
        let found = loaded.with(|l| match l {
            Ok(doc) => doc.warnings.clone(),
            Err(errors) => errors.clone(),
        });
        work.with(|w| analysis.with(|a| w.problems_found(a, found)))
    });
    let state = StudioState {
        work,
        analysis,
        document,
        loaded,
        problems,
        ui,
        notice: RwSignal::new(None),
    };
    provide_context(state);

    // A pasted story fills the header fields still empty (and, for a new story, the
    // article's language).
    Effect::new(move |_| {
        let a = analysis.get();
        let changes = work.with_untracked(|w| {
            let mut next = w.clone();
            if w.title.trim().is_empty() {
                if let Some(lang) = &a.lang {
                    next.lang = lang.clone();
                }
            }
            next.fill_header(&a);
            (next != *w).then_some(next)
        });
        if let Some(next) = changes {
            work.set(next);
        }
    });
    // Saved as the journalist types.
    let (saved, set_saved) = signal(true);
    Effect::new(move |_| {
        set_saved.set(work.with(saved_work::save));
    });

    let t = move || state.words();
    let other = move || ui.get().other();
    view! {
        <header class="studio-top">
            <h1>{move || t().heading}</h1>
            <p class="studio-intro">{move || t().intro}</p>
            <nav class="studio-nav">
                <a href="../">{move || t().reader_link}</a>
                <button type="button" class="lang-switch" lang=move || other().tag()
                    on:click=move |_| {
                        let next = ui.get_untracked().other();
                        next.save();
                        set_chosen.set(Some(next));
                    }>{move || ui.get().text().switch_language}</button>
                <span class="save-state" role="status">{move || saved.get().then(|| t().saved)}</span>
            </nav>
        </header>
        // Not a <main>: the preview holds the reader's own main and complementary
        // landmarks, which must stay top-level.
        <div class="studio">
            // The story and, beside it, its figures; the preview after them (beside both
            // on a very wide screen).
            <div class="studio-work studio-story">
                <StoryForm />
            </div>
            <div class="studio-work studio-figures">
                <SuggestionList />
                <FigureList />
                <ProblemList />
                <DocumentActions />
            </div>
            <StudioPreview />
        </div>
    }
}
