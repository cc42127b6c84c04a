//! The group report: a golden Markdown report at a fixed zone, the anonymised form naming no
//! one, what is left out (rehearsals) or said when there is nothing, text that cannot break the
//! Markdown, and 500 saved logs read back and counted.

use crate::common::{pdf_words, reader};
use crate::fixture;

use chrono::{FixedOffset, TimeDelta};
use fixture::group::{ABSENT, LATE, LEFT_EARLY, PRESENT, Seat, loaded, session};
use holdspace::domain::feedback::{Answer, Entry};
use holdspace::domain::roster::{Contact, Reach, Referral, Roster};
use holdspace::export::pdf::{self, Paper};
use holdspace::export::report::{Report, anonymised, report};
use holdspace::session::history::History;
use holdspace::store::log::{self, SessionLog};
use holdspace::util::format::Zone;
use std::fs;

/// Names found nowhere else in a report, so their absence can be checked.
const NAMES: [&str; 6] = [
    "Marigold",
    "Osric",
    "Zoë",
    "Quillon",
    "Fenwick",
    "Rehearsal Rowan",
];

fn zone() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(3600).expect("UTC+1"))
}

/// Moves the end `minutes` from 19:30 UTC and makes agenda item `item` run over by `over`
/// seconds.
fn timed(mut log: SessionLog, minutes: i64, overruns: &[(usize, i64)]) -> SessionLog {
    log.ended_at = log.scheduled_end + TimeDelta::minutes(minutes);
    for (item, over) in overruns {
        log.items[*item].overrun_seconds = *over;
        log.items[*item].actual_seconds += *over;
    }
    log
}

/// Five sessions of the Tuesday group (and a rehearsal between them): Marigold comes to all
/// of them, Osric drifts away, Zoë's attendance is not always recorded, Quillon comes late and
/// is then absent for good, and Fenwick is added on the day of the fourth.
fn tuesday() -> Vec<SessionLog> {
    let [marigold, osric, zoe, quillon, fenwick, rowan] = NAMES;
    let mut rehearsal = session("Tuesday group", 2, &[(rowan, PRESENT, Some(1))]);
    rehearsal.rehearsal = true;
    let mut interrupted = timed(
        session("TUESDAY GROUP ", 4, &[(marigold, PRESENT, None)]),
        -50,
        &[],
    );
    interrupted.interrupted = true;
    interrupted.items[2].overrun_seconds = 600;
    let mut fourth = session(
        "tuesday group",
        3,
        &[
            (marigold, PRESENT, Some(5)),
            (osric, PRESENT, Some(5)),
            (zoe, PRESENT, Some(4)),
            (quillon, ABSENT, None),
            (fenwick, PRESENT, Some(5)),
        ],
    );
    fourth.participants[4].expected = false;
    vec![
        timed(
            session(
                "Tuesday group",
                0,
                &[
                    (marigold, PRESENT, Some(5)),
                    (osric, PRESENT, Some(4)),
                    (zoe, ABSENT, None),
                    (quillon, LATE, Some(3)),
                ],
            ),
            2,
            &[(0, 120)],
        ),
        timed(
            session(
                "Tuesday group",
                1,
                &[
                    (marigold, PRESENT, Some(4)),
                    (osric, LEFT_EARLY, None),
                    (zoe, PRESENT, Some(5)),
                    (quillon, ABSENT, None),
                ],
            ),
            8,
            &[(0, 60), (1, 240)],
        ),
        rehearsal,
        timed(fourth, -10, &[]),
        interrupted,
        timed(
            session(
                "Tuesday group",
                5,
                &[
                    (marigold, PRESENT, None),
                    (osric, ABSENT, None),
                    (zoe, None, None),
                ],
            ),
            0,
            &[(1, 180)],
        ),
        session("Thursday group", 1, &[("Thursday Theo", PRESENT, Some(1))]),
    ]
}

#[test]
fn the_report_in_full() {
    let logs = loaded(tuesday());
    insta::assert_snapshot!("tuesday_group_report", report("Tuesday group", &logs, zone()));
}

