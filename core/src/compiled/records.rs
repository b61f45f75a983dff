//! Facts and sources in binary, field by field: every field of the model ([`Fact`],
//! [`Source`]), so a card shows from a chunk what it shows from the JSON; and the two files
//! that carry them, the fact chunks (`facts-NNNN.bin`) and the text files
//! (`text-NNNN.bin`). Changing the model changes this layout: bump `FORMAT_VERSION` with it.
//!
//! Decoding checks what the validator guaranteed and the UI relies on (enum values, indices
//! in range, date fields), so that bytes that pass the checksum but are not what the
//! compiler wrote are an error, not a wrong card or a panic.

use super::codec::{Read, Reader, Writer};
use crate::dataset::Dataset;
use crate::model::{DateSpec, Derived, Fact, FactId, Kind, Measure, Multiplier, PartialDate, Quantity, Source, Status};
use crate::source_view::{spans_in, QuoteSpan};

const FACTS: &[u8; 4] = b"FDKF";
const TEXTS: &[u8; 4] = b"FDKX";

/// A source but its text, which travels apart (text files; chunks leave it out).
pub(crate) fn write_source(w: &mut Writer, s: &Source) {
    w.str(&s.id);
    w.str(&s.publisher);
    w.str(&s.title);
    w.opt_str(s.place.as_deref());
    write_date(w, s.published);
    w.opt_str(s.url.as_deref());
    w.opt_str(s.note.as_deref());
    w.opt_str(s.file.as_deref());
}

/// A source as [`write_source`] wrote it, with `text` as its text.
pub(crate) fn read_source(r: &mut Reader, text: String) -> Read<Source> {
    Ok(Source {
        id: r.str()?,
        publisher: r.str()?,
        title: r.str()?,
        place: r.opt_str()?,
        published: read_date(r)?,
        url: r.opt_str()?,
        note: r.opt_str()?,
        file: r.opt_str()?,
        text,
    })
}

pub(crate) fn write_fact(w: &mut Writer, f: &Fact) {
    w.str(f.id.as_str());
    w.u8(f.kind as u8);
    w.str(&f.title);
    w.str(&f.summary);
    w.usize(f.sectors.len());
    for &s in &f.sectors {
        w.usize(s);
    }
    w.strs(&f.countries);
    w.strs(&f.parties);
    w.opt_str(f.attribution.as_deref());
    write_opt(w, f.date.as_ref(), write_spec);
    w.u8(f.status.map_or(0, |s| s as u8 + 1));
    w.usize(f.source);
    w.str(&f.quote);
    write_opt(w, f.quantity.as_deref(), write_quantity);
    w.usize(f.derived.len());
    for d in &f.derived {
        w.str(&d.label);
        write_opt(w, d.quantity.as_ref(), write_quantity);
        write_opt(w, d.date.as_ref(), |w, d| write_date(w, *d));
        w.str(&d.method);
    }
    write_opt(w, f.compare_with.as_ref(), |w, &i| w.usize(i));
}

/// A fact of a dataset with `sectors` sectors, `sources` sources and `facts` facts.
pub(crate) fn read_fact(r: &mut Reader, sectors: usize, sources: usize, facts: usize) -> Read<Fact> {
    let id = FactId(r.str()?);
    let kind = *Kind::ALL.get(usize::from(r.u8()?)).ok_or("an unknown kind")?;
    let (title, summary) = (r.str()?, r.str()?);
    let n = r.count()?;
    let fact_sectors = (0..n).map(|_| below(r.usize()?, sectors, "sector")).collect::<Read<_>>()?;
    let (countries, parties, attribution) = (r.strs()?, r.strs()?, r.opt_str()?);
    let date = read_opt(r, read_spec)?;
    let status = match r.u8()? {
        0 => None,
        s => Some(*Status::ALL.get(usize::from(s) - 1).ok_or("an unknown status")?),
    };
    let source = below(r.usize()?, sources, "source")?;
    let quote = r.str()?;
    let quantity = read_opt(r, read_quantity)?;
    let n = r.count()?;
    let derived = (0..n)
        .map(|_| Ok(Derived { label: r.str()?, quantity: read_opt(r, read_quantity)?, date: read_opt(r, read_date)?, method: r.str()? }))
        .collect::<Read<_>>()?;
    let compare_with = read_opt(r, |r| below(r.usize()?, facts, "fact"))?;
    Ok(Fact {
        id,
        kind,
        title,
        summary,
        sectors: fact_sectors,
        countries,
        parties,
        attribution,
        date,
        status,
        source,
        quote,
        quantity: quantity.map(Box::new),
        derived,
        compare_with,
    })
}

