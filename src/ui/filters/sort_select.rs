//! The "Sort" select of the results bar, and the words for each order (shared with the
//! table's caption).

use factdeck_core::url_state::{Column, Direction, Sort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::state::Action;

/// The orders the select always offers; an order set from a table header joins them
/// while it is the view's.
const OFFERED: [Sort; 4] = [
    Sort::Relevance,
    Sort::By(Column::Date, Direction::Descending),
    Sort::By(Column::Date, Direction::Ascending),
    Sort::By(Column::Title, Direction::Ascending),
];

/// The option text of `sort`. Relevance means the dataset's order while nothing is
/// searched, and says so.
pub fn sort_label(sort: Sort, searching: bool) -> &'static str {
    use {Column::*, Direction::*};
    match sort {
        Sort::Relevance if searching => "Relevance",
        Sort::Relevance => "Dataset order",
        Sort::By(Date, Descending) => "Newest first",
        Sort::By(Date, Ascending) => "Oldest first",
        Sort::By(Title, Ascending) => "Title A–Z",
        Sort::By(Title, Descending) => "Title Z–A",
        Sort::By(Kind, Ascending) => "Kind A–Z",
        Sort::By(Kind, Descending) => "Kind Z–A",
        Sort::By(Figure, Ascending) => "Key figure, smallest first",
        Sort::By(Figure, Descending) => "Key figure, largest first",
        Sort::By(Sectors, Ascending) => "Sectors A–Z",
        Sort::By(Sectors, Descending) => "Sectors Z–A",
        Sort::By(Source, Ascending) => "Source A–Z",
        Sort::By(Source, Descending) => "Source Z–A",
    }
}

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    pub sort: Sort,
    /// A query is typed: relevance is a ranking, not the dataset's order.
    pub searching: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(SortSelect)]
pub fn sort_select(props: &SortSelectProps) -> Html {
    let select = use_node_ref();
    {
        // An option's `selected` attribute stops counting once the visitor has picked one,
        // so the order set by Back/Forward or a table header is written to the select.
        let select = select.clone();
        use_effect_with(props.sort, move |sort| {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                el.set_value(&sort.slug());
            }
        });
    }
    let onchange = props
        .dispatch
        .reform(|e: Event| Action::SetSort(Sort::from_slug(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default()));
    let extra = (!OFFERED.contains(&props.sort)).then_some(props.sort);
    html! {
        <div class="sort">
            <label class="sort__label" for="sort">{ "Sort" }</label>
            <select id="sort" class="sort__select" ref={select} {onchange}>
                { for OFFERED.into_iter().chain(extra).map(|s| html! {
                    <option value={s.slug()} selected={s == props.sort}>{ sort_label(s, props.searching) }</option>
                }) }
            </select>
        </div>
    }
}
