//! What the sync screen and `phum status` show about records the server refused (or took with
//! warnings): each one named as the person knows it (a person's visit, a value of the monthly
//! report), the field the server named, and the reason in the reader's language
//! (`i18n::server_error_message`, with the UIDs in its arguments replaced by names), or the
//! server's own words for a code Phum has no sentence for.
//!
//! Owns turning stored issues into messages. Does not own storing them (`store::data::outbox`).

use crate::i18n::{name_in, server_error_message, Lang, Localize, Message, ServerDetails};
use crate::model::{
    DataElement, DataSet, Identity, OrganisationUnit, Period, Program, ProgramStage, TrackedEntityAttribute, Uid,
};
use crate::msg;
use crate::store::data::outbox::RecordIssue;
use crate::store::data::RecordKind;
use crate::store::Store;
use crate::sync::SyncError;

/// One issue of one record, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// The table of the record: `tracked_entity`, `enrollment`, `event`, `aggregate_value`,
    /// `data_set_completion`.
    pub record_kind: String,
    /// Its UID, or the key of an aggregate value or completion.
    pub record_key: String,
    /// ERROR (refused) or WARNING (stored with a warning).
    pub severity: String,
    pub code: String,
    /// The UID of the field (attribute or data element) the server named.
    pub field: Option<String>,
    message: Message,
}

impl Localize for Refusal {
    fn message(&self) -> Message {
        self.message.clone()
    }
}
crate::english_display!(Refusal);

/// Names of metadata in `lang`, for the arguments of messages.
struct Names<'a> {
    store: &'a Store,
    lang: Lang,
}

impl Names<'_> {
    fn identity(&self, uid: Uid) -> Option<Identity> {
        let s = self.store;
        let found = s.get::<DataElement>(uid).ok().flatten().map(|o| o.identity);
        found
            .or_else(|| s.get::<TrackedEntityAttribute>(uid).ok().flatten().map(|o| o.identity))
            .or_else(|| s.get::<OrganisationUnit>(uid).ok().flatten().map(|o| o.identity))
            .or_else(|| s.get::<Program>(uid).ok().flatten().map(|o| o.identity))
            .or_else(|| s.get::<ProgramStage>(uid).ok().flatten().map(|o| o.identity))
            .or_else(|| s.get::<DataSet>(uid).ok().flatten().map(|o| o.identity))
    }

    /// The name of the object with this UID, if the text is a UID of one.
    fn name(&self, text: &str) -> Option<String> {
        let uid = Uid::parse(text).ok()?;
        self.identity(uid).map(|i| name_in(&i, self.lang))
    }

    fn name_or_uid(&self, text: &str) -> String {
        self.name(text).unwrap_or_else(|| text.to_string())
    }
}

/// The record an issue is about, as a message.
fn record(names: &Names<'_>, issue: &RecordIssue) -> Message {
    let kind = match issue.record_kind.as_str() {
        "tracked_entity" => Some(RecordKind::TrackedEntity),
        "enrollment" => Some(RecordKind::Enrollment),
        "event" => Some(RecordKind::Event),
        _ => None,
    };
    if let Some(kind) = kind {
        return msg!("sync-refusal-record", kind = kind.message(), uid = issue.record_key.as_str());
    }
    let parts: Vec<&str> = issue.record_key.split('/').collect();
    let period = |text: &str| match Period::parse(text) {
        Ok(p) => crate::i18n::Arg::from(p),
        Err(_) => crate::i18n::Arg::from(text),
    };
    match (issue.record_kind.as_str(), parts.as_slice()) {
        ("aggregate_value", [element, pe, ou, ..]) => msg!(
            "sync-refusal-value",
            element = names.name_or_uid(element),
            period = period(pe),
            org_unit = names.name_or_uid(ou)
        ),
        ("data_set_completion", [data_set, pe, ou, ..]) => msg!(
            "sync-refusal-completion",
            data_set = names.name_or_uid(data_set),
            period = period(pe),
            org_unit = names.name_or_uid(ou)
        ),
        _ => msg!("sync-refusal-other", key = issue.record_key.as_str()),
    }
}

