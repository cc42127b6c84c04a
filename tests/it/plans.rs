//! Plan files: the golden good and bad plans, the built-in templates, agenda edits on a plan and
//! folded into a session, and plan parsing under arbitrary and damaged input.

use crate::fixture;

use fixture::{at, golden, meta, started};
use holdspace::domain::plan::{AgendaEdit, Kind, MAX_ENTRIES, MAX_MINUTES, MAX_TITLE_CHARS};
use holdspace::domain::{Command, EventKind, Plan, PlanItem, Session, SessionMeta};
use holdspace::store::plans::{self, Chosen, TEMPLATES};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

/// Parses `text`, then checks that the plan validates and reads back the same from `to_toml`.
fn parse_and_round_trip(text: &str, context: &str) -> Chosen {
    let chosen = plans::parse(text).unwrap_or_else(|err| panic!("{context}: {err}"));
    assert_eq!(chosen.plan.validate(), Ok(()), "{context}");
    let written = plans::to_toml(&chosen);
    let again = plans::parse(&written).unwrap_or_else(|err| panic!("{context} as written: {err}\n{written}"));
    assert_eq!(
        again, chosen,
        "{context} changed on the way through to_toml:\n{written}"
    );
    chosen
}

#[test]
fn every_good_plan_parses_and_round_trips() {
    let good = golden::files("plans/good", "toml");
    assert!(good.len() >= 9, "the good plans are missing: {good:?}");
    for path in &good {
        parse_and_round_trip(&golden::read(path), &path.display().to_string());
    }
}

/// What each good plan is there to show, so a parser that drops a field cannot pass.
#[test]
fn good_plans_hold_what_they_say() {
    let plan = |name: &str| {
        let path = golden::path("plans/good").join(name);
        plans::load_file(&path).unwrap_or_else(|err| panic!("{err}"))
    };
    let minimal = plan("minimal.toml");
    assert_eq!(minimal.plan.items, [PlanItem::new("Open circle", 45)]);
    assert_eq!(
        (minimal.plan.group.as_str(), minimal.last_session),
        (plans::DEFAULT_GROUP, false)
    );

    let kinds: Vec<Kind> = plan("every-kind.toml")
        .plan
        .items
        .iter()
        .map(|item| item.kind)
        .collect();
    assert_eq!(kinds, Kind::ALL);

    let protected = plan("protected.toml").plan.items;
    let floors: Vec<(bool, Option<u32>, u32)> = protected
        .iter()
        .map(|item| (item.protected, item.min_minutes, item.floor_minutes()))
        .collect();
    assert_eq!(
        floors,
        [(true, Some(25), 25), (true, Some(15), 15), (true, None, 10)]
    );

    let pool = &plan("ice-breaker-pool.toml").plan.items[0];
    assert_eq!((pool.kind, pool.prompts.len()), (Kind::IceBreaker, 4));
    assert!(pool.prompts[2].contains(r"a \backslash"), "{:?}", pool.prompts[2]);

    let unicode = plan("unicode.toml").plan;
    assert_eq!(unicode.items[2].title.chars().count(), MAX_TITLE_CHARS);
    assert_eq!(unicode.items[3].title, "מעגל סיום");
    assert_eq!(unicode.ground_rules[1], "一次一人发言。");

    assert!(plan("last-session.toml").last_session);
    assert_eq!(plan("schema-version.toml").plan.items[1].minutes, MAX_MINUTES);
    assert_eq!(plan("inline-tables.toml").plan.items[1].min_minutes, Some(3));

    let control = plan("control-characters.toml").plan;
    assert_eq!(control.items[0].title, "Clear \x1b[2J screen");
    assert_eq!(control.items[0].prompts, ["Two\nlines"]);
}

