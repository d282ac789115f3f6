//! Captured values survive SIGKILL: a child process (`capture_child`, tests/src/bin/capture_child.rs)
//! registers people and fills NCD visits through `core::form` in an encrypted store and is killed
//! at a random (seeded) moment, 60 times. After each kill the store is reopened and must be
//! consistent (`check_integrity`), and every stored record the child reported must hold exactly
//! the values of its reported saves, including the values the rules assigned or cleared in the
//! same save (BMI, a hidden referral option), with the BMI matching the stored weight and height.
//! The one save that was in flight when the kill landed may be there whole or not at all, never
//! in part. The records of earlier rounds are checked again every round.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use phum_core::form;
use phum_core::model::{Program, Uid};
use phum_core::store::import::ImportSource;
use phum_core::store::{DbKey, Store};
use phum_tests::rng::Rng;

const KEY_HEX: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const ROUNDS: u64 = 60;
const SEED: u64 = 20_261_202;
/// Fields whose value a rule may change when another field is saved.
const RULE_TARGETS: &[&str] = &["NcdDEBmi001", "NcdDERefer1", "NcdDEPregnt", "NcdDETopic1"];

/// Stored values by record (event or enrollment UID), then field.
type Values = BTreeMap<String, BTreeMap<String, String>>;

/// What one child reported.
#[derive(Debug, Default)]
struct Report {
    ready: bool,
    done: bool,
    saved: usize,
    /// `SAVING` without its `SAVED`: (record, field, value).
    in_flight: Option<(String, String, String)>,
}

fn spawn(db: &Path, round: u64, iterations: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_capture_child"))
        .arg(db)
        .arg(KEY_HEX)
        .arg(round.to_string())
        .arg(iterations.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads the child's stdout on a thread, sending each complete line.
fn lines_of(child: &mut Child) -> (mpsc::Receiver<String>, std::thread::JoinHandle<()>) {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        let mut line = String::new();
        // A line without its newline was cut by the kill: the child writes whole reports, so
        // that never happens, and such a line would not parse below.
        while r.read_line(&mut line).unwrap_or(0) > 0 {
            if line.ends_with('\n') && tx.send(line.trim_end_matches('\n').to_string()).is_err() {
                return;
            }
            line.clear();
        }
    });
    (rx, reader)
}

/// Applies one reported line to the model of what must be stored.
fn apply(model: &mut Values, report: &mut Report, line: &str) {
    let mut parts = line.splitn(4, ' ');
    let tag = parts.next().unwrap();
    let mut rest = || parts.next().unwrap_or_else(|| panic!("short line {line:?}")).to_string();
    match tag {
        "READY" => report.ready = true,
        "DONE" => report.done = true,
        "OPENED" => {
            model.entry(rest()).or_default();
        }
        "SAVING" => report.in_flight = Some((rest(), rest(), rest())),
        "SAVED" | "RULE" => {
            let (record, field, value) = (rest(), rest(), rest());
            if tag == "SAVED" {
                let expected = report.in_flight.take();
                assert_eq!(expected, Some((record.clone(), field.clone(), value.clone())), "SAVED without its SAVING");
                report.saved += 1;
            }
            let values = model.entry(record).or_default();
            if value == "<none>" {
                values.remove(&field);
            } else {
                values.insert(field, value);
            }
        }
        _ => panic!("unexpected line from the child: {line:?}"),
    }
}

/// The stored values of an event, or of the person of an enrollment.
fn stored(store: &Store, record: &str) -> BTreeMap<String, String> {
    let uid = Uid::parse(record).unwrap();
    let d = store.data();
    // The record's own dates are fields of its form too.
    let (pairs, dates) = if let Some(ev) = d.event(uid).unwrap() {
        assert!(!ev.deleted, "event {record} is deleted");
        (d.data_values(uid).unwrap(), vec![(form::EVENT_DATE, ev.event_date)])
    } else {
        let enr = d.enrollment(uid).unwrap().unwrap_or_else(|| panic!("record {record} is not in the store"));
        let program = store.get::<Program>(enr.program).unwrap().unwrap();
        let incident = program.display_incident_date.then_some(enr.incident_date);
        let dates = vec![(form::ENROLLMENT_DATE, Some(enr.enrollment_date)), (form::INCIDENT_DATE, incident)];
        (d.attribute_values(enr.tracked_entity).unwrap(), dates)
    };
    let mut values: BTreeMap<String, String> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    values.extend(dates.into_iter().filter_map(|(k, d)| Some((k.to_string(), d?.to_string()))));
    values
}

