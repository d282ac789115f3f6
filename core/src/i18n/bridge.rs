//! TEMPORARY (issue 9 in progress): every error type that has no message ids of its own yet
//! says its English text through `untranslated`. Each area's conversion deletes its lines here
//! and implements `Localize` next to the type; the file goes when it is empty.

use super::{Localize, Message};

macro_rules! untranslated {
    ($($ty:ty),+ $(,)?) => {$(
        impl Localize for $ty {
            fn message(&self) -> Message {
                crate::msg!("untranslated", text = self.to_string())
            }
        }
    )+};
}

// expr
untranslated!(crate::expr::eval::EvalError, crate::expr::ParseError, crate::expr::value::CoercionError);
untranslated!(crate::expr::number::NumberError, crate::expr::pattern::PatternError, crate::expr::gs1::Gs1Error);
untranslated!(crate::expr::zscore::ZScoreError);
