//! Validation: is captured data acceptable to DHIS2 before Phum stores it and sends it.
//!
//! Owns the value-type check (`value_type`): does one text value fit its DHIS2 value type, decided
//! exactly as the DHIS2 Android SDK validators decide; and aggregate validation rules
//! (`aggregate`): the data-set validation engine of research/program-rules.md §4.2 with its own
//! expression language (the SDK's, not the program-rule one).
//!
//! Does not own:
//! - turning what a person typed into a canonical value (Khmer digits to ASCII, trimming): that
//!   happens on input, before validation (`i18n` / `form`);
//! - whether a field must have a value, or what an empty value means: that is the form's job;
//! - option sets (a value must be one of the option codes) and metadata lookups (does this org
//!   unit exist): those need the store;
//! - program-rule effects (SHOWERROR and friends): that is `rules`;
//! - completion checks of a form (mandatory fields, error-on-complete effects): that is `form`.

pub mod aggregate;
pub mod value_type;
