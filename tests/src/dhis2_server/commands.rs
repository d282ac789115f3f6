//! Commands to a running test server as lines of text, for tests that run it as a process of its
//! own (`dhis2_test_server` reads them on its standard input): the Kotlin tests of the bindings
//! inject faults and count what the server holds this way.
//!
//! One command per line, one answer line each:
//! - `fault METHOD PATH FAULT [ARG] TIMES`: the next TIMES requests whose method is METHOD and whose
//!   path (without the context path) starts with PATH get FAULT; `*` for any method or path.
//!   FAULT is one of [`Fault`]'s variants in kebab case (`drop-after-commit`, `malformed-json`, ...);
//!   `status`, `service-unavailable` (seconds), `hang` (milliseconds), `slow` (bytes per second),
//!   `huge` (bytes) and `deeply-nested` (depth) take a number. Answers `ok`.
//! - `clear`: removes every injected fault. Answers `ok`.
//! - `count WHAT`: how many `tracked-entities`, `enrollments`, `events`, `data-values`,
//!   `completions` (deleted ones included) or `requests` the server holds, or how many injected
//!   `faults` are still to come (uses of fault rules). Answers `count WHAT N`.
//!
//! A line that is none of these changes nothing and answers `error ` and why.
//!
//! Owns the text form of commands. Does not own what they do ([`TestServer`]'s methods).

use std::time::Duration;

use super::{Fault, FaultRule, TestServer};

/// One command, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Fault(FaultRule),
    Clear,
    Count(Collection),
}

/// What `count` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    TrackedEntities,
    Enrollments,
    Events,
    DataValues,
    Completions,
    Requests,
    Faults,
}

impl Collection {
    const ALL: [(&'static str, Collection); 7] = [
        ("tracked-entities", Collection::TrackedEntities),
        ("enrollments", Collection::Enrollments),
        ("events", Collection::Events),
        ("data-values", Collection::DataValues),
        ("completions", Collection::Completions),
        ("requests", Collection::Requests),
        ("faults", Collection::Faults),
    ];

    fn name(self) -> &'static str {
        Collection::ALL.iter().find(|(_, c)| *c == self).map(|(n, _)| *n).unwrap_or_default()
    }
}

/// Parses one line (surrounding blanks ignored).
pub fn parse(line: &str) -> Result<Command, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["clear"] => Ok(Command::Clear),
        ["count", what] => Collection::ALL
            .iter()
            .find(|(name, _)| name == what)
            .map(|(_, c)| Command::Count(*c))
            .ok_or_else(|| format!("cannot count {what:?}")),
        ["fault", method, path, fault @ .., times] if !fault.is_empty() => {
            let times = number(times, "times")?;
            if times == 0 {
                return Err("times must be at least 1".into());
            }
            Ok(Command::Fault(FaultRule {
                method: self::method(method)?,
                path_prefix: (*path != "*").then(|| path.to_string()),
                fault: self::fault(fault)?,
                times: u32::try_from(times).map_err(|_| format!("too many times: {times}"))?,
            }))
        }
        [] => Err("empty line".into()),
        _ => Err(format!("unknown command {line:?} (fault, clear or count)")),
    }
}

/// Runs one line against `server`: the answer line.
pub fn answer(server: &TestServer, line: &str) -> String {
    match parse(line) {
        Ok(Command::Fault(rule)) => {
            server.inject(rule);
            "ok".into()
        }
        Ok(Command::Clear) => {
            server.clear_faults();
            "ok".into()
        }
        Ok(Command::Count(what)) => {
            let n = match what {
                Collection::TrackedEntities => server.tracked_entities().len(),
                Collection::Enrollments => server.enrollments().len(),
                Collection::Events => server.events().len(),
                Collection::DataValues => server.data_values().len(),
                Collection::Completions => server.completions().len(),
                Collection::Requests => server.requests().len(),
                Collection::Faults => server.pending_faults(),
            };
            format!("count {} {n}", what.name())
        }
        Err(why) => format!("error {why}"),
    }
}

/// The method as [`FaultRule`] keeps it (a static name), or `None` for `*`.
fn method(word: &str) -> Result<Option<&'static str>, String> {
    const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    if word == "*" {
        return Ok(None);
    }
    METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(word))
        .map(|m| Some(*m))
        .ok_or_else(|| format!("unknown method {word:?}"))
}