#[test]
fn the_anonymised_report_names_no_one_nor_the_group_nor_an_item_and_leaves_out_the_table_of_people() {
    let logs = loaded(tuesday());
    let full = report("tuesday group", &logs, zone());
    let anonymous = anonymised("tuesday group", &logs, zone());
    for name in NAMES.iter().chain(&["Thursday Theo"]) {
        assert!(
            !anonymous.contains(name),
            "{name} in the anonymised report:\n{anonymous}"
        );
    }
    assert!(
        !anonymous.to_lowercase().contains("contains names"),
        "{anonymous}"
    );
    assert!(anonymous.contains("Anonymised: no one is named."), "{anonymous}");
    let (before, _) = full
        .split_once("## Attendance per person")
        .expect("the full report has the table");
    // The same report otherwise, but that agenda items go by their kind (a title may hold a
    // name) and the group by no name.
    let body = |report: &str| {
        report
            .split_once("## Attendance\n")
            .and_then(|(_, body)| body.split_once("### Agenda items"))
            .map(|(body, _)| body.to_owned())
    };
    assert_eq!(body(before), body(&anonymous), "the same report otherwise");
    assert!(
        anonymous.starts_with("# The group: 26 Nov 2026 to 31 Dec 2026\n"),
        "{anonymous}"
    );
    assert!(
        full.contains("| Check-in round | 2 of 4 times run | 3:30 |"),
        "{full}"
    );
    assert!(
        anonymous.contains("| check-in | 2 of 4 times run | 3:30 |"),
        "{anonymous}"
    );
    for typed in ["tuesday", "check-in round", "welcome and"] {
        assert!(!anonymous.to_lowercase().contains(typed), "{typed}:\n{anonymous}");
    }
    // Everything before the table names no one either.
    for name in NAMES {
        assert!(!before.contains(name), "{name} before the table:\n{before}");
    }
    assert!(
        full.contains("**Contains names: for the team's records only.**"),
        "{full}"
    );
}

#[test]
fn rehearsals_are_left_out_and_a_group_without_sessions_says_so() {
    let logs = loaded(tuesday());
    let full = report("Tuesday group", &logs, zone());
    assert!(
        full.contains("- Sessions: 5 (rehearsals are not counted)"),
        "{full}"
    );
    assert!(
        !full.contains("Rehearsal Rowan") && !full.contains("1.0 from"),
        "{full}"
    );

    let only_rehearsal: Vec<SessionLog> = tuesday().into_iter().filter(|log| log.rehearsal).collect();
    let logs = loaded(only_rehearsal);
    for text in [
        report("Tuesday group", &logs, zone()),
        anonymised("Tuesday group", &logs, zone()),
        report("Nobody's group", &[], zone()),
    ] {
        assert!(
            text.contains("No sessions of this group are saved (rehearsals are not counted)."),
            "{text}"
        );
        assert!(!text.contains("Rowan") && !text.contains("##"), "{text}");
    }
}

#[test]
fn one_session_has_no_halves_and_nobody_rated_reads_no_ratings() {
    let logs = loaded([session("G", 0, &[("Marigold", None, None)])]);
    let text = report("G", &logs, zone());
    assert!(
        text.contains("With one session there are no halves to compare yet."),
        "{text}"
    );
    assert!(text.contains("| 26 Nov 2026 19:00 | no ratings |"), "{text}");
    assert!(text.contains("Overall: no ratings."), "{text}");
    assert!(
        text.contains("| 26 Nov 2026 19:00 | 0 | 1 | 1 |"),
        "not recorded: {text}"
    );
    assert!(text.contains("No agenda item ran over its time."), "{text}");
    assert!(
        text.contains("0 of the 1 people named before a session (0%)"),
        "{text}"
    );
}

