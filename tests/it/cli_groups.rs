//! `holdspace group new/list/show`, `roster GROUP …` and `script --group` on the built binary:
//! what each prints, the files it leaves, what it refuses and how it says so, and the session a
//! saved group starts.

use crate::common;

use common::{
    assert_private, confirmed, data, fails, files_ending, holdspace, meeting_tomorrow, ok, only_log,
    read_json, run, run_with_input, script,
};
use holdspace::domain::plan::Kind;
use holdspace::domain::{EventKind, SessionMeta};
use holdspace::store::groups::{self, GROUP_FILE};
use holdspace::store::log::SessionLog;
use holdspace::store::paths::DataDir;
use holdspace::store::plans::{self, TEMPLATES};
use mailparse::MailHeaderMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Saves the Tuesday group: Tuesdays at 18:30 in Room 4, eight places, the 60-minute plan.
fn tuesday(root: &Path) -> String {
    ok(
        root,
        &[
            "group",
            "new",
            "Tuesday group",
            "--day",
            "Tuesday",
            "--time",
            "18:30",
            "--place",
            "Room 4",
            "--capacity",
            "8",
            "--plan",
            "peer-support-60",
        ],
    )
}

fn group_file(root: &Path, folder: &str) -> PathBuf {
    root.join("groups").join(folder).join(GROUP_FILE)
}

/// The folders under `groups/`: none when nothing was saved.
fn saved_groups(root: &Path) -> usize {
    fs::read_dir(root.join("groups")).map_or(0, |entries| {
        entries.flatten().filter(|entry| entry.path().is_dir()).count()
    })
}

#[test]
fn group_new_says_where_it_saved_and_how_to_start_the_group() {
    let (_tmp, root) = data();
    let said = tuesday(&root);
    let file = group_file(&root, "tuesday-group");
    assert!(
        said.starts_with(&format!(
            "Saved the group \"Tuesday group\" in {}.\n",
            file.display()
        )),
        "{said}"
    );
    assert!(
        said.contains("  meets          tuesdays at 18:30, Room 4 (in-person)\n"),
        "{said}"
    );
    assert!(
        said.ends_with("Start its next session with: holdspace --group \"Tuesday group\"\n"),
        "{said}"
    );

    let group = groups::load(&file).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        (
            group.day.as_deref(),
            group.time.as_deref(),
            group.capacity,
            group.plan.as_str()
        ),
        (Some("tuesday"), Some("18:30"), 8, "peer-support-60")
    );
    assert_private(&root);

    let err = fails(&run(holdspace(&root).args(["group", "new", "TUESDAY GROUP"]))).to_owned();
    assert!(
        err.contains("a group called \"TUESDAY GROUP\" is saved already"),
        "{err}"
    );
    assert_eq!(saved_groups(&root), 1);
}

#[test]
fn group_list_shows_each_group_and_reports_a_broken_one() {
    let (_tmp, root) = data();
    let said = ok(&root, &["group", "list"]);
    assert_eq!(said, "No saved groups. `holdspace group new NAME` saves one.\n");

    tuesday(&root);
    ok(
        &root,
        &["group", "new", "Online circle", "--online", "--capacity", "12"],
    );
    let broken = group_file(&root, "broken");
    fs::create_dir_all(broken.parent().expect("a folder")).expect("a folder");
    fs::write(&broken, "name = \"Broken\"\ncapacity = \"many\"\n").expect("written");

    let out = run(holdspace(&root).args(["group", "list"]));
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "Online circle                  no day set, online · 12 places",
            "Tuesday group                  tuesdays at 18:30, Room 4 (in-person) · 8 places",
        ]
    );
    assert!(
        out.stderr
            .contains(&format!("holdspace: {}: line 2: ", broken.display())),
        "{out:?}"
    );
}

