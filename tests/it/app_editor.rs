//! The live agenda editor (`e`) and ground-rules editor (`G`), driven by keys: each change is one
//! event holding what changed, a change that is not allowed says why and records nothing, and
//! the journal folds back to the same agenda and rules.

use crate::fixture;
use crate::screen;

use crossterm::event::KeyCode;
use fixture::{at, co_facilitator, data_dir, key, meta, press, start, t0};
use holdspace::domain::plan::{AgendaEdit, Kind};
use holdspace::domain::{Author, EventKind, PlanItem, Session};
use holdspace::session::recorder::Recorder;
use holdspace::store::journal;
use holdspace::ui::app::{App, Input, Outcome, Overlay};
use holdspace::ui::editor::Listed;
use holdspace::ui::item_form::{ItemForm, Step};
use holdspace::ui::typing::Field;
use screen::{assert_lacks, assert_shows, draw};

/// Presses `keys` and returns the events they recorded.
fn recorded(app: &mut App, keys: &str) -> Vec<EventKind> {
    let before = app.recorder.events.len();
    press(app, keys);
    app.recorder.events[before..]
        .iter()
        .map(|event| event.kind.clone())
        .collect()
}

fn titles(app: &App) -> Vec<String> {
    app.recorder
        .session
        .items
        .iter()
        .map(|item| item.plan.title.clone())
        .collect()
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "compared with the app's overlay, an Option"
)]
fn editing(list: Listed, selected: usize) -> Option<Overlay> {
    Some(Overlay::Edit { list, selected })
}

/// The built-in plan with its welcome done and the check-in (item 2 of 6) running.
fn check_in_running() -> (tempfile::TempDir, App) {
    let (tmp, mut app) = start();
    app.tick(at(10, 0));
    press(&mut app, "n");
    assert_eq!(app.recorder.session.current, Some(1));
    (tmp, app)
}

#[test]
fn e_opens_the_agenda_editor_on_the_first_item_not_yet_started_and_esc_closes_it() {
    let (_tmp, mut app) = start();
    press(&mut app, "e");
    assert_eq!(app.overlay, editing(Listed::Agenda, 1), "the welcome is running");
    press(&mut app, "⎋");
    assert_eq!(app.overlay, None);

    press(&mut app, "ne");
    assert_eq!(app.overlay, editing(Listed::Agenda, 2));
    press(&mut app, "q");
    assert_eq!(app.overlay, None, "q closes the editor too, and ends nothing");
}

#[test]
fn editor_keys_each_record_one_agenda_edit() {
    let (_tmp, mut app) = check_in_running();
    press(&mut app, "e");
    let steps: [(&str, AgendaEdit, usize); 5] = [
        (
            "+",
            AgendaEdit::Minutes {
                index: 2,
                minutes: 31,
            },
            2,
        ),
        (
            "-",
            AgendaEdit::Minutes {
                index: 2,
                minutes: 30,
            },
            2,
        ),
        ("J", AgendaEdit::Move { from: 2, to: 3 }, 3),
        ("K", AgendaEdit::Move { from: 3, to: 2 }, 2),
        ("jd", AgendaEdit::Remove { index: 3 }, 3),
    ];
    for (keys, edit, selected) in steps {
        assert_eq!(
            recorded(&mut app, keys),
            [EventKind::AgendaEdited(edit)],
            "{keys}"
        );
        assert_eq!(app.overlay, editing(Listed::Agenda, selected), "{keys}");
    }
    assert_eq!(
        titles(&app),
        [
            "Welcome and ground rules",
            "Check-in round",
            "Topic discussion",
            "Activity",
            "Closing round"
        ],
        "the break was removed"
    );
    assert_eq!(app.recorder.session.items[2].minutes, 30);
}

/// The new item's form, as `a` in the agenda editor opens it, to go in at `at`.
fn form(app: &App) -> &ItemForm {
    match &app.overlay {
        Some(Overlay::NewItem { form, .. }) => form,
        other => panic!("the new item's form is not open: {other:?}"),
    }
}

/// Presses `keys` in the agenda editor, open with the check-in running, and returns what they
/// recorded: an `a` in them opens the form on item 3.
fn added(keys: &str) -> (tempfile::TempDir, App, Vec<EventKind>) {
    let (tmp, mut app) = check_in_running();
    press(&mut app, "e");
    let events = recorded(&mut app, keys);
    (tmp, app, events)
}

fn inserted(title: &str, minutes: u32, kind: Kind) -> Vec<EventKind> {
    vec![EventKind::AgendaEdited(AgendaEdit::Insert {
        index: 3,
        item: PlanItem::new(title, minutes).of_kind(kind),
    })]
}

