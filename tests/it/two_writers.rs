//! Two real holdspace processes on one session, writing as fast as they can: the facilitator's
//! `holdspace script` pausing and resuming, a co-facilitator's `holdspace script --follow`
//! adding notes. Every acknowledged event of each is in the journal exactly once, in one order
//! that folds, and a co-facilitator joining mid-session catches up on all of it.

use crate::common;

use common::{data, holdspace};
use holdspace::domain::{Author, EventKind, Session};
use holdspace::store::journal;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Stdio};
use std::thread;

const LINES: usize = 1000;

fn spawn(root: &Path, follow: bool) -> (Child, BufReader<ChildStdout>) {
    let mut command = holdspace(root);
    command.arg("script");
    if follow {
        command.arg("--follow");
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("holdspace starts");
    let out = BufReader::new(child.stdout.take().expect("stdout"));
    (child, out)
}

/// Writes `lines` to the child from a thread; joining it gives back the still open input.
fn feed(child: &mut Child, lines: String) -> thread::JoinHandle<ChildStdin> {
    let mut stdin = child.stdin.take().expect("stdin");
    thread::spawn(move || {
        stdin.write_all(lines.as_bytes()).expect("the script is written");
        stdin
    })
}

/// Every line the child printed, once its input is closed and it has ended.
fn lines(mut child: Child, out: BufReader<ChildStdout>) -> Vec<String> {
    let printed: Vec<String> = out.lines().map(|line| line.expect("a line")).collect();
    assert!(child.wait().expect("it ends").success(), "{printed:?}");
    printed
}

#[test]
fn two_processes_writing_at_once_lose_and_repeat_nothing() {
    let (_tmp, root) = data();
    let (mut facilitator, mut out) = spawn(&root, false);
    let mut first = String::new();
    out.read_line(&mut first).expect("the session starts");
    assert!(first.starts_with("started "), "{first}");
    let id = first.split_whitespace().nth(1).expect("an ID").to_owned();

    let (mut co, co_out) = spawn(&root, true);
    let pauses = feed(&mut facilitator, "key space\n".repeat(LINES));
    let notes = feed(&mut co, "key : n o t e enter\n".repeat(LINES));
    let facilitator_input = pauses.join().unwrap();
    drop(notes.join().unwrap());
    let co_said = lines(co, co_out);
    assert!(co_said[0].starts_with(&format!("joined {id}")), "{co_said:?}");
    assert_eq!(
        co_said.iter().filter(|line| line.starts_with("ack ")).count(),
        LINES,
        "every line acknowledged"
    );
    for _ in 0..LINES {
        let mut line = String::new();
        out.read_line(&mut line).expect("an acknowledgement");
        assert!(line.starts_with("ack "), "{line}");
    }

    // A co-facilitator joining now, with the facilitator still running, starts from everything
    // both wrote.
    let (mut late, late_out) = spawn(&root, true);
    drop(feed(&mut late, String::new()).join().unwrap());
    let said = lines(late, late_out);
    assert_eq!(said[0], format!("joined {id} ack {}", 1 + 2 * LINES), "{said:?}");
    drop(facilitator_input);
    lines(facilitator, out);

    let path = root.join("journal").join(format!("{id}.jsonl"));
    let contents = journal::read(&path).expect("the journal reads");
    assert!(contents.bad_lines.is_empty() && contents.torn_tail.is_empty());
    let session = Session::from_events(&contents.events).expect("one order that folds");
    assert_eq!(session.last_seq as usize, 1 + 2 * LINES);
    let by_co = contents
        .events
        .iter()
        .filter(|event| event.by == Author::CoFacilitator);
    assert!(
        by_co
            .clone()
            .all(|event| matches!(event.kind, EventKind::Note { .. }))
    );
    assert_eq!(by_co.count(), LINES);
    assert_eq!(session.notes.len(), LINES);
}