#[test]
fn group_show_prints_the_ground_rules_and_the_checklist() {
    let (_tmp, root) = data();
    tuesday(&root);
    let shown = ok(&root, &["group", "show", "tuesday GROUP"]);
    let plan = plans::template("peer-support-60").expect("a template").plan;
    assert!(
        shown.starts_with("Tuesday group\n  meets          tuesdays at 18:30"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "  places         8\n  plan           peer-support-60\n  feedback       a members' \
             round every 4 sessions\n  sessions       0 saved\n"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Ground rules (the plan's, until the group agrees its own):\n"),
        "{shown}"
    );
    for (number, rule) in plan.ground_rules.iter().enumerate() {
        assert!(shown.contains(&format!("  {}. {rule}\n", number + 1)), "{shown}");
    }
    assert!(
        shown.contains("Preparation checklist:\n  ☐ Arrive 20–30 minutes early\n"),
        "{shown}"
    );
    assert!(
        shown.contains("  ☐ Ground rules to hand\nBefore leaving, in the review:\n"),
        "{shown}"
    );
    assert!(shown.ends_with("  ☐ Follow-ups written down\n"), "{shown}");

    // Once the group has rules of its own, those show, with their version.
    let (dir, _) = DataDir::open(&root).expect("the data folder opens");
    let mut stored = groups::find(&dir, "Tuesday group").expect("the group");
    stored.group.rules_version = 2;
    stored.group.ground_rules = vec!["One voice at a time.".to_owned(), "\x1b[2JNo phones.".to_owned()];
    stored.save(&dir).expect("saved");
    let shown = ok(&root, &["group", "show", "Tuesday group"]);
    assert!(
        shown.contains("Ground rules (version 2):\n  1. One voice at a time.\n  2. \u{fffd}[2JNo phones.\n"),
        "{shown:?}"
    );
}

#[test]
fn bad_day_time_or_capacity_is_refused_naming_the_field() {
    let (_tmp, root) = data();
    for (flag, value, wanted) in [
        (
            "--day",
            "someday",
            "day: \"someday\" is not a day; use monday to sunday",
        ),
        ("--time", "7pm", "time: \"7pm\" is not a time; use HH:MM"),
        ("--time", "24:00", "time: \"24:00\" is not a time; use HH:MM"),
        (
            "--capacity",
            "0",
            "capacity: 0 places is out of range; use 1 to 100",
        ),
        (
            "--capacity",
            "101",
            "capacity: 101 places is out of range; use 1 to 100",
        ),
        (
            "--capacity",
            "many",
            "invalid value 'many' for '--capacity <CAPACITY>'",
        ),
    ] {
        let out = run(holdspace(&root).args(["group", "new", "Tuesday group", flag, value]));
        let err = fails(&out);
        assert!(err.contains(wanted), "{flag} {value}: {err}");
    }
    assert_eq!(saved_groups(&root), 0, "nothing was saved");
}

#[test]
fn group_new_with_an_unknown_plan_is_refused_naming_the_templates() {
    let (_tmp, root) = data();
    let out = run(holdspace(&root).args(["group", "new", "Tuesday group", "--plan", "peer-support-45"]));
    let err = fails(&out);
    assert!(err.contains("plan peer-support-45"), "{err}");
    for template in &TEMPLATES {
        assert!(err.contains(template.name), "{err}");
    }
    assert_eq!(saved_groups(&root), 0, "nothing was saved");
}

#[test]
fn roster_of_an_unknown_group_lists_the_saved_ones() {
    let (_tmp, root) = data();
    let out = run(holdspace(&root).args(["roster", "Tuesday group", "list"]));
    assert!(fails(&out).contains("there are no saved groups yet"), "{out:?}");

    tuesday(&root);
    ok(&root, &["group", "new", "Online circle", "--online"]);
    let out = run(holdspace(&root).args(["roster", "Wednesday group", "add", "Ana", "--referred-by", "GP"]));
    let err = fails(&out);
    assert!(
        err.contains("there is no saved group \"Wednesday group\"; the saved groups are \"Online circle\", \"Tuesday group\""),
        "{err}"
    );
    assert!(!root.join("groups/tuesday-group/roster.toml").exists());
}

/// `group new --day Thu --time 9:5` is taken (chrono reads both), and should read back as
/// Thursdays at 09:05; it is shown as "thus at 9:5".
#[test]
fn a_short_day_and_an_unpadded_time_are_shown_in_full() {
    let (_tmp, root) = data();
    ok(
        &root,
        &["group", "new", "Thursday group", "--day", "Thu", "--time", "9:5"],
    );
    let listed = ok(&root, &["group", "list"]);
    assert!(listed.contains("thursdays at 09:05"), "{listed}");
}

/// The `started` event of the only saved session.
fn started_meta(root: &Path) -> SessionMeta {
    let log: SessionLog = serde_json::from_value(only_log(root)).expect("a session log");
    match log.events.into_iter().next().map(|event| event.kind) {
        Some(EventKind::Started(meta)) => *meta,
        other => panic!("the log starts with {other:?}"),
    }
}

#[test]
fn script_with_a_saved_group_starts_its_plan_with_its_confirmed_members() {
    let (_tmp, root) = data();
    tuesday(&root);
    for name in ["Ana", "Ben", "Cy"] {
        ok(
            &root,
            &[
                "roster",
                "Tuesday group",
                "add",
                name,
                "--referred-by",
                "CMHT North",
            ],
        );
    }
    for name in ["Cy", "Ana"] {
        ok(&root, &["roster", "tuesday group", "set", name, "confirmed"]);
    }
    let out = run_with_input(
        holdspace(&root).args(["script", "--group", "TUESDAY GROUP", "--participant", "Zed"]),
        "key q\nkey y\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("started "),
        "no preparation screen comes first: {stdout}"
    );

    let meta = started_meta(&root);
    assert_eq!(
        meta.participants,
        ["Ana", "Cy", "Zed"],
        "confirmed members in roster order, then --participant"
    );
    let mut plan = plans::template("peer-support-60").expect("the group's plan").plan;
    plan.group = "Tuesday group".to_owned();
    plan.draw_prompts(&[]);
    assert_eq!(meta.plan, plan);
    assert_eq!(meta.rules_version, Some(0));
    assert!(meta.checklist.is_empty(), "no checklist was ticked");
}

/// The ice-breaker prompt each session's plan drew.
fn ice_breaker(meta: &SessionMeta) -> String {
    let item = meta.plan.items.iter().find(|item| item.kind == Kind::IceBreaker);
    item.expect("an ice-breaker").prompts.concat()
}

/// Two sessions of a saved group, one after the other: the second draws an ice-breaker the
/// first did not ask, and starts on the rules the first changed, as the group's version 1.
#[test]
fn the_next_session_of_a_group_asks_a_new_ice_breaker_on_the_rules_changed_last_time() {
    let (_tmp, root) = data();
    tuesday(&root);
    let first =
        "key G\nkey a\ntype Tea is in the kitchen.\nkey enter\nkey esc\nkey q\nkey y\nkey q\nkey enter\n";
    for input in [first, "key q\nkey y\nkey q\nkey enter\n"] {
        let out = run_with_input(
            holdspace(&root).args(["script", "--group", "Tuesday group"]),
            input,
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut metas: Vec<SessionMeta> = files_ending(&root.join("sessions"), ".json")
        .iter()
        .map(|path| {
            let log: SessionLog = serde_json::from_value(read_json(path)).expect("a session log");
            match log.events.into_iter().next().map(|event| event.kind) {
                Some(EventKind::Started(meta)) => *meta,
                other => panic!("{} starts with {other:?}", path.display()),
            }
        })
        .collect();
    metas.sort_by_key(|meta| meta.rules_version);
    let [first, second] = metas.as_slice() else {
        panic!("two sessions were expected: {metas:?}");
    };
    assert_ne!(ice_breaker(first), ice_breaker(second));
    assert_eq!((first.rules_version, second.rules_version), (Some(0), Some(1)));
    let tea = "Tea is in the kitchen.".to_owned();
    assert!(!first.plan.ground_rules.contains(&tea) && second.plan.ground_rules.contains(&tea));
    let shown = ok(&root, &["group", "show", "Tuesday group"]);
    assert!(shown.contains("Ground rules (version 1):"), "{shown}");
}

/// A saved group whose file was broken by hand stops the session with what `plan check` would
/// say: the file, the line, the field and what is valid; it is not taken for an unsaved group.
#[test]
fn item10_a_broken_group_file_stops_group_with_the_file_line_field_and_what_is_valid() {
    for (was, broken, said) in [
        (
            "capacity = 8",
            "capacity = 0",
            "capacity: 0 places is out of range; use 1 to 100",
        ),
        (
            "day = \"tuesday\"",
            "day = \"someday\"",
            "day: \"someday\" is not a day; use monday to sunday",
        ),
        // The name cannot be read from a file that is not TOML: its folder says whose it is.
        ("capacity = 8", "capacity = = 8", "capacity"),
    ] {
        let (_tmp, root) = data();
        tuesday(&root);
        let file = group_file(&root, "tuesday-group");
        let text = fs::read_to_string(&file).expect("the group file");
        assert!(text.contains(was), "{text}");
        let text = text.replace(was, broken);
        fs::write(&file, &text).expect("the group file edited");
        let line = text
            .lines()
            .position(|l| l.starts_with(broken))
            .expect("the line")
            + 1;
        let out = run(holdspace(&root).args(["script", "--group", "Tuesday group"]));
        let err = fails(&out);
        assert!(
            err.contains(&format!("{}: line {line}: {said}", file.display())),
            "{broken}: {out:?}"
        );
        assert!(
            files_ending(&root.join("journal"), "").is_empty(),
            "{broken}: a session was started"
        );
        assert_eq!(
            fs::read_to_string(&file).expect("the file"),
            text,
            "left as it was"
        );
    }
}

/// A safeguarding concern flagged in a session stays on `to-contact`, naming whom to pass it to,
/// until it is noted done; a place filled puts the next referral on the waiting list, and its
/// referrer is owed word of it.
#[test]
fn a_concern_flagged_in_a_session_is_owed_until_done_and_referrers_hear_of_the_waiting_list() {
    let (_tmp, root) = data();
    tuesday(&root);
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "add",
            "Ana",
            "--referred-by",
            "Jo Smith, CMHT North",
        ],
    );
    ok(&root, &["roster", "Tuesday group", "set", "Ana", "confirmed"]);
    let said = script(
        &root,
        &["--group", "Tuesday group"],
        "key a\nkey !\ntype worried about housing\nkey enter\nkey esc\nkey q\nkey y\nkey q\nkey enter\n",
    );
    assert!(said.contains("Log saved"), "{said}");
    let owed = ok(&root, &["roster", "Tuesday group", "to-contact"]);
    let today = chrono::Utc::now().date_naive().format("%a %-d %b").to_string();
    assert!(
        owed.contains(&format!(
            "  ⚑ Ana · safeguarding: pass to Jo Smith, CMHT North (worried about housing) · from {today} · today\n"
        )),
        "{owed}"
    );
    let done = ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "done",
            "ana",
            "safeguarding",
            "--note",
            "passed to Jo by phone",
        ],
    );
    assert!(done.starts_with("Done: ana · safeguarding on "), "{done}");
    let owed = ok(&root, &["roster", "Tuesday group", "to-contact"]);
    assert!(!owed.contains("safeguarding"), "{owed}");
    let roster = fs::read_to_string(root.join("groups/tuesday-group/roster.toml")).unwrap();
    assert!(
        roster.contains("[[done]]\nname = \"ana\"\nkind = \"safeguarding\""),
        "{roster}"
    );
    // The handover for Ana's care co-ordinator names her referrer and what was done.
    let id = only_log(&root)["id"].as_str().expect("an ID").to_owned();
    let handover = ok(&root, &["export", &id, "--handover", "Ana"]);
    assert!(
        handover.contains("- Referred by: Jo Smith, CMHT North"),
        "{handover}"
    );
    assert!(
        handover.contains(&format!(
            "| safeguarding | {} | passed to Jo by phone |",
            chrono::Utc::now().date_naive()
        )),
        "{handover}"
    );

    ok(&root, &["group", "new", "Small group", "--capacity", "1"]);
    for name in ["Bo", "Cy"] {
        ok(
            &root,
            &[
                "roster",
                "Small group",
                "add",
                name,
                "--referred-by",
                "Early Intervention",
            ],
        );
    }
    let owed = ok(&root, &["roster", "Small group", "to-contact"]);
    assert!(
        owed.contains("  ✉ Cy · tell Early Intervention: Cy is on the waiting list, number 1 · from "),
        "{owed}"
    );
}

