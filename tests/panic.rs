//! A panic says where it happened and how to resume, and never repeats its message, which may
//! hold a participant's name.

use std::sync::{Arc, Mutex};

#[test]
fn a_panic_prints_where_but_never_what() {
    let said = Arc::new(Mutex::new(String::new()));
    let heard = Arc::clone(&said);
    std::panic::set_hook(Box::new(move |info| {
        *heard.lock().unwrap() = holdspace::ui::terminal::bug::message(info);
    }));
    let name = "Philippa Quarrender";
    let result = std::panic::catch_unwind(|| panic!("could not add {name}"));
    let _ = std::panic::take_hook();
    assert!(result.is_err());
    let said = said.lock().unwrap().clone();
    assert!(!said.contains(name), "{said}");
    assert!(said.contains("tests/panic.rs:"), "{said}");
    assert!(said.contains("run holdspace again to resume"), "{said}");
}
