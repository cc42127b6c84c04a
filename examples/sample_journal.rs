//! Writes an interrupted session of N events into a data folder, for `scripts/bench` to measure
//! how fast holdspace starts when it has a long journal to offer for resuming.
//!
//! `cargo run --release --example sample_journal -- DATA_DIR N`
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "an example for scripts: it prints the path it made and its progress"
)]

#[path = "../benches/sample/mod.rs"]
mod sample;

use holdspace::store::paths::DataDir;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(root), Some(count)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: sample_journal DATA_DIR N");
        return ExitCode::FAILURE;
    };
    let (dir, _) = match DataDir::open(&PathBuf::from(root)) {
        Ok(opened) => opened,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let (_, events) = sample::session("sample", count, false);
    let path = dir.journal_path("sample").expect("a plain session ID");
    // Private, as holdspace keeps its files, so the start measured says nothing about them.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .and_then(|mut file| file.write_all(&sample::journal(&events)));
    match written {
        Ok(()) => {
            println!("{} events in {}", events.len(), path.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}: {err}", path.display());
            ExitCode::FAILURE
        }
    }
}