/// The reminder before tomorrow's meeting is drafted as an e-mail a mail client opens ready to
/// send, with every member who has an address in Bcc and nobody in To or Cc; read back with a
/// mail parser. Those drafted for have the reminder noted, so `to-contact` moves on.
#[test]
fn a_reminder_draft_puts_every_member_in_bcc_and_none_in_to_or_cc() {
    let (tmp, root) = data();
    let tomorrow = meeting_tomorrow(&root, "Tuesday group", &["--place", "Room 4"]);
    for (name, email) in [
        ("Ana", Some("ana@example.org")),
        ("Ben", Some("ben@example.org")),
        ("Cy", None),
    ] {
        confirmed(&root, "Tuesday group", name, email);
    }
    let bad =
        run(holdspace(&root).args(["roster", "Tuesday group", "edit", "Ana", "--email", "ana at home"]));
    assert!(
        bad.stderr
            .contains("email \"ana at home\" is not valid: give an e-mail address"),
        "{bad:?}"
    );
    let out = tmp.path().join("drafts");
    fs::create_dir(&out).unwrap();
    let said = ok(
        &root,
        &[
            "message",
            "Tuesday group",
            "reminder",
            "--from",
            "Sam Jones <sam.jones@example.org>",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.contains("to Ana, Ben in Bcc"), "{said}");
    assert!(
        said.contains("No e-mail noted for Cy: call or text them."),
        "{said}"
    );
    let drafts = files_ending(&out, ".eml");
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(
        common::mode(&drafts[0]),
        0o600,
        "a draft is private to the facilitator"
    );
    let bytes = fs::read(&drafts[0]).unwrap();
    let mail = mailparse::parse_mail(&bytes).expect("the draft parses as e-mail");
    let header = |name: &str| mail.headers.get_all_values(name);
    assert_eq!(header("X-Unsent"), ["1"]);
    assert!(
        header("To").is_empty() && header("Cc").is_empty(),
        "{:?}",
        mail.headers
    );
    let bcc =
        mailparse::addrparse_header(mail.headers.get_first_header("Bcc").expect("a Bcc header")).unwrap();
    let addresses: Vec<String> = bcc
        .iter()
        .flat_map(|addr| match addr {
            mailparse::MailAddr::Single(single) => vec![single.addr.clone()],
            mailparse::MailAddr::Group(group) => {
                group.addrs.iter().map(|single| single.addr.clone()).collect()
            }
        })
        .collect();
    assert_eq!(addresses, ["ana@example.org", "ben@example.org"]);
    assert_eq!(header("From"), ["\"Sam Jones\" <sam.jones@example.org>"]);
    let body = mail.get_body().unwrap();
    assert!(
        body.contains(&format!("Tuesday group meets on {tomorrow}")),
        "{body}"
    );
    assert!(
        body.contains("at Room 4") && body.trim_end().ends_with("Sam Jones"),
        "{body}"
    );

    let owed = ok(&root, &["roster", "Tuesday group", "to-contact"]);
    assert!(owed.contains("Cy · reminder: the group meets tomorrow"), "{owed}");
    assert!(
        !owed.contains("Ana · reminder") && !owed.contains("Ben · reminder"),
        "{owed}"
    );
    // The referrer's update goes to the address noted for them, in Bcc too, and is then done.
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "edit",
            "Ben",
            "--referrer",
            "Jo Smith <jo.smith@example.org>",
        ],
    );
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "add",
            "Dee",
            "--referred-by",
            "CMHT North",
        ],
    );
    assert!(
        ok(&root, &["roster", "Tuesday group", "to-contact"])
            .contains("✉ Dee · tell CMHT North: Dee has a place")
    );
    let said = ok(
        &root,
        &[
            "message",
            "Tuesday group",
            "referrer",
            "cmht north",
            "--from",
            "Sam Jones <sam.jones@example.org>",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        said.contains("to Jo Smith <jo.smith@example.org> in Bcc"),
        "{said}"
    );
    let update = fs::read(out.join("tuesday-group-referrer-cmht-north.eml")).unwrap();
    let mail = mailparse::parse_mail(&update).expect("the update parses as e-mail");
    assert!(mail.headers.get_all_values("To").is_empty(), "{:?}", mail.headers);
    assert_eq!(
        mail.headers.get_all_values("Bcc"),
        ["\"Jo Smith\" <jo.smith@example.org>"]
    );
    let body = mail.get_body().unwrap();
    for line in [
        "- Ana: confirmed since ",
        "- Cy: confirmed since ",
        "- Dee: referred since ",
        ", no sessions yet",
    ] {
        assert!(body.contains(line), "{line:?} in {body}");
    }
    let owed = ok(&root, &["roster", "Tuesday group", "to-contact"]);
    assert!(!owed.contains("tell CMHT North"), "{owed}");
    let unknown = run(holdspace(&root).args([
        "message",
        "Tuesday group",
        "referrer",
        "Nobody",
        "--from",
        "S <s@example.org>",
    ]));
    assert!(
        unknown
            .stderr
            .contains("no one on the roster was referred by \"Nobody\"; the referrers are: CMHT North"),
        "{unknown:?}"
    );
}

