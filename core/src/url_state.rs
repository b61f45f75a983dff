//! The whole view as a query string, and back.
//!
//! `render` writes a canonical form (`?q=…&sector=…&kind=…&fact=…&view=…&sort=…&data=…`,
//! sets sorted, the default cards view and relevance order omitted); `parse` reads anything
//! a user or a link might produce without failing: malformed percent-encoding is decoded
//! lossily, unknown keys and values are ignored, repeated `q`/`fact`/`view`/`sort` keep the
//! first valid one, `view=source` without a `fact` is dropped (there is no source to show),
//! and sizes are capped. For every valid state within the caps ([`ViewState::is_valid`]),
//! `parse(&render(s)) == s`.
//!
//! `sort` ([`Sort`]) names a column, with a leading `-` for descending: `title`/`-title`,
//! `kind`/`-kind`, `figure`/`-figure`, `sector`/`-sector`, `source`/`-source`; dates read
//! as words, `oldest` (ascending) and `newest` (descending). No `sort` is relevance order.

use std::collections::BTreeSet;

use crate::model::Kind;

/// Longest search query kept, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most values kept per facet.
pub const MAX_FACET_VALUES: usize = 64;
/// Longest id kept (sector or fact), in bytes.
pub const MAX_ID_BYTES: usize = 80;
/// Only this many bytes of a query string are read; the rest is ignored.
pub const MAX_INPUT_BYTES: usize = 16 * 1024;

/// Everything a shared link restores.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The search box text, at most [`MAX_QUERY_CHARS`] characters.
    pub query: String,
    /// Selected sector ids (slugs).
    pub sectors: BTreeSet<String>,
    pub kinds: BTreeSet<Kind>,
    /// The open card's fact id.
    pub open: Option<String>,
    /// A dataset to load instead of the built-in one: a same-origin relative path to a
    /// `.json` file (see [`is_data_path`]), or [`LOCAL_DATA`] for the visitor's own file.
    pub data: Option<String>,
    /// How the results are shown. [`Mode::Source`] needs `open` (the fact whose source
    /// text is shown).
    pub mode: Mode,
    /// The order of the results (cards and table; the timeline is always chronological).
    pub sort: Sort,
}

impl ViewState {
    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty() || !self.sectors.is_empty() || !self.kinds.is_empty()
    }

    /// True for states a link can carry: a source view names its fact.
    pub fn is_valid(&self) -> bool {
        self.mode != Mode::Source || self.open.is_some()
    }
}

/// How the explorer presents the view: `?view=timeline`, `?view=table`, `?view=source`, or
/// nothing for the cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The result cards (the default; not written to the URL).
    #[default]
    Cards,
    /// The results that carry dates, in chronological order.
    Timeline,
    /// The full source text of the open fact, its quote highlighted.
    Source,
    /// The results as rows of a table, one per fact.
    Table,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Cards, Mode::Timeline, Mode::Source, Mode::Table];

    /// The value of the `view` key.
    pub fn slug(self) -> &'static str {
        match self {
            Mode::Cards => "cards",
            Mode::Timeline => "timeline",
            Mode::Source => "source",
            Mode::Table => "table",
        }
    }

    pub fn from_slug(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.slug() == s)
    }
}

/// The order of the results: relevance (the default; with no query, the dataset's order)
/// or one column, ascending or descending. How each column compares is `crate::sort`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    By(Column, Direction),
}

/// What the results can be sorted by: the table's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Kind,
    Title,
    Figure,
    Sectors,
    Date,
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Column {
    /// In the table's order.
    pub const ALL: [Column; 6] = [Column::Kind, Column::Title, Column::Figure, Column::Sectors, Column::Date, Column::Source];

    pub(crate) fn slug(self) -> &'static str {
        match self {
            Column::Kind => "kind",
            Column::Title => "title",
            Column::Figure => "figure",
            Column::Sectors => "sector",
            Column::Date => "date",
            Column::Source => "source",
        }
    }
}