#[test]
fn a_opens_the_form_and_only_its_last_enter_records_the_item_after_the_selected_one() {
    let (_tmp, mut app) = check_in_running();
    press(&mut app, "ea");
    assert_eq!(
        app.overlay,
        Some(Overlay::NewItem {
            form: ItemForm::default(),
            at: 3,
            from: 2
        })
    );
    // The minutes edited: the default is there to be rubbed out.
    assert!(recorded(&mut app, "Guest speaker⏎⌫⌫20⏎").is_empty());
    assert_eq!(form(&app).kind, Kind::GuestSpeaker, "guessed from the title");
    assert_eq!(
        recorded(&mut app, "⏎"),
        inserted("Guest speaker", 20, Kind::GuestSpeaker)
    );
    assert_eq!(
        app.overlay,
        editing(Listed::Agenda, 3),
        "back in the editor, on it"
    );
    assert_eq!(app.recorder.session.items[3].minutes, 20);
}

#[test]
fn a_title_alone_takes_the_defaults_the_form_shows() {
    let (_tmp, app, events) = added("aCheck the room⏎⏎⏎");
    assert_eq!(events, inserted("Check the room", 10, Kind::Discussion));
    assert_eq!(app.overlay, editing(Listed::Agenda, 3));
    let (_tmp, _, events) = added("aBreak⏎⏎⏎");
    assert_eq!(events, inserted("Break", 10, Kind::Break));
}

#[test]
fn a_title_ending_in_a_number_is_kept_whole() {
    let (_tmp, _, events) = added("aStep 2⏎⏎⏎");
    assert_eq!(events, inserted("Step 2", 10, Kind::Discussion));
}

#[test]
fn the_arrows_choose_the_kind() {
    for (arrows, kind) in [
        ("→", Kind::Activity),
        ("↓↓", Kind::GuestSpeaker),
        ("←", Kind::IceBreaker),
        ("↑↑↑", Kind::Welcome),
        ("→←", Kind::Discussion),
    ] {
        let (_tmp, _, events) = added(&format!("aRole play⏎⏎{arrows}⏎"));
        assert_eq!(events, inserted("Role play", 10, kind), "{arrows}");
    }
}

#[test]
fn minutes_out_of_range_are_refused_with_the_range_and_the_form_stays_on_them() {
    for minutes in ["0", "601", "ten"] {
        let (_tmp, mut app, events) = added(&format!("aBreak⏎⌫⌫{minutes}⏎"));
        assert!(events.is_empty(), "{minutes}");
        let shown = form(&app);
        assert_eq!(shown.step, Step::Minutes, "{minutes}");
        let refused = shown.refused.as_deref().unwrap_or_default();
        assert!(refused.contains("1 to 600 minutes"), "{minutes}: {refused}");
        let rub_out = "⌫".repeat(minutes.len());
        assert_eq!(
            recorded(&mut app, &format!("{rub_out}5⏎⏎")),
            inserted("Break", 5, Kind::Break),
            "{minutes} put right"
        );
    }
}

#[test]
fn esc_at_any_step_adds_nothing_and_goes_back_to_the_editor() {
    for keys in ["a⎋", "aBreak⎋", "aBreak⏎⎋", "aBreak⏎5⎋", "aBreak⏎⏎→⎋"] {
        let (_tmp, app, events) = added(keys);
        assert!(events.is_empty(), "{keys}: {events:?}");
        assert_eq!(app.overlay, editing(Listed::Agenda, 2), "{keys}");
    }
}

#[test]
fn a_paste_goes_into_the_field_being_typed() {
    let (_tmp, mut app) = check_in_running();
    press(&mut app, "ea");
    app.on_paste("Step 2\r\n");
    press(&mut app, "⏎⌫⌫");
    app.on_paste("25");
    press(&mut app, "⏎");
    // At the kind there is nothing to type: a paste is dropped, never taken as keys.
    app.on_paste("q\n");
    assert_eq!(form(&app).step, Step::Kind);
    assert_eq!(recorded(&mut app, "⏎"), inserted("Step 2", 25, Kind::Discussion));
}

#[test]
fn the_form_in_the_live_editor_at_80x24() {
    let (_tmp, mut app) = check_in_running();
    press(&mut app, "eaStep 2⏎⌫⌫0⏎");
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " New agenda item ",
            "Title    Step 2",
            "▸ Minutes  0▏",
            "Kind     discussion",
            "0 is out of range: an item is 1 to 600 minutes",
        ],
    );
    insta::assert_snapshot!("new_item_form_live_80x24", terminal.backend());
}