/// An online group's link goes to every confirmed member in Bcc and each is noted as sent; a
/// welcome goes to the one person it is for, with when and where, and no one else.
#[test]
fn a_link_and_a_welcome_are_drafted_to_whom_they_are_for() {
    let (tmp, root) = data();
    let args = [
        "group",
        "new",
        "Online Thursday",
        "--day",
        "thursday",
        "--time",
        "19:00",
        "--online",
        "--place",
        "https://meet.example.org/thursday",
    ];
    ok(&root, &args);
    for name in ["Ana", "Ben"] {
        let email = format!("{}@example.org", name.to_lowercase());
        ok(
            &root,
            &[
                "roster",
                "Online Thursday",
                "add",
                name,
                "--referred-by",
                "CMHT",
                "--email",
                &email,
            ],
        );
    }
    ok(&root, &["roster", "Online Thursday", "set", "Ana", "confirmed"]);
    let out = tmp.path().join("drafts");
    fs::create_dir(&out).unwrap();
    let from = ["--from", "Sam <sam@example.org>", "-o", out.to_str().unwrap()];
    let said = ok(
        &root,
        &[&["message", "Online Thursday", "link"][..], &from].concat(),
    );
    assert!(said.contains("to Ana in Bcc"), "{said}");
    let roster = fs::read_to_string(root.join("groups/online-thursday/roster.toml")).unwrap();
    assert_eq!(
        roster.matches("link_sent = true").count(),
        1,
        "only Ana's: {roster}"
    );

    ok(
        &root,
        &[&["message", "Online Thursday", "welcome", "ben"][..], &from].concat(),
    );
    let drafts = files_ending(&out, ".eml");
    assert_eq!(drafts.len(), 2, "{drafts:?}");
    for draft in drafts {
        let bytes = fs::read(&draft).unwrap();
        let mail = mailparse::parse_mail(&bytes).expect("a draft parses as e-mail");
        assert!(mail.headers.get_all_values("To").is_empty() && mail.headers.get_all_values("Cc").is_empty());
        let bcc = mail.headers.get_all_values("Bcc");
        let body = mail.get_body().unwrap();
        if draft.to_string_lossy().contains("-link-") {
            assert_eq!(bcc, ["Ana <ana@example.org>"]);
            assert!(body.contains("https://meet.example.org/thursday"), "{body}");
        } else {
            assert_eq!(bcc, ["Ben <ben@example.org>"]);
            assert!(
                body.starts_with("Hello Ben,") && body.contains("nobody has to speak"),
                "{body}"
            );
        }
    }
    let in_person =
        run(holdspace(&root).args(["group", "new", "Room group", "--day", "monday", "--time", "10:00"]));
    assert!(in_person.status.success());
    let err = run(holdspace(&root).args(["message", "Room group", "link", "--from", "S <s@example.org>"]));
    assert!(
        err.stderr.contains("is not an online group with a link noted"),
        "{err:?}"
    );
}

