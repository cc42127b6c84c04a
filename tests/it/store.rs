//! The data folder, the journal and crash recovery, driven through the public store API with
//! fixed times. Finished logs and their history are in `store_log.rs`.

use crate::fixture;

use chrono::TimeDelta;
use fixture::{at, data_dir, meta};
use holdspace::domain::event::Author;
use holdspace::domain::{Command, Event, EventKind, SCHEMA_VERSION, Session};
use holdspace::session::recorder::Recorder;
use holdspace::session::recovery::{self, Found};
use holdspace::store::disk::Os;
use holdspace::store::journal::{self, Journal};
use holdspace::store::paths::DataDir;
use std::fs::{self, OpenOptions};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("the file exists").permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("permissions can be set");
}

fn torn_path(journal: &Path) -> PathBuf {
    PathBuf::from(format!("{}.torn", journal.display()))
}

/// Ten commands that each become an event: with `started`, a journal of eleven lines. The
/// first note has multi-byte characters so cuts fall inside them too.
fn script() -> Vec<Command> {
    vec![
        Command::Note("Zoë joined — first time here".into()),
        Command::AddMinute,
        Command::Next,
        Command::TogglePause,
        Command::TogglePause,
        Command::RevisitRules,
        Command::Next,
        Command::Back,
        Command::RemoveMinute,
        Command::Note("S. left early".into()),
    ]
}

/// Starts a session in `dir` at 18:00 and records the script, one command every 61 seconds.
fn recorded(dir: &DataDir, id: &str) -> Recorder {
    let mut recorder = Recorder::start(dir, meta(id), at(0, 0)).expect("the session starts");
    for (n, command) in script().iter().enumerate() {
        let now = at(0, 0) + TimeDelta::seconds(61 * (n as i64 + 1));
        let kind = recorder
            .session
            .decide(command, now)
            .expect("every scripted command applies");
        assert!(recorder.record(kind, now), "event {} was not saved", n + 2);
    }
    assert!(recorder.not_saved.is_none());
    recorder
}

/// The journal's lines, each with its newline.
fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn unusable(path: &Path) -> String {
    match recovery::inspect(path) {
        Found::Unusable(message) => message,
        other => panic!("expected Unusable for {}, got {other:?}", path.display()),
    }
}

#[test]
fn journal_round_trip_gives_back_exactly_the_recorded_events() {
    let (_tmp, dir) = data_dir();
    let recorder = recorded(&dir, "round-trip");
    let path = dir.journal_path("round-trip").expect("a session ID");
    assert_eq!(recorder.journal_path(), path);
    let seqs: Vec<u64> = recorder.events.iter().map(|event| event.seq).collect();
    assert_eq!(seqs, (1..=11).collect::<Vec<u64>>());

    let contents = journal::read(&path).expect("the journal reads");
    assert_eq!(contents.events, recorder.events);
    assert!(contents.torn_tail.is_empty() && contents.bad_lines.is_empty());
    let bytes = fs::read(&path).expect("the journal exists");
    assert_eq!(contents.clean_len, bytes.len() as u64);
    assert_eq!(bytes.iter().filter(|&&b| b == b'\n').count(), 11, "one line each");
    let folded = Session::from_events(&contents.events).expect("it folds");
    assert_eq!(folded, recorder.session);
    assert_eq!(mode(&path), 0o600, "journals are private");
    assert_eq!(dir.open_journals().expect("the folder reads"), vec![path]);
}

#[test]
fn starting_a_session_never_overwrites_an_existing_journal() {
    let (_tmp, dir) = data_dir();
    recorded(&dir, "taken");
    let path = dir.journal_path("taken").expect("a session ID");
    let before = fs::read(&path).expect("the journal exists");
    let err = Recorder::start(&dir, meta("taken"), at(50, 0)).expect_err("the id is taken");
    assert!(err.to_string().contains(&path.display().to_string()), "{err}");
    assert_eq!(fs::read(&path).expect("still there"), before);
}