/// Each bad plan fails with the message in its snapshot (`golden/plans/bad/NAME.toml` against
/// `snapshots/it__plans__every_bad_plan_fails_with_its_message@NAME.toml.snap`).
#[test]
fn every_bad_plan_fails_with_its_message() {
    assert!(
        golden::files("plans/bad", "toml").len() >= 20,
        "the bad plans are missing"
    );
    insta::glob!("golden/plans/bad/*.toml", |path| {
        match plans::parse(&golden::read(path)) {
            Ok(chosen) => panic!("{} parsed: {chosen:?}", path.display()),
            Err(message) => insta::assert_snapshot!(message),
        }
    });
    golden::assert_each_snapshot_has_its_input("plans", "every_bad_plan_fails_with_its_message", "plans/bad");
}

#[test]
fn every_template_parses_and_round_trips() {
    assert_eq!(TEMPLATES.len(), 4);
    for template in &TEMPLATES {
        let chosen = parse_and_round_trip(template.text, template.name);
        assert_eq!(plans::template(template.name).ok(), Some(chosen.clone()));
        assert_eq!(plans::load(template.name).ok(), Some(chosen.clone()));
        assert_eq!(plans::template_text(template.name).ok(), Some(template.text));
        assert_eq!(
            chosen.last_session,
            template.name == "last-session",
            "{}",
            template.name
        );
    }
    let mut names: Vec<&str> = TEMPLATES.iter().map(|template| template.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), TEMPLATES.len(), "template names repeat: {names:?}");
}

#[test]
fn the_builtin_plan_is_the_90_minute_template_with_a_protected_closing() {
    let builtin = plans::builtin();
    assert_eq!(plans::DEFAULT_TEMPLATE, "peer-support-90");
    assert_eq!(
        Some(builtin.clone()),
        plans::template("peer-support-90").map(|chosen| chosen.plan).ok()
    );
    assert_eq!(builtin.total_minutes(), 90);
    let closing = builtin.items.last().expect("an item");
    assert_eq!((closing.kind, closing.protected), (Kind::Closing, true));
    assert_eq!(closing.floor_minutes(), closing.minutes);
    let sixty = plans::template("peer-support-60").expect("the 60-minute template");
    assert_eq!(sixty.plan.total_minutes(), 60);
}

#[test]
fn an_unknown_template_names_every_template() {
    for err in [
        plans::template_text("peer-support-45").unwrap_err().to_string(),
        plans::template("").unwrap_err().to_string(),
    ] {
        for template in &TEMPLATES {
            assert!(err.contains(template.name), "{err}");
        }
    }
}

/// A `DEL` (U+007F) in a title is read from its TOML escape, but `to_toml` writes it as the raw
/// byte, which TOML does not allow in a string: a saved plan would not open again.
#[test]
fn a_del_character_round_trips() {
    parse_and_round_trip(
        "name = \"Del\"\n[[items]]\ntitle = \"a\\u007fb\"\nminutes = 5\n",
        "a title with U+007F",
    );
}

/// Shortening a protected item during a session, then rebalancing with little time left: the
/// item should keep to its new length, as `Plan::edit` lowers its floor with it.
#[test]
fn a_shortened_protected_item_is_not_grown_back_by_rebalancing() {
    let mut session = Session::from_events([&started(meta("edit"))]).expect("a session");
    let closing = session.items.len() - 1;
    let edit = EventKind::AgendaEdited(AgendaEdit::Minutes {
        index: closing,
        minutes: 4,
    });
    session
        .apply(&session.stamp(edit, at(1, 0)))
        .expect("the closing is editable");
    let now = at(85, 0);
    let rebalance = session.decide(&Command::Rebalance, now).expect("a rebalance");
    session.apply(&session.stamp(rebalance, now)).expect("it applies");
    assert!(
        session.items[closing].minutes <= 4,
        "the closing the facilitator cut to 4 minutes is planned for {}",
        session.items[closing].minutes
    );
}

// --- agenda edits ---

