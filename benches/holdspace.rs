//! The figures holdspace must hold: a full live-screen render, a long paste, a journal append
//! with its fsync, replaying a long journal, reading a long history and reporting on it, and
//! printing a poster and a year's report. `scripts/bench` runs
//! these and then measures the built binary in tmux.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a bench prints what it measured"
)]

mod sample;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use holdspace::domain::Command;
use holdspace::domain::checklist::Setting;
use holdspace::domain::group::Group;
use holdspace::domain::hands::FloorCommand;
use holdspace::export::outreach::Outward;
use holdspace::export::pdf::{self, Paper};
use holdspace::export::report::{self, Report};
use holdspace::session::history::History;
use holdspace::session::recorder::Recorder;
use holdspace::session::recovery::{self, Found};
use holdspace::store::journal::Journal;
use holdspace::store::log::{self, SessionLog};
use holdspace::store::paths::DataDir;
use holdspace::ui::app::App;
use holdspace::ui::screen::Screen;
use holdspace::ui::typing::Field;
use holdspace::util::format::Zone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A live session twenty minutes in: a speaker, three hands waiting, talk time for six people.
fn busy_app(dir: &DataDir) -> App {
    let mut recorder = Recorder::start(dir, sample::meta("busy"), sample::t0()).expect("the session starts");
    let steps = [
        Command::Floor(FloorCommand::RaiseHand(0)),
        Command::Floor(FloorCommand::NextSpeaker),
        Command::Floor(FloorCommand::RaiseHand(1)),
        Command::Floor(FloorCommand::RaiseHand(2)),
        Command::Next,
        Command::Floor(FloorCommand::NextSpeaker),
        Command::Floor(FloorCommand::RaiseHand(3)),
        Command::Floor(FloorCommand::RaiseHand(4)),
    ];
    let mut now = sample::t0();
    for command in steps {
        now += chrono::TimeDelta::minutes(2);
        let kind = recorder
            .session
            .decide(&command, now)
            .expect("the sample steps apply");
        recorder.record(kind, now);
    }
    let now = sample::t0() + chrono::TimeDelta::minutes(20);
    App::new(
        recorder,
        dir.clone(),
        holdspace::ui::theme::themes::fallback(false),
        Zone::Local,
        now,
    )
}

fn render(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let app = busy_app(&dir);
    for (width, height) in [(120, 40), (200, 60)] {
        let area = Rect::new(0, 0, width, height);
        let mut buffer = Buffer::empty(area);
        c.bench_function(&format!("render live screen {width}x{height}"), |b| {
            b.iter(|| {
                buffer.reset();
                (&app).render(area, &mut buffer);
                black_box(&buffer);
            });
        });
    }
}

/// One idle second's frame: drawn, diffed against the last one (the clocks moved a second) and
/// written to a test backend. Whole, through `Terminal::draw`, and as the live loop draws it,
/// only the parts with a clock in them.
fn frame(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let mut app = busy_app(&dir);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
    c.bench_function("idle frame 120x40, drawn, diffed and written", |b| {
        b.iter(|| {
            app.now += chrono::TimeDelta::seconds(1);
            terminal
                .draw(|frame| frame.render_widget(&app, frame.area()))
                .expect("a test backend");
        });
    });
    let mut backend = TestBackend::new(120, 40);
    let mut screen = Screen::cleared(Rect::new(0, 0, 120, 40));
    screen
        .draw_app(&mut backend, &mut app, true)
        .expect("a test backend");
    c.bench_function("idle second 120x40, clock parts drawn", |b| {
        b.iter(|| {
            app.now += chrono::TimeDelta::seconds(1);
            screen
                .draw_app(&mut backend, &mut app, false)
                .expect("a test backend");
        });
    });
}

/// A 100 KB paste into a note, and the frame that shows it: one pass over the paste, where each
/// character used to be a key and a redraw of the whole growing note.
fn paste(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let mut app = busy_app(&dir);
    let line = "a line of a long document\n";
    let pasted = line.repeat(100_000 / line.len());
    let area = Rect::new(0, 0, 120, 40);
    let press = |app: &mut App, code| app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    c.bench_function("paste 100 KB into a note and draw it", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Char(':'));
            app.on_paste(black_box(&pasted));
            let mut buffer = Buffer::empty(area);
            (&app).render(area, &mut buffer);
            press(&mut app, KeyCode::Esc);
            buffer
        });
    });
}

