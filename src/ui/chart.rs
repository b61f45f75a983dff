//! An indicator's chart: the core's geometry ([`factdeck_core::chart`]) drawn as SVG,
//! named by its `<title>`, with the same content in words in `<desc>` and in a visible
//! caption. Colours come from the stylesheet through classes; nothing here is styled inline.

use std::rc::Rc;

use factdeck_core::chart::{self as model, Anchor, Emphasis, Mark, Tone, WIDTH};
use yew::prelude::*;

use super::app::Deck;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub deck: Rc<Deck>,
    /// Index into the dataset's facts.
    pub fact: usize,
    /// Prefix of the DOM ids of the chart's title and caption; unique on the page.
    pub id: AttrValue,
}

/// Renders nothing for a fact whose figures call for no chart.
#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let Some(chart) = model::chart_for(&props.deck.dataset, props.fact) else {
        return Html::default();
    };
    let title_id = format!("{}-title", props.id);
    let caption_id = format!("{}-caption", props.id);
    html! {
        <figure class={classes!("chart", format!("chart--{}", chart.kind.slug()))}>
            <svg class="chart__svg" viewBox={format!("0 0 {WIDTH} {}", chart.height)} role="img"
                aria-labelledby={title_id.clone()} aria-describedby={caption_id.clone()}>
                <title id={title_id}>{ chart.title.clone() }</title>
                <desc>{ chart.text.clone() }</desc>
                { for chart.marks.iter().map(mark) }
            </svg>
            <figcaption id={caption_id} class="chart__caption">{ chart.text }</figcaption>
        </figure>
    }
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
