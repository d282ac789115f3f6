//! The help texts of `phum` in the reader's language: clap's command tree (from the derive in
//! `main` and the command modules) with every about, long about, after-help and argument help
//! replaced by a message of the catalogue (`cli-help-...` in `locales/*/cli.ftl`), and in Khmer
//! clap's own headings (`Usage:`, `Options:`, ...) too.
//!
//! The flow: [`command`] walks `Cli::command()` and sets each text from [`command_texts`] and
//! [`arg_texts`], builds it (clap adds `--help`, `--version`, the `help` subcommand and copies
//! the global options into every subcommand) and walks it again for those. A command or argument without
//! a text here keeps the derive's English; the test `every_command_and_argument_has_a_catalogue_text`
//! keeps that from happening.
//!
//! Owns which message describes which command and argument. Does not own parsing (clap) or
//! the texts themselves (the catalogues).

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, Command};
use phum_core::i18n::{Lang, Locale, Message};
use phum_core::msg;

/// The texts of one command: about, long about (`--help`), after the long help.
struct CommandTexts {
    about: Message,
    long: Option<Message>,
    after: Option<Message>,
}

fn texts(about: Message) -> CommandTexts {
    CommandTexts { about, long: None, after: None }
}

/// `path` is the subcommand path without `phum` (`""`, `"metadata import"`).
fn command_texts(path: &str) -> Option<CommandTexts> {
    Some(match path {
        "" => CommandTexts { long: Some(Message::new("cli-help-phum-long")), ..texts(Message::new("cli-help-phum")) },
        "metadata" => texts(Message::new("cli-help-metadata")),
        "metadata import" => CommandTexts {
            long: Some(Message::new("cli-help-metadata-import-long")),
            ..texts(Message::new("cli-help-metadata-import"))
        },
        "metadata summary" => texts(Message::new("cli-help-metadata-summary")),
        "expr" => texts(Message::new("cli-help-expr")),
        "expr vectors" => CommandTexts {
            long: Some(Message::new("cli-help-expr-vectors-long")),
            ..texts(Message::new("cli-help-expr-vectors"))
        },
        "expr eval" => CommandTexts {
            long: Some(Message::new("cli-help-expr-eval-long")),
            after: Some(Message::new("cli-help-expr-eval-examples")),
            ..texts(Message::new("cli-help-expr-eval"))
        },
        "lint" => CommandTexts {
            long: Some(Message::new("cli-help-lint-long")),
            after: Some(Message::new("cli-help-lint-after")),
            ..texts(Message::new("cli-help-lint"))
        },
        "form" => texts(Message::new("cli-help-form")),
        "form run" => texts(Message::new("cli-help-form-run")),
        "demo" => CommandTexts {
            long: Some(Message::new("cli-help-demo-long")),
            after: Some(Message::new("cli-help-demo-script-format")),
            ..texts(Message::new("cli-help-demo"))
        },
        "login" => {
            CommandTexts { long: Some(Message::new("cli-help-login-long")), ..texts(Message::new("cli-help-login")) }
        }
        "sync" => {
            CommandTexts { long: Some(Message::new("cli-help-sync-long")), ..texts(Message::new("cli-help-sync")) }
        }
        "status" => texts(Message::new("cli-help-status")),
        "logout" => texts(Message::new("cli-help-logout")),
        p if p == "help" || p.ends_with(" help") => texts(Message::new("cli-help-help-command")),
        // `phum metadata help import`: clap's entry for the command it gives help on.
        p if p.starts_with("help ") || p.contains(" help ") => {
            let target = p.replacen("help ", "", 1);
            return command_texts(target.trim());
        }
        _ => return None,
    })
}

