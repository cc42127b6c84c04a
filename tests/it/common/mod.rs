//! Shared helpers for the CLI and end-to-end tests: running the binary with a time limit,
//! writing session logs through the library, reading the data folder, and driving tmux.
#![allow(dead_code)]

pub(crate) use crate::fixture;

pub mod workbook;

use fixture::{at, meta, t0};
use holdspace::domain::Command as Cmd;
use holdspace::session::recorder::Recorder;
use holdspace::store::paths::DataDir;
use serde_json::Value;
use std::fs;
use std::io::{Read, Seek};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};
use tempfile::{TempDir, tempdir};

pub const BIN: &str = env!("CARGO_BIN_EXE_holdspace");

/// The binary with a data folder, a fixed time zone and no data folder from the environment.
pub fn holdspace(data_dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("--data-dir")
        .arg(data_dir)
        .env_remove("HOLDSPACE_DATA_DIR")
        .env("HOLDSPACE_CONFIG", data_dir.join("no-config.toml"))
        .env("TZ", "UTC");
    cmd
}

/// Runs `cmd` with `input` on its standard input, to its end.
pub fn run_with_input(cmd: &mut Command, input: &str) -> std::process::Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("holdspace starts");
    let mut stdin = child.stdin.take().expect("a stdin");
    std::io::Write::write_all(&mut stdin, input.as_bytes()).expect("the input is written");
    drop(stdin);
    child.wait_with_output().expect("holdspace ends")
}