#[test]
fn user_text_cannot_break_the_markdown_or_the_terminal() {
    let mut log = session(
        "# Tue | Thu\x1b[2J",
        0,
        &[
            ("Ma|ri*gold\x07", PRESENT, Some(5)),
            ("<b>Osric</b>", PRESENT, None),
        ],
    );
    log.items[1].title = "Check|in [round](x)".to_owned();
    let logs = loaded([timed(log, 0, &[(1, 60)])]);
    let text = report("# tue | thu\x1b[2J", &logs, zone());
    assert!(
        text.starts_with("# \\# Tue \\| Thu\u{FFFD}\\[2J: 26 Nov 2026\n"),
        "{text}"
    );
    assert!(
        text.contains("| Check\\|in \\[round](x) | 1 of 1 times run | 1:00 |"),
        "{text}"
    );
    assert!(
        text.contains("| Ma\\|ri\\*gold\u{FFFD} | 1 | 1 | 100% | 1 of 1 |"),
        "{text}"
    );
    assert!(text.contains("| \\<b>Osric\\</b> |"), "{text}");
    assert!(!text.contains(['\x1b', '\x07']), "{text}");
}

/// The pool 500 sessions draw their people from, spelt differently from session to session.
const POOL: [&str; 8] = ["Ana", "BO", "cy", "Dee", "Éa", "Fay", "Gus", "Hal"];

/// Session `n` of 500: two groups taking turns, every tenth a rehearsal, five people from the
/// pool with attendance and ratings in a pattern, ending up to 10 minutes either side.
fn generated(n: usize) -> SessionLog {
    let group = if n.is_multiple_of(2) {
        "Tuesday group"
    } else {
        "thursday GROUP"
    };
    let attendance = [PRESENT, LATE, LEFT_EARLY, ABSENT, None];
    let spelt: Vec<String> = (0..5)
        .map(|k| {
            let name = POOL[(n + k * 3) % POOL.len()];
            if (n + k).is_multiple_of(3) {
                name.to_uppercase()
            } else {
                name.to_lowercase()
            }
        })
        .collect();
    let seats: Vec<Seat> = (spelt.iter().enumerate())
        .map(|(k, name)| {
            let rating = u8::try_from((n + k) % 6).ok().filter(|r| *r > 0);
            (name.as_str(), attendance[(n * 7 + k) % 5], rating)
        })
        .collect();
    let week = i64::try_from(n).expect("a small number");
    let mut log = timed(session(group, week, &seats), week % 21 - 10, &[]);
    log.id = format!("s{n:03}");
    log.rehearsal = n % 5 == 4;
    log
}

fn number_after(text: &str, before: &str) -> usize {
    let (_, rest) = text
        .split_once(before)
        .unwrap_or_else(|| panic!("no {before:?} in:\n{text}"));
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number after {before:?}"))
}

#[test]
fn five_hundred_saved_logs_are_read_back_and_counted() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let logs: Vec<SessionLog> = (0..500).map(generated).collect();
    for log in &logs {
        fs::write(tmp.path().join(format!("{}.json", log.id)), log.to_json()).expect("written");
    }
    fs::write(tmp.path().join("broken.json"), "{").expect("written");
    let (loaded, errors) = log::list(tmp.path()).expect("the folder lists");
    assert_eq!((loaded.len(), errors.len()), (500, 1));

    let text = report("TUESDAY group", &loaded, zone());
    let tuesday: Vec<&SessionLog> = (logs.iter())
        .filter(|log| log.group == "Tuesday group" && !log.rehearsal)
        .collect();
    assert_eq!(tuesday.len(), 200, "250 Tuesdays, 50 of them rehearsals");
    assert_eq!(number_after(&text, "- Sessions: "), tuesday.len());

    let attended = |log: &SessionLog| {
        (log.participants.iter())
            .filter(|p| {
                p.attendance
                    .is_some_and(holdspace::domain::record::Attendance::attended)
            })
            .count()
    };
    let rows: Vec<&str> = (text.lines())
        .skip_while(|line| !line.starts_with("| Session | Attended |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), tuesday.len());
    for (row, log) in rows.iter().zip(&tuesday) {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells[1], attended(log).to_string(), "{row}");
        assert_eq!(cells[2], "5", "{row}");
    }

    let ratings: Vec<u8> = tuesday
        .iter()
        .flat_map(|log| &log.participants)
        .filter_map(|p| p.rating)
        .collect();
    let mean = ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64;
    assert!(
        text.contains(&format!("Overall: {mean:.1} from {} rating(s).", ratings.len())),
        "{text}"
    );

    let on_time = (tuesday.iter())
        .filter(|log| (log.ended_at - log.scheduled_end).num_minutes().abs() <= 5)
        .count();
    assert_eq!(
        number_after(&text, "- Ended within 5 minutes of the scheduled end: "),
        on_time
    );

    for name in POOL {
        let key = name.to_lowercase();
        let seats = || {
            tuesday
                .iter()
                .flat_map(|log| &log.participants)
                .filter(|p| p.name.to_lowercase() == key)
        };
        let listed = seats().count();
        let came = seats()
            .filter(|p| {
                p.attendance
                    .is_some_and(holdspace::domain::record::Attendance::attended)
            })
            .count();
        let row = (text.lines())
            .find(|line| line.to_lowercase().starts_with(&format!("| {key} |")))
            .unwrap_or_else(|| panic!("no row for {name}"));
        assert!(
            row.contains(&format!(" | {came} | {listed} | ")),
            "{name}: {came} of {listed}: {row}"
        );
    }
}