/// Every stored issue as a [`Refusal`], metadata names in `lang`.
pub fn refusals(store: &Store, lang: Lang) -> Result<Vec<Refusal>, SyncError> {
    let names = Names { store, lang };
    let mut out = Vec::new();
    for issue in store.data().record_issues()? {
        let server = &issue.issue;
        let details = if server.args.is_empty() {
            ServerDetails::from_server_message(&server.code, &server.message)
        } else {
            ServerDetails::from_args(server.args.iter().cloned())
        };
        let reason = server_error_message(&server.code, &details.rename(|a| names.name(a))).unwrap_or_else(|| {
            msg!("sync-refusal-server-text", code = server.code.as_str(), text = server.message.as_str())
        });
        let record = record(&names, &issue);
        let message = match &server.field {
            Some(field) => {
                msg!("sync-refusal-field", record = record, field = names.name_or_uid(field), reason = reason)
            }
            None => msg!("sync-refusal", record = record, reason = reason),
        };
        out.push(Refusal {
            record_kind: issue.record_kind.clone(),
            record_key: issue.record_key.clone(),
            severity: issue.severity.clone(),
            code: server.code.clone(),
            field: server.field.clone(),
            message,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::model::DeviceClock;
    use crate::store::data::outbox::{Outcome, ServerIssue};
    use crate::test_dates::ymd;

    #[test]
    fn a_refused_value_is_named_with_its_field_and_the_reason_in_both_languages() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = DeviceClock::default().pinned_on(ymd(2026, 12, 5));
        // The demo's metadata, without its demo mark: a plain database with real metadata.
        crate::demo::dataset::import(&mut store).unwrap();
        let elements: Vec<DataElement> = store.list().unwrap();
        let element =
            elements.iter().find(|e| e.identity.translations.iter().any(|t| t.locale.starts_with("km"))).unwrap();
        let de = element.identity.id;
        let event = store
            .write(|d| {
                d.insert_event(
                    &crate::store::data::tracker::NewEvent {
                        enrollment: None,
                        program: Uid::parse("PhumEvProgr").unwrap(),
                        program_stage: Uid::parse("PhumEvStage").unwrap(),
                        org_unit: Uid::parse("PhumOUHC001").unwrap(),
                        status: crate::model::value_type::EventStatus::Active,
                        event_date: Some(ymd(2026, 12, 5)),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    clock.now(),
                )
            })
            .unwrap()
            .uid;
        let d = store.data();
        d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        let issue = ServerIssue {
            code: "E1302".into(),
            message: format!("DataElement `{de}` value is not valid: `heavy`"),
            args: vec![de.to_string(), "heavy".into()],
            field: Some(de.to_string()),
        };
        d.settle(RecordKind::Event, event, &Outcome::Refused(vec![issue]), None, clock.now()).unwrap();

        let en = refusals(&store, Lang::En).unwrap();
        assert_eq!(en.len(), 1);
        let text = en[0].localized(Locale::ENGLISH);
        assert!(text.contains(event.as_str()) && text.contains(&element.identity.name), "{text}");
        assert!(!text.contains(de.as_str()), "the field is named, not given as a UID: {text}");
        let km = refusals(&store, Lang::Km).unwrap()[0].localized(Locale::KHMER);
        assert!(km.contains(&name_in(&element.identity, Lang::Km)), "{km}");
        crate::i18n::catalogue_tests::assert_renders_in_both(&en[0].message());
    }

    #[test]
    fn an_unknown_code_shows_the_servers_own_words() {
        let store = Store::open_in_memory().unwrap();
        let names = Names { store: &store, lang: Lang::En };
        let issue = RecordIssue {
            record_kind: "aggregate_value".into(),
            record_key: "PhumDEChild/202611/PhumOUVil01/PhumCOCMale/PhumDefCOC1".into(),
            severity: "ERROR".into(),
            issue: ServerIssue { code: "E9999".into(), message: "Something odd".into(), args: vec![], field: None },
        };
        let text = crate::i18n::render(&record(&names, &issue), Locale::ENGLISH);
        assert!(text.contains("PhumDEChild") && text.contains("2026"), "{text}");
        for m in [
            msg!("sync-refusal-server-text", code = "E9999", text = "Something odd"),
            msg!("sync-refusal-other", key = "x/y"),
            msg!(
                "sync-refusal-completion",
                data_set = "VHSG monthly",
                period = Period::parse("202611").unwrap(),
                org_unit = "Chanleas Dai"
            ),
        ] {
            crate::i18n::catalogue_tests::assert_renders_in_both(&m);
        }
    }
}
