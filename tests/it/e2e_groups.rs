//! A saved group over two sessions on a real terminal: the group and its roster made with the
//! command line, the preparation screen, agenda and ground-rule edits during the session, the
//! rules becoming the group's own at the next start with a fresh ice-breaker, and the group's
//! history afterwards.

use crate::common;

use chrono::{TimeDelta, Utc};
use common::{
    Tmux, data, event_types, files_ending, holdspace, journal_events, only_journal, only_log, pane,
    read_json, rehearse, run, script,
};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const GROUP: &str = "Harbour Group";
/// The group's name as the facilitator types it: `--group` ignores case.
const TYPED: &str = "hARBOUR gROUP";
const RULE: &str = "We look after each other";
const TICKED: [&str; 2] = ["Arrive 20–30 minutes early", "Sign on the door: no interruptions"];

/// Runs `holdspace ARGS` on the data folder to its end and returns what it printed.
fn cli(root: &Path, args: &[&str]) -> String {
    let out = run(holdspace(root).args(args));
    assert!(out.status.success(), "holdspace {args:?}: {out:?}");
    out.stdout
}

/// Saves the group, meeting about an hour from now (and on that day of the week) with three
/// places; returns the meeting time as the screen shows it, and the group file the CLI named.
fn new_group(root: &Path) -> (String, PathBuf) {
    let meets = Utc::now() + TimeDelta::hours(1);
    let (day, time) = (meets.format("%A").to_string(), meets.format("%H:%M").to_string());
    let said = cli(
        root,
        &[
            "group",
            "new",
            GROUP,
            "--day",
            &day,
            "--time",
            &time,
            "--place",
            "Room 4",
            "--capacity",
            "3",
            "--co-facilitator",
            "Sam",
            "--plan",
            "peer-support-60",
        ],
    );
    let file = said
        .lines()
        .next()
        .and_then(|line| line.split(" in ").nth(1))
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("no group file named in:\n{said}"));
    (time, PathBuf::from(file))
}

/// Starts the group's next session in tmux and waits for its preparation screen.
fn prepare(root: &Path) -> (Tmux, String) {
    let args = format!("--group '{TYPED}' --data-dir '{}'", root.display());
    let tmux = Tmux::start(120, 40, &pane(root, &args, false));
    let screen = tmux.wait_all(&[GROUP, "Preparing · ", "Checklist · 0 of 6", "Agenda · "]);
    (tmux, screen)
}

/// The number of the first screen row holding `text`.
fn row(screen: &str, text: &str) -> Option<usize> {
    screen.lines().position(|line| line.contains(text))
}

/// Whether `texts` are all on screen, each on a lower row than the one before.
fn in_order(screen: &str, texts: &[&str]) -> bool {
    let rows: Option<Vec<usize>> = texts.iter().map(|text| row(screen, text)).collect();
    rows.is_some_and(|rows| rows.windows(2).all(|pair| pair[0] < pair[1]))
}

/// Waits until the screen row holding `text` also holds `also`.
fn wait_row(tmux: &Tmux, text: &str, also: &str) {
    tmux.wait_until(&format!("{also:?} on the row of {text:?}"), |screen| {
        screen
            .lines()
            .any(|line| line.contains(text) && line.contains(also))
    });
}

/// The countdown after "in " on the preparation screen (M:SS, or H:MM:SS from an hour), in
/// seconds.
fn countdown(screen: &str, time: &str) -> u32 {
    let before = format!("starts at {time}, in ");
    let after = screen
        .split(&before)
        .nth(1)
        .unwrap_or_else(|| panic!("no {before:?} on screen:\n{screen}"));
    let clock = after.split_whitespace().next().unwrap_or_default();
    clock
        .split(':')
        .map(|part| {
            part.parse::<u32>()
                .unwrap_or_else(|_| panic!("{clock:?} is not a countdown"))
        })
        .fold(0, |total, part| total * 60 + part)
}

/// The first event of a log or journal: the `started` event with the plan and checklist.
fn started(events: &Value) -> &Value {
    let first = &events[0];
    assert_eq!(first["type"], "started", "{first}");
    first
}

