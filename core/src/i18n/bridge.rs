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

// model
untranslated!(crate::model::UidError, crate::model::period::PeriodError, crate::model::ClockError);
// validate
untranslated!(crate::validate::value_type::ValueError);
untranslated!(crate::validate::aggregate::eval::EvalError, crate::validate::aggregate::decimal::ArithError);
untranslated!(crate::validate::aggregate::value::CastError, crate::validate::aggregate::parser::AggregateParseError);
untranslated!(crate::validate::aggregate::executor::RuleError);
// store
untranslated!(crate::store::StoreError, crate::store::data::DataError, crate::store::KeyError);
untranslated!(crate::store::import::DocumentError, crate::store::import::ImportError);
// rules
untranslated!(crate::rules::load::LoadError, crate::rules::effect::RuleErrorCause, crate::rules::effect::RuleError);
// form, schedule, search
untranslated!(crate::form::FormError, crate::form::Refusal, crate::form::ScopeProblem, crate::form::RecordRef);
untranslated!(crate::schedule::ScheduleError, crate::search::SearchError, crate::search::unique::UniqueError);