#[test]
fn recovery_at_every_byte_cut_keeps_exactly_the_acknowledged_events() {
    let (_tmp, dir) = data_dir();
    let source = recorded(&dir, "source");
    let bytes = fs::read(dir.journal_path("source").expect("a session ID")).expect("the journal exists");
    let events = &source.events;
    // Cut copies go to another data folder, under the session's own ID, as a journal's name is.
    let (_elsewhere, copies) = data_dir();
    let path = copies.journal_path("source").expect("a session ID");
    let torn = torn_path(&path);
    for k in 0..=bytes.len() {
        let prefix = &bytes[..k];
        let clean = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
        let complete = prefix.iter().filter(|&&b| b == b'\n').count();
        let tail = &prefix[clean..];

        let parsed = journal::parse(prefix);
        assert_eq!(parsed.events, events[..complete], "cut at {k}");
        assert_eq!(parsed.torn_tail, tail, "cut at {k}");
        assert_eq!(parsed.clean_len, clean as u64, "cut at {k}");
        assert!(parsed.bad_lines.is_empty(), "cut at {k}: {:?}", parsed.bad_lines);

        for leftover in [&path, &torn] {
            if leftover.exists() {
                fs::remove_file(leftover).expect("the last round's file is removed");
            }
        }
        fs::write(&path, prefix).expect("the cut journal is written");
        let read = journal::read(&path).expect("the cut journal reads");
        assert_eq!((read.events, read.clean_len), (parsed.events, parsed.clean_len));

        let (contents, session) = match recovery::inspect(&path) {
            Found::Empty(found, contents) => {
                assert_eq!((complete, found), (0, path.clone()), "cut at {k}");
                (contents, None)
            }
            Found::Resumable(found) => {
                let found = *found;
                assert_eq!(found.path, path, "cut at {k}");
                let expected = Session::from_events(&events[..complete]).expect("a prefix folds");
                assert_eq!(found.session, expected, "cut at {k}");
                (found.contents, Some(found.session))
            }
            other => panic!("cut at {k}: {other:?}"),
        };
        assert_eq!(contents.torn_tail, tail, "cut at {k}");
        let aside = journal::cut_torn_tail(&Os, &path, &contents).expect("the tail is cut");
        assert_eq!(aside, (!tail.is_empty()).then(|| torn.clone()), "cut at {k}");
        assert_eq!(fs::read(&path).expect("journal"), &prefix[..clean], "cut at {k}");
        if tail.is_empty() {
            assert!(!torn.exists(), "cut at {k}: nothing to keep aside");
        } else {
            assert_eq!(fs::read(&torn).expect("kept aside"), tail, "cut at {k}");
            assert_eq!(mode(&torn), 0o600, "cut at {k}");
        }

        let Some(session) = session else { continue };
        let mut recorder = Recorder::reopen(&dir, &path, contents.events, session).expect("it reopens");
        assert!(recorder.record(EventKind::Recovered, at(30, 0)), "cut at {k}");
        let after = journal::read(&path).expect("the resumed journal reads");
        assert!(after.torn_tail.is_empty() && after.bad_lines.is_empty(), "{k}");
        assert_eq!(after.events[..complete], events[..complete], "cut at {k}");
        let new = &after.events[complete..];
        assert_eq!(new.len(), 1, "cut at {k}: exactly one new event");
        let expected = (complete as u64 + 1, &EventKind::Recovered);
        assert_eq!((new[0].seq, &new[0].kind), expected, "cut at {k}");
        assert_eq!(after.events, recorder.events, "cut at {k}");
        let folded = Session::from_events(&after.events).expect("folds");
        assert_eq!(folded, recorder.session, "cut at {k}");
    }
}

#[test]
fn a_corrupt_middle_line_is_reported_and_the_journal_left_untouched() {
    let (_tmp, dir) = data_dir();
    // Dropped at once, as a crash would close the journal and release its lock.
    let events = recorded(&dir, "corrupt").events;
    let path = dir.journal_path("corrupt").expect("a session ID");
    let mut damaged = lines(&fs::read(&path).expect("the journal exists"));
    damaged[3] = b"{\"seq\":4,garbage}\n".to_vec();
    damaged.push(b"{\"seq\":12,\"at".to_vec());
    let damaged = damaged.concat();
    fs::write(&path, &damaged).expect("the damaged journal is written");

    let contents = journal::parse(&damaged);
    assert_eq!(contents.bad_lines.len(), 1, "{:?}", contents.bad_lines);
    assert_eq!(contents.bad_lines[0].line, 4);
    assert!(!contents.bad_lines[0].error.is_empty());
    let mut others = events.clone();
    others.remove(3);
    assert_eq!(contents.events, others, "the other lines are still read");
    assert_eq!(contents.torn_tail, b"{\"seq\":12,\"at");

    let message = unusable(&path);
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("line 4"), "{message}");
    assert!(
        message.contains(&contents.bad_lines[0].error),
        "the parse error: {message}"
    );
    assert_eq!(fs::read(&path).expect("still there"), damaged, "untouched");
    assert!(!torn_path(&path).exists(), "not even the torn tail is cut");
}

