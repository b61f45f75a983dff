//! What each kind of fact says: the title, summary and quote templates of projects,
//! agreements, indicators (with their figures), events and statements, and the fields that
//! go with them (status, parties, dates, quantities).

use factdeck_core::model::{format_number, DateSpec, Derived, Measure, Multiplier, Quantity, Status};

use crate::generator::{on, year, Ctx, Day, Draft, Generator, FIRST_YEAR};
use crate::vocab::{SectorVocab, Unit, AGREEMENT_DOCS};
use crate::words::cap;

/// A figure and its text as the source writes it, e.g. `about $120.5 million`.
struct Figure {
    quantity: Quantity,
    text: String,
}

impl Generator {
    pub fn project(&mut self, c: &Ctx) -> Draft {
        let (status, verb, passive) = self.rng.pick(&[
            (Status::Planned, "will build", "is to be built"),
            (Status::Planned, "plans to build", "will be built"),
            (Status::InProgress, "is building", "is being built"),
            (Status::InProgress, "has started building", "is under construction"),
            (Status::Realized, "has completed", "has been commissioned"),
            (Status::Realized, "has opened", "was opened"),
        ]);
        let cost = self.money();
        let jobs = format_number(f64::from(self.rng.between(5, 240) * 10));
        let title = c.fill(self.rng.pick(&[
            "{org} and {org2}: joint {object} in {place}",
            "Joint {object} in {place}, {country}",
            "{org} project for a {object} in {place}",
            "A {object} for {good} in {place}",
        ]));
        let title = match status {
            Status::Planned => format!("{title} planned"),
            Status::InProgress => format!("{title} under way"),
            _ => format!("{title} completed"),
        };
        let summary = match self.rng.below(3) {
            0 => format!(
                "{} {verb} a {} in {}, {}, together with {}, at an estimated cost of {}. {}",
                cap(c.org),
                c.object,
                c.place.name,
                c.place.country,
                c.org2,
                cost.text,
                c.caveat
            ),
            1 => format!(
                "A {} in {} {passive} with the participation of {} and {}; about {jobs} jobs are expected. {}",
                c.object, c.place.name, c.org, c.org2, c.caveat
            ),
            _ => format!(
                "The {} in {} is part of the cooperation on {} between {} and partners from {}. {}",
                c.object, c.place.name, c.theme, c.org, c.place2.name, c.caveat
            ),
        };
        let quote = match self.rng.below(3) {
            0 => format!(
                "{} {verb} a {} in {} with investments of {}, {}, {}, said",
                cap(c.org),
                c.object,
                c.place.name,
                cost.text,
                c.person,
                c.role
            ),
            1 => format!(
                "In {}, a {} {passive} by {} and {}, and {jobs} new jobs will be created for local residents",
                c.place.name, c.object, c.org, c.org2
            ),
            _ => format!(
                "the construction of a {} in {} worth {} for the production of {} was discussed with {} from {}",
                c.object, c.place.name, cost.text, c.good, c.org2, c.place2.name
            ),
        };
        Draft {
            status: Some(status),
            attribution: self.rng.chance(60).then(|| format!("{}, {}", c.person, c.role)),
            parties: if self.rng.chance(40) { vec![c.org.to_owned(), c.org2.to_owned()] } else { Vec::new() },
            ..Draft::new(title, summary, quote)
        }
    }

    pub fn agreement(&mut self, c: &Ctx, published: Day) -> Draft {
        let doc = self.rng.pick(AGREEMENT_DOCS);
        let status = if self.rng.chance(70) { Status::Signed } else { Status::Agreed };
        let verb = if status == Status::Signed { "signed" } else { "agreed on" };
        let day = self.day_before(published);
        let (date, when) = match self.rng.below(4) {
            0 => (
                DateSpec { start: year(published.year - 1), end: None, phrase: Some("Last year".into()), inferred: true },
                "Last year".to_owned(),
            ),
            1 => (on(day.month()), format!("In {} {}", day.month_name(), day.year)),
            _ => (on(day.date()), format!("On {}", day.human())),
        };
        let (org, org2) =
            if self.rng.chance(25) { ("the Government of Azerbaijan", "the Government of Uzbekistan") } else { (c.org, c.org2) };
        let value = self.rng.chance(30).then(|| self.money());
        let title = match self.rng.below(3) {
            0 => format!("{} and {} sign {doc} on {}", cap(org), org2, c.theme),
            1 => format!("{} on {} between {} and {}", cap(doc), c.theme, org, org2),
            _ => format!("{} in {}: {doc} on {}", cap(c.theme), c.place.name, c.object),
        };
        let clause = match &value {
            Some(v) => format!("The document is valued at {}.", v.text),
            None => format!("The document provides for a {} in {}.", c.object, c.place2.name),
        };
        let summary = format!(
            "{} and {} {verb} a {doc} on {} in {}, {}. {clause} {}",
            cap(org),
            org2,
            c.theme,
            c.place.name,
            c.place.country,
            c.caveat
        );
        let quote = match self.rng.below(2) {
            0 => format!("{when}, {org} and {org2} {verb} a {doc} on {} in {}", c.theme, c.place.name),
            _ => format!(
                "{when}, a {doc} on {} was {} between {org} and {org2}, {}, {}, said",
                c.theme,
                if status == Status::Signed { "signed" } else { "agreed" },
                c.person,
                c.role
            ),
        };
        let quote = match &value {
            Some(v) => format!("{quote}. The deal is worth {}", v.text),
            None => quote,
        };
        Draft {
            parties: vec![org.to_owned(), org2.to_owned()],
            date: Some(date),
            status: Some(status),
            quantity: value.map(|v| v.quantity),
            ..Draft::new(title, summary, quote)
        }
    }

