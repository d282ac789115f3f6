//! Fuzz target `expr`: any UTF-8 text is parsed as a program-rule expression and, when it parses,
//! evaluated against a small fixed context. The body is `phum_core::expr::fuzz_body`, shared
//! with the stable test `core/tests/expr_no_panic.rs`; the property is that nothing panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        phum_core::expr::fuzz_body::parse_and_evaluate(text);
    }
});