/// Runs `holdspace script` with `input` on standard input, to its end, and returns its output.
pub fn script(root: &Path, args: &[&str], input: &str) -> String {
    let out = run_with_input(holdspace(root).arg("script").args(args), input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub struct Out {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Out {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// Runs to completion with stdin empty and stdout/stderr captured (never a terminal). Kills
/// the process and fails after 10 s, so a binary waiting for keys cannot hang the suite.
pub fn run(cmd: &mut Command) -> Out {
    let mut stdout = tempfile::tempfile().expect("a temporary file");
    let mut stderr = tempfile::tempfile().expect("a temporary file");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(stdout.try_clone().expect("a file handle"))
        .stderr(stderr.try_clone().expect("a file handle"))
        .spawn()
        .expect("the holdspace binary starts");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for holdspace") {
            break status;
        }
        if Instant::now() > deadline {
            // SIGTERM first, so a live screen can restore the terminal it took over.
            signal(child.id(), "-TERM");
            sleep(Duration::from_millis(500));
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} still running after 10 s; it was stopped");
        }
        sleep(Duration::from_millis(20));
    };
    let read = |file: &mut fs::File| {
        let mut text = String::new();
        file.rewind().expect("rewind");
        file.read_to_string(&mut text).expect("UTF-8 output");
        text
    };
    Out {
        status,
        stdout: read(&mut stdout),
        stderr: read(&mut stderr),
    }
}

/// Runs `holdspace ARGS` on the data folder `root` and returns its standard output; it must
/// succeed.
pub fn ok(root: &Path, args: &[&str]) -> String {
    let out = run(holdspace(root).args(args));
    assert!(out.status.success(), "{args:?}: {out:?}");
    out.stdout
}

/// Tomorrow, on the clock holdspace reads: local time.
pub fn tomorrow() -> chrono::DateTime<chrono::Local> {
    chrono::Local::now() + chrono::TimeDelta::days(1)
}

/// Saves `group`, meeting tomorrow at 18:30, with `more` of `group new`'s options; gives back
/// tomorrow's weekday.
pub fn meeting_tomorrow(root: &Path, group: &str, more: &[&str]) -> String {
    let day = tomorrow().format("%A").to_string();
    let args = [
        &["group", "new", group, "--day", &day, "--time", "18:30"][..],
        more,
    ]
    .concat();
    ok(root, &args);
    day
}

/// Refers `name` to `group` from CMHT North, with `email` noted if given, and confirms them.
pub fn confirmed(root: &Path, group: &str, name: &str, email: Option<&str>) {
    let mut args = vec!["roster", group, "add", name, "--referred-by", "CMHT North"];
    args.extend(email.iter().flat_map(|email| ["--email", email]));
    ok(root, &args);
    ok(root, &["roster", group, "set", name, "confirmed"]);
}

/// A temporary folder and the data folder inside it (created by the app, so with its modes).
pub fn data() -> (TempDir, PathBuf) {
    let tmp = tempdir().expect("a temporary folder");
    let root = tmp.path().join("data");
    (tmp, root)
}

/// Asserts a failure with a message and no panic, and returns stderr.
pub fn fails(out: &Out) -> &str {
    assert!(!out.status.success(), "expected a failure: {out:?}");
    assert!(!out.stderr.contains("panicked"), "it panicked: {out:?}");
    assert!(!out.stderr.trim().is_empty(), "no message: {out:?}");
    &out.stderr
}

/// Writes a finished session through the library: started 18:00 UTC, check-in at 18:12
/// (welcome overran by 2:00), `note` at 18:13, discussion at 18:20, ended at 18:25.
pub fn write_log(root: &Path, id: &str, group: &str, note: &str) -> PathBuf {
    let (dir, _) = DataDir::open(root).expect("the data folder opens");
    let mut meta = meta(id);
    meta.plan.group = group.to_owned();
    let mut rec = Recorder::start(&dir, meta, t0()).expect("a journal");
    for (command, now) in [
        (Cmd::Next, at(12, 0)),
        (Cmd::Note(note.to_owned()), at(13, 0)),
        (Cmd::Next, at(20, 0)),
        (Cmd::End, at(25, 0)),
    ] {
        let kind = rec.session.decide(&command, now).expect("an allowed command");
        assert!(rec.record(kind, now), "the event was saved");
    }
    rec.finish(&dir).expect("the log is written")
}

pub fn read_json(path: &Path) -> Value {
    let bytes = fs::read(path).unwrap_or_else(|err| panic!("read {}: {err}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|err| panic!("{} is not JSON: {err}", path.display()))
}

/// The files in `folder` whose names end with `suffix`, sorted.
pub fn files_ending(folder: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap_or_else(|err| panic!("read {}: {err}", folder.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    found
}

/// The only open journal.
pub fn only_journal(root: &Path) -> PathBuf {
    let found = files_ending(&root.join("journal"), ".jsonl");
    assert_eq!(found.len(), 1, "expected one journal: {found:?}");
    found.into_iter().next().expect("one journal")
}

/// The only session log in the data folder, parsed.
pub fn only_log(root: &Path) -> Value {
    let logs = files_ending(&root.join("sessions"), ".json");
    assert_eq!(logs.len(), 1, "expected exactly one log: {logs:?}");
    read_json(&logs[0])
}

/// The events of a journal, one JSON value per complete line.
pub fn journal_events(path: &Path) -> Vec<Value> {
    let text = fs::read_to_string(path).expect("the journal reads");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a JSON journal line"))
        .collect()
}

pub fn event_types(events: &Value) -> Vec<String> {
    events
        .as_array()
        .expect("an events array")
        .iter()
        .map(|event| event["type"].as_str().expect("a type").to_owned())
        .collect()
}

pub fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// Every folder under `root` (itself included) is 0700 and every file 0600.
pub fn assert_private(root: &Path) {
    assert_eq!(mode(root), 0o700, "{}", root.display());
    for entry in fs::read_dir(root).expect("read the folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            assert_private(&path);
        } else {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
}

/// A tmux server of its own (`tmux -L <unique>`) running one command in a detached session;
/// the server is killed when this is dropped.
pub struct Tmux {
    socket: String,
    /// The socket file, removed on drop (tmux leaves it behind after kill-server).
    socket_path: PathBuf,
}

const WAIT: Duration = Duration::from_secs(10);

impl Tmux {
    /// Ends the session from the live screen, finishes the review that opens, and waits for
    /// the printed log path.
    pub fn end_session(&self) -> String {
        self.key("q");
        self.wait_for("End the session?");
        self.key("y");
        self.wait_for("holdspace · review");
        self.key("q");
        self.wait_for("Log saved to")
    }

    pub fn start(width: u16, height: u16, command: &str) -> Self {
        static CHECKED: OnceLock<()> = OnceLock::new();
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        CHECKED.get_or_init(|| {
            let ok = Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|out| out.status.success());
            assert!(
                ok,
                "tmux is needed for the end-to-end tests: install tmux, or run scripts/test"
            );
        });
        let socket = format!(
            "holdspace-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut tmux = Self {
            socket,
            socket_path: PathBuf::new(),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let path = tmux.cmd(&[
            "new-session",
            "-d",
            "-P",
            "-F",
            "#{socket_path}",
            "-x",
            &w,
            "-y",
            &h,
            command,
        ]);
        tmux.socket_path = PathBuf::from(path.trim());
        tmux
    }

    /// Runs a tmux command on this server and returns its stdout; panics if it fails.
    pub fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .env("LANG", "C.UTF-8")
            .env("TZ", "UTC")
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends one key (a tmux key name such as `n`, `Space`, `Escape`, `C-c`).
    pub fn key(&self, key: &str) {
        self.cmd(&["send-keys", key]);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.cmd(&["send-keys", "-l", text]);
    }

    /// Pastes `text` as a terminal does (`paste-buffer -p`): inside bracketed-paste marks when
    /// the app asked for them, else as if typed. Line breaks arrive as carriage returns, as
    /// tmux sends them.
    pub fn paste(&self, text: &str) {
        let file = tempfile::NamedTempFile::new().expect("a temporary file");
        fs::write(file.path(), text).expect("the paste is written");
        let path = file.path().to_str().expect("a UTF-8 path");
        self.cmd(&["load-buffer", path]);
        self.cmd(&["paste-buffer", "-p", "-d"]);
    }

    pub fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p"])
    }

    /// Polls the screen every 50 ms until `text` is on it; returns that screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |screen| screen.contains(text))
    }

    /// Waits until every one of `parts` is on screen at once: a screen can be caught half drawn.
    pub fn wait_all(&self, parts: &[&str]) -> String {
        self.wait_until(&format!("{parts:?} on screen"), |screen| {
            parts.iter().all(|part| screen.contains(part))
        })
    }

    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} gone"), |screen| !screen.contains(text))
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() <= deadline,
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Sends Escape and waits, so the next key is not read as Alt+key.
    pub fn escape(&self) {
        self.key("Escape");
        sleep(Duration::from_millis(250));
    }

    /// The pid of the process in the pane (the app itself when started with `exec`).
    pub fn pane_pid(&self) -> u32 {
        let text = self.cmd(&["display", "-p", "#{pane_pid}"]);
        text.trim().parse().expect("a pid")
    }
    /// Kills the server, closing the terminal under whatever still runs in it.
    pub fn kill_server(&self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }

    /// The holdspace processes in this server's panes: a pane's own process, or its child.
    fn apps(&self) -> Vec<u32> {
        let Ok(out) = Command::new("tmux")
            .args(["-L", &self.socket, "list-panes", "-a", "-F", "#{pane_pid}"])
            .stderr(Stdio::null())
            .output()
        else {
            return Vec::new();
        };
        let panes: Vec<u32> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|line| line.trim().parse().ok())
            .collect();
        let Ok(entries) = fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                stat(*pid).is_some_and(|(comm, _, ppid)| {
                    comm == "holdspace" && (panes.contains(pid) || panes.contains(&ppid))
                })
            })
            .collect()
    }
}

