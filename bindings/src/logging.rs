//! Rust's log records (the `log` crate: the core's sync, the bindings' calls and panics) to the
//! app's log, through the [`Logger`] foreign trait the shell implements (Android's `Log`, or the
//! tests' list).
//!
//! The `log` crate takes one logger for the life of the process; this module installs its
//! forwarder once and lets the shell replace what it forwards to ([`set_logger`]) any number of
//! times. Records never carry passwords, tokens, keys or captured values.
//!
//! Owns the forwarding. Does not own what is logged.

use std::sync::{OnceLock, PoisonError, RwLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LogLevel {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

/// Where log records go: implemented by the shell.
#[uniffi::export(callback_interface)]
pub trait Logger: Send + Sync {
    /// One record: its level, where it comes from (`phum_core::sync::run`), and what it says.
    fn log(&self, level: LogLevel, target: String, message: String);
}

/// The shell's logger, once set.
static SINK: RwLock<Option<Box<dyn Logger>>> = RwLock::new(None);

struct Forward;

impl log::Log for Forward {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let sink = SINK.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(logger) = sink.as_ref() {
            let level = match record.level() {
                log::Level::Error => LogLevel::Error,
                log::Level::Warn => LogLevel::Warn,
                log::Level::Info => LogLevel::Info,
                log::Level::Debug => LogLevel::Debug,
                log::Level::Trace => LogLevel::Trace,
            };
            logger.log(level, record.target().to_string(), record.args().to_string());
        }
    }

    fn flush(&self) {}
}

/// Sends Rust's log records of `level` and more severe to `logger` from now on (replacing the
/// logger set before).
#[uniffi::export]
pub fn set_logger(logger: Box<dyn Logger>, level: LogLevel) {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    *SINK.write().unwrap_or_else(PoisonError::into_inner) = Some(logger);
    INSTALLED.get_or_init(|| log::set_logger(&Forward).is_ok());
    log::set_max_level(match level {
        LogLevel::Error => log::LevelFilter::Error,
        LogLevel::Warn => log::LevelFilter::Warn,
        LogLevel::Info => log::LevelFilter::Info,
        LogLevel::Debug => log::LevelFilter::Debug,
        LogLevel::Trace => log::LevelFilter::Trace,
    });
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    struct Lines(Arc<Mutex<Vec<String>>>);

    impl Logger for Lines {
        fn log(&self, level: LogLevel, _target: String, message: String) {
            self.0.lock().unwrap().push(format!("{level:?} {message}"));
        }
    }

    #[test]
    fn records_reach_the_latest_logger_at_its_level() {
        let first = Arc::new(Mutex::new(Vec::new()));
        let second = Arc::new(Mutex::new(Vec::new()));
        set_logger(Box::new(Lines(first.clone())), LogLevel::Info);
        log::info!("to the first");
        set_logger(Box::new(Lines(second.clone())), LogLevel::Warn);
        log::info!("not shown at warn");
        log::warn!("to the second");
        // Other tests of this binary may log meanwhile: look for these records only.
        let (first, second) = (first.lock().unwrap(), second.lock().unwrap());
        assert!(first.contains(&"Info to the first".to_string()), "{first:?}");
        assert!(!first.iter().chain(second.iter()).any(|l| l.contains("not shown")), "{second:?}");
        assert!(second.contains(&"Warn to the second".to_string()), "{second:?}");
        assert!(!second.iter().any(|l| l.contains("to the first")));
    }
}
