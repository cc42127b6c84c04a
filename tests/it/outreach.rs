//! The group's outward face on the built binary: `group edit` with what the group says of itself,
//! the poster and referral form read back with poppler (pdftotext, pdfinfo, pdftoppm), never with
//! the code that wrote them, and the blurb.

use crate::common::{data, fails, holdspace, ok, pdf_words as words, reader, run};
use std::fs;
use std::path::{Path, PathBuf};

const FOR: &str = "Adults with the Eastside community mental health team who feel low, anxious or alone.";
const ABOUT: &str = "We talk, listen and share what helps, over tea; you choose what to say, if anything.";
const CONTACT: &str = "Zoë Łódź or محمد on 020 7946 0000";
const ACCESS: &str = "Step-free entrance, hearing loop, quiet room next door.";
const REFER: &str = "https://example.org/refer/tuesday-circle";

/// Saves the Tuesday Circle and says on paper who it is for, what happens, whom to ask, access,
/// when it starts and where referrals go.
fn circle(root: &Path) {
    ok(
        root,
        &[
            "group",
            "new",
            "Tuesday Circle",
            "--day",
            "tuesday",
            "--time",
            "18:30",
        ],
    );
    ok(
        root,
        &[
            "group",
            "edit",
            "Tuesday Circle",
            "--place",
            "Room 4, Eastside Centre",
            "--capacity",
            "8",
            "--for",
            FOR,
            "--about",
            ABOUT,
            "--contact",
            CONTACT,
            "--accessibility",
            ACCESS,
            "--starts",
            "2099-01-13",
            "--refer",
            REFER,
        ],
    );
}

fn info(pdf: &Path) -> String {
    reader("pdfinfo", &[pdf.to_str().expect("a path")])
}

/// `group poster` (or another printing command) for the Tuesday Circle, written to `name`
/// beside the data folder; it must succeed.
fn printed(tmp: &Path, root: &Path, command: &[&str], name: &str) -> PathBuf {
    let path = outside(tmp, name);
    ok(
        root,
        &[command, &["Tuesday Circle", "-o", path.to_str().unwrap()]].concat(),
    );
    path
}

/// Page 1 of `pdf` rendered by poppler at `dpi` as `format` (`-png`, `-gray`), beside it.
fn rendered(pdf: &Path, dpi: &str, format: &str, extension: &str) -> PathBuf {
    let prefix = pdf.with_extension("page");
    let (pdf, to) = (pdf.to_str().unwrap(), prefix.to_str().unwrap());
    reader("pdftoppm", &["-r", dpi, format, "-singlefile", pdf, to]);
    PathBuf::from(format!("{to}.{extension}"))
}

/// `group poster GROUP -o poster`, which must be refused with nothing written: what it said.
fn poster_refused(root: &Path, group: &str, poster: &Path) -> String {
    let out = run(holdspace(root).args(["group", "poster", group, "-o", poster.to_str().unwrap()]));
    assert!(!poster.exists(), "a refused poster is not written");
    fails(&out).to_owned()
}

fn outside(tmp: &Path, name: &str) -> PathBuf {
    tmp.join(name)
}

#[test]
fn a_poster_prints_every_field_the_group_set_on_one_tagged_page() {
    let (tmp, root) = data();
    circle(&root);
    let poster = outside(tmp.path(), "poster.pdf");
    let said = ok(
        &root,
        &[
            "group",
            "poster",
            "Tuesday Circle",
            "-o",
            poster.to_str().unwrap(),
        ],
    );
    assert!(said.contains("poster.pdf"), "{said}");

    let text = words(&poster);
    for field in [
        FOR,
        ABOUT,
        ACCESS,
        "Tuesday Circle",
        "Tuesdays, 18:30 to 20:00",
        "Room 4, Eastside Centre",
    ] {
        assert!(text.contains(field), "{field:?} is not on the poster:\n{text}");
    }
    for letters in [
        "Zoë Łódź",
        "020 7946 0000",
        "at most 8 people",
        "Starts Tuesday 13 January 2099",
        "Scan to refer",
    ] {
        assert!(
            text.contains(letters),
            "{letters:?} is not on the poster:\n{text}"
        );
    }
    // The Arabic name comes back as its own letters, in reading order.
    assert!(
        text.contains("محمد"),
        "the Arabic name is missing or reversed:\n{text}"
    );

    let info = info(&poster);
    for line in [
        "Pages:           1",
        "Tagged:          yes",
        "Title:           Tuesday Circle: a peer support group",
        "(A4)",
    ] {
        assert!(info.contains(line), "{line:?} not in:\n{info}");
    }
    assert_eq!(
        crate::common::mode(&poster) & 0o777,
        0o600,
        "the poster is private until shared"
    );
}

