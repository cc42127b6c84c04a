//! Saved groups: the golden good and bad group files, saving and finding groups in a data
//! folder, when a group next meets, and what a group brings to its next session (a fresh
//! ice-breaker prompt, and the rules it changed last time as its own next version).

use crate::fixture;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use fixture::group::{loaded, session_on};
use fixture::{Run, at, data_dir, golden, meta, started};
use holdspace::domain::checklist::Setting;
use holdspace::domain::group::{GROUP_VERSION, Group};
use holdspace::domain::plan::Kind;
use holdspace::domain::{Command, EventKind};
use holdspace::session::group::{carry_rules, plan_for};
use holdspace::store::groups::{self, CreateError, FindError, GROUP_FILE, Stored};
use holdspace::store::log::{Loaded, SessionLog};
use holdspace::store::paths::DataDir;
use holdspace::store::toml_file::FileError;
use proptest::prelude::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// A message from `groups::load` with the package folder left off, as `.expected` files hold it.
fn relative(message: &str) -> String {
    message.replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), "")
}

#[test]
fn every_good_group_loads_and_saves_back_the_same() {
    let good = golden::files("groups/good", "toml");
    assert!(good.len() >= 4, "the good groups are missing: {good:?}");
    let (_tmp, dir) = data_dir();
    for path in &good {
        let group = groups::load(path).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(group.validate(), Ok(()), "{}", path.display());
        let folder = dir.groups_dir().join(path.file_stem().expect("a file name"));
        fs::create_dir_all(&folder).expect("the group's folder");
        let stored = Stored { folder, group };
        stored.save(&dir).expect("the group is saved");
        let again = groups::load(&stored.file()).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            again,
            stored.group,
            "{} changed on the way through save",
            path.display()
        );
    }
}

/// What each good group is there to show, so a reader that drops a field cannot pass.
#[test]
fn good_groups_hold_what_they_say() {
    let group = |name: &str| {
        groups::load(&golden::path("groups/good").join(name)).unwrap_or_else(|err| panic!("{err}"))
    };
    let minimal = group("minimal.toml");
    assert_eq!(
        (
            &minimal.day,
            &minimal.time,
            minimal.setting,
            minimal.rules_version
        ),
        (&None, &None, Setting::InPerson, 0)
    );
    assert!(minimal.place.is_empty() && minimal.ground_rules.is_empty());
    assert_eq!(minimal.when_and_where(), "no day set, in-person");

    let full = group("full.toml");
    assert_eq!(full.schema_version, GROUP_VERSION);
    assert_eq!(
        (full.setting, full.capacity, full.rules_version),
        (Setting::Online, 12, 3)
    );
    assert_eq!(full.co_facilitator, "Sam");
    assert_eq!(
        full.messages.sender().map(|from| from.email.to_string()),
        Some("sam.jones@example.org".to_owned())
    );
    assert!(full.messages.referrer.contains("{updates}"));
    assert_eq!(full.feedback_interval(), 6);
    assert!(full.outreach.for_whom.starts_with("Adults with"));
    assert!(full.outreach.about.ends_with("Nobody has to speak."));
    assert!(full.outreach.contact.contains("020 7946 0000"));
    assert!(full.outreach.accessibility.starts_with("Captions"));
    assert_eq!(full.outreach.start_date(), NaiveDate::from_ymd_opt(2027, 1, 12));
    assert_eq!(
        full.outreach.refer_target().as_deref(),
        Some("https://example.org/refer/tuesday")
    );
    assert_eq!(
        full.ground_rules,
        ["What is said here stays here.", "One voice at a time."]
    );
    assert_eq!(full.checklist.len(), 2);
    assert_eq!(
        full.when_and_where(),
        "tuesdays at 18:30, https://meet.example.org/tuesday (online)"
    );

    let unicode = group("unicode.toml");
    assert_eq!((unicode.name.as_str(), unicode.capacity), ("心の会", 100));
    assert_eq!(unicode.ground_rules[1], "מה שנאמר כאן נשאר כאן");
    // "Sunday" as written is read whatever its case.
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date");
    let next = unicode.next_meeting(friday.and_time(NaiveTime::MIN));
    assert_eq!(
        next.map(|at| (at.weekday(), at.time().to_string())),
        Some((Weekday::Sun, "09:05:00".to_owned()))
    );

    let short = group("short-day.toml");
    assert!(short.checklist.is_empty());
    assert_eq!(
        short.next_meeting(friday.and_time(NaiveTime::MIN)),
        None,
        "no time, no meeting"
    );
}

