//! The least a terminal clock can cost: it wakes at each second boundary and writes the time in
//! place, nothing else. `scripts/bench` measures it beside an idle holdspace session, so the
//! session's figures can be read against what the machine charges for a wakeup and a write.
//!
//! `cargo run --release --example idle_floor`

use std::io::Write;
use std::thread::sleep;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn main() -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    loop {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let second = now.as_secs();
        write!(
            out,
            "\x1b[1;1Hfloor {:02}:{:02}:{:02}",
            second / 3600 % 24,
            second / 60 % 60,
            second % 60
        )?;
        out.flush()?;
        sleep(Duration::from_nanos(
            1_000_000_000 - u64::from(now.subsec_nanos()),
        ));
    }
}
