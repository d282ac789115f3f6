//! Seeded random numbers and DHIS2 UIDs for the synthetic metadata generator.
//!
//! Owns a small splitmix64 generator (so the output does not depend on the `rand` crate's
//! algorithm, which may change between versions) and a pool that hands out unique, valid DHIS2
//! UIDs. Does not own which object gets which UID: the planner asks in a fixed order.

use std::collections::HashSet;

/// splitmix64 (Steele, Lea and Flood, 2014): tiny, fast, and good enough for synthetic data.
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator for one named stream of one seed. Streams with different names are independent,
    /// so adding objects to one collection does not reshuffle every other collection.
    pub(crate) fn new(seed: u64, stream: &str) -> SplitMix64 {
        // FNV-1a of the stream name, mixed with the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in stream.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut g = SplitMix64 { state: seed ^ h.rotate_left(17) };
        g.next_u64();
        g
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), without modulo bias worth mentioning.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with the given probability in percent.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC: &[u8; 62] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// A DHIS2 UID: 11 ASCII characters, a letter first, then letters or digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub(crate) struct Uid([u8; 11]);

impl Uid {
    pub(crate) fn as_str(&self) -> &str {
        // Only ever built from ASCII letters and digits.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// Hands out UIDs that are unique within one generated document.
pub(crate) struct UidPool {
    used: HashSet<Uid>,
}

impl UidPool {
    pub(crate) fn new() -> UidPool {
        UidPool { used: HashSet::new() }
    }

    /// Registers one of DHIS2's well-known UIDs (for example the default category combo).
    /// `text` must be a valid UID; it is checked, and an invalid one is refused.
    pub(crate) fn fixed(&mut self, text: &str) -> Option<Uid> {
        let b = text.as_bytes();
        if b.len() != 11 || !b[0].is_ascii_alphabetic() || !b.iter().all(u8::is_ascii_alphanumeric) {
            return None;
        }
        let mut raw = [0u8; 11];
        raw.copy_from_slice(b);
        let uid = Uid(raw);
        self.used.insert(uid);
        Some(uid)
    }

    /// A fresh UID drawn from `rng`; draws again on the (astronomically rare) collision.
    pub(crate) fn next(&mut self, rng: &mut SplitMix64) -> Uid {
        loop {
            let mut raw = [0u8; 11];
            raw[0] = LETTERS[rng.below(LETTERS.len())];
            for slot in raw.iter_mut().skip(1) {
                *slot = ALPHANUMERIC[rng.below(ALPHANUMERIC.len())];
            }
            let uid = Uid(raw);
            if self.used.insert(uid) {
                return uid;
            }
        }
    }
}
