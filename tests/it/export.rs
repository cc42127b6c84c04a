//! Exports of a saved session: the committed golden files for each format and scope, what an
//! anonymised export and a handover must leave out, CSV that spreadsheets cannot run, and the
//! lookup of the person a handover is for.

use crate::fixture;

use chrono::{DateTime, FixedOffset, Utc};
use fixture::{Run, at, log_of, meta};
use holdspace::domain::checklist::Check;
use holdspace::domain::feedback::Answer;
use holdspace::domain::hands::FloorCommand;
use holdspace::domain::plan::{AgendaEdit, Kind, PlanItem};
use holdspace::domain::record::{Attendance, FollowUp, RecordCommand};
use holdspace::domain::{Command, EventKind, SessionMeta};
use holdspace::export::report;
use holdspace::export::{self, Format, PersonError, Scope};
use holdspace::store::log::{Loaded, SessionLog};
use holdspace::util::format::Zone;

const FORMATS: [(Format, &str); 3] = [(Format::Md, "md"), (Format::Csv, "csv"), (Format::Json, "json")];
const BOM: char = '\u{FEFF}';

/// Words that are in the full record only, never in an anonymised export.
const UNIQUE_NAME: &str = "Marigold";
const UNIQUE_NOTE: &str = "Kestrel";
const UNIQUE_COMMENT: &str = "Lanternfish";
const SAFEGUARDING_NOTE: &str = "Spoke of feeling unsafe at home; co-ordinator to call today";

fn utc() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"))
}

/// The last session of a course for the Tuesday group, 18:00 to 18:40 UTC: Ana, Bo, Cy, Dee
/// and Marigold expected, Fay added on the day; Ana and Bo speak; then the review records every
/// kind of attendance (Marigold's is never recorded), follow-ups with and without notes, one
/// record note of the facilitator's own, ratings, comments, takeaways, goals and a summary.
fn steps() -> (SessionMeta, Vec<(DateTime<Utc>, Command)>) {
    let floor = Command::Floor;
    let record = Command::Record;
    let mut meta = SessionMeta {
        participants: ["Ana", "Bo", "Cy", "Dee", UNIQUE_NAME]
            .map(str::to_owned)
            .to_vec(),
        turn_minutes: Some(3),
        last_session: true,
        ..meta("2026-11-26-1800")
    };
    meta.plan.group = "Tuesday group".into();
    let steps = vec![
        (at(1, 0), Command::Note("Room was cold; heating reported".into())),
        (at(3, 0), Command::AddMinute),
        (at(12, 30), Command::Next),
        (at(13, 0), floor(FloorCommand::RaiseHand(0))),
        (at(13, 30), floor(FloorCommand::RaiseHand(1))),
        (at(14, 0), floor(FloorCommand::NextSpeaker)),
        (at(16, 0), floor(FloorCommand::AddParticipant("Fay".into()))),
        (at(17, 0), floor(FloorCommand::NextSpeaker)),
        (at(20, 0), floor(FloorCommand::NextSpeaker)),
        (at(27, 0), Command::Next),
        (at(30, 0), Command::Note("Bo stepped out for ten minutes".into())),
        (at(40, 0), Command::End),
    ];
    // Ana spoke, so she is present from the end without a word.
    let review = [
        RecordCommand::Attend {
            who: 1,
            attendance: Attendance::Late,
        },
        RecordCommand::Attend {
            who: 2,
            attendance: Attendance::LeftEarly,
        },
        RecordCommand::Attend {
            who: 3,
            attendance: Attendance::Absent,
        },
        RecordCommand::Flag {
            who: 1,
            follow_up: FollowUp::CallBeforeNext,
            note: "Check in on Monday".into(),
        },
        RecordCommand::Flag {
            who: 1,
            follow_up: FollowUp::Safeguarding,
            note: SAFEGUARDING_NOTE.into(),
        },
        RecordCommand::Flag {
            who: 0,
            follow_up: FollowUp::OneToOne,
            note: "Asked to talk about going back to work".into(),
        },
        RecordCommand::Flag {
            who: 2,
            follow_up: FollowUp::CallBeforeNext,
            note: String::new(),
        },
        RecordCommand::RecordNote {
            who: 1,
            text: "Arrived 15 minutes late and engaged well.".into(),
        },
        RecordCommand::RecordNote {
            who: 4,
            text: format!("{UNIQUE_NOTE}: wrote to apologise in advance."),
        },
        RecordCommand::Rate {
            who: 0,
            rating: Some(5),
        },
        RecordCommand::Rate {
            who: 1,
            rating: Some(4),
        },
        RecordCommand::Rate {
            who: 5,
            rating: Some(4),
        },
        RecordCommand::Comment {
            who: 0,
            text: "The check-in round helped".into(),
        },
        RecordCommand::Comment {
            who: 5,
            text: format!("{UNIQUE_COMMENT} | \"quiet\", but good"),
        },
        RecordCommand::Takeaway {
            who: 0,
            text: "Breathing before replying".into(),
        },
        RecordCommand::Goal {
            who: 0,
            text: "Walk twice a week".into(),
        },
        RecordCommand::Goal {
            who: 1,
            text: "Call my sister".into(),
        },
        RecordCommand::Summary("Settled session; one safeguarding concern passed on.".into()),
        RecordCommand::GiveFeedback {
            answer: Answer::VeryGood,
            good: "Nobody rushed me | *at all*".into(),
            better: "Warmer room".into(),
        },
        RecordCommand::GiveFeedback {
            answer: Answer::DontKnow,
            good: String::new(),
            better: "=1+1 start on time".into(),
        },
    ];
    let mut steps = steps;
    steps.extend(review.into_iter().map(|request| (at(45, 0), record(request))));
    (meta, steps)
}

