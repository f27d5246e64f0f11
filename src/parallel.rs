//! Running independent work side by side: two jobs at once, and many
//! items on a pool of threads with their results delivered in order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// Runs `a` and `b`, on two threads when `parallel` (two documents'
/// independent work), and returns both results.
pub fn side_by_side<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        match b.join() {
            Ok(b) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Threads one item may use inside itself when `jobs` items of `items` run
/// at once on `cores` cores: the cores the batch leaves over.
pub fn threads_per_item(cores: usize, jobs: usize, items: usize) -> usize {
    (cores / jobs.min(items).max(1)).max(1)
}

/// Runs `work` on every item index in `0..items`, `jobs` at a time on a
/// thread pool, and hands each result to `deliver` in index order, as soon
/// as it and every result before it are done. When `deliver` fails, no new
/// item is started and its error is returned.
pub fn run_ordered<T: Send, E>(
    items: usize,
    jobs: usize,
    work: impl Fn(usize) -> T + Sync,
    mut deliver: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E> {
    let pool = (items > 1 && jobs > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .ok()
        })
        .flatten();
    let Some(pool) = pool else {
        for k in 0..items {
            deliver(k, work(k))?;
        }
        return Ok(());
    };
    let stop = AtomicBool::new(false);
    let (send, receive) = crossbeam_channel::unbounded::<(usize, T)>();
    pool.in_place_scope(|scope| {
        for k in 0..items {
            let (send, stop, work) = (send.clone(), &stop, &work);
            scope.spawn(move |_| {
                if !stop.load(Ordering::Relaxed) {
                    // The receiver is gone only once delivery failed.
                    let _ = send.send((k, work(k)));
                }
            });
        }
        drop(send);
        let mut pending = BTreeMap::new();
        let mut due = 0;
        for (k, result) in receive.iter() {
            pending.insert(k, result);
            while let Some(result) = pending.remove(&due) {
                if let Err(e) = deliver(due, result) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                due += 1;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn results_arrive_in_order_whatever_finishes_first() {
        let mut seen = Vec::new();
        let result: Result<(), ()> = run_ordered(
            50,
            4,
            |k| {
                // Early items take longest.
                std::thread::sleep(std::time::Duration::from_micros((50 - k as u64) * 40));
                k * 10
            },
            |k, v| {
                seen.push((k, v));
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, (0..50).map(|k| (k, k * 10)).collect::<Vec<_>>());
    }

    #[test]
    fn a_failed_delivery_stops_the_batch() {
        let started = AtomicUsize::new(0);
        let result = run_ordered(
            1000,
            2,
            |k| {
                started.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(1));
                k
            },
            |k, _| if k == 3 { Err(k) } else { Ok(()) },
        );
        assert_eq!(result, Err(3));
        assert!(started.load(Ordering::Relaxed) < 1000);
    }
}
