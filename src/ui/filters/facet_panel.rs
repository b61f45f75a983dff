//! One facet (sector or kind) as a group of checkboxes, each named by its value and
//! described by its live count. A plain function: it holds no state (see `source_link`
//! on why not a component).

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct FacetOption {
    pub value: String,
    pub label: String,
    /// Results this option gives in combination with the other facets' selections.
    pub count: usize,
    pub checked: bool,
}

/// The group of checkboxes headed `legend`; `name` groups ids and names (e.g. `sector`),
/// and `ontoggle` gets the value of the option ticked or unticked.
pub fn facet_panel(legend: &'static str, name: &'static str, options: &[FacetOption], ontoggle: &Callback<String>) -> Html {
    let onchange = ontoggle.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <fieldset class="facet">
            <legend class="facet__legend">{ legend }</legend>
            <ul class="facet__list">
                { for options.iter().map(|o| {
                    let id = format!("{name}-{}", o.value);
                    let count_id = format!("{id}-count");
                    let empty = o.count == 0 && !o.checked;
                    html! {
                        <li class={classes!("facet__option", empty.then_some("facet__option--empty"))}>
                            <input type="checkbox" class="facet__check" id={id.clone()} {name}
                                value={o.value.clone()} checked={o.checked} onchange={onchange.clone()}
                                aria-describedby={count_id.clone()} />
                            <label for={id} class="facet__label">{ &o.label }</label>
                            <span id={count_id} class="facet__count">
                                <span class="visually-hidden">{ "results: " }</span>{ o.count }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