fn the_log() -> SessionLog {
    let (meta, steps) = steps();
    log_of(meta, &steps)
}

fn render(log: &SessionLog, format: Format, scope: Scope) -> String {
    export::render(log, format, scope, utc())
}

fn bob(log: &SessionLog) -> Scope {
    Scope::Handover(export::find_person(log, "bo").expect("Bo is there"))
}

/// Each format and scope, byte for byte, against insta's binary snapshots
/// (`snapshots/it__export__<scope>-<format>.snap.<format>`), which `cargo insta review` shows and accepts.
#[test]
fn exports_match_their_snapshots() {
    let log = the_log();
    for (scope, scope_name) in [
        (Scope::Full, "full"),
        (bob(&log), "handover"),
        (Scope::Anonymised, "anonymised"),
    ] {
        for (format, extension) in FORMATS {
            let fresh = render(&log, format, scope);
            let name = format!("{scope_name}-{extension}.{extension}");
            insta::assert_binary_snapshot!(&name, fresh.into_bytes());
        }
    }
}

/// Every piece of text that identifies someone or says something about them.
fn private_texts(log: &SessionLog) -> Vec<String> {
    let mut texts = vec![log.summary.clone(), log.id.clone()];
    texts.extend(log.notes.iter().map(|note| note.text.clone()));
    for person in &log.participants {
        texts.extend([&person.name, &person.comment, &person.takeaway, &person.goal].map(String::clone));
        texts.extend(person.record_note.clone());
        texts.extend(person.follow_ups.iter().map(|flag| flag.note.clone()));
    }
    for entry in &log.feedback {
        texts.extend([&entry.good, &entry.better].map(String::clone));
    }
    texts.retain(|text| !text.is_empty());
    texts
}