/// The only prompt the started session's ice-breaker drew.
fn ice_breaker_prompt(started: &Value) -> String {
    let items = started["plan"]["items"].as_array().expect("plan items");
    let ice_breaker = (items.iter())
        .find(|item| item["kind"] == "ice-breaker")
        .expect("an ice-breaker");
    let prompts = ice_breaker["prompts"].as_array().expect("prompts");
    assert_eq!(prompts.len(), 1, "one prompt drawn from the pool: {ice_breaker}");
    prompts[0].as_str().expect("a prompt").to_owned()
}

fn strings(value: &Value) -> Vec<&str> {
    let array = value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"));
    array
        .iter()
        .map(|entry| entry.as_str().expect("a string"))
        .collect()
}

#[test]
fn a_group_prepares_edits_its_rules_and_keeps_them_next_time() {
    let (_tmp, root) = data();
    let (time, group_file) = new_group(&root);
    for name in ["Amara", "Bilal", "Chen"] {
        let said = cli(
            &root,
            &["roster", GROUP, "add", name, "--referred-by", "CMHT North"],
        );
        assert!(
            said.contains(&format!("{name} is referred and holds a place")),
            "{said}"
        );
    }
    let said = cli(&root, &["roster", GROUP, "add", "Dana", "--referred-by", "GP"]);
    assert_eq!(
        said.trim(),
        "The group is full (3 of 3 places): Dana goes on the waiting list, number 1."
    );
    for name in ["Amara", "Chen"] {
        let said = cli(&root, &["roster", GROUP, "set", name, "confirmed"]);
        assert!(said.contains(&format!("{name}: referred → confirmed")), "{said}");
    }

    // The preparation screen: tick two things, add a break to the agenda and move it later.
    let (tmux, screen) = prepare(&root);
    assert!(screen.contains(&format!(" {GROUP} ")), "{screen}");
    let left = countdown(&screen, &time);
    assert!((55 * 60..=60 * 60).contains(&left), "{left} s to go:\n{screen}");
    for item in ["Chairs in a circle, one spare", "Ground rules to hand"] {
        assert!(screen.contains(&format!("☐ {item}")), "{item}:\n{screen}");
    }
    assert!(
        in_order(&screen, &["· Welcome", "· Ice-breaker", "· Closing round"]),
        "{screen}"
    );
    tmux.key("Space");
    tmux.wait_for(&format!("▸☑ {}", TICKED[0]));
    tmux.key("Down");
    tmux.key("Down");
    tmux.wait_for(&format!("▸☐ {}", TICKED[1]));
    tmux.key("Space");
    tmux.wait_all(&["Checklist · 2 of 6", &format!("▸☑ {}", TICKED[1])]);
    tmux.key("Tab");
    tmux.wait_all(&["▸· Welcome", "Tab checklist"]);
    tmux.key("a");
    tmux.wait_all(&[" New agenda item ", "Minutes  10"]);
    tmux.type_text("Break");
    tmux.wait_for("Title    Break▏");
    tmux.key("Enter");
    tmux.wait_all(&["Minutes  10▏", "Kind     break"]);
    tmux.key("BSpace");
    tmux.key("BSpace");
    tmux.type_text("5");
    tmux.wait_for("Minutes  5▏");
    tmux.key("Enter");
    tmux.wait_for("◂ break ▸");
    tmux.key("Enter");
    let screen = tmux.wait_all(&["Agenda · 65 min", "▸· Break"]);
    assert!(
        in_order(&screen, &["· Welcome", "▸· Break", "· Ice-breaker"]),
        "{screen}"
    );
    tmux.key("J");
    tmux.wait_until("the break after the ice-breaker", |screen| {
        in_order(screen, &["· Ice-breaker", "▸· Break", "· Check-in round"])
    });

    // The live screen: the confirmed members are expected, the waiting list and the rest not.
    tmux.key("Enter");
    let screen = tmux.wait_all(&["✓ saved #1", "Talk time · private"]);
    let talk = row(&screen, "Talk time · private").expect("the talk-time panel");
    let panel: String = screen.lines().skip(talk).collect();
    assert!(panel.contains("Amara") && panel.contains("Chen"), "{screen}");
    for name in ["Bilal", "Dana"] {
        assert!(!screen.contains(name), "{name} is not expected:\n{screen}");
    }
    assert!(
        in_order(&screen, &["· Ice-breaker", "· Break", "· Check-in round"]),
        "{screen}"
    );

    // Two minutes more for the check-in round, still to come.
    tmux.key("e");
    tmux.wait_all(&["Edit the agenda", "▸· Ice-breaker"]);
    tmux.key("Down");
    tmux.key("Down");
    tmux.wait_for("▸· Check-in round");
    tmux.key("+");
    tmux.key("+");
    wait_row(&tmux, "▸· Check-in round", "12m");
    tmux.escape();
    tmux.wait_gone("Edit the agenda");
    wait_row(&tmux, "· Check-in round", "12m");

    // A new ground rule, last.
    tmux.key("G");
    tmux.wait_all(&["Edit the ground rules", "▸ 1. What is said in the group"]);
    for _ in 0..4 {
        tmux.key("Down");
    }
    tmux.wait_for("▸ 5. We start and finish on time.");
    tmux.key("a");
    tmux.wait_for("New ground rule");
    tmux.type_text(RULE);
    tmux.wait_for(&format!("{RULE}▏"));
    tmux.key("Enter");
    tmux.wait_all(&[
        &format!("▸ 6. {RULE}"),
        "the group keeps them for its next session",
    ]);
    tmux.escape();
    tmux.wait_gone("Edit the ground rules");
    let farewell = rules_show_the_new_one_then_end(tmux);

    let first = only_log(&root);
    // The rules the session agreed are the group's once its log is saved, and said so once.
    let id = first["id"].as_str().expect("an id");
    let promoted = format!("the ground rules changed in session {id} are now the group's, version 1");
    assert!(farewell.contains(&promoted), "{farewell}");
    let saved = fs::read_to_string(&group_file).expect("group.toml");
    assert!(
        saved.contains("rules_version = 1") && saved.contains(RULE),
        "{saved}"
    );
    assert!(cli(&root, &["group", "rules", GROUP]).contains(&format!("6. {RULE}")));
    assert_eq!(first["group"], GROUP);
    let begun = started(&first["events"]);
    assert_eq!(strings(&begun["participants"]), ["Amara", "Chen"]);
    assert_eq!(begun["rules_version"], 0);
    let checklist = begun["checklist"].as_array().expect("the checklist");
    assert_eq!(checklist.len(), 6, "{checklist:?}");
    let ticked: Vec<&Value> = (checklist.iter())
        .filter(|check| !check["ticked_at"].is_null())
        .map(|check| &check["item"])
        .collect();
    assert_eq!(ticked, TICKED, "{checklist:?}");
    let items = begun["plan"]["items"].as_array().expect("plan items");
    let titles: Vec<&Value> = items.iter().map(|item| &item["title"]).collect();
    assert_eq!(
        titles,
        [
            "Welcome",
            "Ice-breaker",
            "Break",
            "Check-in round",
            "Topic discussion",
            "Closing round"
        ]
    );
    assert_eq!(
        (&items[2]["kind"], &items[2]["minutes"]),
        (&"break".into(), &5.into())
    );
    let types = event_types(&first["events"]);
    // Each key press is an edit of its own, kept with its time: two for two minutes.
    let edits: Vec<(&Value, &Value)> = (first["events"].as_array().expect("events").iter())
        .filter(|event| event["type"] == "agenda_edited")
        .map(|event| (&event["index"], &event["minutes"]))
        .collect();
    assert_eq!(
        edits,
        [(&3.into(), &11.into()), (&3.into(), &12.into())],
        "{types:?}"
    );
    assert_eq!(first["items"][3]["final_minutes"], 12);
    let closing: Vec<bool> = (first["closing"].as_array().expect("the end checklist").iter())
        .map(|check| !check["ticked_at"].is_null())
        .collect();
    assert_eq!(closing, [true, false, false]);
    let rule_edits = types.iter().filter(|kind| *kind == "rules_edited").count();
    assert_eq!(rule_edits, 1, "{types:?}");
    let rules = strings(&first["ground_rules"]);
    assert_eq!(rules.len(), 6, "{rules:?}");
    assert_eq!(rules.last(), Some(&RULE));
    let asked = ice_breaker_prompt(begun);
    assert!(
        cli(&root, &["plan", "show", "peer-support-60"]).contains(&asked),
        "{asked:?} is not from the template's pool"
    );

    // The next start: the rules are the group's already, so nothing more is said of them, and
    // the ice-breaker asks something new.
    let (tmux, _) = prepare(&root);
    tmux.key("Enter");
    let screen = tmux.wait_for("▶ Welcome");
    assert!(!screen.contains("are now the group's"), "said twice:\n{screen}");
    let prompt = ice_breaker_prompt(started(&journal_events(&only_journal(&root)).into()));
    assert_ne!(prompt, asked, "the group had that ice-breaker last time");
    tmux.key("n");
    let opening: Vec<&str> = prompt.split(' ').take(4).collect();
    tmux.wait_all(&["▶ Ice-breaker", &format!("ask: {}", opening.join(" "))]);
    let farewell = rules_show_the_new_one_then_end(tmux);
    assert!(!farewell.contains("are now the group's"), "{farewell}");

    let logs = files_ending(&root.join("sessions"), ".json");
    assert_eq!(logs.len(), 2, "{logs:?}");
    let second = (logs.iter().map(|path| read_json(path)))
        .find(|log| log["id"] != id)
        .expect("the second session's log");
    let begun = started(&second["events"]);
    assert_eq!(begun["rules_version"], 1);
    assert_eq!(ice_breaker_prompt(begun), prompt);
    assert_eq!(strings(&second["ground_rules"]), rules);
    let group: toml::Table =
        toml::from_str(&fs::read_to_string(&group_file).expect("group.toml")).expect("group.toml is TOML");
    assert_eq!(group["rules_version"].as_integer(), Some(1), "{group}");
    let kept: Vec<&str> = (group["ground_rules"].as_array().expect("ground_rules").iter())
        .filter_map(toml::Value::as_str)
        .collect();
    assert_eq!(kept, rules, "{group}");

    // The group's history: both sessions, found by the name in any case.
    let sessions = cli(&root, &["sessions", "--group", TYPED]);
    assert_eq!(
        sessions.lines().filter(|line| line.contains(GROUP)).count(),
        2,
        "{sessions}"
    );
    let attendance = cli(&root, &["attendance", TYPED]);
    assert!(
        attendance.contains(&format!("Attendance at {GROUP}: 2 session(s)")),
        "{attendance}"
    );
    assert!(
        attendance.contains("Amara") && attendance.contains("Chen"),
        "{attendance}"
    );
    let report = cli(&root, &["report", TYPED]);
    assert!(report.contains("- Sessions: 2 "), "{report}");
}

