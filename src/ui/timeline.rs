//! The results that carry dates, oldest first and grouped by year; each entry links to its
//! card. Order and grouping come from `factdeck_core::timeline`.

use std::rc::Rc;

use factdeck_core::facts::Facts;
use factdeck_core::timeline::{DateOrigin, Entry, Timeline as Dates};
use yew::prelude::*;

use crate::ui::cards::fact_card::date_html;
use crate::ui::cards::source_link::in_app;
use crate::ui::deck::{Answer, Deck};
use crate::ui::state::Action;
use crate::ui::url_sync::{use_links, Links};

/// Entries rendered before a "Show more" button, so a large dataset's timeline stays quick.
const PAGE: usize = 100;

/// A compiled dataset's entries whose facts are asked for first: about a screenful. The
/// rest of the page's are asked for once these are in (`asked`), so the first entries show
/// after one round of requests, not after the chunks of all [`PAGE`] (up to 100 files).
const STEP: usize = 20;

/// How many of the `wanted` entries to have the facts of, when those of the first `ready`
/// are here: a screenful into the page being filled (the first, or the one "Show more"
/// added), then all of it. At 100k facts (medians of 6 loads in turns) the first entries
/// then showed 882 ms after navigation instead of 1,317, and all 100 after 1,253 ms against
/// 1,318. Not a screenful at a time: every step is a round of requests and a render, and in
/// steps of 20 the 100 took 1,340 ms against 1,226.
fn asked(ready: usize, wanted: usize) -> usize {
    let page_start = ready / PAGE * PAGE;
    match ready - page_start < STEP {
        true => wanted.min(page_start + STEP),
        false => wanted,
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub deck: Rc<Deck>,
    pub timeline: Rc<Dates>,
    pub dispatch: Callback<Action>,
    /// The deck's generation: a compiled dataset's entries show as their facts arrive.
    pub generation: u32,
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
    let total = t.len();
    let wanted = total.min(*limit);
    // A compiled dataset orders the timeline without its facts: those of the entries on
    // screen are fetched, a screenful first, and the entries show, in order, as far as
    // their facts are here.
    let shown: Vec<usize> = t.entries().take(wanted).map(|e| e.fact).collect();
    let ready = {
        let facts = props.deck.facts();
        shown.iter().take_while(|&&f| facts.fact(f).is_some()).count()
    };
    let fetched = props.deck.facts_at_hand(&shown[..asked(ready, wanted)]);
    let facts = props.deck.facts();
    let mut budget = ready;
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
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
            if ready < wanted {
                if let Answer::Failed(e) = fetched {
                    <p class="empty" role="alert">{ format!("Some of these entries could not be read: {}: {}", e.file, e.message) }</p>
                } else {
                    <p class="results-loading" aria-busy="true">{ "Loading…" }</p>
                }
            } else if total > *limit {
                <button type="button" class="button show-more" onclick={more}>
                    { format!("Show {} more of {}", (total - *limit).min(PAGE), total - *limit) }
                </button>
            }
        </div>
    }
}

fn entry(facts: &impl Facts, links: &Links, e: &Entry, dispatch: &Callback<Action>) -> Html {
    // Only entries whose facts are at hand are drawn (`timeline` above).
    let Some((f, when)) = facts.fact(e.fact).and_then(|f| Some((f, e.origin.date(f)?))) else { return Html::default() };
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
        <li class={classes!("timeline__entry", format!("card--{kind}"), when.inferred.then_some("timeline__entry--inferred"), matches!(e.origin, DateOrigin::Derived(_)).then_some("timeline__entry--derived"))}>
            <p class="timeline__when">{ date_html(&when) }</p>
            <p class="timeline__what">
                <span class={classes!("badge", format!("badge--{kind}"))}>{ f.kind.label() }</span>{ " " }
                <a href={links.fact(&id)} onclick={in_app(dispatch, Action::ShowCard(id.clone()))}>{ &f.title }</a>
            </p>
            { detail }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::{asked, PAGE, STEP};

    #[test]
    fn a_screenful_of_entries_is_asked_for_first_then_the_rest_of_the_page() {
        // The first page: its first 20 entries, then all 100.
        assert_eq!(asked(0, PAGE), STEP);
        assert_eq!(asked(STEP, PAGE), PAGE);
        // A chunk that brought a few more facts along changes nothing.
        assert_eq!(asked(STEP + 3, PAGE), PAGE);
        // A timeline shorter than a screenful is asked for whole.
        assert_eq!(asked(0, 7), 7);
        // "Show more": a screenful into the new page first, even when a few of its facts
        // were here already.
        assert_eq!(asked(PAGE, 2 * PAGE), PAGE + STEP);
        assert_eq!(asked(PAGE + 5, 2 * PAGE), PAGE + STEP);
        assert_eq!(asked(PAGE + STEP, 2 * PAGE), 2 * PAGE);
        // All here: nothing beyond what is shown.
        assert_eq!(asked(2 * PAGE, 2 * PAGE), 2 * PAGE);
    }
}