#[test]
fn anonymised_exports_hold_no_names_notes_or_comments() {
    let log = the_log();
    let private = private_texts(&log);
    assert!(private.len() > 15, "{private:?}");
    for (format, _) in FORMATS {
        let out = render(&log, format, Scope::Anonymised);
        for word in [
            UNIQUE_NAME,
            UNIQUE_NOTE,
            UNIQUE_COMMENT,
            "Attended",
            "Check in on Monday",
        ] {
            assert!(
                !out.contains(word),
                "{word:?} in the anonymised {format:?}:\n{out}"
            );
        }
        for text in &private {
            assert!(
                !out.contains(text.as_str()),
                "{text:?} in the anonymised {format:?}"
            );
        }
        // What it does hold: the counts and timings, each item by its place and kind.
        for figure in ["Tuesday group", "Check-in round", "Closing round"] {
            assert!(!out.contains(figure), "{figure:?} in {format:?}:\n{out}");
        }
        for figure in ["Item 2 (check-in)", "Item 6 (closing)"] {
            assert!(out.contains(figure), "{figure:?} missing from {format:?}:\n{out}");
        }
    }
}

#[test]
fn a_handover_holds_nobody_else() {
    let log = the_log();
    let others: Vec<&str> = (log.participants.iter().map(|person| person.name.as_str()))
        .filter(|name| *name != "Bo")
        .collect();
    assert_eq!(others, ["Ana", "Cy", "Dee", UNIQUE_NAME, "Fay"]);
    for (format, _) in FORMATS {
        let out = render(&log, format, bob(&log));
        for text in [
            "Bo",
            SAFEGUARDING_NOTE,
            "Check in on Monday",
            "Call my sister",
            "15 minutes late",
        ] {
            assert!(out.contains(text), "{text:?} missing from {format:?}:\n{out}");
        }
        for name in &others {
            assert!(
                !out.contains(name),
                "{name:?} in Bo's handover as {format:?}:\n{out}"
            );
        }
        for note in &log.notes {
            assert!(
                !out.contains(&note.text),
                "a session note in the handover:\n{out}"
            );
        }
        for text in [log.summary.as_str(), "The check-in round helped", UNIQUE_COMMENT] {
            assert!(!out.contains(text), "{text:?} in the handover:\n{out}");
        }
    }
}

#[test]
fn a_handover_for_a_number_that_is_nobody_names_nobody() {
    let log = the_log();
    for (format, _) in FORMATS {
        let out = render(&log, format, Scope::Handover(99));
        for person in &log.participants {
            assert!(!out.contains(&person.name), "{format:?}:\n{out}");
        }
    }
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("no BOM: {text:?}"));
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| {
            let record = record.expect("valid CSV");
            record.iter().map(str::to_owned).collect()
        })
        .collect()
}

#[test]
fn csv_starts_with_a_bom_and_every_cell_is_safe_for_spreadsheets() {
    let mut log = the_log();
    log.group = "=cmd|' /C calc'!A0".into();
    log.items[1].title = "+Check-in".into();
    log.participants[0].name = "=HYPERLINK(\"http://x\",\"click\")".into();
    log.participants[0].comment = "@SUM(A1:A9)".into();
    log.participants[1].record_note = Some("-2 days since last call".into());
    log.participants[2].comment = "\tindented".into();
    log.participants[3].comment = "\rreturn".into();
    log.participants[5].comment = "She said \"fine, thanks\",\nthen left; a, b\r\nc".into();
    for scope in [Scope::Full, Scope::Handover(0), Scope::Anonymised] {
        let text = render(&log, Format::Csv, scope);
        assert!(text.starts_with(BOM) && !text[3..].contains(BOM), "{text:?}");
        for row in parse_csv(&text) {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} in {scope:?}"
                );
            }
        }
    }
    let rows = parse_csv(&render(&log, Format::Csv, Scope::Full));
    assert_eq!(rows.len(), 7, "a header and a row per participant");
    assert!(rows.iter().all(|row| row.len() == 17));
    let column = |name: &str| rows[0].iter().position(|cell| cell == name).expect("a column");
    let (name, comment, note) = (column("name"), column("comment"), column("record_note"));
    assert_eq!(rows[1][name], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(rows[1][comment], "'@SUM(A1:A9)");
    assert_eq!(rows[2][note], "'-2 days since last call");
    // Tabs and line breaks print as spaces: an export to the terminal must not move the cursor.
    assert_eq!(rows[3][comment], " indented");
    assert_eq!(rows[4][comment], " return");
    assert_eq!(
        rows[6][comment], "She said \"fine, thanks\", then left; a, b  c",
        "quotes and commas survive"
    );
    // The anonymised export holds neither the group's name nor an item's title.
    let rows = parse_csv(&render(&log, Format::Csv, Scope::Anonymised));
    assert!(
        (rows.iter().flatten()).all(|cell| !cell.contains("cmd") && !cell.contains("Check-in")),
        "{rows:?}"
    );
}

