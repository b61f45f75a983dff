//! Which dataset the page shows, as plain state: the dataset (or its errors, or the wait for
//! one), where it came from, the job that may replace it, and the copy kept on this device.
//! The rules live here: a job's late answer is ignored once another job began, or after
//! Cancel or Back. What talks to the browser (the worker, storage, history) is in `loader`,
//! which turns what happens there into [`DeckAction`]s.

use std::cell::OnceCell;
use std::rc::Rc;

use factdeck_core::dataset::DatasetError;
use yew::Reducible;

use crate::ui::deck::Deck;
use crate::ui::loading::own_store::Saved;

/// What the page shows.
#[derive(Clone, PartialEq)]
pub enum Shown {
    /// A dataset is being fetched or restored, and there is nothing else to show meanwhile.
    Loading(String),
    Deck {
        deck: Rc<Deck>,
        provenance: Provenance,
    },
    /// The dataset could not be opened. `name` is the file as the visitor knows it.
    Errors {
        name: String,
        own: bool,
        errors: Rc<Vec<DatasetError>>,
    },
    /// `?data=local`, but no copy of a dataset is kept on this device.
    Missing,
}

/// Where the dataset shown came from.
#[derive(Clone, PartialEq)]
pub enum Provenance {
    /// Built into the page.
    Embedded,
    /// `?data=path.json`.
    Site,
    /// The visitor's own file.
    Own(Rc<OwnFile>),
}

/// A visitor's dataset file, as opened.
#[derive(PartialEq)]
pub struct OwnFile {
    pub name: String,
    pub bytes: f64,
    /// Opened from the copy kept on this device, rather than picked or dropped (which
    /// `loader` holds on to, to read again if the visitor asks to keep it).
    pub restored: bool,
}

/// Everything the dataset controls show.
#[derive(Clone, PartialEq)]
pub struct DeckModel {
    pub shown: Shown,
    /// While a file is opened with the explorer still usable: what is happening.
    pub busy: Option<String>,
    /// The dataset kept on this device, if any.
    pub saved: Option<Saved>,
    /// The answer to the last "keep" request, when it needs words (e.g. too big to keep).
    pub note: Option<String>,
    /// The job whose answers count; `None` when none runs.
    job: Option<u32>,
    builtin: Builtin,
}

/// The built-in dataset (or its errors), made the first time it is shown: a visit that
/// opens another dataset (`?data=`) never pays for decoding and indexing it.
#[derive(Clone)]
pub struct Builtin {
    made: Rc<OnceCell<Shown>>,
    make: Rc<dyn Fn() -> Shown>,
}

impl Builtin {
    pub fn new(make: impl Fn() -> Shown + 'static) -> Builtin {
        Builtin { made: Rc::default(), make: Rc::new(make) }
    }

    fn get(&self) -> Shown {
        self.made.get_or_init(|| (self.make)()).clone()
    }
}

impl PartialEq for Builtin {
    fn eq(&self, other: &Builtin) -> bool {
        Rc::ptr_eq(&self.made, &other.made)
    }
}

impl DeckModel {
    /// Showing the built-in dataset.
    pub fn new(builtin: Builtin) -> DeckModel {
        DeckModel { shown: builtin.get(), busy: None, saved: None, note: None, job: None, builtin }
    }

    /// Waiting for the dataset the address names (`what` says so) before anything is shown:
    /// the built-in dataset is made only if the visitor goes back to it.
    pub fn waiting(builtin: Builtin, what: String) -> DeckModel {
        DeckModel { shown: Shown::Loading(what), busy: None, saved: None, note: None, job: None, builtin }
    }

    /// True when the dataset shown is the visitor's and the copy kept is this one.
    pub fn shown_is_kept(&self) -> bool {
        match (&self.shown, &self.saved) {
            (Shown::Deck { provenance: Provenance::Own(f), .. }, Some(s)) => s.name == f.name && s.bytes == f.bytes,
            _ => false,
        }
    }
}

pub enum DeckAction {
    /// Job `id` starts; `page` when it replaces the page rather than running beside it.
    Start {
        id: u32,
        what: String,
        page: bool,
    },
    Progress(u32, String),
    /// Job `id` is done: show this.
    Finished(u32, Shown),
    /// Stop the job: what was shown before it stays, or the built-in dataset if it had
    /// replaced the page.
    Cancel,
    /// Show the built-in dataset again.
    Back,
    /// `?data=local` names no copy kept here.
    Missing,
    /// The copy kept on this device now, and what to say about the last keep request.
    Saved(Option<Saved>, Option<String>),
}

