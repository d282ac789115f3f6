//! Serde errors that keep their message: a model type that refuses a value while it is being
//! deserialised (a UID, a period, a timestamp) hands serde its English text, which is all a serde
//! error can carry, and leaves the [`Message`] itself here on the thread, so that the importer
//! can show the reader why in their language.
//!
//! Owns that hand-over. The importer takes the message only when serde's text ends with its
//! English rendering, so a message left behind by an earlier attempt (an untagged enum trying
//! its variants) is never shown for another error. Does not own the refusals themselves (each
//! type's `parse`) or the import's errors (`store::import`).

use std::cell::RefCell;

use crate::i18n::Message;

thread_local! {
    static LAST: RefCell<Option<Message>> = const { RefCell::new(None) };
}

/// A serde error saying `why` in English, with `why` kept for [`take_matching`].
pub(crate) fn custom<E: serde::de::Error>(why: Message) -> E {
    let text = why.to_string();
    LAST.with(|last| *last.borrow_mut() = Some(why));
    E::custom(text)
}

/// The last refusal on this thread if serde's `text` (its position cut off) is its English text,
/// possibly after a path and ": " (`categoryOptions[0].id: ...`, as `Child` writes nested
/// errors): that path, and the message. Clears the stored message either way.
pub fn take_matching(text: &str) -> Option<(Option<String>, Message)> {
    let why = LAST.with(|last| last.borrow_mut().take())?;
    let english = why.to_string();
    if text == english {
        return Some((None, why));
    }
    let prefix = text.strip_suffix(english.as_str())?.strip_suffix(": ")?;
    (!prefix.is_empty()).then(|| (Some(prefix.to_string()), why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Uid;

    #[test]
    fn a_refused_uid_is_found_again_by_its_text_and_only_by_it() {
        let err = serde_json::from_str::<Uid>("\"bad-uid-123\"").unwrap_err().to_string();
        let text = err.split(" at line ").next().unwrap();
        let (path, why) = take_matching(text).expect("the UID's message");
        assert_eq!(path, None);
        assert_eq!(why.id, "model-uid-bad-character");
        // Taken once.
        assert!(take_matching(text).is_none());
        // Another error's text does not take it.
        let _ = serde_json::from_str::<Uid>("\"1bcdefghijk\"");
        assert!(take_matching("missing field `id`").is_none());
        assert!(take_matching("'1bcdefghijk' is not a DHIS2 UID: it must start with a letter (A-Z or a-z)").is_none());
        // A path in front, as nested objects write it.
        let _ = serde_json::from_str::<Uid>("\"1bcdefghijk\"");
        let nested =
            "categoryOptions[0].id: '1bcdefghijk' is not a DHIS2 UID: it must start with a letter (A-Z or a-z)";
        let (path, why) = take_matching(nested).unwrap();
        assert_eq!(path.as_deref(), Some("categoryOptions[0].id"));
        assert_eq!(why.id, "model-uid-first-not-letter");
    }
}