#[test]
fn a_letter_poster_is_letter_sized() {
    let (tmp, root) = data();
    circle(&root);
    let poster = printed(tmp.path(), &root, &["group", "poster", "--letter"], "letter.pdf");
    assert!(
        info(&poster).contains("612 x 792 pts (letter)"),
        "{}",
        info(&poster)
    );
}

/// The page as a person sees it: rendered by poppler, the title band across the top is dark and
/// the foot of the page is paper.
#[test]
fn the_rendered_poster_has_its_dark_title_band_and_white_paper() {
    let (tmp, root) = data();
    circle(&root);
    let poster = printed(tmp.path(), &root, &["group", "poster"], "poster.pdf");
    let pgm = fs::read(rendered(&poster, "20", "-gray", "pgm")).expect("pdftoppm writes a PGM");
    let (width, pixels) = pgm_pixels(&pgm);
    let row = |y: usize| &pixels[y * width..(y + 1) * width];
    let mean = |row: &[u8]| row.iter().map(|&p| u32::from(p)).sum::<u32>() / row.len() as u32;
    assert!(mean(row(2)) < 80, "the band at the top is dark: {}", mean(row(2)));
    let height = pixels.len() / width;
    assert!(mean(row(height - 2)) > 240, "the foot of the page is paper");
}

/// The QR code is read by a scanner (zbar), not by the code that drew it: it opens the link.
#[test]
fn the_posters_qr_code_scans_to_the_referral_link() {
    let (tmp, root) = data();
    circle(&root);
    let poster = printed(tmp.path(), &root, &["group", "poster"], "poster.pdf");
    let png = rendered(&poster, "150", "-png", "png");
    let scanned = reader("zbarimg", &["-q", "--raw", png.to_str().unwrap()]);
    assert_eq!(scanned.trim(), REFER);
}

/// Width and grey levels of a binary PGM (P5) as pdftoppm writes it.
fn pgm_pixels(pgm: &[u8]) -> (usize, Vec<u8>) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let width: usize = fields[1].parse().expect("a width");
    (width, pgm[at + 1..].to_vec())
}

#[test]
fn a_poster_without_who_it_is_for_names_the_field_and_the_option_and_writes_nothing() {
    let (tmp, root) = data();
    ok(&root, &["group", "new", "Quiet group"]);
    let poster = outside(tmp.path(), "poster.pdf");
    let err = poster_refused(&root, "Quiet group", &poster);
    assert!(err.contains("outreach.for") && err.contains("--for"), "{err}");
    assert!(!poster.exists());
    ok(
        &root,
        &["group", "edit", "Quiet group", "--for", "Anyone on the ward"],
    );
    let err = poster_refused(&root, "Quiet group", &poster);
    assert!(
        err.contains("outreach.contact") && err.contains("--contact"),
        "{err}"
    );
}

#[test]
fn text_too_long_for_one_readable_page_is_refused_naming_its_field() {
    let (tmp, root) = data();
    circle(&root);
    let long = "A sentence about the group that goes on a while. ".repeat(12);
    let long = long.trim();
    for field in ["--about", "--accessibility", "--contact"] {
        ok(&root, &["group", "edit", "Tuesday Circle", field, long]);
    }
    let poster = outside(tmp.path(), "poster.pdf");
    let err = poster_refused(&root, "Tuesday Circle", &poster);
    assert!(
        err.contains("does not fit on one page") && err.contains("14 pt"),
        "{err}"
    );
    assert!(err.contains("outreach."), "names the field: {err}");
    assert!(!poster.exists(), "nothing clipped is written");
}

