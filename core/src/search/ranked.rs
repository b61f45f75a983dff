//! The facts a query matched, with what ranks them, and the ranking itself: fewer typos
//! first, then a higher score, then dataset order, behind an optional sort key. Ranked
//! only as far as a page needs.

use std::cmp::Ordering;
use std::sync::Arc;

/// Up to this many, [`Ranked::top`] keeps a sorted shortlist instead of selecting.
const SMALL_TOP: usize = 64;

/// One matching fact and what ranks it by relevance: 12 bytes, a million of them 12 MB.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Hit {
    pub(super) doc: u32,
    pub(super) typos: u8,
    pub(super) score: f32,
}

/// A hit with the view's sort key ([`Ranked::sorted_by`]; 0 for relevance order).
#[derive(Clone, Copy)]
struct Keyed(u32, Hit);

impl Keyed {
    /// Best first: the lower sort key, then fewer typos, then a higher score, then dataset
    /// order (a total order, so every ranking is stable).
    fn rank(&self, other: &Keyed) -> Ordering {
        let (Keyed(k, a), Keyed(l, b)) = (self, other);
        k.cmp(l).then(a.typos.cmp(&b.typos)).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc))
    }
}

/// The facts in both lists (each in dataset order), with their scores and typos added up.
pub(super) fn intersect(a: &[Hit], b: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].doc.cmp(&b[j].doc) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                let (x, y) = (a[i], b[j]);
                out.push(Hit { doc: x.doc, typos: x.typos.saturating_add(y.typos), score: x.score + y.score });
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The facts a query matches, kept in dataset order with what ranks them, and ranked only
/// as far as asked: a page of results needs the best 20 of perhaps 100,000, and a full
/// sort on every keystroke would cost more than the search. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    hits: Arc<Vec<Hit>>,
    /// Each hit's sort key, when the view sorts ([`Ranked::sorted_by`]): kept apart, so a
    /// sort adds 4 bytes a hit rather than a copy of them all.
    keys: Option<Arc<Vec<u32>>>,
    /// Every hit ranks alike (an empty query's: no typos, no score), so relevance order is
    /// dataset order and a page is the first hits: [`Ranked::top`] need not look at the
    /// rest (a million of them at 1M facts).
    alike: bool,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        let same_hits = Arc::ptr_eq(&self.hits, &other.hits) || self.hits == other.hits;
        same_hits && self.keys == other.keys
    }
}

impl Ranked {
    pub(super) fn new(hits: Vec<Hit>) -> Ranked {
        Ranked { hits: Arc::new(hits), keys: None, alike: false }
    }

    /// Facts `0..n`, in that order, as an empty query finds them.
    pub(crate) fn every(n: usize) -> Ranked {
        let hits = (0..n as u32).map(|doc| Hit { doc, typos: 0, score: 0.0 }).collect();
        Ranked { alike: true, ..Ranked::new(hits) }
    }

    /// Hit `i` with its sort key.
    fn keyed(&self, i: usize) -> Keyed {
        Keyed(self.keys.as_ref().map_or(0, |k| k[i]), self.hits[i])
    }