impl Sort {
    /// Every order, relevance first.
    pub fn all() -> impl Iterator<Item = Sort> {
        std::iter::once(Sort::Relevance)
            .chain(Column::ALL.into_iter().flat_map(|c| [Direction::Ascending, Direction::Descending].map(|d| Sort::By(c, d))))
    }

    /// The value of the `sort` key; empty for relevance (not written).
    pub fn slug(self) -> String {
        match self {
            Sort::Relevance => String::new(),
            Sort::By(Column::Date, Direction::Ascending) => "oldest".to_owned(),
            Sort::By(Column::Date, Direction::Descending) => "newest".to_owned(),
            Sort::By(c, Direction::Ascending) => c.slug().to_owned(),
            Sort::By(c, Direction::Descending) => format!("-{}", c.slug()),
        }
    }

    /// Any order but relevance, from its slug.
    pub fn from_slug(s: &str) -> Option<Sort> {
        Sort::all().find(|o| *o != Sort::Relevance && o.slug() == s)
    }

    /// The order a click on `column`'s header asks for: ascending, or descending when it
    /// is already sorted ascending.
    pub fn toggled(self, column: Column) -> Sort {
        match self {
            Sort::By(c, Direction::Ascending) if c == column => Sort::By(column, Direction::Descending),
            _ => Sort::By(column, Direction::Ascending),
        }
    }
}

/// The `data` value for a dataset the visitor opened from their own device (`?data=local`).
/// It never names a file on the site (those end in `.json`), and a link carrying it cannot
/// carry the file: the app restores the copy kept on this device, if any, or says so.
pub const LOCAL_DATA: &str = "local";

/// True for ids the dataset could contain: `[a-z0-9]` runs joined by single hyphens.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_BYTES
        && s.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// True for paths a link may ask the app to load a dataset from: relative, same-origin, a
/// `.json` file or a compiled dataset's directory (with its trailing `/`, see
/// [`is_compiled_path`]), at most 200 bytes of `[A-Za-z0-9._/-]`, with no `..`, `//` or
/// leading `/`.
pub fn is_data_path(s: &str) -> bool {
    let path = s.strip_suffix('/').filter(|_| is_compiled_path(s)).unwrap_or(s);
    s.len() <= 200
        && (path.ends_with(".json") || path.len() < s.len())
        && !path.starts_with('/')
        && !path.contains("//")
        && path.split('/').all(|seg| !seg.is_empty() && seg != ".." && seg != ".")
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'/' | b'-'))
}

/// True for a `?data=` path naming a compiled dataset's directory (`scripts/compile`'s
/// output) rather than a JSON file: it ends with `/`.
pub fn is_compiled_path(s: &str) -> bool {
    s.ends_with('/')
}

/// Reads a query string (with or without the leading `?`). Never fails.
pub fn parse(input: &str) -> ViewState {
    let input = input.strip_prefix('?').unwrap_or(input);
    let mut cut = input.len().min(MAX_INPUT_BYTES);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut state = ViewState::default();
    let mut have_query = false;
    let mut mode = None;
    let mut sort = None;
    for (key, value) in form_urlencoded::parse(&input.as_bytes()[..cut]) {
        match &*key {
            "q" if !have_query => {
                have_query = true;
                state.query = value.chars().take(MAX_QUERY_CHARS).collect();
            }
            "sector" if is_id(&value) && state.sectors.len() < MAX_FACET_VALUES => {
                state.sectors.insert(value.into_owned());
            }
            "kind" => {
                if let Some(k) = Kind::from_slug(&value) {
                    state.kinds.insert(k);
                }
            }
            "fact" if state.open.is_none() && is_id(&value) => state.open = Some(value.into_owned()),
            "data" if state.data.is_none() && (is_data_path(&value) || value == LOCAL_DATA) => state.data = Some(value.into_owned()),
            "view" if mode.is_none() => mode = Mode::from_slug(&value),
            "sort" if sort.is_none() => sort = Sort::from_slug(&value),
            _ => {}
        }
    }
    state.mode = mode.unwrap_or_default();
    state.sort = sort.unwrap_or_default();
    if !state.is_valid() {
        state.mode = Mode::Cards;
    }
    state
}