/// The BMI rule's value, round(weight * 100000 / height²) / 10, as the engine writes a number
/// (`23.0`, `24.2`).
fn bmi(values: &BTreeMap<String, String>) -> Option<String> {
    let w: f64 = values.get("NcdDEWeight")?.parse().ok()?;
    let h: f64 = values.get("NcdDEHeight")?.parse().ok()?;
    Some(format!("{:?}", (w * 100_000.0 / (h * h)).round() / 10.0))
}

/// Checks the store against the model after a kill; afterwards the model holds what is stored
/// for the record that was in flight (whichever of its two allowed states it is in).
/// Returns whether the save in flight was found stored.
fn verify(store: &Store, model: &mut Values, in_flight: Option<&(String, String, String)>, round: u64) -> bool {
    let mut landed = false;
    for (record, expected) in model.iter_mut() {
        let actual = stored(store, record);
        match in_flight.filter(|(r, _, _)| r == record) {
            None => assert_eq!(&actual, expected, "round {round}: record {record} lost or changed a saved value"),
            Some((_, field, value)) => {
                let before = &actual == expected;
                let after =
                    actual.get(field) == Some(value)
                        && actual.keys().chain(expected.keys()).collect::<HashSet<_>>().into_iter().all(|k| {
                            k == field || RULE_TARGETS.contains(&k.as_str()) || actual.get(k) == expected.get(k)
                        });
                assert!(
                    before || after,
                    "round {round}: record {record} with the save of {field}={value} in flight is neither before \
                     nor after it: stored {actual:?}, reported {expected:?}"
                );
                landed = !before;
                *expected = actual.clone();
            }
        }
        if expected.contains_key("NcdDEWeight") && expected.contains_key("NcdDEHeight") {
            assert_eq!(
                expected.get("NcdDEBmi001"),
                bmi(expected).as_ref(),
                "round {round}: event {record}: the BMI is not the rule's value for the stored weight and height"
            );
        }
    }
    landed
}

#[test]
fn saved_values_survive_a_capture_killed_at_random_moments() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("account.db");
    let key = DbKey::from_hex(KEY_HEX).unwrap();
    let ncd = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/phum/ncd_program.json");
    Store::open(&db, Some(&key)).unwrap().import_metadata(&[ImportSource::File(ncd)]).unwrap();

    let mut rng = Rng::new(SEED);
    let mut model = Values::new();
    let (mut mid_loop, mut total_saved, mut in_flight, mut in_flight_landed) = (0, 0, 0, 0);
    for round in 0..ROUNDS {
        let mut child = spawn(&db, round, 1_000_000);
        let (lines, reader) = lines_of(&mut child);
        let mut report = Report::default();
        let first = lines.recv_timeout(Duration::from_secs(30)).expect("the child did not start");
        apply(&mut model, &mut report, &first);
        assert!(report.ready, "round {round}: the child's first line is {first:?}");
        // In debug the first save comes 5-20 ms after READY and then one every 1-2 ms, so most
        // kills land between saves, some inside one, a few before the first.
        let wait = Duration::from_millis(rng.range(5, 200) as u64);
        std::thread::sleep(wait);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        reader.join().unwrap();
        for line in lines.try_iter() {
            apply(&mut model, &mut report, &line);
        }
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.signal(), Some(libc::SIGKILL), "round {round}: the child failed by itself: {stderr}");
        if report.saved > 0 && !report.done {
            mid_loop += 1;
        }
        total_saved += report.saved;

        let store = Store::open(&db, Some(&key)).unwrap();
        assert_eq!(store.check_integrity().unwrap(), Vec::<String>::new(), "round {round}");
        in_flight += usize::from(report.in_flight.is_some());
        in_flight_landed += usize::from(verify(&store, &mut model, report.in_flight.as_ref(), round));
    }
    assert!(
        mid_loop >= ROUNDS * 2 / 3,
        "only {mid_loop} of {ROUNDS} kills landed after some saves and before the end of the loop"
    );

    // Left alone, a child finishes its loop and every value is there.
    let mut child = spawn(&db, ROUNDS, 2);
    let (lines, reader) = lines_of(&mut child);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
    let mut report = Report::default();
    for line in lines.try_iter() {
        apply(&mut model, &mut report, &line);
    }
    assert!(report.done && report.in_flight.is_none(), "{report:?}");
    let store = Store::open(&db, Some(&key)).unwrap();
    assert_eq!(store.check_integrity().unwrap(), Vec::<String>::new());
    verify(&store, &mut model, None, ROUNDS);
    eprintln!(
        "{ROUNDS} kills, {mid_loop} mid-loop, {total_saved} saves reported, {in_flight} in flight ({in_flight_landed} \
         of them stored), {} records checked, {:.1} s",
        model.len(),
        started.elapsed().as_secs_f64()
    );
}
