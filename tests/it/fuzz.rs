//! Session logs, journals and every hand-edited file (plan, group, roster, theme, keys,
//! settings) read from disk never panic the app, whatever their bytes: arbitrary input and
//! damaged copies of valid files either load or fail with a message that names the file, the
//! file is left as it was, and files from a newer holdspace are read-only or refused as newer.

use chrono::FixedOffset;
use chrono::{DateTime, Utc};
use holdspace::domain::roster::Roster;
use holdspace::domain::{EventKind, SCHEMA_VERSION, Session};
use holdspace::export::summary;
use holdspace::export::{self, Format, Scope};
use holdspace::session::recovery::{self, Found};
use holdspace::store::config::Config;
use holdspace::store::groups;
use holdspace::store::journal;
use holdspace::store::log::{self, Loaded, SessionLog};
use holdspace::store::plans;
use holdspace::ui::keys::keys_file;
use holdspace::ui::theme::Theme;
use holdspace::ui::theme::themes;
use holdspace::util::format::Zone;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const LOGS: [&[u8]; 5] = [
    include_bytes!("golden/session-log-v1.json"),
    include_bytes!("golden/session-log-v2.json"),
    include_bytes!("golden/session-log-v3.json"),
    include_bytes!("golden/session-log-v7.json"),
    include_bytes!("golden/session-log-v8.json"),
];
const THEMES: [&str; 2] = [
    include_str!("../../themes/default.toml"),
    include_str!("../../themes/monochrome.toml"),
];

/// A hand-edited file's loader as the app calls it; an error is the message the app shows,
/// including a warning that the built-in settings or keys go on instead.
type Loader = fn(&Path) -> Result<(), String>;

/// Every hand-edited file: the name its file has, how the app loads it, and valid files to
/// damage.
fn hand_edited() -> [(&'static str, Loader, Vec<&'static [u8]>); 6] {
    [
        (
            "plan.toml",
            |path| plans::load_file(path).map(drop).map_err(|err| err.to_string()),
            plans::TEMPLATES
                .iter()
                .map(|template| template.text.as_bytes())
                .chain([&include_bytes!("golden/plans/good/every-kind.toml")[..]])
                .collect(),
        ),
        (
            "group.toml",
            |path| groups::load(path).map(drop).map_err(|err| err.to_string()),
            vec![
                include_bytes!("golden/groups/good/full.toml"),
                include_bytes!("golden/groups/good/minimal.toml"),
            ],
        ),
        (
            "roster.toml",
            |path| Roster::load(path).map(drop).map_err(|err| err.to_string()),
            vec![
                include_bytes!("golden/roster/good.toml"),
                include_bytes!("golden/roster/hand-edited.toml"),
            ],
        ),
        (
            "mine.toml",
            |path| {
                themes::load("mine", path.parent())
                    .map(drop)
                    .map_err(|err| err.to_string())
            },
            THEMES.iter().map(|text| text.as_bytes()).collect(),
        ),
        (
            "keys.toml",
            |path| keys_file::load(path).1.map_or(Ok(()), Err),
            vec![b"[live]\nnext = [\"N\", \"right\"]\n\n[people]\n"],
        ),
        (
            "config.toml",
            |path| Config::load(path).1.map_or(Ok(()), Err),
            vec![b"# a year\nretention_days = 365\ntheme = \"high-contrast\"\n"],
        ),
    ]
}

/// Literals that stress whatever reads a value: overflow at every integer width, the ends of
/// chrono's range, wrong types, and text a terminal would obey.
const VALUES: [&str; 24] = [
    "-1",
    "0",
    "255",
    "256",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "1e999",
    "0.5",
    "null",
    "true",
    "\"\"",
    "[]",
    "{}",
    "\"+262143-12-31T23:59:59Z\"",
    "\"0000-01-01T00:00:00Z\"",
    "\"9999-12-31T23:59:59Z\"",
    "\"1970-01-01T00:00:00Z\"",
    "\"\\u001b]0;owned\\u0007\\u009b2J\"",
    "\"#zzzzzz\"",
    "\"reset\"",
    "[{\"title\":\"\",\"minutes\":0}]",
];