/// For each bad group, what its message must say besides the file and the line: the field, and
/// what would be valid. Where toml's own words are all there is (a value of the wrong type, a
/// file that is not TOML) they are held to those.
const BAD: [(&str, &[&str]); 18] = [
    ("bad-time", &["time: ", "use HH:MM"]),
    ("capacity-101", &["capacity: ", "use 1 to 100"]),
    ("capacity-negative", &["`-3`", "expected u32"]),
    ("capacity-zero", &["capacity: ", "use 1 to 100"]),
    ("empty-checklist-entry", &["checklist: ", "entry 2 is empty"]),
    ("empty-ground-rule", &["ground_rules: ", "entry 2 is empty"]),
    ("empty-name", &["name: ", "1 to 60 characters"]),
    (
        "feedback-every-zero",
        &["line 6: feedback_every: ", "use 1 to 52"],
    ),
    ("future-schema-version", &["schema_version 4", "update holdspace"]),
    (
        "message-from-not-an-address",
        &["messages.from: ", "\"Sam Jones <sam.jones@example.org>\""],
    ),
    (
        "message-unknown-placeholder",
        &[
            "messages.reminder: ",
            "{name} is not a placeholder here",
            "{group}, {day}",
        ],
    ),
    ("missing-capacity", &["`capacity`"]),
    ("not-toml", &["expected `=`"]),
    (
        "outreach-refer-not-a-link",
        &[
            "line 10: outreach.refer: ",
            "a web link (https://…) or an e-mail address",
        ],
    ),
    (
        "outreach-start-not-a-date",
        &["line 9: outreach.starts: ", "use YYYY-MM-DD"],
    ),
    ("unknown-day", &["day: ", "use monday to sunday"]),
    (
        "unknown-field",
        &["`colour`", "expected one of `schema_version`, `name`"],
    ),
    // The field is not named: see `an_unknown_setting_names_the_setting_field`.
    (
        "unknown-setting",
        &["`hybrid`", "expected `in-person` or `online`"],
    ),
];