/// A started event, a note and a move, written as a journal with the given schema version.
fn journal_with_version(path: &Path, version: u32) -> Vec<u8> {
    let mut meta = meta("versioned");
    meta.schema_version = version;
    let kinds = [
        EventKind::Started(Box::new(meta)),
        EventKind::Note { text: "hello".into() },
        EventKind::Moved { to: Some(1) },
    ];
    let mut bytes = Vec::new();
    for (n, kind) in kinds.into_iter().enumerate() {
        let (seq, at) = (n as u64 + 1, at(n as i64, 0));
        bytes.extend(
            serde_json::to_vec(&Event {
                seq,
                at,
                by: Author::default(),
                kind,
            })
            .expect("events serialise"),
        );
        bytes.push(b'\n');
    }
    fs::write(path, &bytes).expect("the journal is written");
    bytes
}

#[test]
fn a_journal_from_a_newer_holdspace_is_unusable_and_untouched() {
    let (_tmp, dir) = data_dir();
    let path = dir.journal_path("versioned").expect("a session ID");
    journal_with_version(&path, SCHEMA_VERSION);
    let found = recovery::inspect(&path);
    assert!(matches!(found, Found::Resumable(_)), "{found:?}");

    let bytes = journal_with_version(&path, SCHEMA_VERSION + 1);
    let message = unusable(&path);
    assert!(message.contains("newer"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    let version = format!("schema_version {}", SCHEMA_VERSION + 1);
    assert!(message.contains(&version), "{message}");
    assert_eq!(fs::read(&path).expect("still there"), bytes);
}

#[test]
fn a_missing_or_repeated_event_is_unusable_naming_its_line() {
    let (_tmp, dir) = data_dir();
    recorded(&dir, "gap");
    let path = dir.journal_path("gap").expect("a session ID");
    let original = lines(&fs::read(&path).expect("the journal exists"));

    let mut gap = original.clone();
    gap.remove(4); // seq 5 is missing: line 5 now holds seq 6
    let mut repeat = original.clone();
    repeat.insert(5, original[4].clone()); // seq 5 twice: line 6 repeats it
    for (lines, line, expected) in [(gap, "line 5", 5), (repeat, "line 6", 6)] {
        let bytes = lines.concat();
        fs::write(&path, &bytes).expect("the journal is written");
        let message = unusable(&path);
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains(line), "expected {line}: {message}");
        let expected = format!("expected event number {expected}");
        assert!(message.contains(&expected), "{message}");
        assert_eq!(fs::read(&path).expect("still there"), bytes);
    }
}

#[test]
fn a_gap_followed_by_a_repeat_names_the_first_bad_line() {
    let (_tmp, dir) = data_dir();
    recorded(&dir, "gap-repeat");
    let path = dir.journal_path("gap-repeat").expect("a session ID");
    let mut lines = lines(&fs::read(&path).expect("the journal exists"));
    let sixth = lines[5].clone();
    lines.remove(4); // line 5 holds seq 6 where seq 5 was expected ...
    lines.insert(5, sixth); // ... and line 6 repeats seq 6
    fs::write(&path, lines.concat()).expect("the journal is written");
    let message = unusable(&path);
    assert!(message.contains("line 5:"), "the fold fails at line 5: {message}");
}

#[test]
fn a_newer_journal_with_an_unknown_event_type_still_says_newer() {
    let (_tmp, dir) = data_dir();
    let path = dir.journal_path("future").expect("a session ID");
    let mut bytes = journal_with_version(&path, SCHEMA_VERSION + 1);
    bytes.extend(b"{\"seq\":4,\"at\":\"2026-11-26T18:05:00Z\",\"type\":\"mood_check\"}\n");
    fs::write(&path, &bytes).expect("the journal is written");
    let message = unusable(&path);
    assert!(message.contains("newer"), "not a damaged journal: {message}");
}

#[test]
fn a_full_disk_at_the_start_is_an_error_and_a_healthy_disk_saves_every_event() {
    let shown = Path::new("/tmp/holdspace-full/journal/full.jsonl");
    let file = OpenOptions::new().write(true).open("/dev/full");
    let file = file.expect("/dev/full opens");
    let err = Recorder::begin(Journal::from_file(file, shown), meta("full"), at(0, 0))
        .expect_err("nothing can be written to a full disk");
    assert!(err.to_string().contains(&shown.display().to_string()), "{err}");
    assert_eq!(err.source.kind(), io::ErrorKind::StorageFull, "{err}");

    // A failure after the start cannot be made with a real file through this API (see
    // tests/faults.rs for a stand-in file that fails on demand); a healthy one saves all.
    let (_tmp, dir) = data_dir();
    let mut recorder = recorded(&dir, "healthy");
    let now = at(20, 0);
    let kind = recorder.session.decide(&Command::End, now).expect("it can end");
    assert!(recorder.record(kind, now));
    assert_eq!(recorder.not_saved, None);
    let on_disk =
        journal::read(&dir.journal_path("healthy").expect("a session ID")).expect("the journal reads");
    assert_eq!(on_disk.events, recorder.events);
}

#[test]
fn a_rescue_copy_holds_every_event_written_atomically_and_privately() {
    let (tmp, dir) = data_dir();
    let mut recorder = recorded(&dir, "rescue");
    let copy = tmp.path().join("copy.jsonl");
    fs::write(&copy, "x".repeat(100_000)).expect("an older, longer file is there");
    set_mode(&copy, 0o644);
    recorder.rescue(&dir, &copy).expect("the copy is written");

    let contents = journal::read(&copy).expect("the copy reads");
    assert_eq!(contents.events, recorder.events);
    assert!(contents.torn_tail.is_empty() && contents.bad_lines.is_empty());
    let journal = fs::read(dir.journal_path("rescue").expect("a session ID")).expect("the journal exists");
    assert_eq!(
        fs::read(&copy).expect("the copy exists"),
        journal,
        "the same lines"
    );
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(recorder.not_saved, None, "a healthy session stays healthy");
    let entries = fs::read_dir(tmp.path()).expect("reads").count();
    assert_eq!(entries, 2, "no temporary file is left beside the copy and data/");
}

#[test]
fn a_new_data_folder_is_private() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("nested").join("data");
    let (dir, messages) = DataDir::open(&root).expect("the folder is made");
    assert_eq!(messages, Vec::<String>::new());
    assert_eq!(dir.journal_dir(), root.join("journal"));
    assert_eq!(dir.sessions_dir(), root.join("sessions"));
    for folder in [dir.root(), &dir.journal_dir(), &dir.sessions_dir()] {
        assert_eq!(mode(folder), 0o700, "{}", folder.display());
    }
}