/// Bytes that matter to JSON and TOML, inserted as often as random ones.
const TOKENS: [&str; 16] = [
    "\"", "{", "}", "[", "]", ",", ":", "=", "\n", "\\", "\\u", "0", "-", "\u{feff}", "\u{1b}", "\"a\":",
];

/// One way of damaging a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Truncate(Index),
    /// A copy of one line put in before another.
    CopyLine(Index, Index),
    DropLine(Index),
    SwapLines(Index, Index),
    /// The value after one `:` or `=` replaced by one of `VALUES`.
    Value(Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let bytes = prop_oneof![
        prop::sample::select(TOKENS.to_vec()).prop_map(|token| token.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        1 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set(at, byte)),
        1 => (any::<Index>(), bytes).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        1 => (any::<Index>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete(at, len)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Mutation::CopyLine(from, to)),
        1 => any::<Index>().prop_map(Mutation::DropLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (any::<Index>(), prop::sample::select(VALUES.to_vec()))
            .prop_map(|(at, value)| Mutation::Value(at, value)),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..6)
}

/// Line spans, each with its newline.
fn lines(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (at, byte) in bytes.iter().enumerate() {
        if *byte == b'\n' {
            spans.push(start..at + 1);
            start = at + 1;
        }
    }
    if start < bytes.len() {
        spans.push(start..bytes.len());
    }
    spans
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    let spans = lines(bytes);
    match mutation {
        _ if len == 0 => {
            if let Mutation::Insert(_, new) = mutation {
                bytes.extend_from_slice(new);
            }
        }
        Mutation::Flip(at, bit) => bytes[at.index(len)] ^= 1 << bit,
        Mutation::Set(at, byte) => bytes[at.index(len)] = *byte,
        Mutation::Insert(at, new) => {
            let at = at.index(len + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Delete(at, count) => {
            let at = at.index(len);
            bytes.drain(at..(at + count).min(len));
        }
        Mutation::Truncate(at) => bytes.truncate(at.index(len)),
        Mutation::CopyLine(from, to) => {
            let line = bytes[spans[from.index(spans.len())].clone()].to_vec();
            let at = spans[to.index(spans.len())].start;
            bytes.splice(at..at, line);
        }
        Mutation::DropLine(at) => {
            bytes.drain(spans[at.index(spans.len())].clone());
        }
        Mutation::SwapLines(a, b) => {
            let (a, b) = (a.index(spans.len()), b.index(spans.len()));
            let (first, second) = (spans[a.min(b)].clone(), spans[a.max(b)].clone());
            if first != second {
                let (one, two) = (bytes[first.clone()].to_vec(), bytes[second.clone()].to_vec());
                bytes.splice(second, one);
                bytes.splice(first, two);
            }
        }
        Mutation::Value(at, value) => {
            let separators: Vec<usize> = (0..len).filter(|&i| matches!(bytes[i], b':' | b'=')).collect();
            if separators.is_empty() {
                return;
            }
            let mut start = separators[at.index(separators.len())] + 1;
            while start < len && bytes[start] == b' ' {
                start += 1;
            }
            // A value runs to the next comma, line end or closing bracket, outside strings.
            let mut end = start;
            let mut quoted = false;
            while end < len {
                match bytes[end] {
                    b'"' if end == start || bytes[end - 1] != b'\\' => quoted = !quoted,
                    b',' | b'\n' | b'}' | b']' if !quoted => break,
                    _ => {}
                }
                end += 1;
            }
            bytes.splice(start..end, value.bytes());
        }
    }
}

fn mutate(seed: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for mutation in mutations {
        apply(&mut bytes, mutation);
    }
    bytes
}

/// A folder for the file under test, and the path the file is written to.
fn file(name: &str) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let path = tmp.path().join(name);
    (tmp, path)
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|err| panic!("write {}: {err}", path.display()));
}

/// Whether `message` says the file is newer, in its own words rather than in the file's name.
fn says_newer(message: &str, path: &Path) -> bool {
    message.replace(&path.display().to_string(), "").contains("newer")
}

fn schema_version(bytes: &[u8]) -> Option<u64> {
    let value: Value = serde_json::from_slice(bytes).ok()?;
    value.get("schema_version")?.as_u64()
}

/// Whether the file at `path` still holds `bytes`: reading it changed nothing.
fn untouched(path: &Path, bytes: &[u8]) -> Result<(), TestCaseError> {
    let now = fs::read(path).map_err(|err| TestCaseError::fail(format!("read back: {err}")))?;
    prop_assert!(now == bytes, "{} was changed by reading it", path.display());
    Ok(())
}

/// Loads `bytes` written at `path` with `load`: it loads, or fails with a message naming the
/// file, and either way the file is as it was.
fn check_hand_edited(path: &Path, bytes: &[u8], load: Loader) -> Result<(), TestCaseError> {
    write(path, bytes);
    if let Err(message) = load(path) {
        prop_assert!(
            message.contains(&path.display().to_string()),
            "the error does not name the file: {}",
            message
        );
    }
    untouched(path, bytes)
}

/// Loads `bytes` as a log: an error names the file, a loaded log is `newer` exactly when its
/// version is above this build's, and the file is as it was.
fn check_log(path: &Path, bytes: &[u8]) -> Result<Option<Loaded>, TestCaseError> {
    write(path, bytes);
    let loaded = log::load(path);
    untouched(path, bytes)?;
    match loaded {
        Ok(loaded) => {
            let version = schema_version(bytes);
            prop_assert_eq!(
                loaded.newer,
                version.is_some_and(|version| version > u64::from(SCHEMA_VERSION)),
                "schema_version {:?}",
                version
            );
            Ok(Some(loaded))
        }
        Err(err) => {
            let message = err.to_string();
            prop_assert!(!message.trim().is_empty(), "an empty error");
            prop_assert!(
                message.contains(&path.display().to_string()),
                "the error does not name the file: {}",
                message
            );
            Ok(None)
        }
    }
}

/// A journal's bytes split as they should be: the torn tail is what follows the last newline,
/// and every complete line is either an event or a bad line.
fn check_parse(bytes: &[u8]) -> Result<(), TestCaseError> {
    let contents = journal::parse(bytes);
    let clean = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
    prop_assert_eq!(contents.clean_len, clean as u64);
    prop_assert_eq!(&contents.torn_tail[..], &bytes[clean..]);
    let complete = bytes[..clean].iter().filter(|&&b| b == b'\n').count();
    prop_assert_eq!(contents.events.len() + contents.bad_lines.len(), complete);
    for bad in &contents.bad_lines {
        prop_assert!((1..=complete).contains(&bad.line), "line {}", bad.line);
        prop_assert!(!bad.error.trim().is_empty(), "line {} has no reason", bad.line);
    }
    Ok(())
}

/// Inspects a journal as the app does at start: never a panic, never a change to the file, and
/// a reason that names it when it cannot be used.
fn check_inspect(path: &Path, bytes: &[u8]) -> Result<Found, TestCaseError> {
    write(path, bytes);
    let found = recovery::inspect(path);
    let after = fs::read(path).expect("the journal is still there");
    prop_assert!(after == bytes, "inspect changed the journal");
    match &found {
        Found::Unusable(reason) => prop_assert!(
            reason.contains(&path.display().to_string()),
            "the reason does not name the journal: {}",
            reason
        ),
        Found::Empty(at, contents) => {
            prop_assert_eq!(at, path);
            prop_assert!(contents.events.is_empty());
        }
        Found::Resumable(found) => {
            prop_assert_eq!(&found.path, path);
            prop_assert!(!found.contents.events.is_empty());
        }
        other @ Found::Running(_) => {
            prop_assert!(false, "no other holdspace has the journal open: {:?}", other);
        }
    }
    Ok(found)
}

/// The golden v3 log's events as a journal, one JSON line each; `events` of them, or all.
fn journal_seed(events: Option<usize>) -> Vec<u8> {
    let log: Value = serde_json::from_slice(LOGS[2]).expect("the golden log is JSON");
    let all = log["events"].as_array().expect("an events array");
    let mut bytes = Vec::new();
    for event in all.iter().take(events.unwrap_or(all.len())) {
        bytes.extend(serde_json::to_vec(event).expect("an event serialises"));
        bytes.push(b'\n');
    }
    bytes
}

fn journal_seeds() -> [Vec<u8>; 2] {
    // Ended but not yet logged (its log is written at start), and cut off mid-session (offered
    // to resume).
    [journal_seed(None), journal_seed(Some(10))]
}

/// An edit that keeps a file valid JSON but changes what it holds.
#[derive(Debug, Clone)]
enum Edit {
    /// A field this build has never heard of, at the top or in an event.
    Unknown(bool),
    /// A required top-level field removed.
    Remove(Index),
    /// A top-level field given the wrong type.
    Retype(Index),
    /// An event of a type this build does not know.
    NewEvent,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<bool>().prop_map(Edit::Unknown),
        any::<Index>().prop_map(Edit::Remove),
        any::<Index>().prop_map(Edit::Retype),
        Just(Edit::NewEvent),
    ]
}