    pub fn indicator(&mut self, c: &Ctx, sector: &SectorVocab, published: Day) -> Draft {
        let (metric, unit) = self.rng.pick(sector.metrics);
        let metric = c.fill(metric);
        let attribution = Some(format!("{}, {}", c.person, c.role));
        match self.rng.below(10) {
            // A change by a factor.
            0..=1 => {
                let n = self.rng.between(2, 7);
                let since = published.year.saturating_sub(self.rng.between(2, 10)).max(FIRST_YEAR);
                let words = ["", "", "doubled", "tripled", "quadrupled", "grown fivefold", "grown sixfold", "grown sevenfold"];
                let how = if self.rng.chance(50) { words[n as usize].to_owned() } else { format!("increased {n} times") };
                let period = DateSpec {
                    start: year(since),
                    end: Some(year(published.year)),
                    phrase: Some(format!("since {since}")),
                    inferred: false,
                };
                let title = format!("{} up {n} times since {since}", cap(&metric));
                let summary = format!(
                    "According to {}, {metric} has increased {n} times since {since}. {} The figure concerns {} and {}.",
                    c.org, c.caveat, c.place.country, c.place2.country
                );
                let quote = format!("Since {since}, {metric} has {how}, {} of {} noted", c.person, c.org);
                let quantity = Quantity {
                    value: f64::from(n),
                    unit: "times".to_owned(),
                    currency: None,
                    multiplier: None,
                    measure: Measure::Change,
                    approximate: false,
                    period: Some(period),
                };
                Draft { attribution, quantity: Some(quantity), ..Draft::new(title, summary, quote) }
            }
            // A goal.
            2..=3 => {
                let figure = self.figure(unit, Measure::Target);
                let by = (published.year + self.rng.between(1, 10)).min(2035);
                let title = format!("Goal: {} for {metric}", figure.text);
                let summary = format!("{} and {} aim to bring {metric} to {} by {by}. {}", cap(c.org), c.org2, figure.text, c.caveat);
                let quote = format!("The goal is to bring {metric} to {} by {by}", figure.text);
                Draft { attribution, status: Some(Status::Target), quantity: Some(figure.quantity), ..Draft::new(title, summary, quote) }
            }
            // A level, sometimes over a period.
            _ => {
                let mut figure = self.figure(unit, Measure::Current);
                let y = published.year.saturating_sub(self.rng.below(3) as u32).max(FIRST_YEAR);
                let in_year = format!("in {y}");
                figure.quantity.period = Some(on(year(y)));
                let derived = self.uzs_in_dollars(&figure);
                let title = format!("{} reached {} {in_year}", cap(&metric), figure.text);
                let summary = format!(
                    "{} reached {} {in_year}, {} reported, citing data from {} and partners in {}. {}",
                    cap(&metric),
                    figure.text,
                    c.org,
                    c.place.name,
                    c.place2.name,
                    c.caveat
                );
                let quote = format!("{}, {metric} reached {}, {}, {}, said", cap(&in_year), figure.text, c.person, c.role);
                Draft { attribution, quantity: Some(figure.quantity), derived, ..Draft::new(title, summary, quote) }
            }
        }
    }

    pub fn event(&mut self, c: &Ctx, published: Day) -> Draft {
        let day = self.day_before(published);
        let (date, when) = if self.rng.chance(25) && day.year == published.year && day.month < published.month {
            (
                DateSpec { start: day.month(), end: None, phrase: Some(format!("in {}", day.month_name())), inferred: true },
                format!("In {}", day.month_name()),
            )
        } else {
            (on(day.date()), format!("On {}", day.human()))
        };
        let people = format_number(f64::from(self.rng.between(2, 90) * 10));
        let title = match self.rng.below(3) {
            0 => format!("{} held in {}", cap(c.event), c.place.name),
            1 => format!("{} hosts {} with guests from {}", c.place.name, c.event, c.place2.name),
            _ => format!("{} presents {} at the {} in {}", cap(c.org), c.good, c.event, c.place.name),
        };
        let summary = format!(
            "A {} took place in {} on {}, bringing together about {people} participants from {} and {}, including {} and {}. {}",
            c.event,
            c.place.name,
            day.human(),
            c.place.country,
            c.place2.country,
            c.org,
            c.org2,
            c.caveat
        );
        let quote = match self.rng.below(2) {
            0 => format!(
                "{when}, {} hosted a {} attended by more than {people} representatives of {} and {}",
                c.place.name, c.event, c.org, c.org2
            ),
            _ => format!(
                "{when}, a {} on {} opened in {}, where {} presented {} to guests from {}",
                c.event, c.theme, c.place.name, c.org, c.good, c.place2.name
            ),
        };
        Draft {
            date: Some(date),
            status: self.rng.chance(30).then_some(Status::Realized),
            attribution: self.rng.chance(50).then(|| c.org.to_owned()),
            ..Draft::new(title, summary, quote)
        }
    }

