//! Work made ahead of its use on a second thread: items `0..count`, each
//! independent of the others, consumed in order by the calling thread.
//! The second thread makes them in order, a few ahead at most; the
//! calling thread makes one itself whenever the next item it needs is
//! not ready, so neither thread waits while there is work left.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Where the items stand.
struct State<T> {
    /// Items `0..claimed` are made or being made.
    claimed: usize,
    /// Made and not yet taken.
    made: BTreeMap<usize, T>,
    /// Items `0..taken` are taken.
    taken: usize,
    /// The second thread has stopped (done, or panicked).
    stopped: bool,
    /// The calling thread takes no more items.
    closed: bool,
}

struct Shared<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
    count: usize,
    lookahead: usize,
}

impl<T> Shared<T> {
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'g>(&self, guard: MutexGuard<'g, State<T>>) -> MutexGuard<'g, State<T>> {
        self.changed
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Marks the second thread stopped when it ends, however it ends.
struct Stopped<'s, T>(&'s Shared<T>);

impl<T> Drop for Stopped<'_, T> {
    fn drop(&mut self) {
        self.0.lock().stopped = true;
        self.0.changed.notify_all();
    }
}

/// Marks the calling thread done taking items, however it is done.
struct Closed<'s, T>(&'s Shared<T>);

impl<T> Drop for Closed<'_, T> {
    fn drop(&mut self) {
        self.0.lock().closed = true;
        self.0.changed.notify_all();
    }
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
    let shared = Shared {
        state: Mutex::new(State {
            claimed: 0,
            made: BTreeMap::new(),
            taken: 0,
            stopped: false,
            closed: false,
        }),
        changed: Condvar::new(),
        count,
        lookahead: lookahead.max(1),
    };
    let make = &make;
    std::thread::scope(|scope| {
        let helper = &shared;
        scope.spawn(move || {
            let _stopped = Stopped(helper);
            loop {
                let k = {
                    let mut state = helper.lock();
                    while !state.closed
                        && state.claimed < helper.count
                        && state.claimed >= state.taken + helper.lookahead
                    {
                        state = helper.wait(state);
                    }
                    if state.closed || state.claimed >= helper.count {
                        return;
                    }
                    state.claimed += 1;
                    state.claimed - 1
                };
                let item = make(k);
                helper.lock().made.insert(k, item);
                helper.changed.notify_all();
            }
        });
        let _closed = Closed(&shared);
        consume(&mut Taken {
            shared: &shared,
            make,
        })
    })
}

/// The items in order, for the calling thread.
struct Taken<'s, T, F> {
    shared: &'s Shared<T>,
    make: &'s F,
}

impl<T, F: Fn(usize) -> T> Iterator for Taken<'_, T, F> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let shared = self.shared;
        let mut state = shared.lock();
        let k = state.taken;
        if k >= shared.count {
            return None;
        }
        loop {
            if let Some(item) = state.made.remove(&k) {
                state.taken = k + 1;
                drop(state);
                shared.changed.notify_all();
                return Some(item);
            }
            // Not claimed yet, or claimed by the second thread and left
            // unmade when it stopped: make it here.
            if state.claimed == k || state.stopped {
                state.claimed = state.claimed.max(k + 1);
                drop(state);
                let item = (self.make)(k);
                shared.lock().taken = k + 1;
                shared.changed.notify_all();
                return Some(item);
            }
            // The second thread is making it: make a later one here
            // meanwhile rather than wait, not too far ahead.
            if state.claimed < shared.count && state.claimed < k + 2 * shared.lookahead {
                let j = state.claimed;
                state.claimed += 1;
                drop(state);
                let item = (self.make)(j);
                state = shared.lock();
                state.made.insert(j, item);
                continue;
            }
            state = shared.wait(state);
        }
    }
}