/// `history --mine` counts the facilitator's own sessions, contacts and follow-ups done this
/// week and this month.
#[test]
fn history_mine_counts_the_week_and_the_month() {
    let (_tmp, root) = data();
    tuesday(&root);
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "add",
            "Ana",
            "--referred-by",
            "CMHT North",
        ],
    );
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "contact",
            "Ana",
            "rang to introduce the group",
        ],
    );
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "done",
            "Ana",
            "referrer",
            "--note",
            "emailed",
        ],
    );
    script(
        &root,
        &["--group", "Tuesday group"],
        "key q\nkey y\nkey q\nkey enter\n",
    );
    let rehearsal = run_with_input(
        holdspace(&root)
            .args(["script", "--group", "Tuesday group"])
            .env("HOLDSPACE_REHEARSAL", "1"),
        "",
    );
    drop(rehearsal);
    let mine = ok(&root, &["history", "--mine"]);
    let week = mine
        .lines()
        .find(|line| line.starts_with("last 7 days"))
        .expect("a week's line");
    let columns: Vec<&str> = week.split_whitespace().collect();
    assert_eq!(columns[3], "1", "one session: {mine}");
    assert_eq!(
        &columns[columns.len() - 2..],
        ["1", "1"],
        "a contact and a thing done: {mine}"
    );
    assert!(mine.contains("rehearsals are not counted"), "{mine}");
    let refused = run(holdspace(&root).args(["history"]));
    assert!(
        !refused.status.success(),
        "history alone is not a command yet: {refused:?}"
    );
}

