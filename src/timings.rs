//! Phase timings on stderr when `LANTOA_TIMINGS` is set (for profiling a big network): each
//! stage of `build` and of `serve`'s rebuild calls `lap` at its end.

use std::time::Instant;

/// Times the phases since it was made; silent unless `LANTOA_TIMINGS` is set.
pub struct Timer {
    start: Option<Instant>,
    last: std::cell::Cell<Option<Instant>>,
}

impl Timer {
    pub fn new() -> Self {
        let start = std::env::var_os("LANTOA_TIMINGS").map(|_| Instant::now());
        Timer {
            start,
            last: std::cell::Cell::new(start),
        }
    }
    pub fn lap(&self, phase: &str) {
        if let (Some(start), Some(last)) = (self.start, self.last.get()) {
            let now = Instant::now();
            eprintln!(
                "lantoa: {phase:<10} {:>6} ms (total {} ms)",
                (now - last).as_millis(),
                (now - start).as_millis()
            );
            self.last.set(Some(now));
        }
    }
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}
