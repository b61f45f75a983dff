//! The table view: one row per result (kind, title, key figure, sectors, date, source),
//! paged like the cards. Each column header sorts by its column (a second click flips the
//! direction); each title opens the fact's card. The table scrolls sideways in a box of its
//! own, so a narrow screen never scrolls the page.

use factdeck_core::facts::Facts;
use std::rc::Rc;

use factdeck_core::model::Fact;
use factdeck_core::search::{Query, Ranked};
use factdeck_core::sort::date_of;
use factdeck_core::timeline::DateOrigin;
use factdeck_core::url_state::{Column, Direction, Sort};
use yew::prelude::*;

use crate::ui::cards::source_link::in_app;
use crate::ui::deck::{Answer, Deck};
use crate::ui::filters::sort_select::sort_label;
use crate::ui::highlighted::highlighted;
use crate::ui::paging::{use_pages, Pages, PAGE};
use crate::ui::state::Action;
use crate::ui::url_sync::{use_links, Links};

#[derive(Properties, PartialEq)]
pub struct ResultTableProps {
    pub deck: Rc<Deck>,
    /// The facts to list, in the view's order; never empty. Only the shown page is ranked.
    pub results: Ranked,
    pub query: Query,
    pub sort: Sort,
    /// A search or a filter narrows the dataset (the caption says so).
    pub filtered: bool,
    pub dispatch: Callback<Action>,
    /// The deck's changes so far: a compiled dataset's facts arriving show their rows.
    pub generation: u32,
}

#[function_component(ResultTable)]
pub fn result_table(props: &ResultTableProps) -> Html {
    let links = use_links();
    let Pages { limit, more } = use_pages(&props.results, PAGE);
    let total = props.results.len();
    let rows = use_memo((props.results.clone(), limit), |(results, limit)| results.top(*limit));
    // A compiled dataset's rows show once their facts have arrived.
    let waiting = props.deck.at_hand(&rows) != Answer::Ready(());
    let facts = props.deck.facts();
    let mut caption = match (props.filtered, total) {
        (false, n) => format!("All {n} facts"),
        (true, 1) => "The 1 fact that matches this view".to_owned(),
        (true, n) => format!("The {n} facts that match this view"),
    };
    caption.push_str(&format!(". Order: {}.", sort_label(props.sort, !props.query.is_empty())));
    if limit < total {
        caption.push_str(&format!(" The first {limit} are shown."));
    }
    html! {
        <>
            <div class="table-scroll" role="region" aria-labelledby="results-table-caption" tabindex="0" aria-busy={waiting.then_some("true")}>
                <table class="results-table">
                    <caption id="results-table-caption" class="results-table__caption">{ caption }</caption>
                    <thead>
                        <tr>{ for Column::ALL.map(|c| header(c, props.sort, &props.dispatch)) }</tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|&f| row(&facts, &links, f, &props.query, &props.dispatch)) }
                    </tbody>
                </table>
            </div>
            { more }
        </>
    }
}

fn column_label(c: Column) -> &'static str {
    match c {
        Column::Kind => "Kind",
        Column::Title => "Title",
        Column::Figure => "Key figure",
        Column::Sectors => "Sectors",
        Column::Date => "Date",
        Column::Source => "Source",
    }
}

/// A column header: a button that sorts by the column, and `aria-sort` saying whether the
/// rows are sorted by it.
fn header(column: Column, sort: Sort, dispatch: &Callback<Action>) -> Html {
    let (state, arrow) = match sort {
        Sort::By(c, Direction::Ascending) if c == column => ("ascending", "▲"),
        Sort::By(c, Direction::Descending) if c == column => ("descending", "▼"),
        _ => ("none", "↕"),
    };
    let onclick = dispatch.reform(move |_: MouseEvent| Action::SetSort(sort.toggled(column)));
    html! {
        <th scope="col" aria-sort={state}>
            <button type="button" class="results-table__sort" {onclick}>
                { column_label(column) }<span class="results-table__arrow" aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}

/// Fact `f`'s row; nothing until its fact and source are at hand.
fn row(facts: &impl Facts, links: &Links, f: usize, query: &Query, dispatch: &Callback<Action>) -> Html {
    let Some((fact, source)) = facts.quoting(f) else { return Html::default() };
    let id = fact.id.to_string();
    let kind = fact.kind.slug();
    let sectors: Vec<&str> = fact.sectors.iter().map(|&s| facts.sectors()[s].label.as_str()).collect();
    html! {
        <tr key={f} class={format!("card--{kind}")}>
            <td><span class={classes!("badge", format!("badge--{kind}"))}>{ fact.kind.label() }</span></td>
            <th scope="row" class="results-table__title">
                <a href={links.fact(&id)} onclick={in_app(dispatch, Action::ShowCard(id.clone()))}>{ highlighted(&fact.title, query, None) }</a>
            </th>
            <td class="results-table__figure">{ fact.quantity.as_ref().map(ToString::to_string).unwrap_or_default() }</td>
            <td>{ sectors.join(", ") }</td>
            <td class="results-table__date">{ date_cell(fact) }</td>
            <td>{ &source.publisher }{ ", " }<time datetime={source.published.iso()}>{ source.published.to_string() }</time></td>
        </tr>
    }
}

/// The date the row sorts by, and where it comes from when it is not simply given.
fn date_cell(fact: &Fact) -> Html {
    let Some((origin, when)) = date_of(fact) else { return Html::default() };
    let note = match (origin, when.inferred) {
        (DateOrigin::Date, false) => None,
        (DateOrigin::Date, true) => Some("inferred"),
        (DateOrigin::Period, false) => Some("period of the figure"),
        (DateOrigin::Period, true) => Some("period of the figure, inferred"),
        (DateOrigin::Derived(_), _) => Some("derived"),
    };
    html! {
        <>
            <time datetime={when.start.iso()}>{ when.to_string() }</time>
            if let Some(note) = note {
                <span class="results-table__note">{ format!(" ({note})") }</span>
            }
        </>
    }
}