fn new_event() -> Value {
    serde_json::json!({"seq": 99, "at": "2026-11-26T18:41:00Z", "type": "from_the_future", "x": 1})
}

/// `edit` on a log; `schema_version` itself is never removed or retyped.
fn edit_log(log: &mut Value, edit: &Edit) {
    let Some(fields) = log.as_object_mut() else {
        return;
    };
    let keys: Vec<String> = fields
        .keys()
        .filter(|key| *key != "schema_version")
        .cloned()
        .collect();
    match edit {
        Edit::Unknown(top) => {
            let target = if *top {
                Some(&mut *fields)
            } else {
                fields
                    .get_mut("events")
                    .and_then(|events| events.get_mut(1))
                    .and_then(Value::as_object_mut)
            };
            if let Some(target) = target {
                target.insert("added_later".to_owned(), serde_json::json!({"a": [1, 2]}));
            }
        }
        Edit::Remove(at) => {
            fields.remove(&keys[at.index(keys.len())]);
        }
        Edit::Retype(at) => {
            let key = &keys[at.index(keys.len())];
            let retyped = match &fields[key] {
                Value::String(_) => serde_json::json!(7),
                _ => serde_json::json!("seven"),
            };
            fields.insert(key.clone(), retyped);
        }
        Edit::NewEvent => {
            if let Some(events) = fields.get_mut("events").and_then(Value::as_array_mut) {
                events.push(new_event());
            }
        }
    }
}

