//! Which request gets which fault: the mode at run time, its count and
//! its random state.

use super::settings::{Faults, Kind, Target};
use axum::http::Method;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The fault mode at run time: the settings (none: off), the faulty
/// answers left, and the random state.
#[derive(Default)]
pub struct Injector {
    mode: Mutex<Option<(Faults, Option<u64>)>>,
    state: AtomicU64,
}

impl Injector {
    /// An injector for `faults` (`None`: off until [`Injector::set`]).
    pub fn new(faults: Option<Faults>) -> Arc<Injector> {
        let injector = Injector::default();
        injector.set(faults);
        Arc::new(injector)
    }

    /// Switches to `faults` (`None`: off), its random choices from its seed.
    pub fn set(&self, faults: Option<Faults>) {
        if let Some(f) = &faults {
            self.state.store(f.seed | 1, Ordering::Relaxed);
        }
        if let Ok(mut mode) = self.mode.lock() {
            *mode = faults.map(|f| {
                let left = f.count;
                (f, left)
            });
        }
    }

    /// The next pseudo-random number in [0, 1) (xorshift64*).
    fn next(&self) -> f64 {
        let mut x = self.state.load(Ordering::Relaxed);
        loop {
            let mut y = x;
            y ^= y >> 12;
            y ^= y << 25;
            y ^= y >> 27;
            match self
                .state
                .compare_exchange_weak(x, y, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return (y.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64,
                Err(seen) => x = seen,
            }
        }
    }

    /// The fault for a request with `method`, if it gets one, with the
    /// settings it is answered by.
    pub fn pick(&self, method: &Method) -> Option<(Kind, Faults)> {
        let mut mode = self.mode.lock().ok()?;
        let (faults, left) = mode.as_mut()?;
        let read = method == Method::GET;
        let touched = match faults.on {
            Target::All => true,
            Target::Reads => read,
            Target::Writes => !read,
        };
        if !touched || *left == Some(0) || self.next() >= faults.rate {
            return None;
        }
        let kinds: Vec<Kind> = faults
            .kinds
            .iter()
            .copied()
            .filter(|k| read || *k != Kind::Malformed)
            .collect();
        let i = (self.next() * kinds.len() as f64) as usize;
        let kind = kinds.get(i).or(kinds.last()).copied()?;
        if let Some(n) = left {
            *n = n.saturating_sub(1);
        }
        Some((kind, faults.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_honoured_and_writes_are_never_malformed() {
        let injector = Injector::new(Some(Faults::parse("rate=0.3,kinds=malformed+error,seed=42").unwrap()));
        let picks: Vec<_> = (0..10_000)
            .map(|_| injector.pick(&Method::POST).map(|(k, _)| k))
            .collect();
        let faulty = picks.iter().filter(|p| p.is_some()).count();
        assert!((2_500..3_500).contains(&faulty), "{faulty} faults in 10000");
        assert!(picks.iter().flatten().all(|k| *k == Kind::Error));
        assert!(Injector::new(Some(Faults::parse("rate=0").unwrap()))
            .pick(&Method::GET)
            .is_none());
        let all = Injector::new(Some(Faults::parse("rate=1,kinds=malformed").unwrap()));
        assert_eq!(all.pick(&Method::GET).map(|(k, _)| k), Some(Kind::Malformed));
    }

    #[test]
    fn a_counted_mode_ends_after_its_faults_and_can_be_switched_at_run_time() {
        let injector = Injector::new(None);
        assert!(injector.pick(&Method::GET).is_none(), "off");
        injector.set(Some(Faults::parse("rate=1,kinds=busy,retry=3,count=2").unwrap()));
        let (kind, faults) = injector.pick(&Method::POST).unwrap();
        assert_eq!((kind, faults.retry), (Kind::Busy, 3));
        assert!(injector.pick(&Method::GET).is_some());
        assert!(injector.pick(&Method::GET).is_none(), "two faults, then none");
        injector.set(None);
        assert!(injector.pick(&Method::GET).is_none());
    }

    #[test]
    fn a_mode_on_writes_leaves_reads_alone_and_the_reverse() {
        let writes = Injector::new(Some(
            Faults::parse("rate=1,kinds=unavailable,on=writes,count=1").unwrap(),
        ));
        assert!(
            writes.pick(&Method::GET).is_none(),
            "a read passes and does not use up the count"
        );
        assert_eq!(writes.pick(&Method::POST).map(|(k, _)| k), Some(Kind::Unavailable));
        assert!(writes.pick(&Method::POST).is_none(), "counted");
        let reads = Injector::new(Some(Faults::parse("rate=1,kinds=busy,on=reads").unwrap()));
        assert!(reads.pick(&Method::PUT).is_none());
        assert!(reads.pick(&Method::GET).is_some());
        assert!(Faults::parse("on=sometimes").is_err());
    }
}