    fn all_keyed(&self) -> impl Iterator<Item = Keyed> + '_ {
        (0..self.hits.len()).map(|i| self.keyed(i))
    }

    /// How many facts matched: the exact count, however few are ranked.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The matching facts' indices in dataset order (not ranked).
    pub fn facts(&self) -> impl Iterator<Item = usize> + '_ {
        self.hits.iter().map(|h| h.doc as usize)
    }

    pub fn contains(&self, fact: usize) -> bool {
        self.hits.binary_search_by_key(&fact, |h| h.doc as usize).is_ok()
    }

    /// The facts for which `keep` holds, ranked as before.
    pub fn filter(&self, mut keep: impl FnMut(usize) -> bool) -> Ranked {
        match &self.keys {
            None => {
                let hits = self.hits.iter().copied().filter(|h| keep(h.doc as usize)).collect();
                Ranked { alike: self.alike, ..Ranked::new(hits) }
            }
            Some(keys) => {
                let kept = self.hits.iter().zip(keys.iter()).filter(|(h, _)| keep(h.doc as usize));
                let (hits, keys): (Vec<Hit>, Vec<u32>) = kept.map(|(h, k)| (*h, *k)).unzip();
                Ranked { hits: Arc::new(hits), keys: Some(Arc::new(keys)), alike: self.alike }
            }
        }
    }

    /// The same facts ranked by `key(fact)`, lowest first; facts with equal keys keep their
    /// relevance order. A constant key gives relevance order back.
    pub fn sorted_by(&self, mut key: impl FnMut(usize) -> u32) -> Ranked {
        let keys = self.hits.iter().map(|h| key(h.doc as usize)).collect();
        Ranked { hits: self.hits.clone(), keys: Some(Arc::new(keys)), alike: self.alike }
    }

    /// The best `k` facts (or all, if fewer), best first. Costs O(n + k log k) for n
    /// matches, and allocates only for the k.
    pub fn top(&self, k: usize) -> Vec<usize> {
        let k = k.min(self.hits.len());
        if self.alike && self.keys.is_none() {
            return self.hits[..k].iter().map(|h| h.doc as usize).collect();
        }
        let mut best: Vec<Keyed> = Vec::with_capacity(k);
        if k <= SMALL_TOP {
            // A page: keep the best k seen so far, sorted; most hits lose to the last of
            // them at the first comparison.
            for h in self.all_keyed() {
                if best.len() == k {
                    if k == 0 || h.rank(&best[k - 1]) != Ordering::Less {
                        continue;
                    }
                    best.pop();
                }
                let at = best.partition_point(|b| b.rank(&h) == Ordering::Less);
                best.insert(at, h);
            }
        } else {
            best.extend(self.all_keyed());
            if k < best.len() {
                best.select_nth_unstable_by(k - 1, Keyed::rank);
                best.truncate(k);
            }
            best.sort_unstable_by(Keyed::rank);
        }
        best.into_iter().map(|Keyed(_, h)| h.doc as usize).collect()
    }

    /// Every matching fact, best first.
    pub fn best_first(&self) -> Vec<usize> {
        self.top(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_results_is_the_start_of_the_full_ranking() {
        let mut x: u32 = 1;
        let hits: Vec<Hit> = (0..500)
            .map(|doc| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                Hit { doc, typos: (x >> 29) as u8 % 3, score: ((x >> 8) % 50) as f32 }
            })
            .collect();
        let mut full: Vec<Keyed> = hits.iter().map(|&h| Keyed(0, h)).collect();
        full.sort_by(Keyed::rank);
        let full: Vec<usize> = full.iter().map(|Keyed(_, h)| h.doc as usize).collect();
        let ranked = Ranked::new(hits);
        assert_eq!(ranked.best_first(), full);
        for k in [0, 1, 12, 30, 64, 65, 200, 500, 900] {
            assert_eq!(ranked.top(k), full[..k.min(500)], "k = {k}");
        }
    }

    #[test]
    fn an_empty_query_s_page_is_its_first_facts_filtered_or_sorted_alike() {
        let every = Ranked::every(1000);
        let full: Vec<usize> = (0..1000).collect();
        assert_eq!(every.top(20), full[..20]);
        assert_eq!(every.best_first(), full);
        let odd = every.filter(|f| f % 2 == 1);
        assert_eq!(odd.top(3), [1, 3, 5]);
        assert_eq!(odd.top(3), Ranked::new(odd.hits.to_vec()).top(3), "as if ranked in full");
        let sorted = odd.sorted_by(|f| (f % 10) as u32);
        assert_eq!(sorted.top(4), [1, 11, 21, 31], "a sort still ranks by its key");
        assert_eq!(sorted.filter(|f| f > 900).top(2), [901, 911]);
    }

    #[test]
    fn a_sorted_page_is_the_start_of_the_full_sort_with_ties_in_relevance_order() {
        // Relevance: doc 3 best, then 1, 0, 2; keys put 0 and 3 first, then the rest.
        let hits = [(0, 2.0), (1, 3.0), (2, 1.0), (3, 4.0)].map(|(doc, score)| Hit { doc, typos: 0, score });
        let ranked = Ranked::new(hits.to_vec());
        assert_eq!(ranked.best_first(), [3, 1, 0, 2]);
        let sorted = ranked.sorted_by(|f| if f == 0 || f == 3 { 5 } else { 9 });
        assert_eq!(sorted.best_first(), [3, 0, 1, 2]);
        assert_eq!(sorted.top(3), [3, 0, 1]);
        assert_eq!(sorted.len(), ranked.len());
        assert_eq!(sorted.sorted_by(|_| 0).best_first(), ranked.best_first(), "a constant key is relevance again");
        let filtered = sorted.filter(|f| f != 0);
        assert_eq!(filtered.best_first(), [3, 1, 2], "a filter keeps each hit's key");
    }
}
