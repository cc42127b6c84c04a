//! Schedule arithmetic: sharing out the time that is left among the remaining agenda items.

/// One remaining item as rebalancing sees it, in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub planned: u32,
    pub floor: u32,
}

/// Scales the remaining items in proportion to their planned minutes so that together they
/// take `available` minutes, never going below an item's floor. Largest-remainder rounding
/// keeps the total exact. When even the floors do not fit, every item gets its floor and the
/// session will run late: the caller reports that rather than breaking a protected minimum.
pub fn rebalance(items: &[Share], available: u32) -> Vec<u32> {
    let floors: u32 = items.iter().map(|s| s.floor).sum();
    if items.is_empty() || available <= floors {
        return items.iter().map(|s| s.floor).collect();
    }
    // Pin items whose proportional share would fall under their floor, then share the rest
    // among the free items; repeat until no more items need pinning.
    let mut pinned = vec![false; items.len()];
    loop {
        let pinned_total: u32 = items
            .iter()
            .zip(&pinned)
            .filter(|(_, p)| **p)
            .map(|(s, _)| s.floor)
            .sum();
        let free_planned: u64 = items
            .iter()
            .zip(&pinned)
            .filter(|(_, p)| !**p)
            .map(|(s, _)| u64::from(s.planned.max(1)))
            .sum();
        let budget = u64::from(available - pinned_total);
        let mut changed = false;
        for (i, share) in items.iter().enumerate() {
            if !pinned[i] && u64::from(share.planned.max(1)) * budget < u64::from(share.floor) * free_planned
            {
                pinned[i] = true;
                changed = true;
            }
        }
        if !changed {
            return distribute(items, &pinned, budget, free_planned);
        }
    }
}

fn distribute(items: &[Share], pinned: &[bool], budget: u64, free_planned: u64) -> Vec<u32> {
    let mut result = Vec::with_capacity(items.len());
    let mut remainders = Vec::new();
    let mut given = 0u64;
    for (i, share) in items.iter().enumerate() {
        if pinned[i] {
            result.push(share.floor);
            continue;
        }
        let exact = u64::from(share.planned.max(1)) * budget;
        let whole = exact / free_planned;
        given += whole;
        remainders.push((exact % free_planned, i));
        result.push(u32::try_from(whole).unwrap_or(u32::MAX));
    }
    // Largest fractional parts first; earlier items win ties so the result is deterministic.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders.into_iter().take((budget - given) as usize) {
        result[i] += 1;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn share(planned: u32, floor: u32) -> Share {
        Share { planned, floor }
    }

    #[test]
    fn shrinks_in_proportion_and_keeps_protected_floor() {
        // Break 10, Activity 15, Closing 10 (protected): 35 planned, 27 available.
        let items = [share(10, 1), share(15, 1), share(10, 10)];
        let got = rebalance(&items, 27);
        assert_eq!(got.iter().sum::<u32>(), 27);
        assert_eq!(got[2], 10, "the closing round keeps its time: {got:?}");
        assert_eq!(got, vec![7, 10, 10]);
    }

    #[test]
    fn grows_when_there_is_time_to_spare() {
        let got = rebalance(&[share(10, 1), share(10, 1)], 30);
        assert_eq!(got, vec![15, 15]);
    }

    #[test]
    fn floors_win_when_time_has_run_out() {
        let got = rebalance(&[share(10, 1), share(10, 10)], 5);
        assert_eq!(got, vec![1, 10]);
    }

    #[test]
    fn nothing_to_share() {
        assert!(rebalance(&[], 20).is_empty());
    }

    proptest! {
        #[test]
        fn total_is_exact_and_floors_hold(
            items in prop::collection::vec((1u32..120, 0u32..30), 0..8),
            available in 0u32..600,
        ) {
            let items: Vec<Share> = items
                .into_iter()
                .map(|(planned, floor)| share(planned, floor.min(planned).max(1)))
                .collect();
            let got = rebalance(&items, available);
            prop_assert_eq!(got.len(), items.len());
            let floors: u32 = items.iter().map(|s| s.floor).sum();
            for (g, s) in got.iter().zip(&items) {
                prop_assert!(*g >= s.floor);
            }
            if !items.is_empty() {
                prop_assert_eq!(got.iter().sum::<u32>(), available.max(floors));
            }
        }
    }
}
