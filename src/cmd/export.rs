//! `holdspace export ID`: one saved session for records, in full, for one person's handover, or
//! anonymised; printed, or written privately to a file outside the data folder.

use crate::cmd::error::CmdError;
use crate::cmd::sessions::saved;
use crate::export::{self, Format, Scope};
use crate::store::guard;
use crate::store::log;
use crate::store::paths::DataDir;
use crate::util::format::Zone;
use std::path::Path;

/// What to export and where to: the command line's options.
pub struct Asked<'a> {
    pub id: &'a str,
    pub format: Format,
    pub handover: Option<&'a str>,
    pub anonymised: bool,
    pub output: Option<&'a Path>,
}

pub fn run(dir: &DataDir, asked: &Asked) -> Result<String, CmdError> {
    let loaded = log::load(&saved(dir, asked.id)?)?;
    let scope = match (asked.handover, asked.anonymised) {
        (Some(name), _) => Scope::Handover(export::find_person(&loaded.log, name)?),
        (None, true) => Scope::Anonymised,
        (None, false) => Scope::Full,
    };
    let text = export::render(&loaded.log, asked.format, scope, Zone::Local);
    print_or_write(dir, asked.output, text, "Exported to")
}

/// `text` for standard output, or written to `output` privately and atomically, with `done`
/// and the path to say where it went.
pub fn print_or_write(
    dir: &DataDir,
    output: Option<&Path>,
    text: String,
    done: &str,
) -> Result<String, CmdError> {
    match output {
        Some(path) => {
            guard::write_output(dir.disk().as_ref(), dir.root(), path, text.as_bytes())?;
            Ok(format!("{done} {}", path.display()))
        }
        None => Ok(text),
    }
}
