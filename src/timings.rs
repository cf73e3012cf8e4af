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
                "lantoa: {phase:<10} {:>6} ms (total {} ms, resident {} MB)",
                (now - last).as_millis(),
                (now - start).as_millis(),
                resident_mb()
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

/// The process's resident memory in MB (Linux; 0 elsewhere).
fn resident_mb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096 / 1_000_000
}