/// Opens `root`, checks every path in `loose` is now private and was named in exactly one
/// message with its old mode, then checks a second open changes nothing.
fn assert_tightened(root: &Path, loose: &[(PathBuf, u32, u32)]) {
    let (_, messages) = DataDir::open(root).expect("the folder opens");
    assert_eq!(messages.len(), loose.len(), "{messages:#?}");
    for (path, old, new) in loose {
        assert_eq!(mode(path), *new, "{}", path.display());
        let start = format!("{} was", path.display());
        let named: Vec<_> = messages.iter().filter(|line| line.starts_with(&start)).collect();
        assert_eq!(named.len(), 1, "{}: {messages:#?}", path.display());
        assert!(named[0].contains(&format!("{old:04o}")) && named[0].contains(&format!("{new:04o}")));
    }
    let (_, again) = DataDir::open(root).expect("the folder opens again");
    assert_eq!(again, Vec::<String>::new());
}

#[test]
fn loose_permissions_are_tightened_and_reported_once() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("data");
    fs::create_dir(&root).expect("made");
    set_mode(&root, 0o755);
    fs::create_dir(root.join("sessions")).expect("made");
    set_mode(&root.join("sessions"), 0o700);
    let old = root.join("sessions").join("old.json");
    fs::write(&old, "{}").expect("written");
    set_mode(&old, 0o644);
    assert_tightened(&root, &[(root.clone(), 0o755, 0o700), (old, 0o644, 0o600)]);
    assert_eq!(mode(&root.join("journal")), 0o700);
}

