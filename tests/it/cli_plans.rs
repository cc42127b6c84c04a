//! `holdspace plan list|show|check` and `--plan` through the real binary: templates to copy,
//! plan files checked with the file, line and field named, and a session run on a plan file.

use crate::common;
use crate::fixture::golden;

use common::{data, fails, holdspace, only_log, run, run_with_input};
use holdspace::domain::EventKind;
use holdspace::store::log::SessionLog;
use holdspace::store::plans::{self, TEMPLATES};
use std::fs;
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary run from the package folder, so plan paths read as a facilitator would type them.
fn in_package(data: &Path) -> Command {
    let mut cmd = holdspace(data);
    cmd.current_dir(ROOT);
    cmd
}

/// The plan files in `tests/it/golden/plans/<folder>`, as paths from the package folder, sorted.
fn golden(folder: &str) -> Vec<String> {
    let relative = format!("tests/it/golden/plans/{folder}");
    let mut found: Vec<String> = fs::read_dir(Path::new(ROOT).join(&relative))
        .unwrap_or_else(|err| panic!("{relative}: {err}"))
        .map(|entry| {
            entry
                .expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".toml"))
        .map(|name| format!("{relative}/{name}"))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no plans in {relative}");
    found
}

#[test]
fn plan_list_lists_the_four_templates_with_their_minutes() {
    let (_tmp, root) = data();
    let out = run(holdspace(&root).args(["plan", "list"]));
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{out:?}");
    for (line, template) in lines.iter().zip(&TEMPLATES) {
        let minutes = plans::template(template.name)
            .expect("a template")
            .plan
            .total_minutes();
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[..3], [template.name, &minutes.to_string(), "min"], "{line}");
        assert!(line.ends_with(template.about), "{line}");
    }
    assert!(out.stdout.contains("peer-support-60   60 min"), "{out:?}");
}

/// What `plan show` prints is the template itself, and `plan check` takes it as it is.
#[test]
fn plan_show_prints_a_template_that_plan_check_accepts() {
    let (tmp, root) = data();
    for template in &TEMPLATES {
        let out = run(holdspace(&root).args(["plan", "show", template.name]));
        assert!(out.status.success(), "{out:?}");
        assert_eq!(out.stdout, template.text);
        let copy = tmp.path().join(format!("{}.toml", template.name));
        fs::write(&copy, &out.stdout).expect("the copy is written");
        let out = run(holdspace(&root).arg("plan").arg("check").arg(&copy));
        assert!(out.status.success(), "{out:?}");
        let plan = plans::template(template.name).expect("a template").plan;
        let summary = format!(
            "{}: a valid plan, {:?}: {} items, {} minutes",
            copy.display(),
            plan.name,
            plan.items.len(),
            plan.total_minutes()
        );
        assert!(out.stdout.starts_with(&summary), "{summary}\n{out:?}");
        assert_eq!(out.stdout.lines().count(), 1 + plan.items.len(), "{out:?}");
    }
}

#[test]
fn plan_show_of_an_unknown_template_lists_the_templates() {
    let (_tmp, root) = data();
    let out = run(holdspace(&root).args(["plan", "show", "peer-support-45"]));
    let err = fails(&out);
    assert!(err.contains("\"peer-support-45\""), "{out:?}");
    for template in &TEMPLATES {
        assert!(err.contains(template.name), "{out:?}");
    }
    assert!(out.stdout.is_empty(), "{out:?}");
}

#[test]
fn plan_check_accepts_every_good_plan_and_shows_no_control_characters() {
    let (_tmp, root) = data();
    for path in golden("good") {
        let out = run(in_package(&root).args(["plan", "check", &path]));
        assert!(out.status.success(), "{path}: {out:?}");
        assert!(
            out.stdout.starts_with(&format!("{path}: a valid plan")),
            "{out:?}"
        );
        assert!(
            !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
            "{out:?}"
        );
    }
}

/// Each bad plan fails with its file and the message its snapshot holds, which starts with the
/// line; those that name a field name it as the file spells it.
#[test]
fn plan_check_on_a_bad_plan_names_the_file_line_and_field() {
    let (_tmp, root) = data();
    for path in golden("bad") {
        let out = run(in_package(&root).args(["plan", "check", &path]));
        let err = fails(&out);
        let file = Path::new(&path).file_name().expect("a name").to_string_lossy();
        let expected = golden::snapshot_of("plans", "every_bad_plan_fails_with_its_message", &file);
        assert_eq!(err, format!("holdspace: {path}: {expected}\n"), "{out:?}");
        assert!(out.stdout.is_empty(), "{out:?}");
    }
    let path = "tests/it/golden/plans/bad/min-minutes-above-minutes.toml";
    let err = fails(&run(in_package(&root).args(["plan", "check", path]))).to_owned();
    assert!(
        err.contains(&format!("{path}: line 12: items[1].min_minutes: ")),
        "{err}"
    );
}

