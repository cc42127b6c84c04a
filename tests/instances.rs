//! A second holdspace on the same data folder never treats a running session as interrupted.

mod fixture;

use fixture::{meta, t0};
use holdspace::recorder::Recorder;
use holdspace::recovery::{Found, inspect};
use holdspace::store::journal::Journal;
use holdspace::store::paths::DataDir;

#[test]
fn a_running_session_is_left_alone_until_its_journal_is_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = DataDir::open(tmp.path()).unwrap();
    let path = dir.journal_path("running");
    let running = Recorder::start(&dir, meta("running"), t0()).unwrap();

    match inspect(&path) {
        Found::Unusable(message) => assert!(message.contains("another holdspace"), "{message}"),
        other => panic!("a journal in use must not be offered for resuming: {other:?}"),
    }
    let err = Journal::reopen(dir.disk().clone(), &path).unwrap_err();
    assert_eq!(err.source.kind(), std::io::ErrorKind::WouldBlock, "{err}");
    assert!(err.to_string().contains("another holdspace has this file open"));

    drop(running);
    assert!(
        matches!(inspect(&path), Found::Resumable(_)),
        "closed, it can be resumed"
    );
}