#[test]
fn files_made_under_umask_000_are_tightened() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("data");
    let mut loose = Vec::new();
    for folder in [root.clone(), root.join("journal"), root.join("sessions")] {
        fs::create_dir(&folder).expect("made");
        set_mode(&folder, 0o777);
        loose.push((folder, 0o777, 0o700));
    }
    for file in ["journal/a.jsonl", "journal/a.jsonl.torn", "sessions/a.json"] {
        let file = root.join(file);
        fs::write(&file, "x").expect("written");
        set_mode(&file, 0o666);
        loose.push((file, 0o666, 0o600));
    }
    let private = root.join("sessions").join("b.json");
    fs::write(&private, "x").expect("written");
    set_mode(&private, 0o600);
    assert_tightened(&root, &loose);
    assert_eq!(mode(&private), 0o600);
}

#[test]
fn a_data_folder_under_a_regular_file_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let file = tmp.path().join("file");
    fs::write(&file, "not a folder").expect("written");
    let root = file.join("sub");
    let err = DataDir::open(&root).expect_err("a file cannot hold a folder");
    assert!(err.to_string().contains(&root.display().to_string()), "{err}");
    assert_eq!(fs::read(&file).expect("still there"), b"not a folder");
}

/// A long journal comes back in order, and a bad line anywhere in it is named by its own number.
#[test]
fn a_long_journal_keeps_its_order_and_its_line_numbers() {
    let events: Vec<Event> = (1..=6_000u64)
        .map(|seq| Event {
            seq,
            at: at(0, seq as i64),
            by: Author::default(),
            kind: if seq == 1 {
                EventKind::Started(Box::new(meta("long")))
            } else {
                EventKind::Note {
                    text: format!("note {seq}"),
                }
            },
        })
        .collect();
    let bad = [2usize, 2_999, 3_001, 6_000];
    let mut bytes = Vec::new();
    for (index, event) in events.iter().enumerate() {
        if bad.contains(&(index + 1)) {
            bytes.extend_from_slice(b"{\"seq\":");
        } else {
            bytes.extend(serde_json::to_vec(event).expect("an event serialises"));
        }
        bytes.push(b'\n');
    }
    let contents = journal::parse(&bytes);
    let lines: Vec<usize> = contents.bad_lines.iter().map(|bad| bad.line).collect();
    assert_eq!(lines, bad);
    let kept: Vec<Event> = events
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !bad.contains(&(index + 1)))
        .map(|(_, event)| event)
        .collect();
    assert_eq!(contents.events, kept);
}

/// Holdspace writes event times in UTC with a `Z`; a time with an offset, or in the relaxed form
/// with a space, reads as the same instant, and a time that is none names what is wrong.
#[test]
fn event_times_read_in_every_rfc_3339_form() {
    let read = |at: &str| {
        serde_json::from_str::<Event>(&format!(r#"{{"seq":2,"at":"{at}","type":"paused"}}"#))
            .map(|event| event.at)
            .map_err(|err| err.to_string())
    };
    let instant = at(0, 0);
    assert_eq!(read(&instant.to_rfc3339()), Ok(instant));
    let offset = instant.with_timezone(&chrono::FixedOffset::east_opt(3600).expect("an offset"));
    assert_eq!(read(&offset.to_rfc3339()), Ok(instant));
    let relaxed = instant.format("%Y-%m-%d %H:%M:%S%:z").to_string();
    assert_eq!(read(&relaxed), Ok(instant));
    let wrong = read("2026-13-01T00:00:00Z").expect_err("month 13 is refused");
    assert!(wrong.contains("out of range"), "{wrong}");
    let kind = serde_json::from_str::<Event>(r#"{"seq":2,"at":7,"type":"paused"}"#)
        .expect_err("a number is not a time")
        .to_string();
    assert!(kind.contains("RFC 3339"), "{kind}");
}
