//! Stdout that a closed pipe does not break: `nianbao schema | head -c 10` ends
//! quietly instead of failing on the first write after `head` left.

use std::io::{self, Write};

/// Stdout, locked; once the reader has gone, writes are dropped.
pub struct Out {
    inner: io::StdoutLock<'static>,
    closed: bool,
}

impl Out {
    /// Locks stdout.
    pub fn new() -> Out {
        Out {
            inner: io::stdout().lock(),
            closed: false,
        }
    }

    /// Whether the reader has gone (nothing more needs writing).
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Writes bytes; a closed pipe is noted, not an error.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.write_all(bytes);
        self.absorb(result)
    }

    /// Flushes; a closed pipe is noted, not an error.
    pub fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb(result)
    }

    fn absorb(&mut self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Writes a line to stderr, ignoring errors (a closed stderr must not stop the work).
pub fn warn(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{text}");
}
