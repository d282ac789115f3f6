//! Cases the JVM engine cannot answer in reasonable time, which the generator leaves out.
//!
//! Upstream computes `a ^ n` by `n` successive 16-digit multiplications (bignum 0.3.10), so an
//! exponent of 10^9 keeps the JVM busy for minutes; Phum stops early (see `expr::number::pow`,
//! which was checked against the JVM separately). Owns that limit only.

use phum_core::expr::eval::{evaluate, Context};
use phum_core::expr::{BinaryOp, Expr};

/// Largest |exponent| a generated case may raise to.
pub const MAX_EXPONENT: f64 = 5000.0;

/// False if some `^` in `expr` has an exponent the JVM would take too long over.
pub fn fast_on_jvm(expr: &Expr, ctx: &Context) -> bool {
    match expr {
        Expr::Binary(op, a, b) => {
            if *op == BinaryOp::Pow {
                let exponent = evaluate(b, ctx).ok().and_then(|v| v.to_number().ok().flatten());
                if exponent.is_some_and(|n| n.abs() > MAX_EXPONENT) {
                    return false;
                }
            }
            fast_on_jvm(a, ctx) && fast_on_jvm(b, ctx)
        }
        Expr::Unary(_, e) => fast_on_jvm(e, ctx),
        Expr::Call(_, args) => args.iter().all(|a| fast_on_jvm(a, ctx)),
        _ => true,
    }
}