/// The Tuesday group's roster: Marigold and Osric from CMHT North (Osric contacted), Zoë from
/// the Early Intervention team, and Wren, referred by CMHT North and not yet reached.
fn tuesday_roster() -> Roster {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    let mut roster = Roster::default();
    for (name, team) in [
        ("Marigold", "CMHT North"),
        ("Osric", "CMHT North"),
        ("Zoë", "Early Intervention"),
        ("Wren", "CMHT North"),
    ] {
        let referral = Referral {
            name: name.to_owned(),
            referred_by: team.to_owned(),
            referred_on: today,
            adjustments: String::new(),
            reach: Reach::default(),
        };
        roster.add(referral, 10, today).expect("added");
    }
    roster.members[1].contacts.push(Contact {
        on: today,
        note: "Quietly hopeful".to_owned(),
    });
    roster
}

/// The Tuesday sessions, the last the end of a course: Marigold's takeaway and three members'
/// own answers.
fn course_ended() -> Vec<SessionLog> {
    let mut logs = tuesday();
    let last = (logs.iter_mut().rev())
        .find(|log| log.group == "Tuesday group" && !log.rehearsal)
        .expect("a session");
    last.last_session = true;
    last.participants[0].takeaway = "Breathing before answering".to_owned();
    last.feedback = members_said();
    logs
}

/// Three members' answers: two positive, one "don't know", and what they wrote.
fn members_said() -> Vec<Entry> {
    [
        (Answer::VeryGood, "Tea and the quiet corner", ""),
        (Answer::Good, "", "Louder speaker for the guest"),
        (Answer::DontKnow, "", ""),
    ]
    .into_iter()
    .map(|(answer, good, better)| Entry::new(answer, good, better).expect("an entry"))
    .collect()
}

/// The printed report of `logs`, written where poppler can read it.
fn printed(logs: &[SessionLog], roster: &Roster, names: bool, dir: &std::path::Path) -> std::path::PathBuf {
    let loaded = loaded(logs.iter().cloned());
    let history = History::of(&loaded, "Tuesday group");
    let sheet = Report {
        history: &history,
        roster: Some(roster),
        zone: zone(),
        names,
    }
    .sheet();
    let path = dir.join(if names { "report.pdf" } else { "anonymised.pdf" });
    fs::write(&path, pdf::pages(&sheet, Paper::A4).expect("the report prints")).expect("written");
    path
}

