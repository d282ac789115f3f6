//! phum-core: all behaviour of Phum, the offline DHIS2 capture app for Cambodia's health
//! workers. The Android shell (through UniFFI) and the `phum` command line are thin front ends
//! over this crate. See DESIGN.md at the repository root for the map of modules.

pub mod expr;
pub mod form;
pub mod lint;
pub mod model;
pub mod rules;
pub mod schedule;
pub mod search;
pub mod store;
pub mod validate;