fn valid_item() -> impl Strategy<Value = PlanItem> {
    (
        "[A-Za-z][A-Za-z ]{0,20}",
        prop::sample::select(Kind::ALL.to_vec()),
        1..=MAX_MINUTES,
        any::<bool>(),
        prop::option::of(any::<Index>()),
        prop::collection::vec("[a-z][a-z ?]{0,30}", 0..3),
    )
        .prop_map(|(title, kind, minutes, protected, min, prompts)| PlanItem {
            title,
            kind,
            minutes,
            protected,
            min_minutes: min.map(|min| min.index(minutes as usize + 1) as u32),
            prompts,
        })
}

/// Items an edit may try to insert: mostly valid, some broken in one field or another.
fn any_item() -> impl Strategy<Value = PlanItem> {
    let title = prop_oneof![
        4 => "[A-Za-z][A-Za-z ]{0,20}",
        1 => Just(String::new()),
        1 => Just("   ".to_owned()),
        1 => Just("x".repeat(MAX_TITLE_CHARS + 1)),
    ];
    let prompt = prop_oneof![4 => "[a-z]{1,10}", 1 => Just(" ".to_owned())];
    (
        valid_item(),
        title,
        0..=MAX_MINUTES + 20,
        prop::option::of(0..=MAX_MINUTES + 20),
        prop::collection::vec(prompt, 0..3),
        any::<bool>(),
    )
        .prop_map(|(item, title, minutes, min_minutes, prompts, valid)| {
            if valid {
                item
            } else {
                PlanItem {
                    title,
                    minutes,
                    min_minutes,
                    prompts,
                    ..item
                }
            }
        })
}

/// Positions mostly near the start, where plans are, and sometimes past any plan's end.
fn position() -> impl Strategy<Value = usize> {
    prop_oneof![4 => 0usize..10, 1 => 0usize..MAX_ENTRIES + 4]
}

fn edit() -> impl Strategy<Value = AgendaEdit> {
    prop_oneof![
        3 => (position(), any_item()).prop_map(|(at, item)| AgendaEdit::Insert { index: at, item }),
        2 => position().prop_map(|index| AgendaEdit::Remove { index }),
        2 => (position(), position()).prop_map(|(from, to)| AgendaEdit::Move { from, to }),
        2 => (position(), 0..=MAX_MINUTES + 20).prop_map(|(index, minutes)| AgendaEdit::Minutes { index, minutes }),
    ]
}

/// A template, or a plan of up to the most items allowed, so that inserts reach the limit.
fn plan() -> impl Strategy<Value = Plan> {
    prop_oneof![
        prop::sample::select(TEMPLATES.map(|template| template.name).to_vec())
            .prop_map(|name| plans::template(name).expect("a template").plan),
        prop::collection::vec(valid_item(), 1..=MAX_ENTRIES).prop_map(|items| Plan {
            name: "Generated".to_owned(),
            group: plans::DEFAULT_GROUP.to_owned(),
            items,
            ground_rules: Vec::new(),
        }),
    ]
}

/// A step of a live session: an agenda edit, or moving on or back, which changes what is editable.
#[derive(Debug, Clone)]
enum Step {
    Edit(AgendaEdit),
    Go(Command),
}

fn session_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => edit().prop_map(Step::Edit),
        1 => Just(Step::Go(Command::Next)),
        1 => Just(Step::Go(Command::Back)),
    ]
}

/// What the plan and the session must agree on about each item.
type Shape = (String, Kind, u32, bool, Vec<String>);

fn plan_shape(plan: &Plan) -> Vec<Shape> {
    let items = plan.items.iter();
    items
        .map(|item| {
            (
                item.title.clone(),
                item.kind,
                item.minutes,
                item.protected,
                item.prompts.clone(),
            )
        })
        .collect()
}

fn session_shape(session: &Session) -> Vec<Shape> {
    let items = session.items.iter();
    items
        .map(|item| {
            let plan = &item.plan;
            (
                plan.title.clone(),
                plan.kind,
                item.minutes,
                plan.protected,
                plan.prompts.clone(),
            )
        })
        .collect()
}

