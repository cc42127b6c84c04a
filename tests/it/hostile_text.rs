//! Escape sequences and control characters in every piece of user text (group, names, notes,
//! flag notes, record notes, comments, takeaways, goals, the session note) never reach the
//! terminal: not on the live screen, the attendance list or the review, and not in what
//! `holdspace show`, `sessions` and `export` print.

use crate::fixture;
use crate::screen;

use crossterm::event::KeyCode;
use fixture::{at, key, people, press, start_meta};
use holdspace::domain::SessionMeta;
use holdspace::store::log;
use holdspace::ui::app::{App, Overlay, Screen};
use holdspace::ui::picker::Picker;
use holdspace::util::format::Zone;
use ratatui::buffer::Buffer;
use screen::{render, rows};
use std::path::Path;
use std::process::{Command, Stdio};
use tempfile::TempDir;

/// A retitle (OSC 0), a screen clear (CSI 2J), a C1 CSI, DEL, a bell, a carriage return that
/// would overwrite the line, a tab, a newline, and a right-to-left override.
const NASTY: &str = "\x1b]0;owned\x07\x1b[2J\u{9b}31m\x7f\r\t\nX\u{202e}evil";

/// Right-to-left overrides, embeddings and isolates: they reorder the text that follows them
/// on terminals that apply the bidirectional algorithm, which can make a note read as its
/// opposite (CVE-2021-42574, "Trojan Source").
const BIDI: [char; 9] = [
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

fn group() -> String {
    format!("Group{NASTY}")
}

/// Names as `--participant` or a restored log can hold them, unsanitised.
fn names() -> Vec<String> {
    vec![
        format!("Ana{NASTY}"),
        "\x1b[31mRed\x1b[0m".to_owned(),
        "\u{202e}Bo\u{9b}".to_owned(),
    ]
}

/// A control character a terminal would obey: C0 (newline included, as no screen cell may
/// hold one), DEL and C1.
fn is_control(c: char) -> bool {
    c.is_control()
}

fn is_bidi(c: char) -> bool {
    BIDI.contains(&c)
}

/// Every cell, with the screen when one holds a character `bad` picks.
fn assert_cells(buffer: &Buffer, what: &str, bad: fn(char) -> bool) {
    for cell in &buffer.content {
        assert!(
            !cell.symbol().chars().any(bad),
            "{what}: {:?} reached a cell:\n{}",
            cell.symbol(),
            rows(buffer).join("\n")
        );
    }
}

/// Draws at the largest and smallest supported sizes and one between, where text wraps and
/// is cut differently.
fn frames(app: &App) -> Vec<Buffer> {
    [(120, 40), (80, 24), (60, 15)]
        .into_iter()
        .map(|(width, height)| render(app, width, height))
        .collect()
}

/// Opens a line of text with `keys`, puts `text` in it as it stands (a paste, or a value
/// restored from a log, can hold anything) and keeps the frames drawn while it is open, then
/// saves it with Enter.
fn enter(app: &mut App, keys: &str, text: &str, shown: &mut Vec<(String, Buffer)>) {
    press(app, keys);
    match &mut app.overlay {
        Some(Overlay::Input { text: line, .. }) => text.clone_into(line),
        other => panic!("{keys:?} opened {other:?}"),
    }
    shown.extend(
        frames(app)
            .into_iter()
            .map(|frame| (format!("typing after {keys:?}"), frame)),
    );
    key(app, KeyCode::Enter);
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("saved")),
        "{keys:?}: {:?}",
        app.message
    );
}

