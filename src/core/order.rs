//! Sorting through one shared routine.
//!
//! Why: the standard library's sort is a fine algorithm compiled afresh for every element type
//! and comparison it is used with, several kilobytes of wasm each time; a dozen sorts of short
//! lists (groups, indicators, te reo terms) cost the browser build tens of kilobytes. These
//! helpers sort a list of positions with one comparison-by-reference routine, compiled once,
//! then put the items in that order. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` by a key, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by their own order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, Ord::cmp);
}

/// Sorts positions by a number each, highest first (equal numbers kept in their order): for
/// the rankings that run many times over (the profile's draws and weightings), through the
/// same one instance of the standard sort as the rest.
/// The positions are sorted in place, with nothing allocated (it runs once per draw).
pub fn highest_first(order: &mut [usize], value: &dyn Fn(usize) -> f64) {
    sort_positions(order, &|a, b| value(b).total_cmp(&value(a)));
}

/// The one instance of the standard sort: positions, compared through a reference.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut theirs = items;
            theirs.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, theirs, "the same order, equal keys kept in place");
        }

        #[test]
        fn ranks_highest_first(values in proptest::collection::vec(-1e6f64..1e6, 0..60)) {
            let mut order: Vec<usize> = (0..values.len()).collect();
            highest_first(&mut order, &|i| values[i]);
            prop_assert!(order.windows(2).all(|w| values[w[0]] >= values[w[1]]));
            let mut sorted = order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..values.len()).collect::<Vec<_>>(), "every position once");
        }
    }
}
