//! The JSON export: the document as it is, under its version and scope, timestamps in UTC.

use super::{Document, EXPORT_VERSION};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct Envelope<'a, T> {
    export_version: u32,
    scope: &'static str,
    #[serde(flatten)]
    body: &'a T,
}

fn pretty<T: Serialize>(scope: &'static str, body: &T) -> String {
    let envelope = Envelope {
        export_version: EXPORT_VERSION,
        scope,
        body,
    };
    // Only strings, numbers and string-keyed structs: serialising cannot fail.
    let text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    // serde_json escapes C0 controls but writes DEL and C1 (which some terminals obey) as they
    // are. They can only occur inside strings, where the `\u` escape means the same.
    let mut safe = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}') {
            let _ = write!(safe, "\\u{:04x}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    safe.push('\n');
    safe
}

pub(super) fn render(document: &Document) -> String {
    match document {
        Document::Full(full) => pretty("full", full),
        Document::Handover(handover) => pretty("handover", handover),
        Document::Anonymised(anonymised) => pretty("anonymised", anonymised),
    }
}