/// A process's name, state and parent, from `/proc/PID/stat`.
fn stat(pid: u32) -> Option<(String, char, u32)> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (open, close) = (text.find('(')?, text.rfind(')')?);
    let mut rest = text[close + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let ppid = rest.next()?.parse().ok()?;
    Some((text[open + 1..close].to_owned(), state, ppid))
}

/// The CPU time a process has used so far (user and system), from `/proc/PID/stat`, in the
/// kernel's clock ticks of 10 ms (`getconf CLK_TCK` is 100 on Linux).
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // utime and stime are the 12th and 13th fields after the name.
    let mut fields = text[text.rfind(')')? + 1..].split_whitespace().skip(11);
    let ticks: u64 = fields.next()?.parse::<u64>().ok()? + fields.next()?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Whether the process is gone (or a zombie) within `limit`.
pub fn exits_within(pid: u32, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        // A zombie leader can still have threads exiting that hold its files, and with them the
        // journal's lock: it has exited once its open files are gone too.
        let files_closed =
            || fs::read_dir(format!("/proc/{pid}/fd")).map_or(true, |mut fds| fds.next().is_none());
        if stat(pid).is_none_or(|(_, state, _)| state == 'Z' && files_closed()) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        sleep(Duration::from_millis(20));
    }
}

pub fn signal(pid: u32, signal: &str) {
    let _ = Command::new("kill").args([signal, &pid.to_string()]).status();
}

impl Drop for Tmux {
    /// Stops any app still running (a test that failed half-way), then the server: an app
    /// whose terminal closes under it may keep running.
    fn drop(&mut self) {
        for pid in self.apps() {
            signal(pid, "-KILL");
        }
        self.kill_server();
        let _ = fs::remove_file(&self.socket_path);
    }
}

/// The pane command for a rehearsal in `root`, kept open afterwards so its output stays visible.
pub fn rehearse(root: &Path, extra: &str) -> String {
    format!(
        "'{BIN}' rehearse --speed 60 --data-dir '{}' {extra}; sleep 60",
        root.display()
    )
}

/// The pane command for a rehearsal that replaces the shell, so the pane pid is the app's.
pub fn rehearse_exec(root: &Path) -> String {
    format!("exec '{BIN}' rehearse --speed 60 --data-dir '{}'", root.display())
}

/// The pane command for `holdspace ARGS` with `root` as `HOLDSPACE_DATA_DIR`. With `exec` the app
/// replaces the shell, so the pane pid is the app's (`env` execs it too); otherwise the pane stays
/// open to show what it printed.
pub fn pane(root: &Path, args: &str, exec: bool) -> String {
    let app = format!("env HOLDSPACE_DATA_DIR='{}' '{BIN}' {args}", root.display());
    if exec {
        format!("exec {app}")
    } else {
        format!("{app}; sleep 60")
    }
}

/// Kills the app with SIGKILL and waits until it is gone.
pub fn kill_9(pid: u32) {
    let comm = stat(pid).map(|(comm, _, _)| comm);
    assert_eq!(comm.as_deref(), Some("holdspace"), "pid {pid} is not the app");
    signal(pid, "-KILL");
    assert!(exits_within(pid, WAIT), "pid {pid} survived kill -9");
}

/// A reading tool's standard output: poppler's (`pdftotext`, `pdfinfo`, `pdftoppm`) or zbar's
/// scanner, never the code that wrote the file; `scripts/test` installs both.
pub fn reader(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|err| {
        panic!("{tool} runs (poppler-utils and zbar-tools, installed by scripts/test): {err}")
    });
    assert!(out.status.success(), "{tool} {args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// A PDF's text as one line of words, so a check does not depend on where lines wrap.
pub fn pdf_words(pdf: &Path) -> String {
    let text = reader("pdftotext", &[pdf.to_str().expect("a path"), "-"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
