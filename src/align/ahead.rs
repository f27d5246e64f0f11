//! Work made ahead of its use on a second thread: items `0..count`, each
//! independent of the others, consumed in order by the calling thread.
//! The second thread makes them in order, a few ahead at most, and sends
//! them over a bounded channel; the calling thread makes one itself
//! whenever the next item it needs is not ready, so neither thread waits
//! while there is work left.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use crossbeam_channel::{Receiver, TryRecvError};

/// Claims the next unmade item, below `limit`: items are made once, by
/// whichever thread claims them.
fn claim(next: &AtomicUsize, limit: usize) -> Option<usize> {
    next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
        (n < limit).then_some(n + 1)
    })
    .ok()
}

/// Calls `consume` with the items `make(0)`, `make(1)`, … `make(count -
/// 1)` in order, made on a second thread (at most `lookahead` ahead of
/// the item being consumed) and on this one.
pub fn pipelined<T: Send, R>(
    count: usize,
    lookahead: usize,
    make: impl Fn(usize) -> T + Sync,
    consume: impl FnOnce(&mut dyn Iterator<Item = T>) -> R,
) -> R {
    let lookahead = lookahead.max(1);
    let next = AtomicUsize::new(0);
    let (sender, receiver) = crossbeam_channel::bounded(lookahead);
    let make = &make;
    std::thread::scope(|scope| {
        let next = &next;
        // Stops when every item is claimed, or when the calling thread
        // is done taking them (the channel is then disconnected).
        scope.spawn(move || {
            while let Some(k) = claim(next, count) {
                if sender.send((k, make(k))).is_err() {
                    return;
                }
            }
        });
        consume(&mut Taken {
            next,
            count,
            lookahead,
            receiver,
            waiting: BTreeMap::new(),
            taken: 0,
            make,
        })
    })
}

/// The items in order, for the calling thread.
struct Taken<'s, T, F> {
    next: &'s AtomicUsize,
    count: usize,
    lookahead: usize,
    /// The second thread's items, in the order it claimed them.
    receiver: Receiver<(usize, T)>,
    /// Items made or received before their turn.
    waiting: BTreeMap<usize, T>,
    /// Items `0..taken` are taken.
    taken: usize,
    make: &'s F,
}

impl<T, F: Fn(usize) -> T> Iterator for Taken<'_, T, F> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let k = self.taken;
        if k >= self.count {
            return None;
        }
        loop {
            if let Some(item) = self.waiting.remove(&k) {
                self.taken = k + 1;
                return Some(item);
            }
            match self.receiver.try_recv() {
                Ok((j, item)) => {
                    self.waiting.insert(j, item);
                    continue;
                }
                // The second thread has stopped (done, or panicked) and
                // left item `k` unmade: make it here.
                Err(TryRecvError::Disconnected) => {
                    self.next.fetch_max(k + 1, Ordering::Relaxed);
                    self.taken = k + 1;
                    return Some((self.make)(k));
                }
                Err(TryRecvError::Empty) => {}
            }
            // Not ready: make the next unclaimed item here (item `k`
            // itself, or a later one, not too far ahead) rather than wait.
            let limit = self.count.min(k + 2 * self.lookahead);
            if let Some(j) = claim(self.next, limit) {
                let item = (self.make)(j);
                if j == k {
                    self.taken = k + 1;
                    return Some(item);
                }
                self.waiting.insert(j, item);
                continue;
            }
            // The second thread is making item `k`.
            if let Ok((j, item)) = self.receiver.recv() {
                self.waiting.insert(j, item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_in_order_and_each_is_made_once() {
        for (count, lookahead) in [(0, 3), (1, 1), (7, 1), (100, 3), (1000, 8)] {
            let made = AtomicUsize::new(0);
            let items = pipelined(
                count,
                lookahead,
                |k| {
                    made.fetch_add(1, Ordering::Relaxed);
                    k * 2
                },
                |items| items.collect::<Vec<_>>(),
            );
            assert_eq!(items, (0..count).map(|k| k * 2).collect::<Vec<_>>());
            assert_eq!(made.into_inner(), count);
        }
    }

    #[test]
    fn stopping_early_ends_the_second_thread() {
        let first = pipelined(10_000, 3, |k| k, |items| items.take(5).sum::<usize>());
        assert_eq!(first, 10);
    }
}