fn utc() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"))
}

/// What `holdspace show`, `sessions`, `export` and `review` do with a log that loaded, each
/// named for the report.
fn uses(loaded: &Loaded) -> Vec<(String, Box<dyn Fn() + '_>)> {
    let mut uses: Vec<(String, Box<dyn Fn() + '_>)> = Vec::new();
    for zone in [
        utc(),
        Zone::Fixed(FixedOffset::east_opt(14 * 3600).expect("+14:00")),
    ] {
        uses.push((
            "summary::show".to_owned(),
            Box::new(move || drop(summary::show(loaded, zone))),
        ));
        uses.push((
            "summary::list".to_owned(),
            Box::new(move || drop(summary::list(std::slice::from_ref(loaded), zone))),
        ));
        let people = loaded.log.participants.len();
        let scopes = [Scope::Full, Scope::Anonymised]
            .into_iter()
            .chain((0..=people).map(Scope::Handover));
        for scope in scopes {
            for format in [Format::Md, Format::Csv, Format::Json] {
                uses.push((
                    format!("export::render {format:?} {scope:?}"),
                    Box::new(move || drop(export::render(&loaded.log, format, scope, zone))),
                ));
            }
        }
    }
    uses.push((
        "Session::from_events".to_owned(),
        Box::new(|| drop(Session::from_events(&loaded.log.events))),
    ));
    uses
}

fn use_log(loaded: &Loaded) {
    for (_, run) in uses(loaded) {
        run();
    }
}

/// What the app does with a session found in a journal, each named for the report: reads its
/// timings at the first tick after resuming (on the real clock, or on a rehearsal's, which
/// carries on from the last event), and writes its log if the facilitator ends it instead.
fn resumes(session: &Session) -> Vec<(String, Box<dyn Fn() + '_>)> {
    let real_now = fixture_now();
    let mut steps: Vec<(String, Box<dyn Fn() + '_>)> = Vec::new();
    for (clock, now) in [("real", real_now), ("rehearsal", real_now.max(session.last_at))] {
        let named = |what: &str| format!("{what} on the {clock} clock");
        steps.push((named("due"), Box::new(move || drop(session.due(now)))));
        steps.push((
            named("projected_end"),
            Box::new(move || {
                let _ = session.projected_end(now);
            }),
        ));
        steps.push((
            named("behind_by"),
            Box::new(move || {
                let _ = session.behind_by(now);
            }),
        ));
        steps.push((
            named("until_scheduled_end"),
            Box::new(move || {
                let _ = session.until_scheduled_end(now);
            }),
        ));
        steps.push((
            named("item_remaining"),
            Box::new(move || {
                for index in 0..session.items.len() {
                    let _ = session.item_remaining(index, now);
                }
            }),
        ));
        steps.push((
            named("talk"),
            Box::new(move || {
                for who in 0..session.floor.participants.len() {
                    let _ = session.floor.talk(who, now);
                }
            }),
        ));
    }
    steps.push((
        "warning_at".to_owned(),
        Box::new(|| {
            let _ = session.warning_at();
        }),
    ));
    steps.push((
        "SessionLog::of after ending it".to_owned(),
        Box::new(|| {
            let mut closed = session.clone();
            let ended = closed.stamp(EventKind::Ended { interrupted: true }, session.last_at);
            if session.ended.is_none() && closed.apply(&ended).is_ok() {
                drop(SessionLog::of(&closed, &[ended]));
            }
        }),
    ));
    steps
}

fn resume(session: &Session) {
    for (_, step) in resumes(session) {
        step();
    }
}

/// The moment the tests take as now: a day after the golden sessions.
fn fixture_now() -> DateTime<Utc> {
    "2026-11-27T18:00:00Z".parse().expect("a time")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_damaged_log_loads_or_names_the_file(seed in 0..LOGS.len(), mutations in mutations()) {
        let (_tmp, path) = file("2026-11-26-1800.json");
        check_log(&path, &mutate(LOGS[seed], &mutations))?;
    }

    #[test]
    fn any_bytes_as_a_log_load_or_name_the_file(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let (_tmp, path) = file("bytes.json");
        check_log(&path, &bytes)?;
    }

    #[test]
    fn a_log_from_a_newer_holdspace_is_read_only_or_refused_as_newer(
        seed in 0..LOGS.len(),
        version in prop_oneof![SCHEMA_VERSION + 1..SCHEMA_VERSION + 100, Just(u32::MAX)],
        edits in prop::collection::vec(edit(), 0..4),
    ) {
        let mut log: Value = serde_json::from_slice(LOGS[seed]).expect("the golden log is JSON");
        log["schema_version"] = version.into();
        for edit in &edits {
            edit_log(&mut log, edit);
        }
        let (_tmp, path) = file("2026-11-26-1800.json");
        write(&path, &serde_json::to_vec_pretty(&log).expect("JSON"));
        match log::load(&path) {
            Ok(loaded) => prop_assert!(loaded.newer, "version {} loaded as current", version),
            Err(err) => {
                let message = err.to_string();
                prop_assert!(says_newer(&message, &path), "{}", message);
                prop_assert!(message.contains(&path.display().to_string()), "{}", message);
            }
        }
    }

    #[test]
    fn a_damaged_journal_is_parsed_and_inspected_without_change(
        seed in 0usize..2,
        mutations in mutations(),
    ) {
        let bytes = mutate(&journal_seeds()[seed], &mutations);
        check_parse(&bytes)?;
        let (_tmp, path) = file("2026-11-26-1800.jsonl");
        if let Found::Resumable(found) = check_inspect(&path, &bytes)? {
            resume(&found.session);
        }
    }

    #[test]
    fn any_bytes_as_a_journal_are_parsed_and_inspected_without_change(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        check_parse(&bytes)?;
        let (_tmp, path) = file("bytes.jsonl");
        if let Found::Resumable(found) = check_inspect(&path, &bytes)? {
            resume(&found.session);
        }
    }

    #[test]
    fn a_journal_from_a_newer_holdspace_is_left_untouched(
        seed in 0usize..2,
        version in prop_oneof![SCHEMA_VERSION + 1..SCHEMA_VERSION + 100, Just(u32::MAX)],
        future_lines in 0usize..3,
    ) {
        let mut lines: Vec<Value> = journal_seeds()[seed]
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| serde_json::from_slice(line).expect("a JSON line"))
            .collect();
        lines[0]["schema_version"] = version.into();
        prop_assert!(lines[0]["type"] == "started", "{}", lines[0]);
        // Lines a newer holdspace might write, which this one cannot parse.
        lines.extend(std::iter::repeat_n(new_event(), future_lines));
        let mut bytes = Vec::new();
        for line in &lines {
            bytes.extend(serde_json::to_vec(line).expect("JSON"));
            bytes.push(b'\n');
        }
        let (_tmp, path) = file("2026-11-26-1800.jsonl");
        match check_inspect(&path, &bytes)? {
            Found::Unusable(reason) => prop_assert!(says_newer(&reason, &path), "{}", reason),
            other => prop_assert!(false, "a newer journal was {:?}", other),
        }
    }

    #[test]
    fn issue19_a_damaged_hand_edited_file_loads_or_names_it_and_is_untouched(
        which in 0..6usize,
        seed in any::<Index>(),
        mutations in mutations(),
    ) {
        let (name, load, seeds) = &hand_edited()[which];
        let (_tmp, path) = file(name);
        check_hand_edited(&path, &mutate(seeds[seed.index(seeds.len())], &mutations), *load)?;
    }

    #[test]
    fn issue19_any_bytes_as_a_hand_edited_file_load_or_name_it_and_are_untouched(
        which in 0..6usize,
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let (name, load, _) = &hand_edited()[which];
        let (_tmp, path) = file(name);
        check_hand_edited(&path, &bytes, *load)?;
    }

    #[test]
    fn a_damaged_theme_parses_or_says_why(seed in 0..THEMES.len(), mutations in mutations()) {
        let text = String::from_utf8_lossy(&mutate(THEMES[seed].as_bytes(), &mutations)).into_owned();
        if let Err(err) = Theme::parse(&text) {
            prop_assert!(!err.message.trim().is_empty(), "an empty error for {:?}", text);
        }
    }

    #[test]
    fn any_text_as_a_theme_parses_or_says_why(text in "\\PC{0,400}|(\\[roles\\]\n)?[a-z_]{0,12} = \\{ (fg|bg|bold) = .{0,20} \\}") {
        if let Err(err) = Theme::parse(&text) {
            prop_assert!(!err.message.trim().is_empty(), "an empty error for {:?}", text);
        }
    }
    /// The keys file: arbitrary text, and near-misses of real sections, actions and keys.
    #[test]
    fn any_text_as_a_keys_file_parses_or_says_where(
        text in "\\PC{0,300}|\\[(live|people|review|[a-z]{0,6})\\]\n([a-z_0-9]{0,14} = (\"[^\"\n]{0,8}\"|\\[\"[^\"\n]{0,6}\", \"[a-z-]{0,8}\"\\]|[0-9]{1,3})\n){0,4}"
    ) {
        if let Err(err) = holdspace::ui::keys::keys_file::parse(&text) {
            let message = err.to_string();
            prop_assert!(message.starts_with("line ") || message.starts_with('['), "no place in {:?}: {}", text, message);
        }
    }

    /// The settings file: arbitrary text, and near-misses of its settings.
    #[test]
    fn any_text_as_settings_parses_or_says_where(
        text in "\\PC{0,200}|((retention_days|theme|[a-z_]{0,10}) = (-?[0-9]{1,12}|\"[^\"\n]{0,10}\")\n){0,3}"
    ) {
        if let Err(err) = holdspace::store::config::Config::parse(&text) {
            prop_assert!(err.line.is_some(), "no line in {:?}: {}", text, err);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A log that loads is then shown, listed, exported and folded by `show`, `sessions`,
    /// `export` and `review`: a hand-edited value must not panic any of them either.
    #[test]
    fn a_damaged_log_that_loads_can_be_shown_and_exported(
        seed in 0..LOGS.len(),
        mutations in prop::collection::vec(
            (any::<Index>(), prop::sample::select(VALUES.to_vec()))
                .prop_map(|(at, value)| Mutation::Value(at, value)),
            1..4,
        ),
    ) {
        let bytes = mutate(LOGS[seed], &mutations);
        let (_tmp, path) = file("2026-11-26-1800.json");
        if let Some(loaded) = check_log(&path, &bytes)? {
            use_log(&loaded);
        }
    }
}

/// The golden files are good seeds: they load, parse and resume as they are.
#[test]
fn the_seeds_are_valid() {
    // Named as the seeds' session, as a session's files are.
    let (_tmp, path) = file("2026-11-26-1800.json");
    for seed in LOGS {
        write(&path, seed);
        let loaded = log::load(&path).unwrap_or_else(|err| panic!("{err}"));
        assert!(!loaded.newer);
        use_log(&loaded);
    }
    for (seed, ended) in journal_seeds().iter().zip([true, false]) {
        let contents = journal::parse(seed);
        assert!(contents.bad_lines.is_empty() && contents.torn_tail.is_empty());
        write(&path, seed);
        match recovery::inspect(&path) {
            Found::Resumable(found) => assert_eq!(found.session.ended.is_some(), ended),
            other => panic!("the journal seed is {other:?}"),
        }
    }
    for theme in THEMES {
        Theme::parse(theme).expect("a built-in theme parses");
    }
    for (name, load, seeds) in hand_edited() {
        let (_tmp, path) = file(name);
        for seed in seeds {
            write(&path, seed);
            load(&path).unwrap_or_else(|err| panic!("a {name} seed: {err}"));
        }
    }
}

/// Every JSON pointer under `value` to a leaf that `pick` chooses.
fn leaves(value: &Value, pointer: &str, pick: &dyn Fn(&Value) -> bool, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => fields
            .iter()
            .for_each(|(key, child)| leaves(child, &format!("{pointer}/{key}"), pick, out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(at, child)| leaves(child, &format!("{pointer}/{at}"), pick, out)),
        leaf if pick(leaf) => out.push(pointer.to_owned()),
        _ => {}
    }
}

fn is_time(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|text| text.parse::<DateTime<Utc>>().is_ok())
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|text| (*text).to_owned()))
        .unwrap_or_default()
}