#[test]
fn csv_rows_carry_every_field_and_a_handover_only_its_own() {
    let log = the_log();
    let rows = parse_csv(&render(&log, Format::Csv, Scope::Full));
    let header = [
        "name",
        "expected",
        "attendance",
        "record_note",
        "one_to_one",
        "one_to_one_note",
        "safeguarding",
        "safeguarding_note",
        "call_before_next",
        "call_before_next_note",
        "rating",
        "comment",
        "takeaway",
        "goal",
        "talk_seconds",
        "turns",
        "hands_raised",
    ];
    assert_eq!(rows[0], header);
    let names: Vec<&str> = rows[1..].iter().map(|row| row[0].as_str()).collect();
    assert_eq!(names, ["Ana", "Bo", "Cy", "Dee", UNIQUE_NAME, "Fay"]);
    let handover = parse_csv(&render(&log, Format::Csv, bob(&log)));
    assert_eq!(handover[0], header);
    assert_eq!(handover.len(), 2);
    let bo = &rows[2];
    let mine = &handover[1];
    for (i, column) in header.iter().enumerate() {
        let shared = !matches!(
            *column,
            "rating" | "comment" | "talk_seconds" | "turns" | "hands_raised"
        );
        let expected = if shared { bo[i].as_str() } else { "" };
        assert_eq!(mine[i], expected, "{column}");
    }
    assert_eq!(
        bo[header.iter().position(|c| *c == "safeguarding_note").unwrap()],
        SAFEGUARDING_NOTE
    );
}

#[test]
fn markdown_keeps_user_text_inside_its_table_cell() {
    let mut log = the_log();
    log.participants[5].comment = "first | second\nthird <b>x</b> \\| [link](y)\x1b[2J".into();
    let out = render(&log, Format::Md, Scope::Full);
    let row = out.lines().find(|line| line.starts_with("| Fay | 4/5 |"));
    let row = row.unwrap_or_else(|| panic!("no feedback row for Fay:\n{out}"));
    assert_eq!(
        row,
        "| Fay | 4/5 | first \\| second third \\<b>x\\</b> \\\\\\| \\[link](y)\u{FFFD}\\[2J |"
    );
    assert!(!out.contains('\x1b'));
}

#[test]
fn json_names_its_version_and_scope_and_writes_times_in_utc() {
    let log = the_log();
    for (scope, name) in [
        (Scope::Full, "full"),
        (bob(&log), "handover"),
        (Scope::Anonymised, "anonymised"),
    ] {
        let value: serde_json::Value =
            serde_json::from_str(&render(&log, Format::Json, scope)).expect("valid JSON");
        assert_eq!(
            (&value["export_version"], &value["scope"]),
            (&2.into(), &name.into())
        );
        assert_eq!(value["session"]["started_at"], "2026-11-26T18:00:00Z");
        for fact in ["id", "group", "plan"] {
            assert_eq!(value["session"][fact].is_null(), name == "anonymised");
        }
    }
}

