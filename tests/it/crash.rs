//! The crash harness: the real binary, driven headless (`holdspace script`), is fed 1,000 rapid
//! events and killed with SIGKILL at a seeded random moment, again and again on one session.
//! After every kill the next start recovers every acknowledged event, in order, without
//! duplicates, and its own appends parse; the finished log holds them all.

use holdspace::domain::{Event, EventKind};
use holdspace::store::journal;
use holdspace::store::log;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const ROUNDS: usize = 60;
const LINES: usize = 1000;

/// A small deterministic generator (xorshift64*), so a failing seed can be replayed with
/// `HOLDSPACE_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// 1,000 input lines, nearly every one an event: pauses and resumes, minutes added, notes,
/// hands raised and given the floor, agenda moves (refused at either end: no event).
fn script() -> String {
    (0..LINES)
        .map(|line| match line % 12 {
            0..=7 => "key space\n".to_owned(),
            8 => "key +\n".to_owned(),
            9 => format!("key : n o t e {} enter\n", line % 10),
            10 => "key h A n a enter\n".to_owned(),
            _ if line % 24 == 11 => "key s\n".to_owned(),
            _ => "key n\n".to_owned(),
        })
        .collect()
}

fn holdspace(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_holdspace"));
    command
        .arg("--data-dir")
        .arg(data)
        .args(["script", "--participant", "Ana", "--group", "Crash harness"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Feeds `input` to the child from a thread, so a full pipe can never stall the test.
fn feed(child: &mut Child, input: String) {
    let mut stdin = child.stdin.take().expect("piped stdin");
    thread::spawn(move || {
        // The child may be killed mid-script: a broken pipe here is expected.
        let _ = stdin.write_all(input.as_bytes());
    });
}

/// The number in an `ack N` line, or in the first line, `started ID ack N` / `resumed ID ack N`.
fn acked(line: &str) -> u64 {
    let number = line.rsplit(' ').next().unwrap_or_default();
    assert!(line.contains("ack "), "not an acknowledgement: {line:?}");
    number.parse().unwrap_or_else(|_| panic!("no number in {line:?}"))
}

fn next_line(out: &mut BufReader<ChildStdout>) -> Option<String> {
    let mut line = String::new();
    match out.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end().to_owned()),
    }
}

/// The session's journal, checked: every line an event, numbered 1, 2, 3 … with no gap or repeat.
fn journal_events(path: &Path, context: &str) -> Vec<Event> {
    let contents = journal::read(path).expect("the journal reads");
    assert!(
        contents.bad_lines.is_empty(),
        "{context}: {:?}",
        contents.bad_lines
    );
    let seqs: Vec<u64> = contents.events.iter().map(|event| event.seq).collect();
    let expected: Vec<u64> = (1..=seqs.len() as u64).collect();
    assert_eq!(
        seqs, expected,
        "{context}: events out of order, repeated or missing"
    );
    contents.events
}

fn only_journal(data: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(data.join("journal"))
        .expect("the journal folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    assert_eq!(found.len(), 1, "one session in progress: {found:?}");
    found.into_iter().next().unwrap_or_default()
}

#[test]
fn killed_at_random_moments_no_acknowledged_event_is_lost() {
    let seed = std::env::var("HOLDSPACE_CRASH_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(0x5eed_1e55_u64);
    let mut rng = Rng(seed | 1);
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("a temporary folder");
    let data = tmp.path().join("data");
    let mut before: Vec<Event> = Vec::new();
    let mut acknowledged = 0;
    let mut recoveries = 0;

    for round in 0..ROUNDS {
        let context = format!("seed {seed}, round {round}");
        let mut child = holdspace(&data).spawn().expect("holdspace starts");
        feed(&mut child, script());
        let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
        let first = next_line(&mut out).unwrap_or_else(|| panic!("{context}: no first line"));
        if round > 0 {
            assert!(first.starts_with("resumed "), "{context}: {first:?}");
            recoveries += 1;
            // The resumed session holds everything acknowledged, and one Recovered event more.
            assert!(
                acked(&first) > acknowledged,
                "{context}: {first:?} after ack {acknowledged}"
            );
        }
        acknowledged = acked(&first);
        let kill_after = rng.below(LINES as u64 - 1) + 1;
        for _ in 0..kill_after {
            match next_line(&mut out) {
                Some(line) => acknowledged = acknowledged.max(acked(&line)),
                None => break,
            }
        }
        // Land the kill anywhere: between events, mid-write, or mid-flush.
        let spin = Duration::from_micros(rng.below(400));
        let until = Instant::now() + spin;
        while Instant::now() < until {
            std::hint::spin_loop();
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("the child is reaped");

        let path = only_journal(&data);
        let events = journal_events(&path, &context);
        assert!(
            events.len() as u64 >= acknowledged,
            "{context}: {} events on disk, {acknowledged} acknowledged",
            events.len()
        );
        // What an earlier start had on disk is still there, unchanged.
        assert_eq!(events[..before.len()], before[..], "{context}");
        // A torn last line, if the kill cut a write short, is for the next start to set aside.
        before = events;
    }

    // A last start ends the session cleanly; its log holds every event, each once.
    let mut child = holdspace(&data).spawn().expect("holdspace starts");
    feed(&mut child, "key q y\nkey q\n".to_owned());
    let output = child.wait_with_output().expect("it finishes");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let log_path = stdout
        .lines()
        .find_map(|line| line.strip_prefix("Session ended. Log saved to "))
        .unwrap_or_else(|| panic!("no log in {stdout}"));
    let log = log::load(Path::new(log_path)).expect("the log loads").log;
    let seqs: Vec<u64> = log.events.iter().map(|event| event.seq).collect();
    assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    assert!(seqs.len() as u64 > acknowledged);
    assert_eq!(log.events[..before.len()], before[..]);
    let recovered = log
        .events
        .iter()
        .filter(|event| event.kind == EventKind::Recovered)
        .count();
    assert_eq!(
        recovered,
        recoveries + 1,
        "one Recovered event per start after a kill"
    );
    assert!(
        !data
            .join("journal")
            .read_dir()
            .unwrap()
            .flatten()
            .any(|entry| { entry.path().extension().is_some_and(|ext| ext == "jsonl") }),
        "the journal is retired once the log is written"
    );
}