/// A draft printed to the terminal shows typed text (a group's place, a name) and never lets it
/// drive the terminal; in the e-mail file the same text is encoded, not raw.
#[test]
fn a_printed_draft_shows_hostile_text_without_obeying_it() {
    let (_tmp, root) = data();
    let refused = run(holdspace(&root).args(["group", "new", "Tuesday group", "--place", "Room\u{1b}[2J 4"]));
    assert!(
        fails(&refused).contains("place: holds a control character"),
        "{refused:?}"
    );
    meeting_tomorrow(&root, "Tuesday group", &["--place", "Room 4"]);
    confirmed(&root, "Tuesday group", "Ana\u{7}", Some("ana@example.org"));
    let said = ok(
        &root,
        &[
            "message",
            "Tuesday group",
            "reminder",
            "--from",
            "Sam <sam@example.org>",
        ],
    );
    assert!(!said.contains(['\u{1b}', '\u{7}']), "{said:?}");
}

/// A group words its own messages in its file: who they are from (no `--from` needed), what to
/// bring, its confidentiality line and a reminder in its own words, placeholders filled in. A
/// group that says nothing of it is still written as version 1, for an older holdspace.
#[test]
fn a_group_words_its_own_messages_in_its_file() {
    let (tmp, root) = data();
    let tomorrow = meeting_tomorrow(&root, "Tuesday group", &[]);
    let file = group_file(&root, "tuesday-group");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("schema_version = 1\n"), "{text}");
    confirmed(&root, "Tuesday group", "Ana", Some("ana@example.org"));

    let without = run(holdspace(&root).args(["message", "Tuesday group", "reminder"]));
    assert!(
        !without.status.success() && without.stderr.contains("`from` under [messages]"),
        "{without:?}"
    );
    let worded = text.replace("schema_version = 1", "schema_version = 2")
        + "\n[messages]\nfrom = \"Sam Jones <sam@example.org>\"\n\
           bring = \"Tea is on; bring a mug if you like.\"\n\
           confidentiality = \"What is said here stays here.\"\n\
           reminder = \"\"\"\nHi all,\n\n{group}: {day}, {time}, {place}. {{Braces}} stay.\n\n\
           {bring}\n\n{confidentiality}\n\n{facilitator}\n\"\"\"\n";
    fs::write(&file, &worded).unwrap();
    let out = tmp.path().join("drafts");
    fs::create_dir(&out).unwrap();
    let said = ok(
        &root,
        &[
            "message",
            "Tuesday group",
            "reminder",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.contains("to Ana in Bcc"), "{said}");
    let drafts = files_ending(&out, ".eml");
    let bytes = fs::read(&drafts[0]).unwrap();
    let mail = mailparse::parse_mail(&bytes).expect("the draft parses as e-mail");
    assert_eq!(
        mail.headers.get_all_values("From"),
        ["\"Sam Jones\" <sam@example.org>"]
    );
    let body = mail.get_body().unwrap().replace("\r\n", "\n");
    assert_eq!(
        body.trim_end(),
        format!(
            "Hi all,\n\nTuesday group: {tomorrow} {}, 18:30, in the usual room. {{Braces}} stay.\n\n\
             Tea is on; bring a mug if you like.\n\nWhat is said here stays here.\n\nSam Jones",
            common::tomorrow().format("%-d %B")
        )
    );
    // `--from` on the command line is this message's, over the group's.
    let printed = ok(
        &root,
        &[
            "message",
            "Tuesday group",
            "reminder",
            "--from",
            "Kim <kim@example.org>",
        ],
    );
    assert!(printed.trim_end().ends_with("\nKim"), "{printed}");
    // Saving the group again keeps its wording, as version 2.
    ok(&root, &["roster", "Tuesday group", "to-contact"]);
    let group = groups::load(&file).unwrap();
    assert_eq!(group.written_version(), 2);
    assert_eq!(group.messages.bring, "Tea is on; bring a mug if you like.");
}

