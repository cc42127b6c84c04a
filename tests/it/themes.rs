//! Themes: every built-in sets every role and keeps WCAG contrast, user themes inherit and fail
//! with useful messages, the CLI lists and chooses them, and no state rests on colour alone.

use crate::common;
use crate::screen;

use chrono::FixedOffset;
use common::fixture::{at, data_dir, meta, people, press, t0};
use common::{fails, holdspace, run};
use holdspace::domain::SessionMeta;
use holdspace::session::recorder::Recorder;
use holdspace::ui::app::{App, Overlay, Screen};
use holdspace::ui::keys::action::Action;
use holdspace::ui::theme::themes::{self, BUILTIN, Origin};
use holdspace::ui::theme::{Role, Theme, snake};
use holdspace::util::format::Zone;
use ratatui::style::{Color, Modifier};
use screen::{assert_shows, assert_uncoloured, draw, line_with, screen};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::{TempDir, tempdir};

fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(name, _)| *name).collect()
}

fn builtin(name: &str) -> Theme {
    themes::builtin(name).unwrap_or_else(|| panic!("no built-in theme {name:?}"))
}

/// Two themes that style every role alike and are made for the same terminal colours.
fn assert_same(got: &Theme, want: &Theme, what: &str) {
    for role in Role::ALL {
        assert_eq!(got.style(role), want.style(role), "{what}: role {}", snake(role));
    }
    assert_eq!(
        (got.foreground, got.background),
        (want.foreground, want.background),
        "{what}: foreground and background"
    );
}

#[test]
fn every_builtin_theme_parses_and_sets_every_role() {
    let all: BTreeSet<Role> = Role::ALL.into_iter().collect();
    assert_eq!(all.len(), Role::ALL.len(), "Role::ALL repeats a role");
    for (name, source) in BUILTIN {
        let theme = Theme::parse(source).unwrap_or_else(|err| panic!("{name}: {err}"));
        let set: BTreeSet<Role> = theme.roles().collect();
        let missing: Vec<String> = all.difference(&set).map(|role| snake(*role)).collect();
        assert!(missing.is_empty(), "{name} leaves out {missing:?}");
        assert!(theme.parent.is_none(), "{name}: a built-in stands alone");
        assert!(themes::builtin(name).is_some(), "builtin({name:?})");
    }
    assert_eq!(themes::names(None), names());
    // A file dropped into themes/ but not into BUILTIN would ship nowhere.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    for entry in fs::read_dir(&folder).expect("the themes folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            let stem = path.file_stem().and_then(|stem| stem.to_str()).expect("a name");
            assert!(names().contains(&stem), "{} is not in BUILTIN", path.display());
        }
    }
    // Theme authors learn the roles from the README.
    let readme = fs::read_to_string(folder.join("README.md")).expect("themes/README.md");
    for role in Role::ALL {
        let spelt = format!("`{}`", snake(role));
        assert!(
            readme.contains(&spelt),
            "themes/README.md does not describe {spelt}"
        );
    }
}

/// A colour as xterm's default palette shows it.
fn rgb(color: Color) -> [u8; 3] {
    const ANSI: [[u8; 3]; 16] = [
        [0x00, 0x00, 0x00],
        [0xcd, 0x00, 0x00],
        [0x00, 0xcd, 0x00],
        [0xcd, 0xcd, 0x00],
        [0x00, 0x00, 0xee],
        [0xcd, 0x00, 0xcd],
        [0x00, 0xcd, 0xcd],
        [0xe5, 0xe5, 0xe5],
        [0x7f, 0x7f, 0x7f],
        [0xff, 0x00, 0x00],
        [0x00, 0xff, 0x00],
        [0xff, 0xff, 0x00],
        [0x5c, 0x5c, 0xff],
        [0xff, 0x00, 0xff],
        [0x00, 0xff, 0xff],
        [0xff, 0xff, 0xff],
    ];
    let index = match color {
        Color::Rgb(r, g, b) => return [r, g, b],
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        // Theme files may name xterm's 256 colours by number too.
        Color::Indexed(n) if n >= 232 => return [8 + 10 * (n - 232); 3],
        Color::Indexed(n) if n >= 16 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let n = n - 16;
            return [level(n / 36), level(n / 6 % 6), level(n % 6)];
        }
        Color::Indexed(n) => n,
        Color::Reset => panic!("Color::Reset has no fixed colour to check"),
    };
    ANSI[usize::from(index)]
}