fn below(i: usize, n: usize, what: &str) -> Read<usize> {
    if i < n {
        Ok(i)
    } else {
        Err(format!("{what} {i} of {n}"))
    }
}

fn write_opt<T>(w: &mut Writer, v: Option<&T>, write: impl FnOnce(&mut Writer, &T)) {
    w.bool(v.is_some());
    if let Some(v) = v {
        write(w, v);
    }
}

fn read_opt<T>(r: &mut Reader, read: impl FnOnce(&mut Reader) -> Read<T>) -> Read<Option<T>> {
    Ok(if r.bool()? { Some(read(r)?) } else { None })
}

/// Year (zigzag), then month and day, 0 for none.
fn write_date(w: &mut Writer, d: PartialDate) {
    w.varint(((d.year << 1) ^ (d.year >> 31)) as u32 as u64);
    w.u8(d.month.unwrap_or(0));
    w.u8(d.day.unwrap_or(0));
}

fn read_date(r: &mut Reader) -> Read<PartialDate> {
    let z = r.u32()?;
    let year = (z >> 1) as i32 ^ -((z & 1) as i32);
    let (month, day) = (r.u8()?, r.u8()?);
    let date = PartialDate { year, month: (month > 0).then_some(month), day: (day > 0).then_some(day) };
    // The parser is the validator's rule for a date: what it gives back is a date it accepted.
    if PartialDate::parse(&date.iso()) == Some(date) {
        Ok(date)
    } else {
        Err(format!("{year}-{month}-{day} is not a date"))
    }
}

fn write_spec(w: &mut Writer, d: &DateSpec) {
    write_date(w, d.start);
    write_opt(w, d.end.as_ref(), |w, d| write_date(w, *d));
    w.opt_str(d.phrase.as_deref());
    w.bool(d.inferred);
}

fn read_spec(r: &mut Reader) -> Read<DateSpec> {
    Ok(DateSpec { start: read_date(r)?, end: read_opt(r, read_date)?, phrase: r.opt_str()?, inferred: r.bool()? })
}

const MULTIPLIERS: [Multiplier; 3] = [Multiplier::Thousand, Multiplier::Million, Multiplier::Billion];

fn write_quantity(w: &mut Writer, q: &Quantity) {
    w.f64(q.value);
    w.str(&q.unit);
    w.opt_str(q.currency.as_deref());
    w.u8(q.multiplier.map_or(0, |m| m as u8 + 1));
    w.u8(q.measure as u8);
    w.bool(q.approximate);
    write_opt(w, q.period.as_ref(), write_spec);
}

fn read_quantity(r: &mut Reader) -> Read<Quantity> {
    let value = r.f64()?;
    if !value.is_finite() {
        return Err("a figure that is not a finite number".to_owned());
    }
    let (unit, currency) = (r.str()?, r.opt_str()?);
    let multiplier = match r.u8()? {
        0 => None,
        m => Some(*MULTIPLIERS.get(usize::from(m) - 1).ok_or("an unknown multiplier")?),
    };
    let measure = *Measure::ALL.get(usize::from(r.u8()?)).ok_or("an unknown measure")?;
    Ok(Quantity { value, unit, currency, multiplier, measure, approximate: r.bool()?, period: read_opt(r, read_spec)? })
}

/// Facts `first..first + n` of a dataset, and the sources they quote (without their texts,
/// which text files hold).
pub(crate) struct Chunk {
    pub(crate) first: usize,
    pub(crate) facts: Vec<Fact>,
    /// (index in the dataset's sources, source with an empty text), sorted by index.
    pub(crate) sources: Vec<(usize, Source)>,
}

/// Facts `first..first + n` and the sources they quote, each without its text: what the
/// facts' cards show.
pub(crate) fn write_chunk(dataset: &Dataset, first: usize, n: usize) -> Vec<u8> {
    let facts = &dataset.facts[first..first + n];
    let mut sources: Vec<usize> = facts.iter().map(|f| f.source).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut w = Writer::file(FACTS);
    w.usize(first);
    w.usize(sources.len());
    for &s in &sources {
        w.usize(s);
        write_source(&mut w, &dataset.sources[s]);
    }
    w.usize(n);
    for f in facts {
        write_fact(&mut w, f);
    }
    w.bytes
}