/// The help (and long help) of argument `id` of the command at `path`. `has_long` says whether
/// clap gave `--help` a long text of its own (when the command has any long help).
fn arg_texts(path: &str, id: &str, has_long: bool) -> Option<(Message, Option<Message>)> {
    let short = |m: Message| Some((m, None));
    match (path, id) {
        (_, "help") if has_long => {
            Some((Message::new("cli-help-arg-help-more"), Some(Message::new("cli-help-arg-help-summary"))))
        }
        (_, "help") => short(Message::new("cli-help-arg-help")),
        (_, "version") => short(Message::new("cli-help-arg-version")),
        (_, "lang") => Some((Message::new("cli-help-arg-lang"), Some(Message::new("cli-help-arg-lang-long")))),
        (_, "khmer_digits") => short(Message::new("cli-help-arg-khmer-digits")),
        (_, "db") => short(Message::new("cli-help-arg-db")),
        (_, "key_file") => short(Message::new("cli-help-arg-key-file")),
        (_, "unencrypted") => short(Message::new("cli-help-arg-unencrypted")),
        ("metadata import", "allow_orphaned_records") => short(Message::new("cli-help-arg-allow-orphaned-records")),
        ("metadata import", "files") => short(Message::new("cli-help-arg-import-files")),
        ("metadata summary", "json") => short(Message::new("cli-help-arg-summary-json")),
        ("expr vectors", "file") => short(Message::new("cli-help-arg-vectors-file")),
        ("expr vectors", "json") => short(Message::new("cli-help-arg-vectors-json")),
        ("expr eval", "expression") => short(Message::new("cli-help-arg-expression")),
        ("expr eval", "vars") => short(Message::new("cli-help-arg-var")),
        ("expr eval", "constants") => short(Message::new("cli-help-arg-constant")),
        ("expr eval", "env") => short(Message::new("cli-help-arg-env")),
        ("lint", "files") => short(Message::new("cli-help-arg-lint-files")),
        ("lint", "json") => short(Message::new("cli-help-arg-lint-json")),
        ("form run", "script") => short(Message::new("cli-help-arg-script")),
        ("form run", "json") => short(Message::new("cli-help-arg-form-json")),
        ("form run", "time_zone") => short(Message::new("cli-help-arg-time-zone")),
        ("demo", "script") => short(Message::new("cli-help-arg-demo-script")),
        ("demo", "dir") => short(Message::new("cli-help-arg-demo-dir")),
        ("demo", "reset") => short(Message::new("cli-help-arg-demo-reset")),
        ("login" | "sync" | "status" | "logout", "dir") => short(Message::new("cli-help-arg-account-dir")),
        ("login", "server") => short(Message::new("cli-help-arg-login-server")),
        ("login", "user") => short(Message::new("cli-help-arg-login-user")),
        ("login" | "sync", "token") => short(Message::new("cli-help-arg-token")),
        ("sync", "limit") => short(Message::new("cli-help-arg-sync-limit")),
        ("logout", "discard_unsent") => short(Message::new("cli-help-arg-discard-unsent")),
        (p, "subcommand") if p == "help" || p.ends_with(" help") => short(Message::new("cli-help-arg-help-subcommand")),
        _ => None,
    }
}

/// The whole command tree with its texts in `locale`.
pub fn command(root: Command, locale: Locale) -> Command {
    // Twice: before building, so that clap sees which commands have a long help (and gives
    // their `--help` the long texts); after, for what building adds (`--help`, `--version`,
    // the `help` subcommand, the global options in every subcommand).
    let mut root = localize(root, "", locale);
    root.build();
    localize(root, "", locale)
}