/// Each number in a log set to each extreme its type allows, and each time to the ends of
/// chrono's range: a file that loads must then show, export and fold without a panic.
#[test]
fn every_number_and_time_at_its_extremes_can_be_shown_and_exported() {
    let (_tmp, path) = file("2026-11-26-1800.json");
    let numbers = ["-1", "4294967296", "9223372036854775807", "-9223372036854775808"];
    let times = ["\"+262142-12-31T23:59:59Z\"", "\"-262143-01-01T00:00:00Z\""];
    let mut failures = std::collections::BTreeSet::new();
    for seed in [LOGS[0], LOGS[2]] {
        let log: Value = serde_json::from_slice(seed).expect("the golden log is JSON");
        let mut targets = Vec::new();
        leaves(&log, "", &|value| value.is_number(), &mut targets);
        let mut cases: Vec<(String, &str)> = targets
            .iter()
            .flat_map(|pointer| numbers.iter().map(move |value| (pointer.clone(), *value)))
            .collect();
        let mut targets = Vec::new();
        leaves(&log, "", &is_time, &mut targets);
        cases.extend(
            targets
                .iter()
                .flat_map(|pointer| times.iter().map(move |value| (pointer.clone(), *value))),
        );
        for (pointer, value) in cases {
            let mut edited = log.clone();
            *edited.pointer_mut(&pointer).expect("the leaf") =
                serde_json::from_str(value).expect("a JSON literal");
            write(&path, &serde_json::to_vec(&edited).expect("JSON"));
            let Ok(loaded) = log::load(&path) else {
                continue;
            };
            // Events, items and people are numbered; a line per field, use and message will do.
            let field: String = pointer
                .split('/')
                .map(|part| if part.parse::<usize>().is_ok() { "N" } else { part })
                .collect::<Vec<_>>()
                .join("/");
            for (name, run) in uses(&loaded) {
                if let Err(payload) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                    let name = name.split(' ').take(2).collect::<Vec<_>>().join(" ");
                    failures.insert(format!("{field} = {value}: {name}: {}", panic_message(&*payload)));
                }
            }
        }
    }
    assert_no_panics(failures);
}

