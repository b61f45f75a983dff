//! The page header: what the dataset is and how much it holds.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub dataset_title: AttrValue,
    pub description: AttrValue,
    pub facts: usize,
    pub sources: usize,
    /// Dataset controls (`DatasetBar`).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    html! {
        <header class="site-header">
            <a class="skip-link" href="#search">{ "Skip to search" }</a>
            <div class="site-header__bar">
                <div class="site-header__name">
                    <p class="site-header__brand">{ "factdeck" }</p>
                    <h1 class="site-header__title">{ props.dataset_title.clone() }</h1>
                </div>
                <div class="site-header__tools">{ props.children.clone() }</div>
            </div>
            <div class="site-header__about">
                <p class="site-header__desc">{ props.description.clone() }</p>
                <p class="site-header__stats">
                    { plural(props.facts, "fact", "facts") }{ " from " }{ plural(props.sources, "source", "sources") }
                    { ", every card quoting its source." }
                </p>
            </div>
        </header>
    }
}