#[test]
fn characters_the_font_cannot_print_are_refused_naming_the_field() {
    let (tmp, root) = data();
    circle(&root);
    ok(
        &root,
        &[
            "group",
            "edit",
            "Tuesday Circle",
            "--accessibility",
            "Lift to the 心の会 room",
        ],
    );
    let poster = outside(tmp.path(), "poster.pdf");
    let err = poster_refused(&root, "Tuesday Circle", &poster);
    assert!(
        err.contains("outreach.accessibility") && err.contains("心 (U+5FC3) の (U+306E) 会 (U+4F1A)"),
        "{err}"
    );
    assert!(!poster.exists());
}

#[test]
fn the_referral_form_asks_only_the_simple_details_and_says_where_it_goes() {
    let (tmp, root) = data();
    circle(&root);
    let form = printed(tmp.path(), &root, &["group", "referral-form"], "form.pdf");
    let text = words(&form);
    for asked in [
        "Referral to Tuesday Circle",
        "Their name",
        "How to reach them",
        "Your name, team, and how to reach you",
        "care co-ordinator",
        "feel welcome",
        "They agree to be referred",
        // poppler marks the Arabic name's direction, so the contact is looked for in pieces.
        "Send it to: Zoë Łódź or",
        "محمد",
        "on 020 7946 0000",
        REFER,
    ] {
        assert!(text.contains(asked), "{asked:?} not on the form:\n{text}");
    }
    assert!(info(&form).contains("Pages:           1"));
}

#[test]
fn the_blurb_is_three_plain_lines() {
    let (_tmp, root) = data();
    circle(&root);
    let blurb = ok(&root, &["group", "blurb", "Tuesday Circle"]);
    let lines: Vec<&str> = blurb.lines().collect();
    assert_eq!(lines.len(), 3, "{blurb}");
    assert!(
        lines[0].starts_with("Tuesday Circle, a peer support group: Adults"),
        "{blurb}"
    );
    assert!(
        lines[1].starts_with("Tuesdays, 18:30 to 20:00. Room 4"),
        "{blurb}"
    );
    assert!(lines[2].contains(CONTACT) && lines[2].contains(REFER), "{blurb}");
}

#[test]
fn group_edit_refuses_a_bad_field_by_name_and_saves_nothing() {
    let (_tmp, root) = data();
    circle(&root);
    let file = root.join("groups/tuesday-circle/group.toml");
    let before = fs::read(&file).expect("the group file");
    for (option, value, field) in [
        ("--starts", "13/01/2099", "outreach.starts"),
        ("--refer", "ask at the desk", "outreach.refer"),
        ("--time", "half six", "time"),
        ("--feedback-every", "0", "feedback_every"),
    ] {
        let out = run(holdspace(&root).args(["group", "edit", "Tuesday Circle", option, value]));
        let err = fails(&out);
        assert!(err.contains(&format!("{field}: ")), "{option}: {err}");
        assert_eq!(
            fs::read(&file).expect("the group file"),
            before,
            "{option} saved something"
        );
    }
    let show = ok(&root, &["group", "show", "Tuesday Circle"]);
    for line in [
        "  feedback       a members' round every 4 sessions",
        "On paper (poster, referral form, blurb):",
        &format!("  for            {FOR}"),
        "  starts         2099-01-13",
        &format!("  refer          {REFER}"),
    ] {
        assert!(show.contains(line), "{line:?} not in:\n{show}");
    }
    // What was not asked for stays; an empty text clears.
    ok(
        &root,
        &[
            "group",
            "edit",
            "Tuesday Circle",
            "--accessibility",
            "",
            "--online",
        ],
    );
    let show = fs::read_to_string(&file).expect("the group file");
    assert!(
        !show.contains("accessibility") && show.contains(ABOUT) && show.contains("online"),
        "{show}"
    );
}

#[test]
fn a_poster_is_never_written_into_the_data_folder() {
    let (_tmp, root) = data();
    circle(&root);
    let inside = root.join("poster.pdf");
    let err = poster_refused(&root, "Tuesday Circle", &inside);
    assert!(err.contains("inside holdspace's data folder"), "{err}");
    assert!(!inside.exists());
}

