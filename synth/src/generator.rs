//! The generator: sources of 10 to 30 facts each, every fact built from templates over the
//! vocabulary as the core's own model values ([`Source`], [`Fact`]). What each kind of fact
//! says is in [`crate::kinds`]; this module picks the words, dates, sectors and countries,
//! and writes each source's text from its facts' quotes, so that every quote is verbatim.

use factdeck_core::model::{DateSpec, Derived, Fact, FactId, Kind, PartialDate, Quantity, Source, Status};

use crate::rng::Rng;
use crate::vocab::{caveats, Place, SectorVocab, AZ, MONTHS, ORGS, PERSONS, PLACES, PUBLISHERS, ROLES, SECTORS, THIRD_COUNTRIES, UZ};
use crate::words::{articles, fact_id};

pub const FIRST_YEAR: u32 = 1995;
pub const LAST_YEAR: u32 = 2025;

/// `n` facts, deterministic in `seed`, and the sources they cite (10 to 30 facts each; the
/// last source may have fewer). Facts cite sources by index, as in a loaded dataset.
pub fn sources_and_facts(n: usize, seed: u64) -> (Vec<Source>, Vec<Fact>) {
    let mut g = Generator { rng: Rng::new(seed), next_fact: 0 };
    let mut sources = Vec::new();
    let mut facts = Vec::with_capacity(n);
    while facts.len() < n {
        let count = (10 + g.rng.below(21)).min(n - facts.len());
        let (source, source_facts) = g.source(sources.len(), count);
        sources.push(source);
        facts.extend(source_facts);
    }
    (sources, facts)
}

pub struct Generator {
    pub rng: Rng,
    next_fact: usize,
}

/// A day of the calendar, as the templates count with it.
#[derive(Clone, Copy)]
pub struct Day {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// The day as a date (`2014-03-12`).
    pub fn date(self) -> PartialDate {
        PartialDate { year: self.year as i32, month: Some(self.month as u8), day: Some(self.day as u8) }
    }

    /// Its month (`2014-03`).
    pub fn month(self) -> PartialDate {
        PartialDate { day: None, ..self.date() }
    }

    /// `12 March 2014`.
    pub fn human(self) -> String {
        self.date().to_string()
    }

    pub fn month_name(self) -> &'static str {
        MONTHS[self.month as usize - 1]
    }
}

/// A year as a date (`2014`).
pub fn year(year: u32) -> PartialDate {
    PartialDate { year: year as i32, month: None, day: None }
}

/// A date as a source states it plainly: no range, no phrase, not inferred.
pub fn on(date: PartialDate) -> DateSpec {
    DateSpec { start: date, end: None, phrase: None, inferred: false }
}

/// What a kind's templates decide about a fact; [`Generator::fact`] adds its id, kind,
/// sectors, countries and source.
pub struct Draft {
    pub title: String,
    pub summary: String,
    pub quote: String,
    pub parties: Vec<String>,
    pub attribution: Option<String>,
    pub date: Option<DateSpec>,
    pub status: Option<Status>,
    pub quantity: Option<Quantity>,
    pub derived: Vec<Derived>,
}

impl Draft {
    /// Only the words; the other fields are set with struct update syntax.
    pub fn new(title: String, summary: String, quote: String) -> Draft {
        Draft {
            title,
            summary,
            quote,
            parties: Vec::new(),
            attribution: None,
            date: None,
            status: None,
            quantity: None,
            derived: Vec::new(),
        }
    }
}

/// The words chosen for one fact; templates refer to them by name.
pub struct Ctx {
    pub place: Place,
    /// A place in the other country.
    pub place2: Place,
    pub org: &'static str,
    pub org2: &'static str,
    pub person: &'static str,
    pub role: &'static str,
    pub object: &'static str,
    pub good: &'static str,
    pub theme: &'static str,
    pub event: &'static str,
    pub caveat: &'static str,
}