/// Each append is timed on its own, so the spread of fsync times (p50, p99) can be reported as
/// well as criterion's mean.
fn append(c: &mut Criterion) {
    // On the disk, not tmpfs: the fsync is what is measured.
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let (_, events) = sample::session("append", 64, false);
    let mut journal = Journal::create(
        dir.disk().clone(),
        &dir.journal_path("append").expect("a session ID"),
    )
    .expect("a journal");
    let mut times = Vec::new();
    c.bench_function("journal append with fsync", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for i in 0..iterations {
                let event = &events[usize::try_from(i).unwrap_or(0) % events.len()];
                let start = Instant::now();
                journal.append(event).expect("the append succeeds");
                let took = start.elapsed();
                times.push(took);
                total += took;
            }
            total
        });
    });
    times.sort();
    if !times.is_empty() {
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "journal append with fsync: p50 {:?}, p99 {:?} over {} appends",
            at(0.5),
            at(0.99),
            times.len()
        );
    }
}

/// Reading and folding a journal: 10,000 events is what a launch that offers to resume reads
/// before its first frame, 100,000 the replay target.
fn replay(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let mut group = c.benchmark_group("replay");
    group.sample_size(10);
    for (count, label) in [(10_000, "10,000"), (100_000, "100,000")] {
        let (_, events) = sample::session("replay", count, false);
        let path = dir
            .journal_path(&format!("replay-{count}"))
            .expect("a session ID");
        std::fs::write(&path, sample::journal(&events)).expect("the journal is written");
        group.bench_function(format!("read and fold a {label}-event journal"), |b| {
            b.iter(|| match recovery::inspect(&path) {
                Found::Resumable(found) => black_box(found),
                _ => panic!("the sample journal resumes"),
            });
        });
    }
    group.finish();
}

fn history(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let (session, events) = sample::session("history", 60, true);
    let template = SessionLog::of(&session, &events).expect("the sample session ended");
    for n in 0..5000 {
        let log = SessionLog {
            id: format!("2026-{n:05}"),
            ..template.clone()
        };
        std::fs::write(dir.log_path(&log.id).expect("a session ID"), log.to_json())
            .expect("the log is written");
    }
    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.bench_function("list 5,000 session logs", |b| {
        b.iter_batched(
            || dir.sessions_dir(),
            |folder| black_box(log::list(&folder).expect("the folder lists")),
            BatchSize::SmallInput,
        );
    });
    group.bench_function("list 5,000 session logs and build the group report", |b| {
        b.iter(|| {
            let (logs, _) = log::list(&dir.sessions_dir()).expect("the folder lists");
            black_box(report::report(&template.group, &logs, Zone::Local))
        });
    });
    group.finish();
}

/// A printed page must be quick enough to make while someone waits: a poster, and a year of
/// weekly sessions as a PDF report, each well under a second.
fn pages(c: &mut Criterion) {
    let mut group = Group::new("Tuesday group", Setting::InPerson, 8, "peer-support-90");
    group.day = Some("tuesday".into());
    group.time = Some("18:30".into());
    group.place = "Room 2, Mill Street Centre".into();
    group.outreach.for_whom = "Adults under the North community team who feel low or alone.".into();
    group.outreach.contact = "Sam Jones, 020 7946 0000, sam.jones@example.org".into();
    group.outreach.refer = "https://example.org/refer/tuesday".into();
    let outward = Outward {
        group: &group,
        minutes: 90,
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
    };
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (dir, _) = DataDir::open(tmp.path()).expect("a data folder");
    let (session, events) = sample::session("year", 60, true);
    let template = SessionLog::of(&session, &events).expect("the sample session ended");
    for week in 0..52 {
        let log = SessionLog {
            id: format!("2026-{week:03}"),
            started_at: template.started_at + chrono::TimeDelta::weeks(week),
            ..template.clone()
        };
        std::fs::write(dir.log_path(&log.id).expect("a session ID"), log.to_json())
            .expect("the log is written");
    }
    let (logs, _) = log::list(&dir.sessions_dir()).expect("the folder lists");
    let mut group_bench = c.benchmark_group("pages");
    group_bench.sample_size(20);
    group_bench.bench_function("a poster as PDF", |b| {
        b.iter(|| {
            let sheet = outward.poster().expect("the poster has what it needs");
            black_box(pdf::one_page(&sheet, Paper::A4).expect("it prints"))
        });
    });
    group_bench.bench_function("a 52-session report as PDF", |b| {
        b.iter(|| {
            let history = History::of(&logs, &template.group);
            let sheet = Report {
                history: &history,
                roster: None,
                zone: Zone::Local,
                names: true,
            }
            .sheet();
            black_box(pdf::pages(&sheet, Paper::A4).expect("it prints"))
        });
    });
    group_bench.finish();
}

criterion_group!(benches, render, frame, paste, append, replay, history, pages);
criterion_main!(benches);
