//! Fault points for tests of the form layer: a unit test arms a named point and the next read
//! that passes it fails as a disk read would. Reads that a trigger cannot make fail (SQLite
//! triggers fire on writes only) are tested this way; writes are made to fail by triggers the
//! tests create in the database.
//!
//! Owns the points and arming them. In builds other than `cargo test` every point is a no-op.

/// Fails when a test armed `point` on this thread (once: the point is disarmed as it fires).
#[cfg(not(test))]
#[inline(always)]
pub(crate) fn point(_point: &'static str) -> rusqlite::Result<()> {
    Ok(())
}

#[cfg(test)]
pub(crate) use armed::{arm, point};

#[cfg(test)]
mod armed {
    use std::cell::RefCell;

    thread_local! {
        static ARMED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }

    /// Makes the next pass through `point` on this thread fail.
    pub(crate) fn arm(point: &'static str) {
        ARMED.with(|a| a.borrow_mut().push(point));
    }

    pub(crate) fn point(point: &'static str) -> rusqlite::Result<()> {
        let fired = ARMED.with(|a| {
            let mut armed = a.borrow_mut();
            let at = armed.iter().position(|p| *p == point);
            at.map(|i| armed.remove(i)).is_some()
        });
        if fired {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
                Some(format!("injected failure at {point}")),
            ));
        }
        Ok(())
    }
}