/// Writes the canonical query string: empty for the default view, else `?…`.
pub fn render(state: &ViewState) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    if !state.query.is_empty() {
        ser.append_pair("q", &state.query);
    }
    for s in &state.sectors {
        ser.append_pair("sector", s);
    }
    for k in &state.kinds {
        ser.append_pair("kind", k.slug());
    }
    if let Some(id) = &state.open {
        ser.append_pair("fact", id);
    }
    if state.mode != Mode::Cards {
        ser.append_pair("view", state.mode.slug());
    }
    if state.sort != Sort::Relevance {
        ser.append_pair("sort", &state.sort.slug());
    }
    if let Some(path) = &state.data {
        ser.append_pair("data", path);
    }
    let out = ser.finish();
    if out.is_empty() {
        out
    } else {
        format!("?{out}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_view_is_the_bare_url() {
        assert_eq!(render(&ViewState::default()), "");
        assert_eq!(parse(""), ViewState::default());
        assert_eq!(parse("?"), ViewState::default());
    }

    #[test]
    fn canonical_form_sorts_sets() {
        let s = parse("?kind=project&sector=trade&sector=energy&q=green+energy&kind=agreement");
        assert_eq!(render(&s), "?q=green+energy&sector=energy&sector=trade&kind=project&kind=agreement");
    }

    #[test]
    fn malformed_percent_encoding_is_decoded_lossily() {
        let s = parse("?q=%E2%28%A1%&sector=%zz&kind=%ff");
        assert_eq!(s.query, "\u{FFFD}(\u{FFFD}%");
        assert!(s.sectors.is_empty() && s.kinds.is_empty());
    }

    #[test]
    fn unknown_and_invalid_values_are_ignored() {
        let s = parse("?kind=spaceship&sector=Not+A+Slug&sector=energy&fact=%3Cscript%3E&zzz=1");
        assert!(s.kinds.is_empty());
        assert_eq!(s.sectors.into_iter().collect::<Vec<_>>(), ["energy"]);
        assert_eq!(s.open, None);
    }

    #[test]
    fn only_same_origin_relative_json_files_and_directories_are_loaded() {
        for ok in ["bench/synth-10k.json", "data.json", "a_b/c-d.v2.json", "big/", "bench/compiled-10k/", "v2.json/"] {
            assert_eq!(parse(&format!("?data={ok}")).data.as_deref(), Some(ok));
        }
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "/abs.json",
            "../up.json",
            "a/../b.json",
            "x.txt",
            "javascript:x.json",
            "a%20b.json",
            "a//b.json",
            "/",
            "//",
            "../",
            "a/../",
            "./",
            "a//",
            "/abs/",
            "https://evil.example/",
            "dir",
        ] {
            let encoded: String = form_urlencoded::byte_serialize(bad.as_bytes()).collect();
            assert_eq!(parse(&format!("?data={encoded}")).data, None, "{bad}");
        }
    }

    #[test]
    fn the_visitors_own_dataset_is_data_local() {
        let s = parse("?q=x&data=local");
        assert_eq!(s.data.as_deref(), Some(LOCAL_DATA));
        assert_eq!(render(&s), "?q=x&data=local");
        assert_eq!(parse("?data=local%2F").data.as_deref(), Some("local/"), "a compiled directory named local stays a path");
        for near in ["Local", "local.json.x", "locals", "%20local"] {
            assert_eq!(parse(&format!("?data={near}")).data, None, "{near}");
        }
        assert_eq!(parse("?data=local.json").data.as_deref(), Some("local.json"), "a site file named local.json stays a path");
        assert_eq!(parse("?data=local&data=x.json").data.as_deref(), Some(LOCAL_DATA), "the first data key wins");
    }

    #[test]
    fn repeated_query_and_fact_keep_the_first() {
        let s = parse("?q=first&q=second&fact=a&fact=b");
        assert_eq!(s.query, "first");
        assert_eq!(s.open.as_deref(), Some("a"));
    }

    #[test]
    fn the_view_key_picks_timeline_or_source() {
        assert_eq!(parse("?view=timeline").mode, Mode::Timeline);
        assert_eq!(parse("?fact=a&view=source").mode, Mode::Source);
        assert_eq!(parse("?view=cards").mode, Mode::Cards);
        assert_eq!(render(&parse("?view=cards")), "", "the cards view is the default, not written");
        assert_eq!(render(&parse("?view=timeline&q=x")), "?q=x&view=timeline");
    }

    #[test]
    fn a_source_view_without_its_fact_falls_back_to_the_cards() {
        assert_eq!(parse("?view=source"), ViewState::default());
        assert_eq!(parse("?view=source&fact=Not+A+Slug").mode, Mode::Cards);
        assert_eq!(render(&parse("?view=source&q=x")), "?q=x");
    }

    #[test]
    fn unknown_or_repeated_views_are_ignored() {
        assert_eq!(parse("?view=map").mode, Mode::Cards);
        assert_eq!(parse("?view=Timeline").mode, Mode::Cards);
        assert_eq!(parse("?view=timeline&view=source&fact=a").mode, Mode::Timeline, "the first view wins");
        assert_eq!(parse("?view=bogus&view=timeline").mode, Mode::Timeline, "as for `fact`, an invalid value is skipped");
    }

    #[test]
    fn the_sort_key_names_a_column_and_its_direction() {
        assert_eq!(parse("?sort=newest").sort, Sort::By(Column::Date, Direction::Descending));
        assert_eq!(parse("?sort=oldest").sort, Sort::By(Column::Date, Direction::Ascending));
        assert_eq!(parse("?sort=title").sort, Sort::By(Column::Title, Direction::Ascending));
        assert_eq!(parse("?sort=-source").sort, Sort::By(Column::Source, Direction::Descending));
        assert_eq!(render(&parse("?sort=-figure&view=table&q=x")), "?q=x&view=table&sort=-figure");
        let slugs: Vec<String> = Sort::all().map(Sort::slug).collect();
        assert_eq!(
            slugs,
            ["", "kind", "-kind", "title", "-title", "figure", "-figure", "sector", "-sector", "oldest", "newest", "source", "-source"]
        );
    }

    #[test]
    fn unknown_or_repeated_sorts_are_ignored() {
        for bad in ["", "date", "-date", "relevance", "Title", "-newest", "--title", "title-"] {
            assert_eq!(parse(&format!("?sort={bad}")).sort, Sort::Relevance, "{bad}");
        }
        assert_eq!(parse("?sort=title&sort=newest").sort, Sort::By(Column::Title, Direction::Ascending), "the first sort wins");
        assert_eq!(parse("?sort=bogus&sort=newest").sort, Sort::By(Column::Date, Direction::Descending), "an invalid value is skipped");
    }

    #[test]
    fn a_header_click_sorts_ascending_then_flips() {
        let s = Sort::Relevance.toggled(Column::Kind);
        assert_eq!(s, Sort::By(Column::Kind, Direction::Ascending));
        assert_eq!(s.toggled(Column::Kind), Sort::By(Column::Kind, Direction::Descending));
        assert_eq!(s.toggled(Column::Kind).toggled(Column::Kind), s);
        assert_eq!(s.toggled(Column::Date), Sort::By(Column::Date, Direction::Ascending), "another column starts ascending");
    }

    #[test]
    fn huge_inputs_are_capped() {
        let long = "a".repeat(100_000);
        let s = parse(&format!("?q={long}"));
        assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
        let many: String = (0..500).map(|i| format!("sector=s{i}&")).collect();
        assert_eq!(parse(&many).sectors.len(), MAX_FACET_VALUES);
    }

    #[test]
    fn cut_inside_a_multibyte_character_is_safe() {
        let input = format!("q={}", "ə".repeat(MAX_INPUT_BYTES));
        assert!(parse(&input).query.chars().all(|c| c == 'ə'));
    }
}