proptest! {
    #[test]
    fn plan_edits_refuse_cleanly_or_leave_a_valid_plan(
        mut plan in plan(),
        edits in prop::collection::vec((edit(), 0usize..12), 0..80),
    ) {
        for (edit, first_editable) in &edits {
            let before = plan.clone();
            if let Err(err) = plan.edit(edit, *first_editable) {
                let message = err.to_string();
                prop_assert!(!message.is_empty());
                prop_assert_eq!(&plan, &before, "{:?} refused ({}) but changed the plan", edit, message);
            } else {
                prop_assert_eq!(plan.validate(), Ok(()), "after {:?}", edit);
                let kept = (*first_editable).min(before.items.len());
                prop_assert_eq!(&plan.items[..kept], &before.items[..kept], "{:?} from {}", edit, first_editable);
                prop_assert_eq!((&plan.name, &plan.ground_rules), (&before.name, &before.ground_rules));
            }
            prop_assert!((1..=MAX_ENTRIES).contains(&plan.items.len()), "{} items", plan.items.len());
        }
    }

    /// The session folds `AgendaEdited` through the same rules as `Plan::edit`: the same edits
    /// are refused, with the same reason, and the agendas stay alike.
    #[test]
    fn a_session_folds_agenda_edits_as_the_plan_takes_them(
        start in plan(),
        steps in prop::collection::vec(session_step(), 0..60),
    ) {
        let mut plan = start.clone();
        let mut session = Session::from_events([&started(SessionMeta { plan: start, ..meta("edits") })])
            .expect("a session starts");
        for (minute, step) in (1..).zip(&steps) {
            let now = at(minute, 0);
            match step {
                Step::Go(command) => {
                    if let Ok(kind) = session.decide(command, now) {
                        session.apply(&session.stamp(kind, now)).expect("a decided move applies");
                    }
                }
                Step::Edit(edit) => {
                    let first_editable = session.first_editable();
                    let by_plan = plan.edit(edit, first_editable).map_err(|err| err.to_string());
                    let before = session.clone();
                    let by_session = session
                        .apply(&session.stamp(EventKind::AgendaEdited(edit.clone()), now))
                        .map_err(|err| err.message);
                    prop_assert_eq!(&by_session, &by_plan, "{:?} from {}", edit, first_editable);
                    if by_session.is_err() {
                        prop_assert_eq!(&session, &before, "a refused {:?} changed the session", edit);
                    }
                }
            }
            prop_assert_eq!(session_shape(&session), plan_shape(&plan), "after {:?}", step);
        }
    }
}

// --- damaged and arbitrary text ---

/// Values that stress whatever reads a field: out of range, wrong types, empty text, and a newer
/// version.
const VALUES: [&str; 18] = [
    "-1",
    "0",
    "601",
    "4294967296",
    "1.5",
    "nan",
    "\"\"",
    "\"   \"",
    "\"ten\"",
    "\"lecture\"",
    "\"\\u001b[2J\"",
    "[]",
    "[\"\"]",
    "{}",
    "true",
    "2",
    "1979-05-27",
    "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
];

/// Fragments of TOML and of plan fields, to put in anywhere.
const TOKENS: [&str; 16] = [
    "[[items]]\n",
    "[items]\n",
    "\n",
    " = ",
    "\"",
    "'''",
    "[",
    "}",
    "#",
    "\\",
    "title = \"Extra\"\n",
    "minutes = 5\n",
    "kind = \"break\"\n",
    "schema_version = 2\n",
    "min_minutes = 99\n",
    "é\u{0}\u{1b}",
];

