//! Trying a request again when the network or the server's load stopped it: exponential
//! backoff from one second, doubling up to a cap, or the wait the server asked for
//! (`Retry-After`, also capped), a few times, and never after the person cancelled.
//!
//! Retrying a POST is safe here: every record carries the UID this device gave it, and uploads
//! use `CREATE_AND_UPDATE`, so a request that reached the server before its answer was lost
//! changes nothing the second time (`upload` module doc).
//!
//! Owns the policy and [`Retrying`], an [`Api`] that wraps another. Does not own which errors
//! are transient (`ClientError::transient`).

use std::time::Duration;

use super::api::{Answer, Api, ClientError, ServerVersion};
use super::progress::Observer;

/// How often and how long to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub attempts: u32,
    pub first_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy { attempts: 6, first_delay: Duration::from_secs(1), max_delay: Duration::from_secs(60) }
    }
}

impl RetryPolicy {
    /// The wait before try `attempt + 1` (0-based `attempt` that failed with `error`).
    pub fn delay(&self, attempt: u32, error: &ClientError) -> Duration {
        let backoff = self.first_delay.saturating_mul(1u32 << attempt.min(16));
        error.retry_after().unwrap_or(backoff).min(self.max_delay)
    }
}

/// An [`Api`] that retries transient failures of `inner`, sleeping with `sleep` (the thread's
/// sleep, or a recorder in tests).
pub struct Retrying<'a> {
    pub inner: &'a dyn Api,
    pub policy: RetryPolicy,
    pub observer: &'a dyn Observer,
    pub sleep: &'a dyn Fn(Duration),
}

impl Retrying<'_> {
    fn run<T>(&self, call: impl Fn() -> Result<T, ClientError>) -> Result<T, ClientError> {
        let mut attempt = 0;
        loop {
            match call() {
                Err(e) if e.transient() && attempt + 1 < self.policy.attempts && !self.observer.cancelled() => {
                    let wait = self.policy.delay(attempt, &e);
                    log::warn!("{e}; try {} in {} s", attempt + 2, wait.as_secs());
                    (self.sleep)(wait);
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}

impl Api for Retrying<'_> {
    fn version(&self) -> ServerVersion {
        self.inner.version()
    }

    fn get(&self, path_and_query: &str) -> Result<Vec<u8>, ClientError> {
        self.run(|| self.inner.get(path_and_query))
    }

    fn post_json(&self, path_and_query: &str, body: &[u8]) -> Result<Answer, ClientError> {
        self.run(|| self.inner.post_json(path_and_query, body))
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;
    use crate::sync::progress::Quiet;

    /// Fails with the given errors, then answers.
    struct Flaky {
        errors: RefCell<Vec<ClientError>>,
        calls: Cell<u32>,
    }

    impl Api for Flaky {
        fn version(&self) -> ServerVersion {
            ServerVersion::new(2, 41, 0)
        }
        fn get(&self, _: &str) -> Result<Vec<u8>, ClientError> {
            self.calls.set(self.calls.get() + 1);
            match self.errors.borrow_mut().pop() {
                Some(e) => Err(e),
                None => Ok(b"{}".to_vec()),
            }
        }
        fn post_json(&self, p: &str, _: &[u8]) -> Result<Answer, ClientError> {
            self.get(p).map(|body| Answer { status: 200, body })
        }
    }

    fn http(status: u16, retry_after: Option<u64>) -> ClientError {
        ClientError::Http { url: "u".into(), status, retry_after: retry_after.map(Duration::from_secs) }
    }

    #[test]
    fn transient_failures_are_retried_with_doubling_waits_and_the_servers_retry_after() {
        let api = Flaky {
            errors: RefCell::new(vec![http(503, Some(7)), ClientError::Timeout { url: "u".into() }, http(502, None)]),
            calls: Cell::new(0),
        };
        let waits = RefCell::new(Vec::new());
        let sleep = |d: Duration| waits.borrow_mut().push(d.as_secs());
        let retrying = Retrying { inner: &api, policy: RetryPolicy::default(), observer: &Quiet, sleep: &sleep };
        assert!(retrying.get("/api/me").is_ok());
        assert_eq!(api.calls.get(), 4);
        assert_eq!(
            *waits.borrow(),
            [1, 2, 7],
            "errors are popped from the end: 502, timeout, then 503 with Retry-After"
        );
    }

    #[test]
    fn lasting_and_permanent_failures_are_not_retried_forever() {
        let api = Flaky { errors: RefCell::new(vec![http(500, None); 10]), calls: Cell::new(0) };
        let sleep = |_: Duration| {};
        let policy = RetryPolicy { attempts: 3, ..RetryPolicy::default() };
        let retrying = Retrying { inner: &api, policy, observer: &Quiet, sleep: &sleep };
        assert!(matches!(retrying.get("/api/me"), Err(ClientError::Http { status: 500, .. })));
        assert_eq!(api.calls.get(), 3);

        let api =
            Flaky { errors: RefCell::new(vec![ClientError::Unauthorized { url: "u".into() }]), calls: Cell::new(0) };
        let retrying = Retrying { inner: &api, policy, observer: &Quiet, sleep: &sleep };
        assert!(matches!(retrying.get("/api/me"), Err(ClientError::Unauthorized { .. })));
        assert_eq!(api.calls.get(), 1);
    }

    #[test]
    fn waits_are_capped() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.delay(0, &http(503, None)), Duration::from_secs(1));
        assert_eq!(policy.delay(3, &http(503, None)), Duration::from_secs(8));
        assert_eq!(policy.delay(30, &http(503, None)), Duration::from_secs(60));
        assert_eq!(policy.delay(0, &http(503, Some(3600))), Duration::from_secs(60));
    }
}
