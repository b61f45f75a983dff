//! Which two facts' figures can share a chart, and how: the rule the chart builder follows
//! and the dataset validator enforces on `compare_with`, with the reason when they cannot.

use crate::model::{Fact, Measure, Quantity};

/// How a fact's figure relates to the one its `compare_with` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// One is a current figure, the other the target in the same unit.
    Progress,
    /// The fact is a change; `base` indexes its derived figures; the other is the level reached.
    Change { base: usize },
    /// Two levels, targets or planned figures of comparable things.
    Comparison,
}

/// Whether `fact`'s figure can be drawn against `other`'s, and how. The error is a
/// sentence for the dataset's maintainer; [`crate::dataset`] reports it on `compare_with`.
pub fn pairing(fact: &Fact, other: &Fact) -> Result<Pairing, String> {
    let Some(a) = &fact.quantity else {
        return Err("only a fact with a `quantity` can be compared".into());
    };
    let Some(b) = &other.quantity else {
        return Err(format!("fact \"{}\" has no quantity to compare with", other.id));
    };
    let pairing = match (a.measure, b.measure) {
        (Measure::Change, Measure::Current) if is_factor(a) => {
            let base = fact.derived.iter().position(|d| d.quantity.as_ref().is_some_and(|q| same_unit(q, b)));
            match base {
                Some(base) => Pairing::Change { base },
                None => {
                    return Err(format!(
                        "a change compared with {b} needs the figure it started from as a `derived` quantity in the same unit"
                    ))
                }
            }
        }
        (Measure::Change, _) => return Err("a change (unit \"times\") can only be compared with the current figure it reached".into()),
        (_, Measure::Change) => return Err(format!("fact \"{}\" is a change; put `compare_with` on the change instead", other.id)),
        (Measure::Current, Measure::Target) | (Measure::Target, Measure::Current) => {
            if !same_unit(a, b) {
                return Err(format!("{a} and the target {b} are not in the same unit"));
            }
            Pairing::Progress
        }
        _ => {
            if !(same_unit(a, b) || (is_count(a) && is_count(b))) {
                return Err(format!("{a} and {b} cannot share a scale: compare counts with counts, or sums in one currency"));
            }
            Pairing::Comparison
        }
    };
    let drawable = match pairing {
        Pairing::Change { base } => {
            a.value > 0.0 && b.value >= 0.0 && fact.derived.get(base).and_then(|d| d.quantity.as_ref()).is_some_and(|q| q.value >= 0.0)
        }
        Pairing::Progress => [a, b].iter().all(|q| if q.measure == Measure::Target { q.value > 0.0 } else { q.value >= 0.0 }),
        Pairing::Comparison => a.value >= 0.0 && b.value >= 0.0 && (a.value > 0.0 || b.value > 0.0),
    };
    if !drawable {
        return Err("a chart needs figures of zero or more, and a factor or target above zero".into());
    }
    Ok(pairing)
}

pub(super) fn is_factor(q: &Quantity) -> bool {
    q.unit == "times"
}

fn is_count(q: &Quantity) -> bool {
    q.currency.is_none() && !is_factor(q)
}

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    a.unit == b.unit && a.currency == b.currency
}

#[cfg(test)]
mod tests {
    use crate::chart::tests::{fact, rejection, BASE, TRIPLED, TURNOVER};

    #[test]
    fn compare_with_rejects_figures_that_share_no_scale() {
        let companies = r#"{"value": 540, "unit": "companies", "measure": "current"}"#;
        let e = rejection(&[fact("a", TURNOVER, r#", "compare_with": "b""#), fact("b", companies, "")]);
        assert_eq!(
            e,
            "test.json: fact \"a\", field `compare_with`: $255 million and 540 companies cannot share a scale: compare counts with counts, or sums in one currency"
        );
        let e = rejection(&[fact("a", TRIPLED, r#", "compare_with": "b""#), fact("b", TURNOVER, "")]);
        assert!(
            e.ends_with("a change compared with $255 million needs the figure it started from as a `derived` quantity in the same unit"),
            "{e}"
        );
        let e = rejection(&[fact("a", TURNOVER, r#", "compare_with": "b""#), fact("b", TRIPLED, BASE)]);
        assert!(e.ends_with("fact \"b\" is a change; put `compare_with` on the change instead"), "{e}");
    }
}