fn localize(mut cmd: Command, path: &str, locale: Locale) -> Command {
    let say = |m: &Message| m.render(locale);
    let khmer = locale.lang == Lang::Km;
    if let Some(t) = command_texts(path) {
        cmd = cmd.about(say(&t.about));
        cmd = match &t.long {
            Some(long) => cmd.long_about(say(long)),
            None => cmd.long_about(None::<&'static str>),
        };
        if let Some(after) = &t.after {
            // Both: `-h` shows the after-help, `--help` the long one.
            cmd = cmd.after_help(say(after)).after_long_help(say(after));
        }
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| {
            let has_long = arg.get_long_help().is_some();
            // In Khmer the default is said in words, not in clap's "[default: ...]".
            let defaults: Vec<String> =
                arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
            let default = if khmer && !defaults.is_empty() {
                format!(" [{}]", say(&msg!("cli-help-default", value = defaults.join(", "))))
            } else {
                String::new()
            };
            let mut arg = match arg_texts(path, &id, has_long) {
                Some((help, Some(long))) => arg.help(say(&help) + &default).long_help(say(&long) + &default),
                Some((help, None)) => arg.help(say(&help) + &default).long_help(None::<&'static str>),
                None => arg,
            };
            if !default.is_empty() {
                arg = arg.hide_default_value(true);
            }
            if khmer && arg.get_help_heading().is_none() {
                arg = heading(arg, locale);
            }
            arg
        });
    }
    if khmer {
        cmd = cmd
            .subcommand_help_heading(say(&Message::new("cli-help-heading-commands")))
            .subcommand_value_name(say(&Message::new("cli-help-value-command")))
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                say(&Message::new("cli-help-heading-usage"))
            ));
    }
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &sub_path, locale));
    }
    cmd
}

/// A usage error of clap in words of the catalogue (for Khmer; English keeps clap's own text):
/// an unknown option or command, a refused or missing value. `None` for the others (clap's
/// text).
pub fn usage_error(e: &clap::Error) -> Option<Message> {
    let context = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    Some(match e.kind() {
        ErrorKind::UnknownArgument => msg!("cli-usage-unknown-argument", argument = context(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            msg!("cli-usage-unknown-command", command = context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue => msg!(
            "cli-usage-invalid-value",
            value = context(ContextKind::InvalidValue),
            argument = context(ContextKind::InvalidArg),
            valid = context(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => msg!(
            "cli-usage-bad-value",
            value = context(ContextKind::InvalidValue),
            argument = context(ContextKind::InvalidArg),
            problem = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-usage-missing-argument", arguments = context(ContextKind::InvalidArg))
        }
        _ => return None,
    })
}

/// clap's `Arguments:` and `Options:` headings in `locale`.
fn heading(arg: Arg, locale: Locale) -> Arg {
    let heading = if arg.is_positional() {
        Message::new("cli-help-heading-arguments")
    } else {
        Message::new("cli-help-heading-options")
    };
    arg.help_heading(heading.render(locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command path and its command, depth first.
    fn walk<'a>(cmd: &'a Command, path: String, out: &mut Vec<(String, &'a Command)>) {
        out.push((path.clone(), cmd));
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            walk(sub, p, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_a_catalogue_text() {
        let mut root = crate::Cli::command();
        root.build();
        let mut all = Vec::new();
        walk(&root, String::new(), &mut all);
        let mut missing = Vec::new();
        for (path, cmd) in &all {
            match command_texts(path) {
                Some(t) => {
                    for m in std::iter::once(&t.about).chain(&t.long).chain(&t.after) {
                        phum_core::i18n::try_render(m, Locale::KHMER).unwrap();
                    }
                }
                None => missing.push(format!("command '{path}'")),
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if arg_texts(path, id, arg.get_long_help().is_some()).is_none() {
                    missing.push(format!("'{path}' argument {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "without a text in cli.ftl: {missing:#?}");
    }

    #[test]
    fn khmer_help_replaces_texts_and_headings() {
        let cmd = command(crate::Cli::command(), Locale::KHMER);
        let help = cmd.clone().render_help().to_string();
        assert!(!help.contains("Usage:") && !help.contains("Options:") && !help.contains("Commands:"), "{help}");
        let import = cmd.find_subcommand("metadata").unwrap().find_subcommand("import").unwrap();
        let help = import.clone().render_long_help().to_string();
        assert!(help.contains("--allow-orphaned-records"), "{help}");
        assert!(!help.contains("Print help") && !help.contains("Arguments:"), "{help}");
    }
}