impl Ctx {
    /// Replaces `{place}`, `{org}`, … in `template`.
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("template placeholder is closed");
            let word = match &rest[open + 1..close] {
                "place" => self.place.name,
                "country" => self.place.country,
                "place2" => self.place2.name,
                "country2" => self.place2.country,
                "org" => self.org,
                "org2" => self.org2,
                "person" => self.person,
                "role" => self.role,
                "object" => self.object,
                "good" => self.good,
                "theme" => self.theme,
                "event" => self.event,
                "caveat" => self.caveat,
                other => panic!("unknown placeholder {{{other}}}"),
            };
            out.push_str(word);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

impl Generator {
    /// Source number `k` with `count` facts.
    fn source(&mut self, k: usize, count: usize) -> (Source, Vec<Fact>) {
        let (publisher, slug, place) = self.rng.pick(PUBLISHERS);
        let published =
            Day { year: self.rng.between(FIRST_YEAR + 1, LAST_YEAR), month: self.rng.between(1, 12), day: self.rng.between(1, 28) };
        let id = format!("{slug}-{}-{k}", published.date().iso());
        let facts: Vec<Fact> = (0..count).map(|_| self.fact(k, published)).collect();
        let mut text = format!("{}, {}. ", place.to_uppercase(), published.human());
        for (i, f) in facts.iter().enumerate() {
            if i > 0 {
                text.push_str(if i % 4 == 0 { "\n\n" } else { " " });
            }
            if f.quote.starts_with(char::is_lowercase) {
                text.push_str("It was reported that ");
            }
            text.push_str(&f.quote);
            if !f.quote.ends_with(['.', '!', '?']) {
                text.push('.');
            }
        }
        let url = self.rng.chance(50).then(|| format!("https://example.org/synthetic/{id}"));
        let source = Source {
            id,
            publisher: publisher.to_owned(),
            title: format!("{}: {}", publisher, facts[0].title),
            place: Some(place.to_owned()),
            published: published.date(),
            url,
            note: Some("Synthetic source generated for benchmarks; not a real article.".to_owned()),
            file: None,
            text,
        };
        (source, facts)
    }

    /// Words for one fact of `sector`; `caveats` are those of its kind.
    fn ctx(&mut self, sector: &SectorVocab, caveats: &[&'static str]) -> Ctx {
        let place = self.rng.pick(PLACES);
        let place2 = loop {
            let p = self.rng.pick(PLACES);
            if p.country != place.country {
                break p;
            }
        };
        let org = self.rng.pick(ORGS);
        let org2 = loop {
            let o = self.rng.pick(ORGS);
            if o != org {
                break o;
            }
        };
        Ctx {
            place,
            place2,
            org,
            org2,
            person: self.rng.pick(PERSONS),
            role: self.rng.pick(ROLES),
            object: self.rng.pick(sector.objects),
            good: self.rng.pick(sector.goods),
            theme: self.rng.pick(sector.themes),
            event: self.rng.pick(sector.events),
            caveat: self.rng.pick(caveats),
        }
    }

    /// A date in the three years up to `published`, never before 1995.
    pub fn day_before(&mut self, published: Day) -> Day {
        let year = published.year - self.rng.below(4) as u32;
        let year = year.max(FIRST_YEAR);
        let month = if year == published.year { self.rng.between(1, published.month) } else { self.rng.between(1, 12) };
        let day =
            if year == published.year && month == published.month { self.rng.between(1, published.day) } else { self.rng.between(1, 28) };
        Day { year, month, day }
    }

    /// The next fact, citing source number `source`.
    fn fact(&mut self, source: usize, published: Day) -> Fact {
        let i = self.next_fact;
        self.next_fact += 1;
        let sector_idx = self.rng.below(SECTORS.len());
        let sector = &SECTORS[sector_idx];
        let mut sectors = vec![sector_idx];
        let extra = match self.rng.below(100) {
            0..=54 => 0,
            55..=89 => 1,
            _ => 2,
        };
        while sectors.len() < 1 + extra {
            let s = self.rng.below(SECTORS.len());
            if !sectors.contains(&s) {
                sectors.push(s);
            }
        }
        let kind = match self.rng.below(100) {
            0..=29 => Kind::Project,
            30..=44 => Kind::Agreement,
            45..=69 => Kind::Indicator,
            70..=89 => Kind::Event,
            _ => Kind::Statement,
        };
        let c = self.ctx(sector, caveats(kind));
        let mut countries = vec![AZ.to_owned(), UZ.to_owned()];
        if self.rng.chance(10) {
            countries.push(self.rng.pick(THIRD_COUNTRIES).to_owned());
        }
        let draft = match kind {
            Kind::Project => self.project(&c),
            Kind::Agreement => self.agreement(&c, published),
            Kind::Indicator => self.indicator(&c, sector, published),
            Kind::Event => self.event(&c, published),
            Kind::Statement => self.statement(&c, published),
        };
        let title = articles(&draft.title);
        Fact {
            id: FactId::new(fact_id(&title, i)).expect("fact_id writes a slug"),
            kind,
            summary: articles(&draft.summary),
            title,
            sectors,
            countries,
            parties: draft.parties,
            attribution: draft.attribution,
            date: draft.date,
            status: draft.status,
            source,
            quote: articles(&draft.quote),
            quantity: draft.quantity.map(Box::new),
            derived: draft.derived,
            compare_with: None,
        }
    }
}