impl Reducible for DeckModel {
    type Action = DeckAction;

    fn reduce(self: Rc<Self>, action: DeckAction) -> Rc<Self> {
        let mut m = (*self).clone();
        match action {
            DeckAction::Start { id, what, page } => {
                m.job = Some(id);
                m.note = None;
                if page {
                    m.shown = Shown::Loading(what);
                } else {
                    m.busy = Some(what);
                }
            }
            DeckAction::Progress(id, what) if m.job == Some(id) => match &mut m.shown {
                Shown::Loading(w) => *w = what,
                _ => m.busy = Some(what),
            },
            DeckAction::Finished(id, shown) if m.job == Some(id) => m.show(shown),
            DeckAction::Progress(..) | DeckAction::Finished(..) => return self,
            DeckAction::Cancel => {
                let shown = if matches!(m.shown, Shown::Loading(_)) { m.builtin.get() } else { m.shown.clone() };
                m.show(shown);
            }
            DeckAction::Back => m.show(m.builtin.get()),
            DeckAction::Missing => m.show(Shown::Missing),
            DeckAction::Saved(saved, note) => {
                m.saved = saved;
                m.note = note;
            }
        }
        Rc::new(m)
    }
}

impl DeckModel {
    /// Shows `shown`, with no job left running.
    fn show(&mut self, shown: Shown) {
        self.shown = shown;
        self.busy = None;
        self.job = None;
    }
}

/// Numbers the jobs that may replace the dataset shown, and knows which one counts. Kept by
/// `loader` beside the model, which reaches it only as of the last render: too late to
/// number a job begun in the same task, or to skip a stopped job's side effects.
#[derive(Default)]
pub struct JobIds {
    last: u32,
    current: Option<u32>,
}

impl JobIds {
    /// A new job, which replaces any other.
    pub fn begin(&mut self) -> u32 {
        self.last += 1;
        self.current = Some(self.last);
        self.last
    }

    /// No job counts any more (it finished, or was cancelled).
    pub fn end(&mut self) {
        self.current = None;
    }