fn fault(words: &[&str]) -> Result<Fault, String> {
    let arg = |what: &str| match words {
        [_, n] => number(n, what),
        _ => Err(format!("{} takes one number ({what})", words[0])),
    };
    let plain = |fault: Fault| match words {
        [_] => Ok(fault),
        _ => Err(format!("{} takes no argument", words[0])),
    };
    match words[0] {
        "drop-before-commit" => plain(Fault::DropBeforeCommit),
        "drop-after-commit" => plain(Fault::DropAfterCommit),
        "status" => {
            let code = arg("status code")?;
            u16::try_from(code)
                .ok()
                .filter(|c| (100..600).contains(c))
                .map(Fault::Status)
                .ok_or(format!("bad status {code}"))
        }
        "service-unavailable" => Ok(Fault::ServiceUnavailable { retry_after_secs: arg("seconds")? }),
        "hang" => Ok(Fault::Hang(Duration::from_millis(arg("milliseconds")?))),
        "slow" => Ok(Fault::Slow { bytes_per_sec: arg("bytes per second")? }),
        "truncated" => plain(Fault::Truncated),
        "html-login-page" => plain(Fault::HtmlLoginPage),
        "redirect-to-login" => plain(Fault::RedirectToLogin),
        "partial-success" => plain(Fault::PartialSuccess),
        "malformed-json" => plain(Fault::MalformedJson),
        "wrong-types" => plain(Fault::WrongTypes),
        "unknown-enum" => plain(Fault::UnknownEnum),
        "huge" => Ok(Fault::Huge { bytes: arg("bytes")? }),
        "deeply-nested" => {
            Ok(Fault::DeeplyNested { depth: usize::try_from(arg("depth")?).map_err(|e| e.to_string())? })
        }
        other => Err(format!("unknown fault {other:?}")),
    }
}

fn number(word: &str, what: &str) -> Result<u64, String> {
    word.parse().map_err(|_| format!("{word:?} is not a number ({what})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(method: Option<&'static str>, path: Option<&str>, fault: Fault, times: u32) -> Command {
        Command::Fault(FaultRule { method, path_prefix: path.map(str::to_string), fault, times })
    }

    #[test]
    fn a_fault_line_names_method_path_fault_and_times() {
        assert_eq!(
            parse("fault POST /api/tracker drop-after-commit 1"),
            Ok(rule(Some("POST"), Some("/api/tracker"), Fault::DropAfterCommit, 1))
        );
        assert_eq!(
            parse("  fault get /api/me malformed-json 2 "),
            Ok(rule(Some("GET"), Some("/api/me"), Fault::MalformedJson, 2))
        );
        assert_eq!(parse("fault * * status 503 3"), Ok(rule(None, None, Fault::Status(503), 3)));
        assert_eq!(
            parse("fault GET /api/tracker/trackedEntities hang 1500 1"),
            Ok(rule(Some("GET"), Some("/api/tracker/trackedEntities"), Fault::Hang(Duration::from_millis(1500)), 1))
        );
        assert_eq!(
            parse("fault * /api/system service-unavailable 7 1"),
            Ok(rule(None, Some("/api/system"), Fault::ServiceUnavailable { retry_after_secs: 7 }, 1))
        );
    }

    #[test]
    fn clear_and_count_lines_are_read() {
        assert_eq!(parse("clear"), Ok(Command::Clear));
        assert_eq!(parse("count tracked-entities"), Ok(Command::Count(Collection::TrackedEntities)));
        assert_eq!(parse("count requests"), Ok(Command::Count(Collection::Requests)));
        for (name, c) in Collection::ALL {
            assert_eq!(c.name(), name);
        }
    }

    #[test]
    fn a_bad_line_is_an_error_saying_what_is_wrong() {
        for (line, says) in [
            ("", "empty"),
            ("faults * * truncated 1", "unknown command"),
            ("fault * * truncated", "unknown command"),
            ("fault * * truncated 0", "at least 1"),
            ("fault * * truncated x", "not a number"),
            ("fault BREW * truncated 1", "unknown method"),
            ("fault * * melt 1", "unknown fault"),
            ("fault * * status 1", "takes one number"),
            ("fault * * status 99 1", "bad status"),
            ("fault * * truncated 5 1", "takes no argument"),
            ("count people", "cannot count"),
            ("clear all", "unknown command"),
        ] {
            let err = parse(line).unwrap_err();
            assert!(err.contains(says), "{line:?}: {err}");
        }
    }

    #[test]
    fn answers_inject_clear_and_count_on_a_running_server() {
        let server = TestServer::start(super::super::ServerSetup::demo());
        assert_eq!(answer(&server, "count tracked-entities"), "count tracked-entities 0");
        assert_eq!(answer(&server, "fault GET /api/me status 500 2"), "ok");
        assert_eq!(answer(&server, "fault * * truncated 1"), "ok");
        assert_eq!(answer(&server, "count faults"), "count faults 3");
        assert_eq!(answer(&server, "clear"), "ok");
        assert_eq!(answer(&server, "count faults"), "count faults 0");
        assert!(answer(&server, "fault GET").starts_with("error "));
        assert_eq!(answer(&server, "count requests"), "count requests 0");
    }
}
