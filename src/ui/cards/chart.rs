//! An indicator's chart: the core's geometry ([`factdeck_core::chart`]) drawn as SVG,
//! named by its `<title>`, with the same content in words in `<desc>` and in a visible
//! caption. Colours come from the stylesheet through classes; nothing here is styled inline.
//!
//! A plain view function rather than a component: it has no state or hooks, and a
//! component would add its own generic code to the wasm.

use factdeck_core::chart::{self as model, Anchor, Emphasis, Mark, Tone, WIDTH};
use factdeck_core::facts::Facts;
use yew::prelude::*;

/// The chart of fact `fact`, or `None` when its figures call for none. `id` prefixes the
/// DOM ids of the chart's title and caption, so it must be unique on the page.
pub fn chart(facts: &impl Facts, fact: usize, id: &str) -> Option<Html> {
    let chart = model::chart_for(facts, fact)?;
    let title_id = format!("{id}-title");
    let caption_id = format!("{id}-caption");
    Some(html! {
        <figure class={classes!("chart", format!("chart--{}", chart.kind.slug()))}>
            <svg class="chart__svg" viewBox={format!("0 0 {WIDTH} {}", chart.height)} role="img"
                aria-labelledby={title_id.clone()} aria-describedby={caption_id.clone()}>
                <title id={title_id}>{ chart.title.clone() }</title>
                <desc>{ chart.text.clone() }</desc>
                { for chart.marks.iter().map(mark) }
            </svg>
            <figcaption id={caption_id} class="chart__caption">{ chart.text }</figcaption>
        </figure>
    })
}

fn mark(m: &Mark) -> Html {
    match m {
        Mark::Bar { x, y, width, height, tone } => html! {
            <rect class={classes!("chart__bar", tone_class(*tone))} x={x.to_string()} y={y.to_string()}
                width={width.to_string()} height={height.to_string()} />
        },
        Mark::Text { x, y, anchor, spans } => html! {
            <text class="chart__text" x={x.to_string()} y={y.to_string()}
                text-anchor={if *anchor == Anchor::End { "end" } else { "start" }}>
                { for spans.iter().map(|s| html! { <tspan class={emphasis_class(s.emphasis)}>{ s.text.clone() }</tspan> }) }
            </text>
        },
    }
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Stated => "chart__bar--stated",
        Tone::Derived => "chart__bar--derived",
        Tone::Base => "chart__bar--base",
        Tone::Track => "chart__bar--track",
        Tone::Target => "chart__bar--target",
    }
}

fn emphasis_class(e: Emphasis) -> &'static str {
    match e {
        Emphasis::Value => "chart__value",
        Emphasis::Label => "chart__label",
        Emphasis::Derived => "chart__derived",
    }
}