/// Each bad group fails to load with the message in its snapshot, which starts with the file and
/// the line, and says what `BAD` says it must.
#[test]
fn every_bad_group_fails_with_its_message() {
    let bad = golden::files("groups/bad", "toml");
    let names: Vec<String> = bad
        .iter()
        .map(|path| path.file_stem().expect("a name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        BAD.map(|(name, _)| name),
        "every bad group has its row in BAD"
    );
    for (path, (_, wanted)) in bad.iter().zip(BAD) {
        let message = match groups::load(path) {
            Ok(group) => panic!("{} loaded: {group:?}", path.display()),
            Err(err) => relative(&err.to_string()),
        };
        let file = relative(&path.display().to_string());
        assert!(message.starts_with(&format!("{file}: line ")), "{message}");
        for wanted in wanted {
            assert!(
                message.contains(wanted),
                "{file}: {wanted:?} is not in {message:?}"
            );
        }
        let name = path.file_name().expect("a name").to_string_lossy();
        insta::assert_snapshot!(format!("every_bad_group_fails_with_its_message@{name}"), message);
    }
    golden::assert_each_snapshot_has_its_input(
        "groups",
        "every_bad_group_fails_with_its_message",
        "groups/bad",
    );
}

/// A plan's unknown `kind` is named as the field it is (toml does not name it); a group's
/// unknown `setting` should be too, as every other bad field is.
#[test]
fn an_unknown_setting_names_the_setting_field() {
    let err = groups::load(&golden::path("groups/bad/unknown-setting.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 3: setting: unknown variant `hybrid`"), "{err}");
}

/// The line named is the one to fix, not the first line of the file.
#[test]
fn a_validation_error_names_the_line_of_its_field() {
    for (name, line) in [
        ("capacity-101", 5),
        ("unknown-day", 3),
        ("empty-checklist-entry", 5),
        ("message-unknown-placeholder", 10),
        ("message-from-not-an-address", 8),
    ] {
        match groups::load(&golden::path("groups/bad").join(format!("{name}.toml"))) {
            Err(FileError::Text { error, .. }) => assert_eq!(error.line, Some(line), "{name}: {error}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// A group file written by a newer holdspace may hold a field this one has never heard of: it
/// should be told to update, as it is when the newer file holds only known fields.
#[test]
fn a_newer_group_file_with_a_new_field_says_update_holdspace() {
    let text = "schema_version = 4\nname = \"Tuesday group\"\ncapacity = 8\nplan = \"peer-support-90\"\n\
                checklist = []\nreminder_hours = 24\n";
    let err = groups::parse(text).unwrap_err().to_string();
    assert!(err.contains("newer") && err.contains("update holdspace"), "{err}");
}

/// `thu` is a day the group file takes (as `group new --day Thu` stores it): it meets on
/// Thursdays, and should be shown so.
#[test]
fn a_day_written_short_is_shown_in_full() {
    let group = Group {
        day: Some("thu".to_owned()),
        time: Some("18:30".to_owned()),
        ..Group::new("Thursday group", Setting::InPerson, 8, "peer-support-90")
    };
    assert_eq!(group.validate(), Ok(()));
    assert_eq!(group.when_and_where(), "thursdays at 18:30, in-person");
}

fn tuesday(name: &str) -> Group {
    Group::new(name, Setting::InPerson, 8, "peer-support-90")
}

fn create(dir: &DataDir, name: &str) -> Stored {
    groups::create(dir, tuesday(name)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn folder_name(stored: &Stored) -> String {
    stored
        .folder
        .file_name()
        .expect("a folder name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn create_refuses_a_name_saved_already_in_any_case() {
    let (_tmp, dir) = data_dir();
    create(&dir, "Tuesday group");
    for again in ["TUESDAY GROUP", "tuesday group", "  Tuesday group "] {
        let err = groups::create(&dir, tuesday(again)).unwrap_err();
        assert!(matches!(err, CreateError::Taken { .. }), "{again:?}: {err}");
    }
    let (found, problems) = groups::list(&dir);
    assert_eq!((found.len(), problems.len()), (1, 0), "{found:?}");
}

#[test]
fn names_with_the_same_slug_get_folders_of_their_own() {
    let (_tmp, dir) = data_dir();
    let first = create(&dir, "Tuesday group");
    let second = create(&dir, "Tuesday-group!");
    let third = create(&dir, "tuesday  GROUP?");
    assert_eq!(
        [&first, &second, &third].map(folder_name),
        ["tuesday-group", "tuesday-group-2", "tuesday-group-3"]
    );
    for stored in [first, second, third] {
        let found = groups::find(&dir, &stored.group.name).expect("found by its name");
        assert_eq!(found, stored);
    }
}

#[test]
fn a_name_of_only_non_ascii_characters_is_saved_and_found() {
    let (_tmp, dir) = data_dir();
    let japanese = create(&dir, "心の会");
    let arabic = create(&dir, "مجموعة الدعم");
    assert_eq!([&japanese, &arabic].map(folder_name), ["group", "group-2"]);
    assert!(
        fs::read_to_string(japanese.file())
            .expect("the file")
            .contains("name = \"心の会\"")
    );
    assert_eq!(groups::find(&dir, "心の会").expect("found"), japanese);
    assert_eq!(groups::find(&dir, "مجموعة الدعم").expect("found"), arabic);
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn group_files_are_private_to_their_owner() {
    let (_tmp, dir) = data_dir();
    let stored = create(&dir, "Tuesday group");
    assert_eq!(mode(&dir.groups_dir()), 0o700);
    assert_eq!(mode(&stored.folder), 0o700);
    assert_eq!(mode(&stored.file()), 0o600);
    // Saved again, it is a new file, made private again.
    stored.save(&dir).expect("saved again");
    assert_eq!(mode(&stored.file()), 0o600);
}

/// A group folder copied in by hand (`cp -r` under umask 022) is as open as the copy made it;
/// every start checks the data folder's modes, and should close this one too.
#[test]
fn a_group_folder_copied_in_open_is_tightened_at_the_next_start() {
    let (_tmp, dir) = data_dir();
    let stored = create(&dir, "Tuesday group");
    fs::set_permissions(&stored.folder, fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::set_permissions(stored.file(), fs::Permissions::from_mode(0o644)).expect("chmod");
    let (_, tightened) = DataDir::open(dir.root()).expect("the data folder opens");
    let modes = format!("{:o} {:o}", mode(&stored.folder), mode(&stored.file()));
    assert_eq!(modes, "700 600", "tightened: {tightened:?}");
}

#[test]
fn finding_an_unknown_group_lists_the_saved_ones() {
    let (_tmp, dir) = data_dir();
    let err = groups::find(&dir, "Nope").unwrap_err().to_string();
    assert!(err.contains("there are no saved groups yet"), "{err}");
    assert!(err.contains("`holdspace group new NAME`"), "{err}");

    create(&dir, "Tuesday group");
    create(&dir, "心の会");
    // A name that would steer the terminal is never saved, so it is never listed.
    let refused = groups::create(&dir, tuesday("\x1b]0;owned\x07Sneaky")).unwrap_err();
    assert!(
        refused.to_string().starts_with("name: holds a control character"),
        "{refused}"
    );
    let err = groups::find(&dir, "Wednesday\x1b[2J group")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("the saved groups are \"Tuesday group\", \"心の会\""),
        "{err}"
    );
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
}

/// A name edited by hand with a space at its end reads as the same name everywhere else
/// (`sessions_of` trims both sides), so `find` should still find it.
#[test]
fn a_saved_name_with_a_trailing_space_is_still_found() {
    let (_tmp, dir) = data_dir();
    let stored = create(&dir, "Tuesday group");
    let text = fs::read_to_string(stored.file()).expect("the file");
    fs::write(
        stored.file(),
        text.replace("\"Tuesday group\"", "\"Tuesday group \""),
    )
    .expect("edited");
    assert!(groups::find(&dir, "Tuesday group").is_ok());
    assert!(
        groups::create(&dir, tuesday("Tuesday group")).is_err(),
        "a second one was saved"
    );
}

#[test]
fn a_broken_group_file_is_reported_and_the_others_still_load() {
    let (_tmp, dir) = data_dir();
    create(&dir, "Tuesday group");
    create(&dir, "Thursday group");
    let broken = dir.groups_dir().join("broken");
    fs::create_dir_all(&broken).expect("a folder");
    fs::copy(
        golden::path("groups/bad/capacity-zero.toml"),
        broken.join(GROUP_FILE),
    )
    .expect("copied");
    // A folder without a group file (a roster left behind, say) is not a group, nor a problem.
    fs::create_dir_all(dir.groups_dir().join("empty")).expect("a folder");

    let (found, problems) = groups::list(&dir);
    let names: Vec<&str> = found.iter().map(|stored| stored.group.name.as_str()).collect();
    assert_eq!(names, ["Thursday group", "Tuesday group"], "sorted by name");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let file = broken.join(GROUP_FILE).display().to_string();
    assert!(
        problems[0].starts_with(&format!("{file}: line 3: capacity: ")),
        "{problems:?}"
    );

    assert!(groups::find(&dir, "tuesday GROUP").is_ok());
    let err = groups::find(&dir, "Nope").unwrap_err().to_string();
    assert!(
        err.contains("\"Thursday group\", \"Tuesday group\"") && err.contains(&file),
        "{err}"
    );
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

proptest! {
    /// The next meeting is the first moment at or after `now` on the group's day at its time.
    #[test]
    fn the_next_meeting_is_on_its_day_at_its_time_within_a_week(
        days in 0u64..60_000,
        second in 0u32..86_400,
        day in prop::sample::select(WEEKDAYS.to_vec()),
        spelt in prop::sample::select(vec!["full", "short", "upper"]),
        hour in 0u32..24,
        minute in 0u32..60,
    ) {
        let start = NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date");
        let now: NaiveDateTime = (start + Days::new(days))
            .and_time(NaiveTime::from_num_seconds_from_midnight_opt(second, 0).expect("a time"));
        let name = match spelt {
            "full" => format!("{day:?}").to_lowercase(),
            "short" => day.to_string(),
            _ => format!("{day:?}").to_uppercase(),
        };
        let time = NaiveTime::from_hms_opt(hour, minute, 0).expect("a time");
        let group = Group {
            day: Some(name),
            time: Some(time.format("%H:%M").to_string()),
            ..tuesday("Any group")
        };
        prop_assert_eq!(group.validate(), Ok(()));
        let next = group.next_meeting(now);
        prop_assert!(next.is_some(), "{:?} {:?}: no next meeting", group.day, now);
        let next = next.expect("a meeting");
        prop_assert_eq!(next.weekday(), day);
        prop_assert_eq!(next.time(), time);
        prop_assert!(next >= now, "{} is before {}", next, now);
        prop_assert!(next - now < TimeDelta::days(7), "{} is a week or more after {}", next, now);
    }
}

/// A group whose plan has two ice-breakers, pools of three and of five, and a closing round.
fn icebreaking(tmp: &Path, dir: &DataDir) -> Stored {
    let plan = tmp.join("two-ice-breakers.toml");
    fs::write(
        &plan,
        r#"name = "Two ice-breakers"

[[items]]
title = "Warm-up"
kind = "ice-breaker"
minutes = 5
prompts = ["A1", "A2", "A3"]

[[items]]
title = "Second round"
kind = "ice-breaker"
minutes = 10
prompts = ["B1", "B2", "B3", "B4", "B5"]

[[items]]
title = "Closing"
kind = "closing"
minutes = 10
"#,
    )
    .expect("the plan is written");
    let plan = plan.display().to_string();
    groups::create(dir, Group::new("Tuesday group", Setting::InPerson, 8, &plan)).expect("saved")
}

/// The prompt drawn for each ice-breaker of a session's plan, in agenda order.
fn drawn(log: &SessionLog) -> Vec<String> {
    let Some(EventKind::Started(meta)) = log.events.first().map(|event| &event.kind) else {
        panic!("the log does not start with its plan: {:?}", log.events.first());
    };
    meta.plan
        .items
        .iter()
        .filter(|item| item.kind == Kind::IceBreaker)
        .map(|item| {
            assert_eq!(item.prompts.len(), 1, "one prompt is drawn: {item:?}");
            item.prompts[0].clone()
        })
        .collect()
}

#[test]
fn ice_breaker_prompts_never_repeat_until_every_one_was_asked() {
    let (tmp, dir) = data_dir();
    let stored = icebreaking(tmp.path(), &dir);
    let mut history: Vec<Loaded> = Vec::new();
    for week in 0..20 {
        let chosen = plan_for(&stored, None, &logs(&history)).expect("the group's plan");
        assert_eq!(chosen.plan.group, "Tuesday group");
        history.extend(loaded([session_on(chosen.plan, "Tuesday group", week, &[])]));
    }
    let asked: Vec<Vec<String>> = history.iter().map(|loaded| drawn(&loaded.log)).collect();
    for (item, pool) in [["A1", "A2", "A3"].as_slice(), &["B1", "B2", "B3", "B4", "B5"]]
        .into_iter()
        .enumerate()
    {
        let run: Vec<&str> = asked.iter().map(|prompts| prompts[item].as_str()).collect();
        for (week, prompt) in run.iter().enumerate() {
            assert!(pool.contains(prompt), "{prompt} is not in {pool:?}");
            let recent = &run[week.saturating_sub(pool.len() - 1)..week];
            assert!(
                !recent.contains(prompt),
                "week {week}: {prompt} again before the rest of {pool:?} were asked: {run:?}"
            );
        }
    }
}

#[test]
fn the_groups_own_rules_and_a_plan_asked_for_go_into_its_next_plan() {
    let (tmp, dir) = data_dir();
    let mut stored = icebreaking(tmp.path(), &dir);
    let chosen = plan_for(&stored, None, &[]).expect("the group's plan");
    assert_eq!(chosen.plan.name, "Two ice-breakers");
    assert!(
        chosen.plan.ground_rules.is_empty(),
        "the plan has none, nor the group yet"
    );
    stored.group.ground_rules = vec!["One voice at a time.".to_owned()];
    let chosen = plan_for(&stored, Some("peer-support-60"), &[]).expect("a template");
    let mut template = holdspace::store::plans::load("peer-support-60")
        .expect("a template")
        .plan;
    template.draw_prompts(&[]);
    assert_eq!(chosen.plan.items, template.items);
    assert_eq!(
        (chosen.plan.group.as_str(), chosen.plan.ground_rules.as_slice()),
        ("Tuesday group", stored.group.ground_rules.as_slice())
    );

    stored.group.plan = tmp.path().join("gone.toml").display().to_string();
    let err = plan_for(&stored, None, &[]).unwrap_err().to_string();
    assert!(
        err.contains("gone.toml") && err.contains(&stored.file().display().to_string()),
        "{err}"
    );
}

/// A finished session of the Tuesday group that started on rules `version` and made each of
/// `edits` to its ground rules in turn.
fn edited(version: Option<u32>, edits: &[&[&str]]) -> Loaded {
    let mut meta = meta("edits");
    meta.plan.group = "Tuesday group".to_owned();
    meta.rules_version = version;
    let mut run = Run::begin(started(meta));
    for (minute, edit) in (1..).zip(edits) {
        run.record(EventKind::RulesEdited { rules: rules(edit) }, at(minute, 0));
    }
    run.run(Command::End, at(90, 0));
    let log = SessionLog::of(&run.s, &run.events).expect("the session ended");
    loaded([log]).remove(0)
}

/// The logs of `history`, as the group's session history is passed around.
fn logs(history: &[Loaded]) -> Vec<&SessionLog> {
    history.iter().map(|loaded| &loaded.log).collect()
}

fn rules(rules: &[&str]) -> Vec<String> {
    rules.iter().map(|rule| (*rule).to_owned()).collect()
}

const OURS: &[&str] = &["What is said here stays here.", "One voice at a time."];

#[test]
fn rules_edited_in_the_latest_session_become_the_groups_next_version_once() {
    let (_tmp, dir) = data_dir();
    let mut stored = create(&dir, "Tuesday group");
    let history = [edited(Some(0), &[&["First try"], OURS])];

    let said = carry_rules(&mut stored, &logs(&history)).expect("the rules are carried over");
    assert!(said.contains("version 1") && said.contains("edits"), "{said}");
    assert_eq!(
        (stored.group.rules_version, stored.group.ground_rules.clone()),
        (1, rules(OURS))
    );
    // Nothing is saved until the session the rules are carried into starts.
    assert_eq!(
        groups::load(&stored.file()).map(|group| group.rules_version).ok(),
        Some(0)
    );

    // The same history again: the session started on version 0, which is not the group's now.
    let before = stored.clone();
    assert_eq!(carry_rules(&mut stored, &logs(&history)), None);
    assert_eq!(stored, before);

    // Its next session starts on version 1 and changes them again: version 2.
    let history = [
        edited(Some(0), &[OURS]),
        edited(Some(1), &[&["One voice at a time."]]),
    ];
    assert!(carry_rules(&mut stored, &logs(&history)).is_some());
    assert_eq!(
        (stored.group.rules_version, stored.group.ground_rules.clone()),
        (2, rules(&["One voice at a time."]))
    );
}

#[test]
fn rules_are_carried_only_from_an_edit_in_the_latest_session_on_the_current_version() {
    let cases: [(&str, Vec<Loaded>); 5] = [
        ("no sessions", Vec::new()),
        (
            "the latest session edited nothing",
            vec![edited(Some(0), &[OURS]), edited(Some(0), &[])],
        ),
        ("it started on an older version", vec![edited(Some(1), &[OURS])]),
        (
            "it was not started as a group's session",
            vec![edited(None, &[OURS])],
        ),
        (
            "it edited them back to the group's own",
            vec![edited(Some(2), &[&["Be kind."], &["Kept"]])],
        ),
    ];
    for (why, history) in cases {
        let (_tmp, dir) = data_dir();
        let mut stored = create(&dir, "Tuesday group");
        stored.group.rules_version = 2;
        stored.group.ground_rules = vec!["Kept".to_owned()];
        stored.save(&dir).expect("saved");
        let before = stored.clone();
        assert_eq!(carry_rules(&mut stored, &logs(&history)), None, "{why}");
        assert_eq!(stored, before, "{why}");
    }
}

/// A group whose file is broken is found as broken, by the name it gives or, when not even that
/// can be read, by its folder; any other name is still unknown, and is not stopped by it.
#[test]
fn item10_a_group_whose_file_is_broken_is_found_broken_not_unknown() {
    let (_tmp, dir) = data_dir();
    let capacity = create(&dir, "Tuesday group");
    let text = fs::read_to_string(capacity.file()).expect("the file");
    fs::write(capacity.file(), text.replace("capacity = 8", "capacity = 0")).expect("edited");
    let syntax = create(&dir, "Thursday group");
    fs::write(syntax.file(), "name = = \"Thursday group\"\n").expect("edited");

    for (name, stored) in [("tuesday GROUP", &capacity), ("Thursday group", &syntax)] {
        match groups::find(&dir, name) {
            Err(FindError::Broken(problem)) => {
                let file = stored.file().display().to_string();
                assert!(problem.starts_with(&format!("{file}: line ")), "{problem}");
            }
            other => panic!("{name}: {other:?}"),
        }
        let err = groups::create(&dir, tuesday(name)).unwrap_err();
        assert!(matches!(err, CreateError::TakenBroken { .. }), "{name}: {err}");
    }
    assert!(matches!(groups::find(&dir, "Nope"), Err(FindError::Unknown(_))));
}