#[test]
fn the_checklist_boxes_line_up() {
    let (_tmp, root) = data();
    new_group(&root);
    let (tmux, _) = prepare(&root);
    // A frame goes out in more than one write, so the capture can catch it half drawn.
    let screen = tmux.wait_until("the six checklist boxes", |screen| {
        screen.matches('☐').count() == 6
    });
    let columns: Vec<usize> = (screen.lines())
        .filter_map(|line| line.chars().position(|c| c == '☐'))
        .collect();
    assert!(
        columns.iter().all(|column| *column == columns[0]),
        "boxes in columns {columns:?}:\n{screen}"
    );
}

#[test]
fn quitting_at_the_preparation_changes_nothing() {
    let (_tmp, root) = data();
    let (_, group_file) = new_group(&root);
    // A session, run without a screen, in which the group adds a rule: the group's once ended.
    let input = format!("key G a\ntype {RULE}\nkey enter esc q y q\n");
    let said = script(&root, &["--group", GROUP], &input);
    assert!(said.contains("are now the group's, version 1"), "{said}");
    assert!(strings(&only_log(&root)["ground_rules"]).contains(&RULE));
    let before = fs::read_to_string(&group_file).expect("group.toml");
    assert!(before.contains(RULE), "{before}");
    let (tmux, _) = prepare(&root);
    tmux.key("Escape");
    tmux.wait_for("No session was started.");
    let after = fs::read_to_string(&group_file).expect("group.toml");
    assert_eq!(after, before, "group.toml changed");
}