#[test]
fn takeaways_and_goals_only_at_the_end_of_a_course() {
    let mut log = the_log();
    log.last_session = false;
    let md = render(&log, Format::Md, Scope::Full);
    assert!(
        !md.contains("Takeaway") && !md.contains("Walk twice a week"),
        "{md}"
    );
    for scope in [Scope::Full, bob(&log)] {
        let text = render(&log, Format::Json, scope);
        assert!(
            !text.contains("Walk twice a week") && !text.contains("Call my sister"),
            "{text}"
        );
        let csv = render(&log, Format::Csv, scope);
        assert!(
            !csv.contains("Walk twice a week") && !csv.contains("Call my sister"),
            "{csv}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&render(&log, Format::Json, Scope::Full)).expect("valid JSON");
    assert!(json["participants"][0]["goal"].is_null(), "{json}");
}

#[test]
fn json_escapes_every_control_character() {
    let mut log = the_log();
    let hostile = "Fay\x1b[2J\u{9b}31m\x7f\x07";
    log.participants[5].name = hostile.into();
    let text = render(&log, Format::Json, Scope::Full);
    assert!(!text.contains(['\x1b', '\u{9b}', '\x7f', '\x07']), "{text}");
    assert!(text.contains(r#""Fay\u001b[2J\u009b31m\u007f\u0007""#), "{text}");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["participants"][5]["name"], hostile);
}

#[test]
fn the_person_is_found_by_name_whatever_the_case() {
    let log = the_log();
    assert_eq!(export::find_person(&log, "Bo"), Ok(1));
    assert_eq!(export::find_person(&log, "  MARIGOLD \t"), Ok(4));
    assert_eq!(export::find_person(&log, "fay"), Ok(5));
    assert_eq!(
        export::find_person(&log, "Zed").map_err(|err| err.to_string()),
        Err(format!(
            "no participant called \"Zed\" in session 2026-11-26-1800; the participants are: \
             Ana, Bo, Cy, Dee, {UNIQUE_NAME}, Fay"
        ))
    );
    let err = export::find_person(&log, "")
        .expect_err("a blank name is nobody")
        .to_string();
    assert!(err.contains("Ana, Bo"), "{err}");

    let mut hostile = log.clone();
    hostile.participants[2].name = "Cy\x1b]0;owned\x07".into();
    let err = export::find_person(&hostile, "Zed\x1b[2J")
        .expect_err("no Zed")
        .to_string();
    assert!(!err.contains(['\x1b', '\x07']), "{err:?}");
    assert!(err.contains("Cy\u{FFFD}]0;owned\u{FFFD}"), "{err}");

    let mut twice = log.clone();
    twice.participants[3].name = "bo".into();
    let err = export::find_person(&twice, "BO").expect_err("two people are called bo");
    assert!(matches!(err, PersonError::MoreThanOne { .. }), "{err}");

    let mut empty = log;
    empty.participants.clear();
    let err = export::find_person(&empty, "Bo").expect_err("nobody is there");
    assert!(matches!(err, PersonError::NoParticipants { .. }), "{err}");
}

/// Typed into every free-text field a session has, and looked for in every anonymised output.
const TYPED: &str = "Zqxvbn";

/// A session of a saved group in which `TYPED` is in every piece of text someone typed: the
/// group's and the plan's names, each agenda item's title and prompts, an item added live, the
/// ground rules as planned and as edited, the checklist, every name (expected and added),
/// notes, follow-up notes, record notes, comments, takeaways, goals, the summary, and
/// members' own feedback.
fn typed_everywhere() -> SessionLog {
    let typed = |what: &str| format!("{TYPED}'s {what}");
    let mut meta = SessionMeta {
        participants: vec![TYPED.to_owned(), typed("friend")],
        last_session: true,
        checklist: vec![Check {
            item: typed("chair by the door"),
            ticked_at: Some(at(-10, 0)),
        }],
        ..meta("2026-11-26-1800")
    };
    meta.plan.name = typed("plan");
    meta.plan.group = typed("group");
    meta.plan.ground_rules.push(typed("rule"));
    for (number, item) in meta.plan.items.iter_mut().enumerate() {
        item.title = typed(&format!("item {number}"));
        item.prompts = vec![typed("prompt")];
    }
    let mut run = Run::begin(fixture::started(meta));
    run.run(Command::Note(typed("note")), at(1, 0));
    run.record(
        EventKind::AgendaEdited(AgendaEdit::Insert {
            index: 2,
            item: PlanItem {
                prompts: vec![typed("speaker")],
                ..PlanItem::new(&typed("story"), 10).of_kind(Kind::GuestSpeaker)
            },
        }),
        at(2, 0),
    );
    run.record(
        EventKind::RulesEdited {
            rules: vec![typed("edited rule")],
        },
        at(3, 0),
    );
    run.run(
        Command::Floor(FloorCommand::AddParticipant(typed("guest"))),
        at(4, 0),
    );
    run.run(Command::Floor(FloorCommand::RaiseHand(2)), at(5, 0));
    run.run(Command::Floor(FloorCommand::NextSpeaker), at(6, 0));
    run.run(Command::Next, at(12, 0));
    run.run(Command::End, at(40, 0));
    let review = [
        RecordCommand::Flag {
            who: 0,
            follow_up: FollowUp::Safeguarding,
            note: typed("flag"),
        },
        RecordCommand::RecordNote {
            who: 1,
            text: typed("record note"),
        },
        RecordCommand::Comment {
            who: 2,
            text: typed("comment"),
        },
        RecordCommand::Takeaway {
            who: 0,
            text: typed("takeaway"),
        },
        RecordCommand::Goal {
            who: 1,
            text: typed("goal"),
        },
        RecordCommand::Summary(typed("summary")),
        RecordCommand::GiveFeedback {
            answer: Answer::Good,
            good: typed("good"),
            better: typed("better"),
        },
    ];
    for request in review {
        run.run(Command::Record(request), at(41, 0));
    }
    SessionLog::of(&run.s, &run.events).expect("the session ended")
}

#[test]
fn item13_no_anonymised_output_holds_any_text_a_person_typed() {
    let log = typed_everywhere();
    let full = render(&log, Format::Json, Scope::Full);
    assert!(
        full.matches(TYPED).count() >= 20,
        "typed into every field:\n{full}"
    );
    let mut outputs: Vec<(String, String)> = FORMATS
        .iter()
        .map(|(format, name)| (format!("export {name}"), render(&log, *format, Scope::Anonymised)))
        .collect();
    let loaded = [Loaded {
        log: log.clone(),
        newer: false,
    }];
    outputs.push((
        "report".to_owned(),
        report::anonymised(&log.group, &loaded, utc()),
    ));
    for (what, out) in &outputs {
        assert!(
            !out.to_lowercase().contains(&TYPED.to_lowercase()),
            "typed text in the anonymised {what}:\n{out}"
        );
    }
    // What they hold instead: item kinds, minutes and generic labels.
    for (what, expected) in [
        (
            "export md",
            "| Item 3 (guest-speaker) | 10 min | 10 min | not run |",
        ),
        (
            "export md",
            "| Item 1 (welcome) | 10 min | 10 min | 12:00 | +2:00 |",
        ),
        ("export csv", "item,Item 7 (closing),protected,yes"),
        ("export json", "\"kind\": \"guest-speaker\""),
        ("report", "# The group: 26 Nov 2026"),
        ("report", "| welcome | 1 of 1 times run | 2:00 |"),
    ] {
        let (_, out) = (outputs.iter().find(|(name, _)| name == what)).expect("an output");
        assert!(
            out.contains(expected),
            "{expected:?} missing from the {what}:\n{out}"
        );
    }
}
