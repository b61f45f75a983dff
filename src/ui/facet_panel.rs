//! One facet (sector or kind) as a group of checkboxes, each named by its value and
//! described by its live count.

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

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub legend: AttrValue,
    /// Groups ids and names, e.g. `sector`.
    pub name: AttrValue,
    pub options: Vec<FacetOption>,
    pub ontoggle: Callback<String>,
}

#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let onchange = props.ontoggle.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <fieldset class="facet">
            <legend class="facet__legend">{ props.legend.clone() }</legend>
            <ul class="facet__list">
                { for props.options.iter().map(|o| {
                    let id = format!("{}-{}", props.name, o.value);
                    let count_id = format!("{id}-count");
                    let empty = o.count == 0 && !o.checked;
                    html! {
                        <li class={classes!("facet__option", empty.then_some("facet__option--empty"))}>
                            <input type="checkbox" class="facet__check" id={id.clone()} name={props.name.clone()}
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