/// Every row of `group show` starts its value in one column, the co-facilitator's too.
#[test]
fn group_show_lines_up_every_value_the_co_facilitator_too() {
    let (_tmp, root) = data();
    tuesday(&root);
    ok(
        &root,
        &["group", "edit", "Tuesday group", "--co-facilitator", "Sam"],
    );
    let shown = ok(&root, &["group", "show", "Tuesday group"]);
    // Where the value starts: past the label and the spaces after it.
    let value_at = |line: &str| {
        let label_end = 2 + line[2..].find(' ').expect("a label and a value");
        line.len() - line[label_end..].trim_start().len()
    };
    let columns: Vec<usize> = (shown.lines().skip(1))
        .take_while(|line| line.starts_with("  "))
        .map(value_at)
        .collect();
    assert!(shown.contains("  co-facilitator Sam\n"), "{shown}");
    assert!(
        columns.len() >= 6 && columns.iter().all(|at| *at == columns[0]),
        "{columns:?}\n{shown}"
    );
}

/// An archived group leaves the lists but keeps its file, roster and sessions, and comes back;
/// deleting asks first (so a script must say --yes) and leaves the session logs for purge.
#[test]
fn a_group_is_archived_restored_and_deleted_only_when_asked() {
    let (_tmp, root) = data();
    tuesday(&root);
    ok(
        &root,
        &[
            "roster",
            "Tuesday group",
            "add",
            "Ana",
            "--referred-by",
            "CMHT North",
        ],
    );
    script(&root, &["--group", "Tuesday group"], "key q y q\n");
    let said = ok(&root, &["group", "archive", "tuesday group"]);
    assert!(said.starts_with("Archived \"Tuesday group\""), "{said}");
    let listed = ok(&root, &["group", "list"]);
    assert!(
        listed.contains("No saved groups") && listed.contains("(1 archived"),
        "{listed}"
    );
    assert!(ok(&root, &["roster", "Tuesday group", "list"]).contains("Ana"));
    assert!(ok(&root, &["group", "show", "Tuesday group"]).starts_with("Tuesday group\n"));
    ok(&root, &["group", "archive", "Tuesday group", "--restore"]);
    assert!(ok(&root, &["group", "list"]).starts_with("Tuesday group "));

    let folder = root.join("groups/tuesday-group");
    let out = run(holdspace(&root).args(["group", "archive", "Tuesday group", "--delete"]));
    assert!(fails(&out).contains("add --yes"), "{out:?}");
    assert!(folder.join("roster.toml").exists(), "nothing removed unasked");
    let said = ok(&root, &["group", "archive", "Tuesday group", "--delete", "--yes"]);
    assert!(said.contains("Its 1 saved session(s) stay"), "{said}");
    assert!(!folder.exists());
    assert_eq!(
        files_ending(&root.join("sessions"), ".json").len(),
        1,
        "the log stays for purge"
    );
    let gone = run(holdspace(&root).args(["group", "show", "Tuesday group"]));
    assert!(fails(&gone).contains("there is no saved group"), "{gone:?}");
}