/// WCAG 2 relative luminance.
fn luminance(color: Color) -> f64 {
    let linear = |c: u8| {
        let s = f64::from(c) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(color);
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn xterm_palette_luminance_matches_wcag_reference_values() {
    assert!((contrast(Color::Black, Color::White) - 21.0).abs() < 1e-9);
    assert!((contrast(Color::Rgb(0x76, 0x76, 0x76), Color::White) - 4.54).abs() < 0.01);
    assert!((contrast(Color::Indexed(15), Color::Indexed(16)) - 21.0).abs() < 1e-9);
}

/// The roles of `theme` (called `name`) short of WCAG contrast, one table row each.
fn contrast_failures(name: &str, theme: &Theme) -> Vec<String> {
    let (Some(foreground), Some(background)) = (theme.foreground, theme.background) else {
        return vec![format!(
            "{name:<14} foreground and background must both be declared"
        )];
    };
    let text_minimum = if name == "high-contrast" { 7.0 } else { 4.5 };
    let mut failures = Vec::new();
    for role in Role::ALL {
        let style = theme.style(role);
        let (mut fg, mut bg) = (style.fg.unwrap_or(foreground), style.bg.unwrap_or(background));
        if style.add_modifier.contains(Modifier::REVERSED) {
            (fg, bg) = (bg, fg);
        }
        // A border is not text: WCAG asks 3:1 of graphical objects.
        let minimum = if role == Role::Border { 3.0 } else { text_minimum };
        let ratio = contrast(fg, bg);
        if ratio < minimum {
            failures.push(format!(
                "{name:<14} {:<11} {ratio:>5.2}:1 < {minimum}:1  ({fg} on {bg})",
                snake(role)
            ));
        }
    }
    failures
}

#[test]
fn the_contrast_check_catches_faint_text_swapped_roles_and_undeclared_colours() {
    let faint = Theme::parse(
        "foreground = \"gray\"\nbackground = \"black\"\n[roles]\n\
         muted = { fg = \"#444444\" }\nborder = { fg = \"#555555\" }\n\
         selected = { fg = \"white\", bg = \"#eeeeee\", reversed = true }\n",
    )
    .expect("a theme");
    let failures = contrast_failures("faint", &faint);
    let roles: Vec<&str> = failures
        .iter()
        .filter_map(|row| row.split_whitespace().nth(1))
        .collect();
    // #555555 on black is 2.8:1, short of even the border's 3:1.
    assert_eq!(roles, ["muted", "border", "selected"], "{failures:#?}");
    // darkgray on black passes 4.5:1 but not high-contrast's 7:1.
    let dim = Theme::parse("foreground = \"darkgray\"\nbackground = \"black\"\n").expect("a theme");
    assert!(contrast_failures("dim", &dim).is_empty());
    assert_eq!(
        contrast_failures("high-contrast", &dim).len(),
        Role::ALL.len() - 1
    );
    let bare = Theme::parse("[roles]\ntext = {}\n").expect("a theme");
    assert!(contrast_failures("bare", &bare)[0].contains("must both be declared"));
}

#[test]
fn every_coloured_theme_keeps_wcag_contrast_on_its_own_terminal_colours() {
    let mut failures = Vec::new();
    for (name, source) in BUILTIN.into_iter().filter(|(name, _)| *name != "monochrome") {
        let theme = Theme::parse(source).unwrap_or_else(|err| panic!("{name}: {err}"));
        failures.extend(contrast_failures(name, &theme));
    }
    assert!(
        failures.is_empty(),
        "theme          role        ratio\n{}",
        failures.join("\n")
    );
}

#[test]
fn monochrome_has_no_colour_and_is_the_no_color_fallback() {
    let mono = builtin("monochrome");
    for role in Role::ALL {
        let style = mono.style(role);
        assert_eq!((style.fg, style.bg), (None, None), "monochrome {}", snake(role));
    }
    assert_eq!((mono.foreground, mono.background), (None, None));
    assert_same(&themes::fallback(true), &mono, "fallback(true)");
    assert_same(&themes::fallback(false), &builtin("default"), "fallback(false)");
}

/// A folder of user themes: each (name, text) written as `name.toml`.
fn folder(files: &[(&str, &str)]) -> TempDir {
    let tmp = tempdir().expect("a temporary folder");
    for (name, text) in files {
        fs::write(tmp.path().join(format!("{name}.toml")), text).expect("the theme is written");
    }
    tmp
}

#[test]
fn a_user_theme_keeps_its_parents_roles_where_it_sets_none() {
    let tmp = folder(&[(
        "mine",
        "parent = \"light\"\n[roles]\nclock = { fg = \"#123456\" }\n",
    )]);
    let mine = themes::load("mine", Some(tmp.path())).expect("mine loads");
    let light = builtin("light");
    assert_eq!(mine.style(Role::Clock).fg, Some(Color::Rgb(0x12, 0x34, 0x56)));
    // The role set replaces the parent's whole: light's clock is bold, mine is not.
    assert!(!mine.style(Role::Clock).add_modifier.contains(Modifier::BOLD));
    for role in Role::ALL.into_iter().filter(|role| *role != Role::Clock) {
        assert_eq!(
            mine.style(role),
            light.style(role),
            "mine {} is light's",
            snake(role)
        );
    }
    assert_eq!(
        (mine.foreground, mine.background),
        (light.foreground, light.background)
    );
}

#[test]
fn a_user_file_named_after_a_builtin_changes_only_the_roles_it_sets() {
    let tmp = folder(&[("default", "[roles]\nover = { fg = \"magenta\" }\n")]);
    let theme = themes::load("default", Some(tmp.path())).expect("default loads");
    let default = builtin("default");
    assert_eq!(theme.style(Role::Over).fg, Some(Color::Magenta));
    for role in Role::ALL.into_iter().filter(|role| *role != Role::Over) {
        assert_eq!(theme.style(role), default.style(role), "{}", snake(role));
    }
    assert_eq!(
        (theme.foreground, theme.background),
        (default.foreground, default.background)
    );
    // Without a folder the built-in is untouched.
    assert_same(
        &themes::load("default", None).expect("default"),
        &default,
        "load(default, None)",
    );
}

/// A user `default.toml` that names `default` as its parent means the built-in one, also when
/// another theme reaches it as its own parent: that is not a loop.
#[test]
fn naming_a_builtin_as_the_parent_of_its_namesake_is_not_a_loop() {
    let tmp = folder(&[
        (
            "default",
            "parent = \"default\"\n[roles]\nover = { fg = \"magenta\" }\n",
        ),
        (
            "mine",
            "parent = \"default\"\n[roles]\nflag = { fg = \"blue\" }\n",
        ),
    ]);
    let mine = themes::load("mine", Some(tmp.path())).expect("mine loads over the user's default");
    assert_eq!(mine.style(Role::Over).fg, Some(Color::Magenta));
    assert_eq!(mine.style(Role::Flag).fg, Some(Color::Blue));
    assert_eq!(mine.style(Role::Clock), builtin("default").style(Role::Clock));
}

#[test]
fn a_user_theme_without_a_parent_or_namesake_builds_on_default() {
    let tmp = folder(&[("plain", "[roles]\nflag = { fg = \"blue\" }\n")]);
    let theme = themes::load("plain", Some(tmp.path())).expect("plain loads");
    assert_eq!(theme.style(Role::Flag).fg, Some(Color::Blue));
    assert_eq!(theme.style(Role::Over), builtin("default").style(Role::Over));
}

#[test]
fn parents_naming_each_other_are_a_loop_not_a_hang() {
    let tmp = folder(&[("a", "parent = \"b\"\n"), ("b", "parent = \"a\"\n")]);
    let err = themes::load("a", Some(tmp.path()))
        .map(|_| ())
        .expect_err("a loop")
        .to_string();
    assert!(err.contains("loop"), "{err}");
    assert!(
        err.contains(&tmp.path().join("a.toml").display().to_string()),
        "{err}"
    );
    let err = themes::load("self", Some(folder(&[("self", "parent = \"self\"\n")]).path()))
        .map(|_| ())
        .expect_err("its own parent")
        .to_string();
    assert!(err.contains("loop"), "{err}");
}

#[test]
fn an_unknown_or_unsafe_name_is_refused_with_the_theme_names() {
    let tmp = folder(&[("mine", "")]);
    let err = themes::load("nope", Some(tmp.path()))
        .map(|_| ())
        .expect_err("no such theme")
        .to_string();
    assert!(err.contains("there is no theme called \"nope\""), "{err}");
    for name in names().into_iter().chain(["mine"]) {
        assert!(err.contains(name), "{name} is not listed: {err}");
    }
    // "../x" from `inner` would reach this file if names were not checked.
    let outside = tmp.path().join("x.toml");
    fs::write(&outside, "").expect("a file outside the folder's themes");
    let inner = tmp.path().join("inner");
    fs::create_dir(&inner).expect("a theme folder");
    for name in ["../x", "..", "", "a/b", "/etc/passwd", "x.toml"] {
        let err = themes::load(name, Some(&inner))
            .map(|_| ())
            .expect_err(name)
            .to_string();
        assert!(err.contains("is not a theme name"), "{name:?}: {err}");
        assert!(err.contains("high-contrast"), "{name:?} lists the themes: {err}");
    }
    let err = themes::load("nope", Some(&tmp.path().join("missing")))
        .map(|_| ())
        .expect_err("a missing folder")
        .to_string();
    assert!(err.contains("no theme called"), "{err}");
}

/// Loads `name` from `folder`, expecting an error that names `file`.
fn load_error(folder: &Path, name: &str, file: &Path) -> String {
    let err = themes::load(name, Some(folder))
        .map(|_| ())
        .expect_err(name)
        .to_string();
    assert!(
        err.contains(&file.display().to_string()),
        "the error names {}: {err}",
        file.display()
    );
    err
}

#[test]
fn a_broken_user_theme_names_its_file_the_line_and_what_is_valid() {
    let tmp = folder(&[
        ("colour", "# mine\n[roles]\nclock = { fg = \"nope\" }\n"),
        ("role", "[roles]\ntitle = {}\n\nclok = { fg = \"red\" }\n"),
        (
            "syntax",
            "foreground = \"white\"\n[roles]\nclock = { fg = \"red\" \n",
        ),
        ("field", "[roles]\nclock = { colour = \"red\" }\n"),
        ("background", "\n\nbackground = \"dark\"\n"),
        ("child", "parent = \"colour\"\n"),
    ]);
    let path = |name: &str| tmp.path().join(format!("{name}.toml"));
    let err = load_error(tmp.path(), "colour", &path("colour"));
    assert!(err.contains("line 3") && err.contains("\"nope\""), "{err}");
    assert!(err.contains("lightcyan") && err.contains("#rrggbb"), "{err}");

    let err = load_error(tmp.path(), "role", &path("role"));
    assert!(err.contains("line 4") && err.contains("clok"), "{err}");
    assert!(
        err.contains("clock") && err.contains("not_spoken"),
        "the roles: {err}"
    );

    let err = load_error(tmp.path(), "syntax", &path("syntax"));
    assert!(err.contains("line 3") && err.contains("expected `}`"), "{err}");

    let err = load_error(tmp.path(), "field", &path("field"));
    assert!(err.contains("line 2") && err.contains("colour"), "{err}");
    assert!(
        err.contains("fg") && err.contains("reversed"),
        "the fields: {err}"
    );

    let err = load_error(tmp.path(), "background", &path("background"));
    assert!(err.contains("line 3") && err.contains("\"dark\""), "{err}");
    assert!(err.contains("#rrggbb"), "{err}");

    // A broken parent is named as well as the child that chose it.
    let err = load_error(tmp.path(), "child", &path("child"));
    assert!(err.contains(&path("colour").display().to_string()), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]

fn a_bad_colour_in_a_role_table_names_its_own_line() {
    let tmp = folder(&[("table", "# mine\n[roles.clock]\nbold = true\nfg = \"nope\"\n")]);
    let err = load_error(tmp.path(), "table", &tmp.path().join("table.toml"));
    assert!(err.contains("line 4"), "{err}");
}

#[test]
fn all_lists_builtins_then_user_themes_with_their_files_even_broken_ones() {
    let tmp = folder(&[
        ("zzz", "parent = \"okabe-ito\"\n"),
        ("broken", "[roles]\nclock = { fg = \"nope\" }\n"),
        ("default", "[roles]\nover = { fg = \"magenta\" }\n"),
    ]);
    fs::write(tmp.path().join("notes.txt"), "not a theme").expect("another file");
    let all = themes::all(Some(tmp.path()));
    let listed: Vec<&str> = all.iter().map(|(name, _, _)| name.as_str()).collect();
    let mut want = names();
    want.extend(["broken", "zzz"]);
    assert_eq!(listed, want);
    assert_eq!(themes::names(Some(tmp.path())), want);
    for (name, origin, theme) in &all {
        let file = tmp.path().join(format!("{name}.toml"));
        match name.as_str() {
            "default" | "broken" | "zzz" => assert_eq!(origin, &Origin::File(file.clone()), "{name}"),
            _ => assert_eq!(origin, &Origin::Builtin, "{name}"),
        }
        match (name.as_str(), theme) {
            ("broken", Err(err)) => assert!(err.to_string().contains(&file.display().to_string()), "{err}"),
            ("broken", Ok(_)) => panic!("the broken theme loaded"),
            (_, Err(err)) => panic!("{name}: {err}"),
            ("default", Ok(theme)) => assert_eq!(theme.style(Role::Over).fg, Some(Color::Magenta)),
            ("zzz", Ok(theme)) => assert_same(theme, &builtin("okabe-ito"), "zzz"),
            (_, Ok(theme)) => assert_same(theme, &builtin(name), name),
        }
    }
    let plain: Vec<String> = themes::all(None).into_iter().map(|(name, _, _)| name).collect();
    assert_eq!(plain, names());
}

/// The binary with no theme chosen by the environment.
fn cli(root: &Path) -> Command {
    let mut cmd = holdspace(root);
    cmd.env_remove("HOLDSPACE_THEME").env_remove("NO_COLOR");
    cmd
}

const SAMPLE: [&str; 4] = ["● on time", "✖", "⏸ PAUSED", "◉"];

#[test]
fn themes_lists_every_builtin_with_a_plain_sample_off_a_terminal() {
    let tmp = tempdir().expect("a temporary folder");
    let out = run(cli(&tmp.path().join("data")).arg("themes"));
    assert!(out.status.success(), "{out:?}");
    assert!(
        !out.stdout.contains('\x1b'),
        "escape codes off a terminal: {out:?}"
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    for name in names() {
        let at = lines
            .iter()
            .position(|line| line.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("{name} is not listed: {out:?}"));
        assert!(lines[at].contains("built-in"), "{}", lines[at]);
        let sample = lines.get(at + 1).copied().unwrap_or_default();
        for part in SAMPLE {
            assert!(sample.contains(part), "{name}'s sample lacks {part:?}: {sample}");
        }
    }
    assert!(out.stdout.contains("--theme NAME"), "{out:?}");
}

#[test]
fn an_unknown_theme_warns_and_goes_on_with_the_builtin() {
    let tmp = tempdir().expect("a temporary folder");
    let out = run(cli(&tmp.path().join("data")).args(["--theme", "nope", "sessions"]));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.contains("no theme called \"nope\""), "{out:?}");
    for name in names() {
        assert!(out.stderr.contains(name), "{name} is not listed: {out:?}");
    }
    assert!(out.stderr.contains("Going on with the built-in theme"), "{out:?}");
    assert!(!out.stderr.contains("panicked"), "{out:?}");
    // The same name through the environment is no different.
    let out = run(cli(&tmp.path().join("data"))
        .env("HOLDSPACE_THEME", "nope")
        .arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.contains("Going on with the built-in theme"), "{out:?}");
    // A bad command still fails as before, the theme notice notwithstanding.
    let out = run(cli(&tmp.path().join("data")).args(["--theme", "nope", "show", "missing"]));
    fails(&out);
}

/// A settings file `config.toml` with `settings` beside a `themes/` folder of `files`.
fn config_with_themes(settings: &str, files: &[(&str, &str)]) -> (TempDir, PathBuf) {
    let tmp = tempdir().expect("a temporary folder");
    let themes = tmp.path().join("themes");
    fs::create_dir(&themes).expect("the themes folder");
    for (name, text) in files {
        fs::write(themes.join(format!("{name}.toml")), text).expect("a theme file");
    }
    let config = tmp.path().join("config.toml");
    fs::write(&config, settings).expect("the settings file");
    (tmp, config)
}

#[test]
fn a_users_theme_beside_the_settings_file_is_listed_and_chosen() {
    let (tmp, config) = config_with_themes(
        "theme = \"mine\"\n",
        &[
            (
                "mine",
                "parent = \"light\"\n[roles]\nclock = { fg = \"#123456\" }\n",
            ),
            ("broken", "[roles]\nclok = {}\n"),
        ],
    );
    let data = tmp.path().join("data");
    let out = run(cli(&data).arg("--config").arg(&config).arg("themes"));
    assert!(out.status.success(), "{out:?}");
    assert!(!out.stdout.contains('\x1b'), "{out:?}");
    let mine = tmp.path().join("themes").join("mine.toml");
    let line = out
        .stdout
        .lines()
        .find(|line| line.starts_with("mine "))
        .unwrap_or_else(|| panic!("mine is not listed: {out:?}"));
    assert!(line.contains(&mine.display().to_string()), "{line}");
    let broken = tmp.path().join("themes").join("broken.toml");
    assert!(
        out.stdout.contains("cannot be used") && out.stdout.contains(&broken.display().to_string()),
        "{out:?}"
    );
    assert!(
        !out.stderr.contains("Going on"),
        "mine is chosen without a warning: {out:?}"
    );

    let out = run(cli(&data).arg("--config").arg(&config).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert!(
        !out.stderr.contains("theme"),
        "mine is chosen without a warning: {out:?}"
    );

    // --theme wins over the settings file, and a broken choice falls back with a warning.
    let out = run(cli(&data)
        .arg("--config")
        .arg(&config)
        .args(["--theme", "broken", "sessions"]));
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.contains(&broken.display().to_string())
            && out.stderr.contains("Going on with the built-in theme"),
        "{out:?}"
    );
}

/// A running app at `t0` for `meta` in the monochrome theme, showing UTC.
fn mono(meta: SessionMeta) -> (TempDir, App) {
    let (tmp, dir) = data_dir();
    let recorder = Recorder::start(&dir, meta, t0()).expect("the session starts");
    let zone = Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"));
    let app = App::new(recorder, dir, builtin("monochrome"), zone, t0());
    (tmp, app)
}

/// The screen at 120x40, checked to carry no colour at all.
fn mono_screen(app: &App) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let terminal = draw(app, 120, 40);
    assert_uncoloured(&terminal);
    terminal
}

#[test]
fn monochrome_shows_schedule_and_time_states_in_glyphs_and_words() {
    let (_tmp, mut app) = mono(meta("mono"));
    app.tick(at(5, 0));
    assert_shows(&mono_screen(&app), &["● on time", "▶"]);

    app.act(Action::Next);
    assert_shows(&mono_screen(&app), &["▼ 5:00 ahead", "✓"]);

    let (_tmp, mut app) = mono(meta("mono"));
    app.tick(at(12, 30));
    let terminal = mono_screen(&app);
    assert_shows(&terminal, &["✖ +2:30 over", "▲ 2:30 behind"]);
    // The overrunning item's row carries its overrun, not only the Now panel.
    assert!(
        line_with(&terminal, "▶ Welcome").contains("+2:30"),
        "{}",
        screen(&terminal)
    );

    press(&mut app, " ");
    app.tick(at(14, 0));
    let terminal = mono_screen(&app);
    assert_shows(&terminal, &["⏸ PAUSED"]);
    assert!(
        line_with(&terminal, "⏸ Welcome").contains("12:30"),
        "{}",
        screen(&terminal)
    );
}

#[test]
fn monochrome_shows_the_end_warning_and_over_time_in_words() {
    let (_tmp, mut app) = mono(meta("mono"));
    for minute in [10, 25, 55, 65] {
        app.tick(at(minute, 0));
        app.act(Action::Next);
    }
    app.tick(at(82, 0));
    assert!(app.recorder.session.warning_showing());
    assert_shows(
        &mono_screen(&app),
        &["⚠ 8:00 to the scheduled end (19:30)", "dismiss", "+2:00 over"],
    );
    app.tick(at(92, 15));
    assert_shows(
        &mono_screen(&app),
        &["✖ OVER TIME +2:15", "the scheduled end (19:30) has passed"],
    );
}

#[test]
fn monochrome_shows_the_speaker_the_unheard_and_flags_in_glyphs() {
    let (_tmp, mut app) = mono(people("mono", &["Ana", "Bo"]));
    app.tick(at(1, 0));
    press(&mut app, "h⏎h↓⏎");
    app.tick(at(2, 0));
    press(&mut app, "s");
    app.tick(at(3, 0));
    let terminal = mono_screen(&app);
    assert_shows(&terminal, &["◉ Ana speaking"]);
    assert!(
        line_with(&terminal, "1.  Bo").contains('○'),
        "{}",
        screen(&terminal)
    );

    press(&mut app, "a!worried about home⏎");
    assert_eq!(app.overlay, Some(Overlay::People), "the note returns to the list");
    let terminal = mono_screen(&app);
    let row = line_with(&terminal, "▸ Ana");
    assert!(row.contains('⚑'), "Ana's row shows her flag: {row}");
    assert!(
        !line_with(&terminal, "  Bo ").contains('⚑'),
        "{}",
        screen(&terminal)
    );

    press(&mut app, "⎋");
    app.tick(at(40, 0));
    press(&mut app, "qy");
    assert_eq!(app.screen, Screen::Review);
    let terminal = mono_screen(&app);
    assert_shows(&terminal, &["⚑ Ana: safeguarding concern"]);
    assert!(
        line_with(&terminal, "▸ Ana").contains('⚑'),
        "{}",
        screen(&terminal)
    );
}

#[test]
fn item9_a_theme_chain_20000_parents_deep_is_refused_naming_the_chain() {
    let tmp = tempdir().expect("a temporary folder");
    let themes = tmp.path().join("settings").join("themes");
    fs::create_dir_all(&themes).expect("a themes folder");
    for n in 0..20_000 {
        fs::write(
            themes.join(format!("t{n}.toml")),
            format!("parent = \"t{}\"\n", n + 1),
        )
        .expect("a theme");
    }
    let err = themes::load("t0", Some(&themes))
        .map(|_| ())
        .expect_err("too deep")
        .to_string();
    assert!(
        err.contains(&themes.join("t0.toml").display().to_string()),
        "{err}"
    );
    assert!(err.contains("t0 → t1 → t2") && err.contains("16"), "{err}");
    // Sixteen files on a built-in are as deep as a chain goes.
    fs::write(themes.join("t15.toml"), "parent = \"light\"\n").expect("a theme");
    themes::load("t0", Some(&themes)).expect("sixteen files load");
    fs::write(themes.join("t16.toml"), "parent = \"light\"\n").expect("a theme");
    fs::write(themes.join("t15.toml"), "parent = \"t16\"\n").expect("a theme");
    let err = themes::load("t0", Some(&themes))
        .map(|_| ())
        .expect_err("seventeen")
        .to_string();
    assert!(
        err.ends_with("t15 → t16; a theme may build on at most 15 others of yours in turn"),
        "{err}"
    );

    // The command does the same, and goes on with the built-in theme.
    let out = run(holdspace(&tmp.path().join("data"))
        .env(
            "HOLDSPACE_CONFIG",
            tmp.path().join("settings").join("config.toml"),
        )
        .args(["--theme", "t0", "sessions"]));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.contains("t0 → t1 → t2"), "{out:?}");
}