#[derive(Debug, Clone)]
enum Damage {
    /// What follows the first `=` on a line, replaced.
    Value(Index, &'static str),
    DropLine(Index),
    /// A copy of one line put in before another.
    CopyLine(Index, Index),
    Insert(Index, &'static str),
    /// Characters cut out from a point.
    Cut(Index, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        3 => (any::<Index>(), prop::sample::select(VALUES.to_vec())).prop_map(|(at, value)| Damage::Value(at, value)),
        1 => any::<Index>().prop_map(Damage::DropLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Damage::CopyLine(from, to)),
        2 => (any::<Index>(), prop::sample::select(TOKENS.to_vec())).prop_map(|(at, token)| Damage::Insert(at, token)),
        1 => (any::<Index>(), 1usize..40).prop_map(|(at, len)| Damage::Cut(at, len)),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut chars: Vec<char> = text.chars().collect();
    let line = |at: &Index| at.index(lines.len().max(1));
    match damage {
        Damage::Value(at, value) => {
            let index = line(at);
            if let Some((key, _)) = lines.get(index).and_then(|line| line.split_once('=')) {
                lines[index] = format!("{key}= {value}");
            }
        }
        Damage::DropLine(at) if !lines.is_empty() => {
            lines.remove(line(at));
        }
        Damage::CopyLine(from, to) if !lines.is_empty() => {
            let copy = lines[line(from)].clone();
            lines.insert(line(to), copy);
        }
        Damage::Insert(at, token) => {
            let at = at.index(chars.len() + 1);
            chars.splice(at..at, token.chars());
            return chars.into_iter().collect();
        }
        Damage::Cut(at, len) => {
            let at = at.index(chars.len() + 1);
            chars.drain(at..(at + len).min(chars.len()));
            return chars.into_iter().collect();
        }
        Damage::DropLine(_) | Damage::CopyLine(..) => {}
    }
    lines.join("\n")
}

/// What `parse` must do with any text: read a plan that validates and saves back the same, or
/// say which line is wrong.
fn check_parse(text: &str) -> Result<(), TestCaseError> {
    match plans::parse(text) {
        Ok(chosen) => {
            prop_assert_eq!(chosen.plan.validate(), Ok(()));
            prop_assert_eq!(plans::parse(&plans::to_toml(&chosen)), Ok(chosen));
        }
        Err(message) => prop_assert!(message.line.is_some(), "no line in {:?} for {:?}", message, text),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_damaged_template_parses_or_names_the_line(
        seed in 0..TEMPLATES.len(),
        damages in prop::collection::vec(damage(), 1..6),
    ) {
        let text = damages.iter().fold(TEMPLATES[seed].text.to_owned(), |text, damage| apply(&text, damage));
        check_parse(&text)?;
    }

    #[test]
    fn any_text_parses_or_names_the_line(
        text in prop_oneof![
            any::<String>(),
            "\\PC{0,300}",
            "(name = \"[^\"\n]{0,8}\"\n)?(\\[\\[items\\]\\]\n((title|minutes|kind|protected|min_minutes|prompts|[a-z_]{0,8}) = (-?[0-9]{1,4}|\"[^\"\n]{0,8}\"|true|\\[\\])\n){0,4}){0,3}",
        ],
    ) {
        check_parse(&text)?;
    }
}

/// Every template opens with a welcome that says the limits of confidentiality (what reaches
/// the clinical record, when a concern goes to a care co-ordinator and that the person is told)
/// and, for the room or the call, where the exits are or how to step out.
#[test]
fn every_welcome_says_the_limits_of_confidentiality_and_the_way_out() {
    for template in &TEMPLATES {
        let plan = plans::template(template.name).expect("a template parses").plan;
        let welcome = (plan.items.iter())
            .find(|item| item.kind == Kind::Welcome)
            .unwrap_or_else(|| panic!("{} has a welcome", template.name));
        let script = welcome.prompts.join(" ");
        for words in [
            "clinical record",
            "care co-ordinator, and I tell them first",
            "fire exits and the toilets",
            "leave the call",
        ] {
            assert!(script.contains(words), "{}: {words:?} in {script}", template.name);
        }
    }
    assert_eq!(Kind::Welcome.prompt_label(), "say");
}