#[test]
fn the_printed_report_holds_the_figures_charts_and_funnel_on_a_few_tagged_pages() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let logs = course_ended();
    let pdf = printed(&logs, &tuesday_roster(), true, tmp.path());

    let text = pdf_words(&pdf);
    let markdown = report("Tuesday group", &loaded(logs.iter().cloned()), zone());
    // The sentences are the Markdown report's own.
    for said in [
        "Attending per session, first",
        "came to at least half of the",
        "Ended within 5 minutes",
    ] {
        let sentence = markdown
            .lines()
            .find(|line| line.contains(said))
            .expect("in the Markdown");
        let sentence = sentence
            .trim_start_matches("- ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&sentence), "{sentence:?} not in:\n{text}");
    }
    for shown in [
        "Tuesday group: report",
        "Contains names",
        "From referral to keeping coming",
        "Referring team",
        "CMHT North 3 2 2",
        "Early Intervention 1 1 1",
        "“Breathing before answering”",
        "Members' feedback",
        "Overall: 3 answers, 67% positive.",
        "“Tea and the quiet corner”",
        "Minutes past the scheduled end",
        "Planned length",
    ] {
        assert!(text.contains(shown), "{shown:?} not in:\n{text}");
    }
    let structure = reader("pdfinfo", &["-struct", pdf.to_str().expect("a path")]);
    for tag in [
        "H1 \"Tuesday group: report\"",
        "H2 \"Attendance\"",
        "Figure",
        "Table",
        "TH",
        "TD",
    ] {
        assert!(
            structure.contains(tag),
            "{tag} not in the structure:\n{structure}"
        );
    }
    let bytes = fs::read(&pdf).expect("the PDF");
    let alt = b"/Alt(Column chart of the people attending each of 5 sessions";
    assert!(
        bytes.windows(alt.len()).any(|w| w == alt),
        "the attendance chart is described"
    );
    let info = reader("pdfinfo", &[pdf.to_str().expect("a path")]);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let pages: usize = number_after(&info, "Pages:           ");
    assert!((1..=4).contains(&pages), "{pages} pages");
}

#[test]
fn the_printed_anonymised_report_names_no_one_and_quotes_nothing() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let logs = course_ended();
    let pdf = printed(&logs, &tuesday_roster(), false, tmp.path());
    let text = pdf_words(&pdf).to_lowercase();
    assert!(text.contains("overall: 3 answers, 67% positive."), "{text}");
    for typed in NAMES.iter().chain(&[
        "Tuesday",
        "CMHT",
        "Early Intervention",
        "Breathing",
        "Quietly",
        "corner",
        "Louder",
    ]) {
        assert!(
            !text.contains(&typed.to_lowercase()),
            "{typed} is in the anonymised report:\n{text}"
        );
    }
    assert!(
        text.contains("anonymised: no one is named") && text.contains("kept coming"),
        "{text}"
    );
}

/// A year of weekly sessions prints on a few pages, every session in the timings table.
#[test]
fn a_year_of_sessions_prints_with_every_session_in_its_table() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let logs: Vec<SessionLog> = (0..52)
        .map(|week| {
            session(
                "Tuesday group",
                week,
                &[("Marigold", PRESENT, None), ("Osric", ABSENT, None)],
            )
        })
        .collect();
    let pdf = printed(&logs, &tuesday_roster(), true, tmp.path());
    let text = reader("pdftotext", &["-layout", pdf.to_str().expect("a path"), "-"]);
    let rows = text.lines().filter(|line| line.contains("1:30:00")).count();
    assert_eq!(rows, 52, "{text}");
    let info = reader("pdfinfo", &[pdf.to_str().expect("a path")]);
    let pages: usize = number_after(&info, "Pages:           ");
    assert!((2..=6).contains(&pages), "{pages} pages");
}

/// What members wrote is printed as they wrote it, however long (each quote may break onto a
/// new page) and whatever its characters: an emoji the font lacks, or a bell from a hand-edited
/// log, is shown as � and the report says so, rather than refusing to print.
#[test]
fn the_printed_report_prints_every_members_words_and_marks_what_it_cannot() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut logs = course_ended();
    let last = (logs.iter_mut().rev())
        .find(|log| log.group == "Tuesday group" && !log.rehearsal)
        .expect("a session");
    let long = "A long and thoughtful answer. ".repeat(33);
    last.feedback = [long.trim(), long.trim(), long.trim(), "Felt welcome 🙂"]
        .map(|good| Entry::new(Answer::Good, good, "").expect("an entry"))
        .to_vec();
    last.participants[0].takeaway = "Breathing\u{7} exercise".to_owned();
    let pdf = printed(&logs, &tuesday_roster(), true, tmp.path());
    let text = pdf_words(&pdf);
    for shown in [
        "“Felt welcome �”",
        "“Breathing� exercise”",
        "Characters the report's font cannot print (an emoji, say) are shown as �.",
    ] {
        assert!(text.contains(shown), "{shown:?} not in:\n{text}");
    }
    assert_eq!(
        text.matches("A long and thoughtful answer.").count(),
        99,
        "{text}"
    );
}
