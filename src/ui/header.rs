//! The page header: what the dataset is and how much it holds.
//! A plain function: it holds no state (see `source_link` on why not a component).

use yew::prelude::*;

/// The header of a dataset titled `title`, described by `description`, holding `facts`
/// facts from `sources` sources; `tools` are its dataset controls (`dataset_bar`).
pub fn header(title: &str, description: &str, facts: usize, sources: usize, tools: Html) -> Html {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    html! {
        <header class="site-header">
            <a class="skip-link" href="#search">{ "Skip to search" }</a>
            <div class="site-header__bar">
                <div class="site-header__name">
                    <p class="site-header__brand">{ "factdeck" }</p>
                    <h1 class="site-header__title">{ title.to_owned() }</h1>
                </div>
                <div class="site-header__tools">{ tools }</div>
            </div>
            <div class="site-header__about">
                <p class="site-header__desc">{ description.to_owned() }</p>
                <p class="site-header__stats">
                    { plural(facts, "fact", "facts") }{ " from " }{ plural(sources, "source", "sources") }
                    { ", every card quoting its source." }
                </p>
            </div>
        </header>
    }
}