/// A session that ended before its rules were made the group's (a crash, say): `group show`
/// says the rules in force are pending, and the next start makes them the group's, saved before
/// it says so, so the message and the file agree even if the facilitator then quits.
#[test]
fn rules_left_over_by_a_crash_are_saved_when_said_at_the_next_start() {
    let (_tmp, root) = data();
    let (_, group_file) = new_group(&root);
    let old = fs::read_to_string(&group_file).expect("group.toml");
    let input = format!("key G a\ntype {RULE}\nkey enter esc q y q\n");
    script(&root, &["--group", GROUP], &input);
    // As if the session had ended in a crash before its rules were saved as the group's.
    fs::write(&group_file, &old).expect("group.toml as it was");
    let shown = cli(&root, &["group", "show", GROUP]);
    assert!(
        shown.contains("saved as the group's at its next start") && shown.contains(RULE),
        "{shown}"
    );
    let (tmux, _) = prepare(&root);
    tmux.wait_for("are now the group's, version 1");
    tmux.key("Escape");
    tmux.wait_for("No session was started.");
    let after = fs::read_to_string(&group_file).expect("group.toml");
    assert!(
        after.contains("rules_version = 1") && after.contains(RULE),
        "{after}"
    );
}

/// `g` shows the rule the group added, and the session ends and is finished: the farewell.
fn rules_show_the_new_one_then_end(tmux: Tmux) -> String {
    tmux.key("g");
    tmux.wait_all(&["Our ground rules", &format!("6. {RULE}")]);
    tmux.escape();
    tmux.wait_gone("Our ground rules");
    // A group's review asks its end checklist before it is finished: the first item ticked.
    tmux.key("q");
    tmux.wait_for("End the session?");
    tmux.key("y");
    tmux.wait_for("holdspace · review");
    tmux.key("q");
    tmux.wait_all(&["Before you go · 0 of 3", "▸ [ ] Nobody left on their own"]);
    tmux.key("Space");
    tmux.wait_for("Before you go · 1 of 3");
    tmux.key("Enter");
    tmux.wait_for("Log saved to")
}

