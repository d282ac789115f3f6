//! End-to-end tests of what every `phum` command shares: output into a closed pipe, `--help`
//! texts, which options each command offers, and the messages for files that are empty or not
//! JSON.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn phum_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phum")).current_dir(dir).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    // `phum ... | head -1`: the reader goes away while phum still writes (far more than a pipe
    // buffer holds, so a write must fail).
    let vectors = fixture("../core/tests/fixtures/rules/expression-vectors.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_phum"))
        .args(["expr", "vectors", "--json"])
        .arg(&vectors)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(stderr, "", "phum must not complain about a closed pipe");
    // Like other Unix tools: ended by SIGPIPE (or a clean exit), never a panic's status 101.
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(status.signal() == Some(libc::SIGPIPE) || status.success(), "{status:?}");
    }
}

/// Every subcommand path (`["metadata", "import"]`, ...) that `phum --help` and its subcommands'
/// help list.
fn subcommands(prefix: &[&str]) -> Vec<Vec<String>> {
    let mut args: Vec<&str> = prefix.to_vec();
    args.push("--help");
    let dir = tempfile::tempdir().unwrap();
    let out = phum_in(dir.path(), &args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    let help = text(&out.stdout);
    let mut found = Vec::new();
    let mut in_commands = false;
    for line in help.lines() {
        if line == "Commands:" {
            in_commands = true;
            continue;
        }
        if in_commands {
            if line.trim().is_empty() || !line.starts_with("  ") {
                break;
            }
            let name = line.split_whitespace().next().unwrap_or_default();
            if name != "help" {
                let mut path: Vec<String> = prefix.iter().map(|s| s.to_string()).collect();
                path.push(name.to_string());
                found.push(path.clone());
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                found.extend(subcommands(&p));
            }
        }
    }
    found
}

/// The `Arguments:` and `Options:` entries of a `-h` help text, each with its description
/// (empty when it has none).
fn entries(help: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut in_section = false;
    for line in help.lines() {
        if line == "Arguments:" || line == "Options:" {
            in_section = true;
            continue;
        }
        if !line.starts_with(' ') {
            in_section = false;
            continue;
        }
        if !in_section {
            continue;
        }
        let trimmed = line.trim_start();
        // "  -h, --help  Print help": the name ends at the first run of two spaces.
        let (name, description) = match trimmed.find("  ") {
            Some(i) => (&trimmed[..i], trimmed[i..].trim()),
            None => (trimmed, ""),
        };
        out.push((name.to_string(), description.to_string()));
    }
    out
}

fn short_help(path: &[String]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("-h");
    let out = phum_in(dir.path(), &args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn every_option_and_argument_of_every_command_is_described() {
    let commands = subcommands(&[]);
    assert!(commands.len() >= 6, "{commands:?}");
    let mut undescribed = Vec::new();
    for path in std::iter::once(Vec::new()).chain(commands) {
        for (name, description) in entries(&short_help(&path)) {
            if description.is_empty() {
                undescribed.push(format!("phum {} {name}", path.join(" ")));
            }
        }
    }
    assert!(undescribed.is_empty(), "without a description in --help:\n{}", undescribed.join("\n"));
}

#[test]
fn database_options_are_offered_only_by_commands_that_open_a_database() {
    let commands = subcommands(&[]);
    for path in commands {
        let help = short_help(&path);
        let names: Vec<String> = entries(&help).into_iter().map(|(n, _)| n).collect();
        let has = |option: &str| names.iter().any(|n| n.split([' ', ',']).any(|w| w == option));
        let opens_a_database = matches!(
            path.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
            ["metadata", "import"] | ["metadata", "summary"] | ["form", "run"]
        );
        let has_subcommands = help.contains("\nCommands:\n");
        for option in ["--db", "--key-file", "--unencrypted"] {
            if opens_a_database {
                assert!(has(option), "phum {} must offer {option}:\n{help}", path.join(" "));
            } else if !has_subcommands {
                assert!(!has(option), "phum {} must not offer {option}:\n{help}", path.join(" "));
            }
        }
    }
    // Given to a command that has no use for them, they are refused.
    let dir = tempfile::tempdir().unwrap();
    let out = phum_in(dir.path(), &["lint", "--db", "x.db", "a.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("unexpected argument '--db'"), "{}", text(&out.stderr));
    let out = phum_in(dir.path(), &["--key-file", "k", "expr", "eval", "1"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!dir.path().join("phum.db").exists());
}

/// `phum ARGS FILE` in `dir`: exit status and stderr.
fn failure(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = phum_in(dir, args);
    assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
    (out.status.code(), text(&out.stderr))
}

#[test]
fn empty_and_broken_files_get_the_imports_words_from_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let program = fixture("../core/tests/fixtures/phum/immunization_program.json");
    assert!(phum_in(dir.path(), &["metadata", "import", program.to_str().unwrap()]).status.success());
    let metadata = "expected a JSON object with metadata collections (like {\"programs\": [...]})";
    let script = "expected a form script: a JSON object with \"steps\" (see phum form run --help)";
    for (name, content, import_says, script_says) in [
        ("empty.json", "", format!("the file is empty; {metadata}"), format!("the file is empty; {script}")),
        ("blank.json", " \n", format!("the file is empty; {metadata}"), format!("the file is empty; {script}")),
        (
            "text.json",
            "hello",
            format!("{metadata}, found something that is not JSON"),
            format!("{script}, found something that is not JSON"),
        ),
        ("list.json", "[1, 2]", format!("{metadata}, found a list"), format!("{script}, found a list")),
        (
            "cut.json",
            "{\"programRules\": [",
            "the JSON ends early (line 1, column 19): the file is truncated".to_string(),
            "the JSON ends early (line 1, column 19): the file is truncated".to_string(),
        ),
    ] {
        std::fs::write(dir.path().join(name), content).unwrap();
        let (code, err) = failure(dir.path(), &["metadata", "import", "--db", "other.db", name]);
        assert_eq!((code, err), (Some(1), format!("phum: error: {name}: {import_says}\n")), "import {name}");
        let (code, err) = failure(dir.path(), &["lint", name]);
        assert_eq!((code, err), (Some(2), format!("phum: error: {name}: {import_says}\n")), "lint {name}");
        let (code, err) = failure(dir.path(), &["form", "run", name]);
        assert_eq!((code, err), (Some(2), format!("phum: error: {name}: {script_says}\n")), "form run {name}");
    }
    let (code, err) = failure(dir.path(), &["expr", "vectors", "empty.json"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "phum: error: empty.json: the file is empty; expected expression test vectors, one JSON object per line\n"
    );
    // A file that is not there: the import's words too.
    for args in [&["lint", "gone.json"][..], &["form", "run", "gone.json"]] {
        let (code, err) = failure(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.starts_with("phum: error: gone.json: cannot read: "), "{args:?}: {err}");
    }
}

#[test]
fn lint_with_nothing_to_check_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty-object.json"), "{}").unwrap();
    std::fs::write(dir.path().join("names-only.json"), r#"{"dataElements": [], "constants": [], "other": 1}"#).unwrap();
    for files in [&["empty-object.json"][..], &["empty-object.json", "names-only.json"]] {
        let mut args = vec!["lint"];
        args.extend_from_slice(files);
        let (code, err) = failure(dir.path(), &args);
        assert_eq!(code, Some(2), "{files:?}");
        let files_hold = match files.len() {
            1 => "the file holds".to_string(),
            n => format!("the {n} files hold"),
        };
        assert_eq!(
            err,
            format!(
                "phum: error: nothing to check: {files_hold} no program rules, program rule variables or validation \
                 rules\n"
            )
        );
    }
    let (code, _) = failure(dir.path(), &["lint", "--json", "empty-object.json"]);
    assert_eq!(code, Some(2));
}