/// Reopens the editor, moves up `up` items from the first that can change, and presses `then`:
/// what that recorded, and the message after. Reopening each time keeps one refused key's
/// effect on the selection (see `a_refused_or_cancelled_edit_leaves_the_selection_where_it_was`)
/// out of the next case.
fn on_started_item(app: &mut App, up: usize, then: &str) -> (Vec<EventKind>, Option<String>) {
    app.overlay = None;
    press(app, "e");
    press(app, &"k".repeat(up));
    (recorded(app, then), app.message.clone())
}

#[test]
fn moving_changing_or_removing_a_done_or_running_item_says_why_and_records_nothing() {
    let (_tmp, mut app) = check_in_running();
    let before = titles(&app);
    // Item 1 is done, item 2 running; from item 3 on they can change.
    for (up, keys, why) in [
        (1, "K", "item 2 has already started"),
        (1, "J", "item 2 has already started"),
        (1, "d", "item 2 has already started"),
        (1, "+", "item 2 has already started"),
        (1, "-", "item 2 has already started"),
        (2, "J", "item 1 has already started"),
        (2, "d", "item 1 has already started"),
        (2, "+", "item 1 has already started"),
        (2, "K", "it is first already"),
        // The first item that can change cannot move above the running one.
        (0, "K", "item 2 has already started"),
    ] {
        let (events, message) = on_started_item(&mut app, up, keys);
        assert!(events.is_empty(), "{keys} on {up} up recorded {events:?}");
        assert!(
            message.as_deref().is_some_and(|m| m.contains(why)),
            "{keys} on {up} up: {message:?}"
        );
    }
    assert_eq!(titles(&app), before);
    assert_eq!(app.recorder.session.items[1].minutes, 15);
}

/// After an edit that was refused or cancelled, the selection should stay where it was, so the
/// next key acts on the same entry. It goes where the entry would have gone instead: a refused
/// K lands on the running item, and `a` then Esc leaves the entry below selected.
#[test]
fn a_refused_or_cancelled_edit_leaves_the_selection_where_it_was() {
    for (open, keys) in [
        ("e", "K"),
        ("e", "aBreak⏎⌫⌫0⏎⎋"),
        ("e", "aBreak⏎5⎋"),
        ("G", "a⏎"),
        ("G", "aNo phones.⎋"),
    ] {
        let (_tmp, mut app) = check_in_running();
        press(&mut app, open);
        let before = app.overlay.clone();
        assert!(recorded(&mut app, keys).is_empty(), "{open}{keys}");
        assert_eq!(app.overlay, before, "{open}{keys}");
    }
}

/// The built-in plan's seven ground rules.
fn builtin_rules() -> Vec<String> {
    holdspace::store::plans::builtin().ground_rules
}

fn rules_edited(rules: &[String]) -> Vec<EventKind> {
    vec![EventKind::RulesEdited {
        rules: rules.to_vec(),
    }]
}

#[test]
fn g_adds_changes_removes_and_reorders_rules_each_as_one_event_with_every_rule() {
    let (_tmp, mut app) = start();
    press(&mut app, "G");
    assert_eq!(app.overlay, editing(Listed::Rules, 0));
    let mut rules = builtin_rules();

    rules.insert(1, "Advice only when asked.".to_owned());
    assert_eq!(
        recorded(&mut app, "aAdvice only when asked.⏎"),
        rules_edited(&rules)
    );
    assert_eq!(app.overlay, editing(Listed::Rules, 1));

    // Enter opens the selected rule to change, with its words already there.
    press(&mut app, "⏎");
    assert_eq!(
        app.overlay,
        Some(Overlay::Input {
            purpose: Input::ChangeRule(1),
            text: rules[1].clone()
        })
    );
    rules[1] = "Advice only when asked for.".to_owned();
    assert_eq!(recorded(&mut app, "⌫ for.⏎"), rules_edited(&rules));

    rules.swap(1, 2);
    assert_eq!(recorded(&mut app, "J"), rules_edited(&rules));
    assert_eq!(app.overlay, editing(Listed::Rules, 2));
    rules.swap(1, 2);
    assert_eq!(recorded(&mut app, "K"), rules_edited(&rules));

    let removed = rules.remove(0);
    assert_eq!(recorded(&mut app, "kd"), rules_edited(&rules));
    assert_eq!(app.recorder.session.rules, rules);

    // Moving the first rule up changes nothing, so records nothing.
    assert!(recorded(&mut app, "K").is_empty());

    // The rules view shows the rules as they are now.
    press(&mut app, "⎋g");
    assert_eq!(app.overlay, Some(Overlay::Rules));
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &["1. Advice only when asked for.", "2. One person speaks at a time"],
    );
    assert_lacks(&terminal, &removed);
}