/// The ground rules a session changed are in `show` and the full export (md and json): each
/// edit's time and the rules in force at the end; the CSV is one row a person and says nothing
/// of them, as the README says.
#[test]
fn show_and_export_hold_the_ground_rules_the_session_changed() {
    let (_tmp, root) = data();
    tuesday(&root);
    script(
        &root,
        &["--group", "Tuesday group"],
        "key G a\ntype Phones face down\nkey enter esc q y q\n",
    );
    let id = only_log(&root)["id"].as_str().expect("an ID").to_owned();
    let shown = ok(&root, &["show", &id]);
    assert!(shown.contains("Ground rules edited 1 time(s), at "), "{shown}");
    assert!(shown.contains("\n  2. Phones face down\n"), "{shown}");
    let md = ok(&root, &["export", &id]);
    assert!(md.contains("## Ground rules, as the group changed them"), "{md}");
    assert!(md.contains(". Phones face down\n"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&root, &["export", &id, "--format", "json"])).expect("JSON");
    let rules = &json["ground_rules"];
    assert_eq!(rules["edited_at"].as_array().map(Vec::len), Some(1), "{rules}");
    assert!(
        (rules["in_force"].as_array().expect("rules").iter()).any(|rule| rule == "Phones face down"),
        "{rules}"
    );
    let csv = ok(&root, &["export", &id, "--format", "csv"]);
    assert!(!csv.contains("Phones face down"), "{csv}");
}