#[test]
fn plan_check_of_a_missing_file_names_it_and_the_templates() {
    let (tmp, root) = data();
    let missing = tmp.path().join("no-such-plan.toml");
    let out = run(holdspace(&root).arg("plan").arg("check").arg(&missing));
    let err = fails(&out);
    assert!(err.contains(&missing.display().to_string()), "{out:?}");
    assert!(err.contains(TEMPLATES[0].name), "{out:?}");
}

/// A plan file that puts terminal escapes where the parser quotes them back (a kind, a key)
/// must not reach the terminal raw.
#[test]
fn plan_check_keeps_control_characters_in_a_bad_plan_off_the_terminal() {
    let (tmp, root) = data();
    let plan = tmp.path().join("hostile.toml");
    fs::write(
        &plan,
        "name = \"x\"\n\"\\u001b]0;owned\\u0007\" = 1\n\n[[items]]\ntitle = \"a\"\nkind = \"\\u001b[2J\"\nminutes = 5\n",
    )
    .expect("the plan is written");
    let out = run(holdspace(&root).arg("plan").arg("check").arg(&plan));
    let err = fails(&out);
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
}

/// `--plan` that is neither a template nor a file: the templates are listed and no session starts.
#[test]
fn an_unknown_plan_lists_the_templates_and_starts_nothing() {
    let (_tmp, root) = data();
    let out = run(holdspace(&root).args(["script", "--plan", "peer-support-45"]));
    let err = fails(&out);
    assert!(err.contains("plan peer-support-45"), "{out:?}");
    for template in &TEMPLATES {
        assert!(err.contains(template.name), "{out:?}");
    }
    assert!(out.stdout.is_empty(), "{out:?}");
    assert_eq!(fs::read_dir(root.join("journal")).map_or(0, Iterator::count), 0);
}

#[test]
fn a_bad_plan_file_is_refused_before_a_session_starts() {
    let (_tmp, root) = data();
    let path = "tests/it/golden/plans/bad/minutes-zero.toml";
    let out = run(in_package(&root).args(["script", "--plan", path]));
    let err = fails(&out);
    assert!(
        err.contains(&format!("{path}: line 10: items[1].minutes: ")),
        "{out:?}"
    );
    assert_eq!(fs::read_dir(root.join("journal")).map_or(0, Iterator::count), 0);
}

/// A headless session on a plan file, ended at once: its log holds that plan's items.
#[test]
fn a_session_on_a_plan_file_logs_that_plans_items() {
    for name in ["every-kind.toml", "last-session.toml"] {
        let (_tmp, root) = data();
        let path = format!("tests/it/golden/plans/good/{name}");
        let out = run_with_input(
            in_package(&root).args(["script", "--plan", &path]),
            "key q\nkey y\n",
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let chosen = plans::load_file(&Path::new(ROOT).join(&path)).expect("a good plan");
        let log: SessionLog = serde_json::from_value(only_log(&root)).expect("a session log");
        assert_eq!(log.plan, chosen.plan.name);
        assert_eq!(log.last_session, chosen.last_session, "{name}");
        let logged: Vec<(&str, u32, bool)> = log
            .items
            .iter()
            .map(|item| (item.title.as_str(), item.planned_minutes, item.protected))
            .collect();
        let planned: Vec<(&str, u32, bool)> = chosen
            .plan
            .items
            .iter()
            .map(|item| (item.title.as_str(), item.minutes, item.protected))
            .collect();
        assert_eq!(logged, planned, "{name}");
        let EventKind::Started(meta) = &log.events[0].kind else {
            panic!("the log starts with {:?}", log.events[0]);
        };
        assert_eq!(meta.plan, chosen.plan, "{name}");
    }
}

/// A plan with several mistakes has them all named at once, each with its line, so one check
/// finds them all.
#[test]
fn plan_check_names_every_problem_each_with_its_line() {
    let (tmp, root) = data();
    let plan = tmp.path().join("mine.toml");
    fs::write(
        &plan,
        "name = \"Mine\"\n\n[[items]]\ntitle = \"Welcome\"\nkind = \"welcome\"\nminutes = 0\n\n\
         [[items]]\ntitle = \"\"\nkind = \"discussion\"\nminutes = 10\n",
    )
    .expect("written");
    let out = run(holdspace(&root).args(["plan", "check"]).arg(&plan));
    let err = fails(&out);
    assert!(err.contains("2 problem(s):"), "{err}");
    assert!(
        err.contains("\n  line 6: items[0].minutes: 0 is out of range"),
        "{err}"
    );
    assert!(
        err.contains("\n  line 9: items[1].title: must not be empty"),
        "{err}"
    );
}