#[test]
fn an_empty_rule_is_refused_and_changes_nothing() {
    let (_tmp, mut app) = start();
    press(&mut app, "G");
    for keys in ["a⏎", "a   ⏎"] {
        assert!(recorded(&mut app, keys).is_empty(), "{keys:?}");
        assert_eq!(
            app.message.as_deref(),
            Some("a rule needs some words"),
            "{keys:?}"
        );
        assert!(matches!(app.overlay, Some(Overlay::Edit { .. })), "{keys:?}");
    }
    // Changing a rule to nothing does not remove it: `d` does that.
    let erase = "⌫".repeat(builtin_rules()[0].chars().count());
    assert!(recorded(&mut app, &format!("⎋G⏎{erase}⏎")).is_empty());
    assert_eq!(app.message.as_deref(), Some("a rule needs some words"));
    assert_eq!(app.recorder.session.rules, builtin_rules());
}

#[test]
fn a_co_facilitator_edits_the_rules_but_not_the_agenda_while_the_flow_is_with_the_facilitator() {
    let (_tmp, dir) = data_dir();
    let mut facilitator = Recorder::start(&dir, meta("shared"), t0()).expect("a session");
    let mut co = co_facilitator(&dir, "shared");

    let mut rules = builtin_rules();
    rules.push("Tea is in the kitchen.".to_owned());
    press(&mut co, "G");
    press(&mut co, &"j".repeat(rules.len()));
    assert_eq!(
        recorded(&mut co, "aTea is in the kitchen.⏎"),
        rules_edited(&rules)
    );
    let last = co.recorder.events.last().expect("the edit");
    assert_eq!(last.by, Author::CoFacilitator);

    key(&mut co, KeyCode::Esc);
    for keys in ["e+", "eJ", "ed", "eaBreak⏎⏎⏎"] {
        co.overlay = None;
        assert!(recorded(&mut co, keys).is_empty(), "{keys}");
        let message = co.message.as_deref().unwrap_or_default();
        assert!(
            message.contains("the flow is with the facilitator"),
            "{keys}: {message}"
        );
    }

    // The facilitator's holdspace takes the edit in; once it hands over the flow, the
    // co-facilitator can change the agenda too.
    facilitator.follow().expect("the journal reads");
    assert_eq!(facilitator.session.rules, rules);
    let handed = EventKind::FlowPassed {
        to: Author::CoFacilitator,
    };
    assert!(facilitator.record(handed, at(1, 0)));
    co.tick(at(2, 0));
    co.overlay = None;
    assert_eq!(
        recorded(&mut co, "e+"),
        [EventKind::AgendaEdited(AgendaEdit::Minutes {
            index: 1,
            minutes: 16
        })]
    );
}

#[test]
fn the_journal_folds_back_to_the_same_agenda_and_rules() {
    let (_tmp, mut app) = check_in_running();
    press(&mut app, "e+Jjd⎋");
    press(&mut app, "GaNo phones.⏎J⏎⌫!⏎kd⎋");
    app.tick(at(20, 0));
    press(&mut app, "n");
    press(&mut app, "e-⎋");
    let edits = app
        .recorder
        .events
        .iter()
        .filter(|event| {
            matches!(
                event.kind,
                EventKind::AgendaEdited(_) | EventKind::RulesEdited { .. }
            )
        })
        .count();
    assert_eq!(edits, 8, "{:?}", app.recorder.events);
    assert_folds_back(&app);
}

/// The journal on disk holds every event the app recorded, and folds to the same session.
fn assert_folds_back(app: &App) {
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal reads");
    assert!(on_disk.bad_lines.is_empty(), "{:?}", on_disk.bad_lines);
    assert_eq!(on_disk.events, app.recorder.events);
    let replayed = Session::from_events(&on_disk.events).expect("the journal folds");
    assert_eq!(replayed.items, app.recorder.session.items);
    assert_eq!(replayed.rules, app.recorder.session.rules);
    assert_eq!(replayed, app.recorder.session);
}

/// `AgendaEdit::Insert { at, item }` is flattened into the event beside the event's own `at`
/// (its time), so the line carries `"at"` twice and serde refuses to read it back: the journal
/// has a bad line in the middle, and the saved log of the session does not load.
#[test]
fn an_item_added_during_a_session_reads_back_from_the_journal_and_the_log() {
    let (_tmp, mut app) = check_in_running();
    press(&mut app, "eaGuest speaker⏎⌫⌫20⏎⏎⎋");
    assert_folds_back(&app);
    press(&mut app, "qyq");
    let Some(Outcome::Finished(path)) = &app.outcome else {
        panic!("the session did not finish: {:?}", app.outcome);
    };
    let log = holdspace::store::log::load(path).unwrap_or_else(|err| panic!("{err}"));
    assert!(log.log.items.iter().any(|item| item.title == "Guest speaker"));
}