/// Drives one session through every place user text is shown, keeping each frame drawn:
/// hostile group and names, a hand raised for each, a new name added through the picker, a
/// live note, all three flags with notes in the attendance list, then in the review a record
/// note, comment, takeaway and goal for everyone and a session note.
fn hostile_session() -> (TempDir, App, Vec<(String, Buffer)>) {
    let names = names();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut meta = people("test", &names);
    meta.plan.group = group();
    let meta = SessionMeta {
        last_session: true,
        turn_minutes: Some(1),
        ..meta
    };
    let (tmp, mut app) = start_meta(meta, false);
    let mut shown: Vec<(String, Buffer)> = Vec::new();
    let keep = |app: &App, what: &str, shown: &mut Vec<(String, Buffer)>| {
        shown.extend(frames(app).into_iter().map(|frame| (what.to_owned(), frame)));
    };
    keep(&app, "live at the start", &mut shown);

    for who in 0..names.len() {
        app.tick(at(1, who as i64));
        press(&mut app, &format!("h{}⏎", "↓".repeat(who)));
    }
    press(&mut app, "s");
    app.tick(at(3, 0));
    keep(&app, "the queue, a speaker past the turn limit", &mut shown);

    // A name typed into the picker is sanitised key by key; one pasted whole is not.
    press(&mut app, "h");
    app.overlay = Some(Overlay::Pick(Picker {
        text: format!("Cy{NASTY}"),
        selected: 0,
    }));
    keep(&app, "the picker offering a new name", &mut shown);
    let choices = match &app.overlay {
        Some(Overlay::Pick(picker)) => picker.choices(&app.recorder.session.floor).len(),
        _ => 0,
    };
    for _ in 1..choices {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    keep(&app, "the message after adding a name", &mut shown);
    assert_eq!(app.recorder.session.floor.participants.len(), names.len() + 1);

    enter(&mut app, ":", &format!("note {NASTY}"), &mut shown);
    press(&mut app, "g");
    keep(&app, "the ground rules", &mut shown);
    key(&mut app, KeyCode::Esc);

    press(&mut app, "a");
    for (flag, attend) in [("o", "p"), ("!", "l"), ("b", "e"), ("o", "a")] {
        enter(&mut app, flag, &format!("{flag} flag {NASTY}"), &mut shown);
        keep(&app, "the attendance list", &mut shown);
        press(&mut app, attend);
    }
    keep(&app, "the attendance list, everyone marked", &mut shown);
    key(&mut app, KeyCode::Esc);

    app.tick(at(40, 0));
    press(&mut app, "qy");
    assert_eq!(app.screen, Screen::Review);
    let everyone = app.recorder.session.record.people.len();
    for who in 0..everyone {
        app.person = who;
        for (keys, word) in [
            ("r", "record"),
            ("c", "comment"),
            ("t", "takeaway"),
            ("G", "goal"),
        ] {
            enter(&mut app, keys, &format!("{word} {NASTY}"), &mut shown);
        }
        press(&mut app, "4");
    }
    enter(&mut app, "s", &format!("summary {NASTY}"), &mut shown);
    for who in 0..everyone {
        app.person = who;
        keep(&app, &format!("the review, person {who} selected"), &mut shown);
    }
    press(&mut app, "?");
    keep(&app, "the review's help", &mut shown);
    key(&mut app, KeyCode::Esc);
    (tmp, app, shown)
}

#[test]
fn no_control_character_reaches_a_cell_anywhere_in_a_session() {
    let (_tmp, _app, shown) = hostile_session();
    assert!(shown.len() > 60, "{} frames", shown.len());
    for (what, frame) in &shown {
        assert_cells(frame, what, is_control);
    }
    // The text itself is still there, defused: the words around each sequence show.
    let all: String = shown.iter().flat_map(|(_, frame)| rows(frame)).collect();
    for word in [
        "Group", "]0;owned", "[2J", "31m", "Ana", "note ", "flag ", "summary ",
    ] {
        assert!(all.contains(word), "{word:?} is never shown");
    }
}

#[test]
fn no_bidirectional_override_reaches_a_cell() {
    let (_tmp, _app, shown) = hostile_session();
    for (what, frame) in &shown {
        assert_cells(frame, what, is_bidi);
    }
}

/// The session's saved log, as the binary and the printing functions read it.
fn saved(app: &mut App, tmp: &TempDir) -> std::path::PathBuf {
    press(app, "q");
    assert!(
        matches!(app.outcome, Some(holdspace::ui::app::Outcome::Finished(_))),
        "the review finished: {:?} {:?}",
        app.outcome,
        app.finish_error
    );
    let path = tmp.path().join("data").join("sessions").join("test.json");
    assert!(path.is_file(), "{} was written", path.display());
    path
}

/// `holdspace` with this data folder, in UTC and with no settings file, run to its end with no
/// terminal.
fn holdspace(data: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_holdspace"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("HOLDSPACE_DATA_DIR")
        .env("HOLDSPACE_CONFIG", data.with_file_name("no-config.toml"))
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("holdspace runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "holdspace {args:?} failed: {stderr}");
    assert!(!stderr.contains("panicked"), "holdspace {args:?}: {stderr}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// Every character `bad` picks in printed `text`, with what surrounds it.
fn found(text: &str, bad: fn(char) -> bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (at, c) in chars.iter().enumerate() {
        if bad(*c) {
            let around: String = chars[at.saturating_sub(12)..(at + 12).min(chars.len())]
                .iter()
                .collect();
            found.push(format!("{c:?} in {around:?}"));
        }
    }
    found
}

/// C0 other than the newline that ends each line, DEL, and C1: what a terminal would obey.
fn printed_control(c: char) -> bool {
    c.is_control() && c != '\n'
}

fn assert_printable(what: &str, text: &str) {
    let bad = found(text, printed_control);
    assert!(
        bad.is_empty(),
        "{what} prints {} control characters: {bad:#?}",
        bad.len()
    );
}

#[test]
fn show_and_sessions_print_no_control_character() {
    let (tmp, mut app, _) = hostile_session();
    let path = saved(&mut app, &tmp);
    let loaded = log::load(&path).expect("the log loads");
    assert!(!loaded.newer);
    assert_printable(
        "summary::show",
        &holdspace::export::summary::show(&loaded, Zone::Local),
    );
    assert_printable(
        "summary::list",
        &holdspace::export::summary::list(std::slice::from_ref(&loaded), Zone::Local),
    );
    let data = tmp.path().join("data");
    let (show, _) = holdspace(&data, &["show", "test"]);
    assert!(show.contains("Group") && show.contains("Notes:"), "{show}");
    assert_printable("holdspace show", &show);
    let (sessions, _) = holdspace(&data, &["sessions"]);
    assert!(sessions.contains("test"), "{sessions}");
    assert_printable("holdspace sessions", &sessions);
}

/// `holdspace export test --format FORMAT` in full, anonymised and as the first person's
/// handover, each as printed to the terminal (no --output).
fn exports(tmp: &TempDir, format: &str) -> Vec<(String, String)> {
    let first = names()[0].clone();
    let scopes = [
        vec![],
        vec!["--anonymised".to_owned()],
        vec!["--handover".to_owned(), first],
    ];
    scopes
        .into_iter()
        .map(|scope| {
            let mut args = vec!["export".to_owned(), "test".to_owned(), "--format".to_owned()];
            args.push(format.to_owned());
            args.extend(scope);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let what = format!("holdspace {args:?}");
            (what, holdspace(&tmp.path().join("data"), &args).0)
        })
        .collect()
}

#[test]
fn markdown_exports_print_no_control_character() {
    let (tmp, mut app, _) = hostile_session();
    saved(&mut app, &tmp);
    for (what, text) in exports(&tmp, "md") {
        assert_printable(&what, &text);
    }
}

#[test]
fn csv_exports_print_no_control_character() {
    let (tmp, mut app, _) = hostile_session();
    saved(&mut app, &tmp);
    for (what, text) in exports(&tmp, "csv") {
        assert_printable(&what, &text);
    }
}

#[test]
fn json_exports_print_no_control_character() {
    let (tmp, mut app, _) = hostile_session();
    saved(&mut app, &tmp);
    for (what, text) in exports(&tmp, "json") {
        assert_printable(&what, &text);
    }
}

/// Escape sequences are what matters most on a terminal: ESC and the one-character CSI never
/// reach it from any export, whatever else a format keeps.
#[test]
fn no_export_prints_an_escape_or_a_c1_csi() {
    let (tmp, mut app, _) = hostile_session();
    saved(&mut app, &tmp);
    for format in ["md", "csv", "json"] {
        for (what, text) in exports(&tmp, format) {
            let bad = found(&text, |c| c == '\x1b' || c == '\u{9b}');
            assert!(bad.is_empty(), "{what} prints {bad:#?}");
        }
    }
}

#[test]
fn show_prints_no_bidirectional_override() {
    let (tmp, mut app, _) = hostile_session();
    saved(&mut app, &tmp);
    let data = tmp.path().join("data");
    for command in ["show", "sessions"] {
        let mut args = vec![command];
        if command == "show" {
            args.push("test");
        }
        let (text, _) = holdspace(&data, &args);
        let bad = found(&text, is_bidi);
        assert!(bad.is_empty(), "holdspace {command} prints {bad:#?}");
    }
}

/// The raw text is kept as typed in the log, so nothing is lost: only its display is defused.
#[test]
fn the_log_keeps_the_text_as_it_was_given() {
    let (tmp, mut app, _) = hostile_session();
    let path = saved(&mut app, &tmp);
    let log = log::load(&path).expect("the log loads").log;
    assert_eq!(log.group, group());
    assert_eq!(log.participants[0].name, names()[0]);
    assert_eq!(log.notes[0].text, format!("note {NASTY}"));
    assert_eq!(log.summary, format!("summary {NASTY}"));
    assert_eq!(log.participants[1].comment, format!("comment {NASTY}"));
}
