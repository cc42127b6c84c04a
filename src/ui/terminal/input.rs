//! Waiting for what the terminal sends, and noticing when it has gone. crossterm's reader loops
//! without end at full CPU on a terminal that reads as closed (a closed window or tmux pane:
//! every read returns end-of-file), so the screens wait here instead, with poll(2), and hand
//! crossterm only input that is there to read.

use crossterm::event::{self, Event};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;
use signal_hook::consts::SIGWINCH;
use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

/// What came while waiting.
#[derive(Debug)]
pub enum Woke {
    /// What the terminal sent, in order; none when the wait ran out.
    Events(Vec<Event>),
    /// The terminal has gone: it hung up, or its input failed.
    Gone,
}

struct Input {
    /// `/dev/tty` when standard input is not the terminal: where crossterm reads from then.
    tty: Option<File>,
    /// Written to on SIGWINCH, so that a resize wakes the wait as it wakes crossterm's reader.
    resized: UnixStream,
    /// Input is waiting that crossterm did not take: its reader is edge-triggered, and leaves
    /// what is past its 1 KiB buffer until more arrives. Waiting for that input again would
    /// return at once, for ever; until crossterm takes something, the wait is for a hangup,
    /// a resize, or the time to pass.
    stale: bool,
}

impl Input {
    fn open() -> io::Result<Self> {
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(File::options().read(true).write(true).open("/dev/tty")?)
        };
        let (resized, wake) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        wake.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(SIGWINCH, wake)?;
        // crossterm's reader starts watching for resizes when first asked for input.
        event::poll(Duration::ZERO)?;
        Ok(Self {
            tty,
            resized,
            stale: false,
        })
    }

    fn wait(&mut self, timeout: Duration) -> io::Result<Woke> {
        let tty = match &self.tty {
            Some(file) => file.as_fd(),
            None => rustix::stdio::stdin(),
        };
        // A hangup and an error are reported whatever is asked for.
        let wanted = if self.stale {
            PollFlags::empty()
        } else {
            PollFlags::IN
        };
        let mut fds = [
            PollFd::from_borrowed_fd(tty, wanted),
            PollFd::new(&self.resized, PollFlags::IN),
        ];
        let timeout =
            Timespec::try_from(timeout).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
        match poll(&mut fds, Some(&timeout)) {
            // A signal: the caller looks at its stop flag.
            Err(Errno::INTR) => return Ok(Woke::Events(Vec::new())),
            Err(err) => return Err(err.into()),
            Ok(_) => {}
        }
        let (sent, resized) = (fds[0].revents(), fds[1].revents());
        if gone(sent) {
            return Ok(Woke::Gone);
        }
        if resized.contains(PollFlags::IN) {
            while (&self.resized).read(&mut [0; 64]).is_ok_and(|read| read > 0) {}
        }
        let mut events = Vec::new();
        if sent.contains(PollFlags::IN) || resized.contains(PollFlags::IN) || self.stale {
            self.stale = loop {
                let before = events.len();
                while event::poll(Duration::ZERO)? {
                    events.push(event::read()?);
                }
                // Input that came after crossterm last looked is taken by looking again; what
                // is still there after a look that took nothing, it will not take yet.
                match readable(tty)? {
                    None => return Ok(Woke::Gone),
                    Some(false) => break false,
                    Some(true) => {}
                }
                if events.len() == before {
                    break true;
                }
            };
        }
        Ok(Woke::Events(events))
    }
}

/// Whether input is waiting on `tty` now; `None` once the terminal has gone, where reading
/// would find end-of-file for ever.
fn readable(tty: BorrowedFd) -> io::Result<Option<bool>> {
    let mut fds = [PollFd::from_borrowed_fd(tty, PollFlags::IN)];
    match poll(&mut fds, Some(&Timespec::default())) {
        Err(Errno::INTR) => return Ok(Some(false)),
        Err(err) => return Err(err.into()),
        Ok(_) => {}
    }
    let sent = fds[0].revents();
    Ok((!gone(sent)).then_some(sent.contains(PollFlags::IN)))
}

/// Whether poll(2)'s answer for the terminal says it has gone.
fn gone(sent: PollFlags) -> bool {
    sent.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// Waits up to `timeout` for the terminal to send something, and takes everything it sent.
pub fn wait(timeout: Duration) -> io::Result<Woke> {
    static INPUT: OnceLock<Mutex<Input>> = OnceLock::new();
    let input = if let Some(input) = INPUT.get() {
        input
    } else {
        let opened = Input::open()?;
        INPUT.get_or_init(|| Mutex::new(opened))
    };
    input.lock().unwrap_or_else(PoisonError::into_inner).wait(timeout)
}
