//! The results that carry dates, oldest first and grouped by year; each entry links to its
//! card. Order and grouping come from `factdeck_core::timeline`.

use std::rc::Rc;

use factdeck_core::facts::Facts;
use factdeck_core::timeline::{DateOrigin, Entry, Timeline as Dates};
use yew::prelude::*;

use crate::ui::cards::fact_card::date_html;
use crate::ui::cards::source_link::in_app;
use crate::ui::deck::Deck;
use crate::ui::state::Action;
use crate::ui::url_sync::{use_links, Links};

/// Entries rendered before a "Show more" button, so a large dataset's timeline stays quick.
const PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub deck: Rc<Deck>,
    pub timeline: Rc<Dates>,
    pub dispatch: Callback<Action>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let limit = use_state_eq(|| PAGE);
    let links = use_links();
    {
        let limit = limit.clone();
        use_effect_with(props.timeline.clone(), move |_| limit.set(PAGE));
    }
    let t = &props.timeline;
    let total: usize = t.years.iter().map(|y| y.entries.len()).sum();
    let mut budget = *limit;
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    let facts = props.deck.facts();
    let plural = |n: usize| if n == 1 { "1 fact".to_owned() } else { format!("{n} facts") };
    html! {
        <div class="timeline">
            <p class="timeline__summary">
                if t.dated == 0 {
                    { format!("None of the {} in this view has a date. ", plural(t.undated)) }
                } else {
                    { format!("{} in date order, oldest first. ", plural(t.dated)) }
                }
                if t.undated > 0 && t.dated > 0 {
                    { format!("{} without a date {} listed only as cards.", plural(t.undated), if t.undated == 1 { "is" } else { "are" }) }
                }
            </p>
            { for t.years.iter().map_while(|y| {
                if budget == 0 {
                    return None;
                }
                let shown = y.entries.len().min(budget);
                budget -= shown;
                let heading = format!("year-{}", y.year);
                Some(html! {
                    <section class="timeline__year" aria-labelledby={heading.clone()} key={y.year}>
                        <h3 id={heading} class="timeline__year-heading">{ y.year }</h3>
                        <ol class="timeline__entries">
                            { for y.entries[..shown].iter().map(|e| entry(&facts, &links, e, &props.dispatch)) }
                        </ol>
                    </section>
                })
            }) }
            if total > *limit {
                <button type="button" class="button show-more" onclick={more}>
                    { format!("Show {} more of {}", (total - *limit).min(PAGE), total - *limit) }
                </button>
            }
        </div>
    }
}

fn entry(facts: &impl Facts, links: &Links, e: &Entry, dispatch: &Callback<Action>) -> Html {
    // The timeline is made from facts at hand (`app::dates_of`), so this always finds it.
    let Some(f) = facts.fact(e.fact) else { return Html::default() };
    let id = f.id.to_string();
    let kind = f.kind.slug();
    let detail = match e.origin {
        DateOrigin::Date => Html::default(),
        DateOrigin::Period => html! {
            <p class="timeline__detail">
                { "Period of the figure " }{ f.quantity.as_ref().map(ToString::to_string).unwrap_or_default() }
            </p>
        },
        DateOrigin::Derived(i) => {
            let d = &f.derived[i];
            html! {
                <p class="timeline__detail">
                    <span class="badge badge--derived">{ "Derived" }</span>
                    { format!(" {} ", d.label) }<span class="derived__method">{ format!("({})", d.method) }</span>
                </p>
            }
        }
    };
    html! {
        <li class={classes!("timeline__entry", format!("card--{kind}"), e.when.inferred.then_some("timeline__entry--inferred"), matches!(e.origin, DateOrigin::Derived(_)).then_some("timeline__entry--derived"))}>
            <p class="timeline__when">{ date_html(&e.when) }</p>
            <p class="timeline__what">
                <span class={classes!("badge", format!("badge--{kind}"))}>{ f.kind.label() }</span>{ " " }
                <a href={links.fact(&id)} onclick={in_app(dispatch, Action::ShowCard(id.clone()))}>{ &f.title }</a>
            </p>
            { detail }
        </li>
    }
}
