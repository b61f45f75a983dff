//! Build-time prerender, run by Trunk as a `pre_build` hook (see Trunk.toml):
//!
//! ```sh
//! cargo run --quiet --offline --profile prerender -p factdeck-prerender -- target/prerendered/app.html
//! ```
//!
//! renders the app's first view (the embedded dataset, unfiltered: header, search box,
//! facets, every card with its quote) with Yew's server-side renderer and writes it to the
//! given file. index.html inlines that file into `<div id="app">`, so the built page shows
//! every fact before, and without, JavaScript; in the browser the app hydrates these nodes.
//!
//! The markup must be exactly the app's first client render: it renders the same `App`
//! component, whose first render ignores the URL (see `factdeck::ui::App`). It is built with
//! the `prerender` profile (Cargo.toml): no debug assertions, under which Yew writes each
//! component's type name into its hydration markers, and no LTO, so the hook stays quick.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs, io};

/// The app's first view as HTML, with Yew's hydration markers.
fn render() -> String {
    futures::executor::block_on(yew::LocalServerRenderer::<factdeck::ui::App>::new().render())
}

/// Refuses markup that is not the explorer (e.g. the dataset error page), so a broken
/// prerender fails the build instead of shipping.
fn check(html: &str) -> Result<(), String> {
    let facts = factdeck::data::load().map_err(|errs| format!("the embedded dataset is invalid ({} errors)", errs.len()))?.facts.len();
    let cards = html.matches("<article ").count();
    // Every fact, or (for datasets longer than a page) the first page and its "Show more".
    let paged = cards > 0 && cards < facts && html.contains(r#"class="button show-more""#);
    if cards != facts && !paged {
        return Err(format!("rendered {cards} cards for {facts} facts"));
    }
    if !html.contains(r#"id="result-count""#) || !html.contains(r#"class="js-notice""#) {
        return Err("the result count or the no-JavaScript notice is missing".into());
    }
    Ok(())
}

/// Writes `contents` to `path` through a temporary file, so that a concurrent reader never
/// sees half a file.
fn write_atomically(path: &Path, contents: &str) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&tmp, contents)?;
    fs::rename(&tmp, path)
}

fn main() -> ExitCode {
    let mut args = env::args_os().skip(1);
    let (Some(out), None) = (args.next().map(PathBuf::from), args.next()) else {
        eprintln!("usage: factdeck-prerender OUTPUT.html");
        return ExitCode::from(2);
    };
    let html = render();
    if let Err(e) = check(&html) {
        eprintln!("factdeck-prerender: {e}");
        return ExitCode::FAILURE;
    }
    if let Err(e) = write_atomically(&out, &html) {
        eprintln!("factdeck-prerender: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!("factdeck-prerender: {} ({} bytes)", out.display(), html.len());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_view_is_every_card_with_the_notice() {
        let html = render();
        check(&html).unwrap();
        assert_eq!(html.matches("<article ").count(), 25, "every fact of the shipped dataset");
        assert!(html.contains(">25 facts<"), "status says 25 facts");
        assert!(html.contains(r#"type="search""#));
        assert_eq!(html.matches(r#"<blockquote class="quote__text">"#).count(), 25, "every card quotes its source");
    }

    #[test]
    fn the_markup_starts_and_ends_with_the_app_hydration_markers() {
        // Hydration needs the root's first node to open the App component and the last to
        // close it; anything else in `#app` would be removed or break hydration.
        let html = render();
        assert!(html.starts_with("<!--<["), "{}", &html[..80]);
        assert!(html.ends_with("]>-->"), "{}", &html[html.len() - 80..]);
        assert!(!html.contains("<script"), "no script in the prerendered markup");
        assert!(!html.contains(" style="), "no inline style (the CSP forbids them)");
    }

    /// `html` without comments (Yew's hydration markers), so that text reads as a reader sees it.
    fn without_comments(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find("<!--") {
            out.push_str(&rest[..start]);
            rest = rest[start..].find("-->").map_or("", |end| &rest[start + end + 3..]);
        }
        out + rest
    }

    /// `text` as Yew writes it into HTML text.
    fn escaped(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }

    #[test]
    fn each_fact_reads_as_static_html_title_summary_and_whole_quote_in_dataset_order() {
        // What a reader without JavaScript, or a crawler, gets: the facts themselves, in the
        // order the app shows them first, each in its own card.
        let html = without_comments(&render());
        let facts = factdeck::data::load().expect("the embedded dataset is valid").facts;
        let mut at = 0;
        for f in &facts {
            let open = format!(r#"<article id="fact-{}""#, f.id);
            let start = at + html[at..].find(&open).unwrap_or_else(|| panic!("no card for {} after the previous fact's", f.id));
            let end = start + html[start..].find("</article>").expect("the card closes");
            let card = &html[start..end];
            for (what, text, markup) in [
                ("title", &f.title, format!(r#"class="card__title"><a href="?fact={}">{}</a></h3>"#, f.id, escaped(&f.title))),
                ("summary", &f.summary, format!(r#"<p class="card__summary">{}</p>"#, escaped(&f.summary))),
                ("quote", &f.quote, format!(r#"<blockquote class="quote__text">{}</blockquote>"#, escaped(&f.quote))),
            ] {
                assert!(card.contains(&markup), "{}: the {what} {text:?} is not in its card as text:\n{card}", f.id);
            }
            at = end;
        }
    }

    #[test]
    fn output_is_written_whole() {
        let dir = env::temp_dir().join(format!("factdeck-prerender-test-{}", std::process::id()));
        let out = dir.join("nested/app.html");
        write_atomically(&out, "<p>x</p>").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "<p>x</p>");
        fs::remove_dir_all(&dir).unwrap();
    }
}