/// A journal's values at the extremes their types allow, in each event in turn: the journal is
/// resumable or unusable, and a session it resumes can be read without a panic.
#[test]
fn every_journal_value_at_its_extremes_can_be_resumed() {
    let (_tmp, path) = file("2026-11-26-1800.jsonl");
    let numbers = [
        "-1",
        "4294967295",
        "4294967296",
        "9223372036854775807",
        "18446744073709551615",
    ];
    let times = ["\"+262142-12-31T23:59:59Z\"", "\"-262143-01-01T00:00:00Z\""];
    let mut failures = std::collections::BTreeSet::new();
    for seed in journal_seeds() {
        let lines: Vec<Value> = seed
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| serde_json::from_slice(line).expect("a JSON line"))
            .collect();
        for (at, line) in lines.iter().enumerate() {
            let mut targets = Vec::new();
            leaves(
                line,
                "",
                &|value| value.is_number() || is_time(value),
                &mut targets,
            );
            for pointer in targets {
                let values = if line.pointer(&pointer).is_some_and(Value::is_number) {
                    &numbers[..]
                } else {
                    &times[..]
                };
                for value in values {
                    let mut edited = lines.clone();
                    *edited[at].pointer_mut(&pointer).expect("the leaf") =
                        serde_json::from_str(value).expect("a JSON literal");
                    let mut bytes = Vec::new();
                    for line in &edited {
                        bytes.extend(serde_json::to_vec(line).expect("JSON"));
                        bytes.push(b'\n');
                    }
                    write(&path, &bytes);
                    let what = format!("{} {pointer} = {value}", line["type"]);
                    let found = std::panic::catch_unwind(|| recovery::inspect(&path));
                    let found = match found {
                        Ok(found) => found,
                        Err(payload) => {
                            failures.insert(format!("{what}: inspect: {}", panic_message(&*payload)));
                            continue;
                        }
                    };
                    let Found::Resumable(found) = found else {
                        continue;
                    };
                    for (name, step) in resumes(&found.session) {
                        let run = std::panic::AssertUnwindSafe(step);
                        if let Err(payload) = std::panic::catch_unwind(run) {
                            failures.insert(format!("{what}: {name}: {}", panic_message(&*payload)));
                        }
                    }
                }
            }
        }
    }
    assert_no_panics(failures);
}

/// A version past what a u32 holds is still a newer version, not a damaged file.
#[test]
fn a_log_numbered_past_u32_is_refused_as_newer() {
    let mut log: Value = serde_json::from_slice(LOGS[2]).expect("the golden log is JSON");
    log["schema_version"] = (u64::from(u32::MAX) + 1).into();
    let (_tmp, path) = file("2026-11-26-1800.json");
    write(&path, &serde_json::to_vec_pretty(&log).expect("JSON"));
    match log::load(&path) {
        Ok(loaded) => assert!(loaded.newer),
        Err(err) => assert!(says_newer(&err.to_string(), &path), "{err}"),
    }
}

/// Fails listing every distinct way found to panic, if any.
fn assert_no_panics(failures: std::collections::BTreeSet<String>) {
    assert!(
        failures.is_empty(),
        "{} ways to panic:\n{}",
        failures.len(),
        failures.into_iter().collect::<Vec<_>>().join("\n")
    );
}
