//! phum-core: all behaviour of Phum, the offline DHIS2 capture app for Cambodia's health
//! workers. The Android shell (through UniFFI) and the `phum` command line are thin front ends
//! over this crate. See DESIGN.md at the repository root for the map of modules.
//!
//! Developer tools are behind cargo features, off by default, so that the library an app links
//! does not carry them: `vectors` (`expr::vectors`, the upstream test-vector runner), `fuzz`
//! (`expr::fuzz_body`) and `lint` (static checks of rules in metadata files).

pub mod expr;
pub mod form;
#[cfg(feature = "lint")]
pub mod lint;
pub mod model;
pub mod rules;
pub mod schedule;
pub mod search;
pub mod store;
pub mod validate;
