//! Stable sorting with one body of code for every element type.
//!
//! `slice::sort_by` and `sort_by_key` are compiled anew for each element type and
//! each comparison. In the wasm one copy of the standard library's stable sort is
//! about 2.6 KB, and its 25 copies were 66 KB of the 490 KB of code, all of which
//! the browser compiles on the page's first analysis. The lists sorted here are
//! short (a document's quotes, claims, matches and events; a lexicon's groups),
//! so one merge sort of positions, comparing through a `dyn` call, costs nothing
//! that shows.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of items with equal keys, as
/// `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their order. For tuples of offsets, whose equal items are
/// alike, it gives what `slice::sort_unstable` would, without compiling the
/// standard library's unstable sort, and its sorting networks, for each type.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by `compare`, keeping the order of equal items, as
/// `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    let mut after = |i: usize, j: usize| compare(&items[i], &items[j]) == Ordering::Greater;
    // Many lists come in order already (matches found left to right): they
    // cost one look and no allocation.
    let Some(first_descent) = (1..n).find(|&i| after(i - 1, i)) else { return };
    let order = stable_order(n, first_descent, &mut after);
    permute(items, order);
}

/// Below this length, insertion beats merging.
const SHORT: usize = 16;

/// The positions `0..n` in stable sorted order, `after(i, j)` telling whether the
/// item at `i` goes after the one at `j`, and the items before `first_descent`
/// being in order: a merge sort of the runs already in order, so that nearly
/// sorted lists take few passes.
fn stable_order(n: usize, first_descent: usize, after: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if n <= SHORT {
        for k in first_descent..n {
            let item = order[k];
            let mut at = k;
            // Past every item this one goes before; equal items stay ahead.
            while at > 0 && after(order[at - 1], item) {
                order[at] = order[at - 1];
                at -= 1;
            }
            order[at] = item;
        }
        return order;
    }
    // Where each run starts, and `n`.
    let mut runs: Vec<usize> = vec![0, first_descent];
    runs.extend((first_descent + 1..n).filter(|&i| after(i - 1, i)));
    runs.push(n);
    let mut merged = vec![0; n];
    while runs.len() > 2 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 2);
        let mut r = 0;
        while r + 1 < runs.len() {
            // This run and the next; a last run without a partner is copied.
            let (start, mid) = (runs[r], runs[r + 1]);
            let end = runs.get(r + 2).copied().unwrap_or(mid);
            next.push(start);
            let (mut i, mut j) = (start, mid);
            for slot in &mut merged[start..end] {
                // The left run's item first unless it goes after the right's:
                // equal items keep their order.
                let take_left = j == end || (i < mid && !after(order[i], order[j]));
                if take_left {
                    *slot = order[i];
                    i += 1;
                } else {
                    *slot = order[j];
                    j += 1;
                }
            }
            r += 2;
        }
        next.push(n);
        std::mem::swap(&mut order, &mut merged);
        runs = next;
    }
    order
}

/// Rearranges `items` so that position `k` holds the item that was at `order[k]`,
/// by following the permutation's cycles.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        // Each cycle is walked once, from its smallest position: the positions
        // it visits are marked done by pointing at themselves.
        let mut k = start;
        while order[k] != start {
            let from = order[k];
            items.swap(k, from);
            order[k] = k;
            k = from;
        }
        order[k] = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort_does(keys in proptest::collection::vec(0u8..6, 0..120)) {
            // Equal keys with distinct tags show whether their order is kept.
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(tag, k)| (k, tag)).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(&ours, &std_sorted);
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std_sorted = items;
            #[allow(clippy::unnecessary_sort_by)] // the comparison, not a key, is what is tested
            std_sorted.sort_by(|a, b| b.0.cmp(&a.0));
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn sorts_pairs_as_the_standard_unstable_sort_does(pairs in proptest::collection::vec((0usize..8, 0usize..8), 0..120)) {
            let mut ours = pairs.clone();
            sort(&mut ours);
            let mut std_sorted = pairs;
            std_sorted.sort_unstable();
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut words: Vec<String> = ["delta", "a", "ccc", "bb", "ee"].map(String::from).to_vec();
        sort_by_key(&mut words, |w| std::cmp::Reverse(w.len()));
        assert_eq!(words, ["delta", "ccc", "bb", "ee", "a"]);
    }
}
