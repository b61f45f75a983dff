//! `timeline.bin`: the whole dataset's timeline, from which any view's is drawn
//! (`Timeline::within`) without fetching a fact to order it.

use super::codec::{width, Read, Reader, Writer};
use crate::timeline::{DateOrigin, Entry, Sorted, Timeline, Year};

const TIMELINE: &[u8; 4] = b"FDKL";

/// The whole dataset's timeline: each year and its number of entries, then every entry's
/// fact and origin (0: the fact's date, 1: its figure's period, 2 + i: its derived date i),
/// bit-packed. A view's timeline is this one less the facts outside it (`Timeline::within`),
/// so no fact is fetched to order one.
pub(crate) fn write_timeline(t: &Sorted, facts: usize) -> Vec<u8> {
    let code = |o: DateOrigin| match o {
        DateOrigin::Date => 0,
        DateOrigin::Period => 1,
        DateOrigin::Derived(i) => 2 + i as u64,
    };
    let mut w = Writer::file(TIMELINE);
    w.usize(t.years.len());
    for &(year, entries) in &t.years {
        w.u32_le(year as u32);
        w.usize(entries);
    }
    let widest = t.entries.iter().map(|e| code(e.origin)).max().unwrap_or(0);
    let origin_bits = width(widest);
    w.u8(origin_bits as u8);
    let fact_bits = width(facts.saturating_sub(1) as u64);
    w.packed(t.entries.iter().map(|e| e.fact as u64), fact_bits);
    w.packed(t.entries.iter().map(|e| code(e.origin)), origin_bits);
    w.bytes
}

/// The timeline of all `facts` facts (see [`write_timeline`]): years rising, none empty,
/// every entry's fact below `facts`.
pub(crate) fn read_timeline(bytes: &[u8], facts: usize) -> Read<Timeline> {
    let mut r = Reader::file(bytes, TIMELINE)?;
    let n = r.count()?;
    let mut runs = Vec::with_capacity(n);
    let mut total = 0usize;
    for _ in 0..n {
        // Entries may take less than a byte each: their bits are checked below, all at once.
        let (year, entries) = (r.u32_le()? as i32, r.usize()?);
        if entries == 0 || runs.last().is_some_and(|&(last, _)| last >= year) {
            return Err("its years are not in order".to_owned());
        }
        total = total.checked_add(entries).ok_or("too many entries")?;
        runs.push((year, entries));
    }
    let origin_bits = u32::from(r.u8()?);
    if origin_bits > 32 {
        return Err("an origin wider than 32 bits".to_owned());
    }
    let fact_bits = width(facts.saturating_sub(1) as u64);
    // Values of no bits take no bytes: the count alone must then be possible (one fact, one date).
    if fact_bits + origin_bits == 0 && total > facts {
        return Err("more entries than facts have dates".to_owned());
    }
    let mut fact_of = r.packed(total, fact_bits)?;
    let fact_list: Vec<usize> = (0..total).map(|_| fact_of.next().map(|f| f as usize)).collect::<Option<_>>().ok_or("truncated")?;
    let mut origins = r.packed(total, origin_bits)?;
    r.end()?;
    let (mut years, mut seen, mut dated, mut at) = (Vec::with_capacity(n), vec![false; facts], 0, 0);
    for (year, count) in runs {
        let mut entries = Vec::with_capacity(count);
        for &fact in &fact_list[at..at + count] {
            let origin = match origins.next().ok_or("truncated")? {
                0 => DateOrigin::Date,
                1 => DateOrigin::Period,
                c => DateOrigin::Derived(c as usize - 2),
            };
            let first = seen.get_mut(fact).ok_or("an entry's fact is out of range")?;
            dated += usize::from(!std::mem::replace(first, true));
            entries.push(Entry { fact, origin });
        }
        at += count;
        years.push(Year { year, entries });
    }
    Ok(Timeline { years, undated: facts - dated, dated })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::test_events::events;
    use crate::timeline::{sorted, timeline};

    #[test]
    fn a_timeline_with_periods_and_derived_dates_reads_back_as_written() {
        let derived =
            |n: usize| (0..n).map(|i| json!({ "label": "Then", "date": format!("{}", 1990 + i), "method": "—" })).collect::<Vec<_>>();
        let period = json!({ "value": 5, "unit": "visits", "measure": "current", "period": { "start": "2022", "end": "2025" } });
        let d = events(&[
            ("a", json!({ "date": "2024", "derived": derived(1) })),
            ("b", json!({})),
            ("c", json!({ "date": "2023-05", "kind": "indicator", "quantity": period })),
            ("d", json!({ "derived": derived(5) })),
            ("e", json!({ "date": "0044" })),
        ]);
        let all: Vec<usize> = (0..d.facts.len()).collect();
        let t = timeline(&d, &all);
        assert!(t.entries().any(|e| e.origin == DateOrigin::Derived(4)) && t.entries().any(|e| e.origin == DateOrigin::Period));
        let bytes = write_timeline(&sorted(&d, &all), d.facts.len());
        assert_eq!(read_timeline(&bytes, d.facts.len()), Ok(t));
        assert!(read_timeline(&bytes, 2).is_err(), "facts out of range");
        // One fact, five dates in one year: five entries in 15 bits.
        let one = events(&[(
            "x",
            json!({ "date": "2024-01", "derived": (0..4).map(|m| json!({ "label": "Then", "date": format!("2024-0{}", m + 2), "method": "—" })).collect::<Vec<_>>() }),
        )]);
        let t = timeline(&one, &[0]);
        assert_eq!(t.years.len(), 1);
        assert_eq!(read_timeline(&write_timeline(&sorted(&one, &[0]), 1), 1), Ok(t));
        let none = write_timeline(&sorted(&d, &[1]), 3);
        assert_eq!(read_timeline(&none, 3), Ok(Timeline { undated: 3, ..Timeline::default() }));
    }
}