/// A chunk of a dataset of `sectors` sectors, `sources` sources and `facts` facts.
pub(crate) fn read_chunk(bytes: &[u8], sectors: usize, sources: usize, facts: usize) -> Read<Chunk> {
    let mut r = Reader::file(bytes, FACTS)?;
    let first = r.usize()?;
    let n = r.count()?;
    let mut quoted: Vec<(usize, Source)> = Vec::with_capacity(n);
    for _ in 0..n {
        let i = r.usize()?;
        if i >= sources || quoted.last().is_some_and(|(p, _)| *p >= i) {
            return Err("sources out of range or order".to_owned());
        }
        quoted.push((i, read_source(&mut r, String::new())?));
    }
    let n = r.count()?;
    let list = (0..n).map(|_| read_fact(&mut r, sectors, sources, facts)).collect::<Read<Vec<Fact>>>()?;
    r.end()?;
    if list.iter().any(|f| quoted.binary_search_by_key(&f.source, |(i, _)| *i).is_err()) {
        return Err("a fact quotes a source the chunk does not hold".to_owned());
    }
    Ok(Chunk { first, facts: list, sources: quoted })
}

/// Sources `first..first + n` in full, each with where every fact of the dataset that
/// quotes it quotes it (`quoting[s]`: those facts, in dataset order): the source view's
/// and the export's, fetched apart from the cards' chunks.
pub(crate) fn write_texts(dataset: &Dataset, quoting: &[Vec<usize>], first: usize, n: usize) -> Vec<u8> {
    let mut w = Writer::file(TEXTS);
    w.usize(first);
    w.usize(n);
    for (source, quoting) in dataset.sources[first..first + n].iter().zip(&quoting[first..first + n]) {
        write_source(&mut w, source);
        w.str(&source.text);
        let spans = spans_in(&source.text, quoting.iter().map(|&f| (f, dataset.facts[f].quote.as_str())));
        w.usize(spans.len());
        for span in spans {
            w.usize(span.fact);
            w.usize(span.range.start);
            w.usize(span.range.end);
        }
    }
    w.bytes
}

/// A source in full with where facts quote it, as a text file holds it.
pub(crate) type SourceText = (Source, Vec<QuoteSpan>);

/// A text file (see [`write_texts`]) of a dataset of `facts` facts: its first source's
/// index and each source, text included, with its quote spans.
pub(crate) fn read_texts(bytes: &[u8], facts: usize) -> Read<(usize, Vec<SourceText>)> {
    let mut r = Reader::file(bytes, TEXTS)?;
    let first = r.usize()?;
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut source = read_source(&mut r, String::new())?;
        source.text = r.str()?;
        let spans = r.count()?;
        let spans = (0..spans)
            .map(|_| {
                let (fact, start, end) = (r.usize()?, r.usize()?, r.usize()?);
                let text = &source.text;
                let on_chars = start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end);
                if fact >= facts || !on_chars {
                    return Err("a quote span out of range".to_owned());
                }
                Ok(QuoteSpan { fact, range: start..end })
            })
            .collect::<Read<_>>()?;
        out.push((source, spans));
    }
    r.end()?;
    Ok((first, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_tags_follow_the_lists_they_are_read_from() {
        // Encoding writes `as u8`; decoding indexes these lists: they must agree.
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
        for (i, s) in Status::ALL.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
        for (i, m) in Measure::ALL.iter().enumerate() {
            assert_eq!(*m as usize, i);
        }
        for (i, m) in MULTIPLIERS.iter().enumerate() {
            assert_eq!(*m as usize, i);
        }
    }

    #[test]
    fn dates_read_back_and_impossible_ones_are_errors() {
        for d in ["2024", "2024-02", "2024-02-29", "0001", "9999-12-31"] {
            let date = PartialDate::parse(d).unwrap();
            let mut w = Writer::file(b"TEST");
            write_date(&mut w, date);
            assert_eq!(read_date(&mut Reader::file(&w.bytes, b"TEST").unwrap()), Ok(date));
        }
        let mut w = Writer::file(b"TEST");
        write_date(&mut w, PartialDate { year: 2023, month: Some(2), day: Some(29) });
        assert!(read_date(&mut Reader::file(&w.bytes, b"TEST").unwrap()).is_err());
    }
}