    pub fn is_current(&self, id: u32) -> bool {
        self.current == Some(id)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use factdeck_core::dataset::Dataset;

    use super::*;

    fn deck(title: &str) -> Rc<Deck> {
        let dataset = Dataset { title: title.into(), description: String::new(), sectors: vec![], sources: vec![], facts: vec![] };
        Rc::new(Deck::new(dataset))
    }

    fn shows(deck: &Rc<Deck>, provenance: Provenance) -> Shown {
        Shown::Deck { deck: deck.clone(), provenance }
    }

    fn own(name: &str, bytes: f64) -> Provenance {
        Provenance::Own(Rc::new(OwnFile { name: name.into(), bytes, restored: false }))
    }

    /// The page as it starts: the built-in dataset, no job.
    struct Page {
        model: Rc<DeckModel>,
        builtin: Rc<Deck>,
        ids: JobIds,
    }

    impl Page {
        fn new() -> Page {
            let builtin = deck("built-in");
            Page { model: Rc::new(DeckModel::new(Page::make(&builtin))), builtin, ids: JobIds::default() }
        }

        /// A page opened at an address that names another dataset: nothing shown yet.
        fn waiting(what: &str) -> (Page, Rc<Cell<u32>>) {
            let builtin = deck("built-in");
            let made = Rc::new(Cell::new(0));
            let count = made.clone();
            let shown = shows(&builtin, Provenance::Embedded);
            let make = Builtin::new(move || {
                count.set(count.get() + 1);
                shown.clone()
            });
            (Page { model: Rc::new(DeckModel::waiting(make, what.into())), builtin, ids: JobIds::default() }, made)
        }

        fn make(builtin: &Rc<Deck>) -> Builtin {
            let shown = shows(builtin, Provenance::Embedded);
            Builtin::new(move || shown.clone())
        }

        fn act(&mut self, action: DeckAction) {
            self.model = self.model.clone().reduce(action);
        }

        /// A file opened beside the explorer (picked or dropped); its job's id.
        fn open_beside(&mut self, what: &str) -> u32 {
            let id = self.ids.begin();
            self.act(DeckAction::Start { id, what: what.into(), page: false });
            id
        }

        /// A dataset loaded in place of the page (`?data=…` at startup).
        fn open_in_place(&mut self, what: &str) -> u32 {
            let id = self.ids.begin();
            self.act(DeckAction::Start { id, what: what.into(), page: true });
            id
        }

        fn shows_builtin(&self) -> bool {
            self.model.shown == shows(&self.builtin, Provenance::Embedded)
        }
    }

    #[test]
    fn every_job_gets_a_number_of_its_own_and_only_the_last_one_counts() {
        let mut ids = JobIds::default();
        let first = ids.begin();
        let second = ids.begin();
        assert_ne!(first, second);
        assert!(ids.is_current(second) && !ids.is_current(first));
        ids.end();
        assert!(!ids.is_current(second), "a cancelled or finished job no longer counts");
        let third = ids.begin();
        assert!(third != first && third != second, "numbers are never reused");
    }

    #[test]
    fn opening_a_file_shows_its_progress_beside_the_explorer_then_the_dataset() {
        let mut page = Page::new();
        let id = page.open_beside("Opening “a.json”…");
        assert!(page.shows_builtin(), "the explorer stays usable while the file is checked");
        assert_eq!(page.model.busy.as_deref(), Some("Opening “a.json”…"));
        page.act(DeckAction::Progress(id, "Checking 12 facts…".into()));
        assert_eq!(page.model.busy.as_deref(), Some("Checking 12 facts…"));
        let a = deck("a");
        page.act(DeckAction::Finished(id, shows(&a, own("a.json", 10.0))));
        assert!(page.model.shown == shows(&a, own("a.json", 10.0)));
        assert_eq!(page.model.busy, None, "the progress line goes once the dataset is shown");
    }

    #[test]
    fn a_dataset_loaded_in_place_of_the_page_shows_its_progress_there() {
        let mut page = Page::new();
        let id = page.open_in_place("Loading dataset…");
        assert!(page.model.shown == Shown::Loading("Loading dataset…".into()));
        page.act(DeckAction::Progress(id, "Indexing 3 facts…".into()));
        assert!(page.model.shown == Shown::Loading("Indexing 3 facts…".into()));
        assert_eq!(page.model.busy, None);
    }

    #[test]
    fn a_page_opened_at_another_dataset_s_address_waits_for_it_without_making_the_built_in_one() {
        let (mut page, made) = Page::waiting("Loading dataset…");
        assert!(page.model.shown == Shown::Loading("Loading dataset…".into()));
        let id = page.open_in_place("Loading dataset…");
        page.act(DeckAction::Progress(id, "Loading the index of 100,000 facts…".into()));
        let a = deck("a");
        page.act(DeckAction::Finished(id, shows(&a, Provenance::Site)));
        assert!(page.model.shown == shows(&a, Provenance::Site));
        assert_eq!(made.get(), 0, "the built-in dataset was never needed");
        page.act(DeckAction::Back);
        assert!(page.shows_builtin(), "Back makes it");
        let again = page.open_in_place("Loading dataset…");
        page.act(DeckAction::Cancel);
        assert!(page.shows_builtin());
        page.act(DeckAction::Finished(again, shows(&a, Provenance::Site)));
        assert!(page.shows_builtin());
        assert_eq!(made.get(), 1, "made once, however often it is shown");
    }

    #[test]
    fn cancelling_the_first_dataset_a_page_waits_for_shows_the_built_in_one() {
        let (mut page, _) = Page::waiting("Loading dataset…");
        let id = page.open_in_place("Loading dataset…");
        page.act(DeckAction::Cancel);
        assert!(page.shows_builtin());
        page.act(DeckAction::Finished(id, shows(&deck("a"), Provenance::Site)));
        assert!(page.shows_builtin(), "the cancelled dataset does not arrive afterwards");
    }

    #[test]
    fn of_two_files_opened_one_after_the_other_only_the_second_is_shown() {
        let mut page = Page::new();
        let first = page.open_beside("Opening “a.json”…");
        let second = page.open_beside("Opening “b.json”…");
        let (a, b) = (deck("a"), deck("b"));
        page.act(DeckAction::Progress(first, "Checking 900 facts…".into()));
        assert_eq!(page.model.busy.as_deref(), Some("Opening “b.json”…"), "the first file's progress is not shown");
        page.act(DeckAction::Finished(first, shows(&a, own("a.json", 1.0))));
        assert!(page.shows_builtin(), "the first file, finishing late, is not shown");
        page.act(DeckAction::Finished(second, shows(&b, own("b.json", 2.0))));
        assert!(page.model.shown == shows(&b, own("b.json", 2.0)));
        page.act(DeckAction::Finished(first, shows(&a, own("a.json", 1.0))));
        assert!(page.model.shown == shows(&b, own("b.json", 2.0)), "nor does it replace the second afterwards");
    }

    #[test]
    fn a_dataset_that_finishes_loading_after_cancel_is_not_shown() {
        let mut page = Page::new();
        let a = deck("a");
        let first = page.open_beside("Opening “a.json”…");
        page.act(DeckAction::Finished(first, shows(&a, own("a.json", 1.0))));
        let id = page.open_beside("Opening “b.json”…");
        page.act(DeckAction::Cancel);
        assert!(page.model.shown == shows(&a, own("a.json", 1.0)), "cancel keeps what was shown before");
        assert_eq!(page.model.busy, None, "and takes the progress line away");
        page.act(DeckAction::Progress(id, "Checking 5 facts…".into()));
        assert_eq!(page.model.busy, None, "the cancelled file's progress is not shown");
        page.act(DeckAction::Finished(id, shows(&deck("b"), own("b.json", 2.0))));
        assert!(page.model.shown == shows(&a, own("a.json", 1.0)), "nor its dataset");
        let errors = Shown::Errors { name: "b.json".into(), own: true, errors: Rc::new(vec![]) };
        page.act(DeckAction::Finished(id, errors));
        assert!(page.model.shown == shows(&a, own("a.json", 1.0)), "nor its errors");
    }

    #[test]
    fn cancelling_a_dataset_loaded_in_place_of_the_page_brings_back_the_built_in_one() {
        let mut page = Page::new();
        let id = page.open_in_place("Opening your dataset “a.json”…");
        page.act(DeckAction::Cancel);
        assert!(page.shows_builtin());
        page.act(DeckAction::Progress(id, "Checking 5 facts…".into()));
        assert!(page.shows_builtin() && page.model.busy.is_none(), "late progress shows nowhere");
        page.act(DeckAction::Finished(id, shows(&deck("a"), own("a.json", 1.0))));
        assert!(page.shows_builtin());
    }

    #[test]
    fn back_shows_the_built_in_dataset_and_what_was_loading_never_arrives() {
        let mut page = Page::new();
        let a = deck("a");
        let first = page.open_beside("Opening “a.json”…");
        page.act(DeckAction::Finished(first, shows(&a, own("a.json", 1.0))));
        let id = page.open_beside("Opening “b.json”…");
        page.act(DeckAction::Back);
        assert!(page.shows_builtin());
        assert_eq!(page.model.busy, None);
        page.act(DeckAction::Finished(id, shows(&deck("b"), own("b.json", 2.0))));
        assert!(page.shows_builtin(), "the file opened before Back is not shown after it");
    }

    #[test]
    fn back_from_a_missing_kept_copy_shows_the_built_in_dataset() {
        let mut page = Page::new();
        page.act(DeckAction::Missing);
        assert!(page.model.shown == Shown::Missing);
        page.act(DeckAction::Back);
        assert!(page.shows_builtin());
    }

    #[test]
    fn keeping_the_shown_file_marks_it_kept_and_forgetting_it_unmarks_it() {
        let mut page = Page::new();
        let id = page.open_beside("Opening “a.json”…");
        page.act(DeckAction::Finished(id, shows(&deck("a"), own("a.json", 10.0))));
        assert!(!page.model.shown_is_kept());
        page.act(DeckAction::Saved(Some(Saved { name: "a.json".into(), bytes: 10.0 }), None));
        assert!(page.model.shown_is_kept(), "ticked after Keep");
        page.act(DeckAction::Saved(None, None));
        assert!(!page.model.shown_is_kept(), "unticked after Forget");
        assert_eq!(page.model.saved, None);
    }

    #[test]
    fn a_copy_kept_of_another_file_is_not_the_shown_file_kept() {
        let mut page = Page::new();
        page.act(DeckAction::Saved(Some(Saved { name: "a.json".into(), bytes: 10.0 }), None));
        assert!(!page.model.shown_is_kept(), "the built-in dataset is never the kept copy");
        let id = page.open_beside("Opening “a.json”…");
        page.act(DeckAction::Finished(id, shows(&deck("a2"), own("a.json", 11.0))));
        assert!(!page.model.shown_is_kept(), "same name, other size: another file");
        assert!(page.model.saved.is_some(), "the kept copy stays kept");
    }

    #[test]
    fn a_refused_keep_says_why_until_another_file_is_opened() {
        let mut page = Page::new();
        let id = page.open_beside("Opening “big.json”…");
        page.act(DeckAction::Finished(id, shows(&deck("big"), own("big.json", 9e6))));
        page.act(DeckAction::Saved(None, Some("Too big to keep.".into())));
        assert!(!page.model.shown_is_kept());
        assert_eq!(page.model.note.as_deref(), Some("Too big to keep."));
        page.open_beside("Opening “small.json”…");
        assert_eq!(page.model.note, None);
    }
}