#[test]
fn a_room_groups_feedback_form_asks_the_question_with_a_box_per_answer_and_room_to_write() {
    let (tmp, root) = data();
    circle(&root);
    let out = run(holdspace(&root).args(["feedback-form", "Tuesday Circle"]));
    assert!(fails(&out).contains("-o FILE"), "{out:?}");
    let form = printed(tmp.path(), &root, &["feedback-form"], "feedback.pdf");
    let text = words(&form);
    for asked in [
        "Tuesday Circle: your feedback",
        "Anonymous: please do not write your name.",
        "Overall, how was your experience of the group?",
        "Very good Good Neither good nor poor Poor Very poor Don't know",
        "What was good?",
        "What could be better?",
    ] {
        assert!(text.contains(asked), "{asked:?} not on the form:\n{text}");
    }
    let structure = reader("pdfinfo", &["-struct-text", form.to_str().unwrap()]);
    assert_eq!(
        structure.matches("LI (block)").count(),
        6,
        "a list item a box:\n{structure}"
    );
    assert!(info(&form).contains("Pages:           1"));
}

#[test]
fn an_online_groups_feedback_form_is_text_to_paste_into_the_chat() {
    let (_tmp, root) = data();
    ok(&root, &["group", "new", "Online circle", "--online"]);
    let text = ok(&root, &["feedback-form", "Online circle"]);
    assert!(
        text.starts_with("Online circle: your feedback\nAnonymous"),
        "{text}"
    );
    for asked in [
        "1. Overall, how was your experience of the group?",
        "Very good / Good / Neither good nor poor / Poor / Very poor / Don't know",
        "2. What was good?",
        "3. What could be better?",
        "private message",
    ] {
        assert!(text.contains(asked), "{asked:?} not in:\n{text}");
    }
}

#[test]
fn an_online_groups_feedback_form_is_never_written_as_a_pdf() {
    let (tmp, root) = data();
    ok(&root, &["group", "new", "Online circle", "--online"]);
    let pdf = outside(tmp.path(), "form.pdf");
    for args in [
        &["feedback-form", "Online circle", "--letter"][..],
        &["feedback-form", "Online circle", "-o", pdf.to_str().unwrap()],
    ] {
        let out = run(holdspace(&root).args(args));
        assert!(
            fails(&out).contains("an online group's feedback form is text"),
            "{out:?}"
        );
    }
    assert!(!pdf.exists());
    let text = outside(tmp.path(), "form.txt");
    ok(
        &root,
        &["feedback-form", "Online circle", "-o", text.to_str().unwrap()],
    );
    assert!(
        fs::read_to_string(&text)
            .expect("the form")
            .contains("What was good?")
    );
}

#[test]
fn the_referral_form_needs_only_how_to_reach_the_group() {
    let (tmp, root) = data();
    ok(&root, &["group", "new", "Only contact"]);
    ok(
        &root,
        &["group", "edit", "Only contact", "--contact", "Sam, 020 7946 0000"],
    );
    let form = outside(tmp.path(), "form.pdf");
    ok(
        &root,
        &[
            "group",
            "referral-form",
            "Only contact",
            "-o",
            form.to_str().unwrap(),
        ],
    );
    assert!(words(&form).contains("Send it to: Sam, 020 7946 0000"));
    let poster = outside(tmp.path(), "poster.pdf");
    let err = poster_refused(&root, "Only contact", &poster);
    assert!(err.contains("outreach.for"), "{err}");
}

/// What holdspace says back never carries a control character, even where the path asked for does.
#[test]
fn a_start_already_past_is_said_and_a_hostile_path_is_shown_safely() {
    let (tmp, root) = data();
    circle(&root);
    let said = ok(
        &root,
        &["group", "edit", "Tuesday Circle", "--starts", "2020-01-07"],
    );
    assert!(
        said.contains("The start date 2020-01-07 is past, so the poster and blurb leave it out."),
        "{said}"
    );
    assert!(!ok(&root, &["group", "blurb", "Tuesday Circle"]).contains("2020"));
    let odd = outside(tmp.path(), "x\u{1b}]0;TITLE\u{7}.pdf");
    let said = ok(
        &root,
        &["group", "poster", "Tuesday Circle", "-o", odd.to_str().unwrap()],
    );
    assert!(!said.contains(['\u{1b}', '\u{7}']), "{said:?}");
    assert!(odd.exists());
}
