//! What a panic prints: where in the code it happened, never its message, which may quote a
//! participant's name or note. `HOLDSPACE_DEBUG=1` prints the message too, for a developer.

use std::panic::PanicHookInfo;

/// Replaces the panic message with `message`. The terminal is given back first by the hooks
/// the live screen adds on top of this one.
pub fn install() {
    let debug = std::env::var_os("HOLDSPACE_DEBUG").is_some_and(|value| value == "1");
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if debug {
            default(info);
        } else {
            crate::util::notice::say_bare(message(info));
        }
    }));
}

/// The line a panic prints: where it happened and what to do, without what it was about.
pub fn message(info: &PanicHookInfo<'_>) -> String {
    let place = info
        .location()
        .map(|at| format!(" at {}:{}", at.file(), at.line()))
        .unwrap_or_default();
    format!(
        "holdspace stopped because of a bug{place}. Every event shown as saved is in the journal: \
         run holdspace again to resume. The details are left out because they may name people; \
         HOLDSPACE_DEBUG=1 shows them."
    )
}