/// On the real binary, `h` at home shows the group's history as charts, and Esc goes back.
#[test]
fn h_at_home_charts_the_groups_history_and_esc_goes_back() {
    let (_tmp, root) = data();
    new_group(&root);
    script(&root, &["--group", GROUP], "key q y q\n");
    let tmux = Tmux::start(100, 30, &pane(&root, "", false));
    tmux.wait_for("holdspace · groups");
    tmux.key("h");
    tmux.wait_all(&[
        "· history",
        "people attending, 1 session(s)",
        "members' feedback",
        "none saved yet",
    ]);
    tmux.escape();
    tmux.wait_for("holdspace · groups");
}

/// With a group saved, `rehearse` naming its plan or its people starts the rehearsal at once,
/// and plain `rehearse` still opens on the list of groups.
#[test]
fn rehearse_with_a_plan_or_people_starts_at_once_even_with_groups_saved() {
    for extra in ["--plan peer-support-60", "--participant Ana"] {
        let (_tmp, root) = data();
        new_group(&root);
        let tmux = Tmux::start(120, 40, &rehearse(&root, extra));
        let screen = tmux.wait_for("REHEARSAL");
        assert!(!screen.contains("holdspace · groups"), "{extra}:\n{screen}");
    }
    let (_tmp, root) = data();
    new_group(&root);
    let tmux = Tmux::start(120, 40, &rehearse(&root, ""));
    tmux.wait_for("holdspace · groups");
}

/// An archived group is not on the home screen; the others are.
#[test]
fn the_home_screen_leaves_out_an_archived_group() {
    let (_tmp, root) = data();
    new_group(&root);
    cli(&root, &["group", "new", "Old group"]);
    cli(&root, &["group", "archive", "Old group"]);
    let tmux = Tmux::start(100, 30, &pane(&root, "", false));
    let screen = tmux.wait_all(&["holdspace · groups", GROUP]);
    assert!(!screen.contains("Old group"), "{screen}");
}