    pub fn statement(&mut self, c: &Ctx, published: Day) -> Draft {
        let claim = c.fill(self.rng.pick(&[
            "{theme} is a priority for both countries",
            "{org} is ready to invest in {place} and {place2}",
            "exports of {good} from {place} to {country2} will keep growing",
            "a {object} in {place} would serve the whole region",
            "cooperation on {theme} between {country} and {country2} has no limits",
        ]));
        let said = if self.rng.chance(50) { "said" } else { "stressed" };
        let day = self.day_before(published);
        let title = format!("{}: {claim}", c.person);
        let summary = format!(
            "{}, {}, said that {claim}. The remarks were made in {} in {} {}. {}",
            c.person,
            c.role,
            c.place.name,
            day.month_name(),
            day.year,
            c.caveat
        );
        let quote = format!("{}, {}, {said} that {claim}, adding that {} supports the initiative", c.person, c.role, c.org);
        Draft {
            attribution: Some(format!("{}, {}", c.person, c.role)),
            parties: vec![c.org.to_owned()],
            date: self.rng.chance(50).then(|| on(day.month())),
            ..Draft::new(title, summary, quote)
        }
    }

    /// An amount of money as the source would write it.
    fn money(&mut self) -> Figure {
        self.figure(Unit::Money, Measure::Current)
    }

    /// A figure in `unit`, with its text as written (`$120.5 million`, `about 45 thousand tonnes`).
    fn figure(&mut self, unit: Unit, measure: Measure) -> Figure {
        use Multiplier::{Billion, Million, Thousand};
        let approximate = self.rng.chance(20);
        let hedge = if approximate { self.rng.pick(&["about ", "nearly ", "almost ", "more than "]) } else { "" };
        let value = if self.rng.chance(25) { f64::from(self.rng.between(10, 9_999)) / 10.0 } else { f64::from(self.rng.between(2, 999)) };
        match unit {
            Unit::Money => {
                let (currency, mults): (&str, &[Multiplier]) = self.rng.pick(&[
                    ("USD", &[Million, Million, Billion, Thousand][..]),
                    ("USD", &[Million][..]),
                    ("EUR", &[Million, Billion][..]),
                    ("AZN", &[Million, Thousand][..]),
                    ("UZS", &[Billion, Million][..]),
                ]);
                let mult = self.rng.pick(mults);
                let (number, word) = (format_number(value), mult.word());
                let text = match currency {
                    "USD" => format!("{hedge}${number} {word}"),
                    "EUR" => format!("{hedge}€{number} {word}"),
                    "AZN" => format!("{hedge}{number} {word} manat"),
                    _ => format!("{hedge}{number} {word} soums"),
                };
                let quantity = Quantity {
                    value,
                    unit: "currency".to_owned(),
                    currency: Some(currency.to_owned()),
                    multiplier: Some(mult),
                    measure,
                    approximate,
                    period: None,
                };
                Figure { quantity, text }
            }
            Unit::Count(unit, thousands) => {
                let value = if thousands { value } else { f64::from(self.rng.between(2, 5_000)) };
                let number = format_number(value);
                let multiplier = (thousands && self.rng.chance(60)).then_some(Thousand);
                let text = match multiplier {
                    Some(m) => format!("{hedge}{number} {} {unit}", m.word()),
                    None => format!("{hedge}{number} {unit}"),
                };
                let quantity = Quantity { value, unit: unit.to_owned(), currency: None, multiplier, measure, approximate, period: None };
                Figure { quantity, text }
            }
        }
    }

    /// For an amount in soums, its dollar value as a derived figure (sometimes).
    fn uzs_in_dollars(&mut self, figure: &Figure) -> Vec<Derived> {
        let q = &figure.quantity;
        if q.currency.as_deref() != Some("UZS") || !self.rng.chance(50) {
            return Vec::new();
        }
        let rate = 12_700.0;
        let dollars_million = (q.absolute() / rate / 1e6 * 10.0).round() / 10.0;
        if dollars_million <= 0.0 {
            return Vec::new();
        }
        vec![Derived {
            label: "Approximate value in US dollars".to_owned(),
            quantity: Some(Quantity {
                value: dollars_million,
                unit: "currency".to_owned(),
                currency: Some("USD".to_owned()),
                multiplier: Some(Multiplier::Million),
                measure: q.measure,
                approximate: true,
                period: None,
            }),
            date: None,
            method: format!("{} ÷ 12,700 soums per dollar; the source gives no dollar figure", figure.text),
        }]
    }
}
