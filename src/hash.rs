//! A fast hasher for the language lists.
//!
//! The lists are looked up once or more per token, and std's SipHash was a
//! tenth of the run time. SipHash guards against keys chosen to collide; the
//! lists' keys come from our own data files, so a hostile article can only
//! look words up in them, which costs one probe sequence of a table whose
//! layout it cannot choose. Maps keyed by the article's own words keep std's
//! hasher.
//!
//! The function is FxHash (rustc's): a multiply and a rotate per word.

use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` for list data built from the files under `src/lang/`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` for list data built from the files under `src/lang/`.
pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("chunks_exact gives 8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(padded_word(rest));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A word's tail, 1 to 7 bytes, as a zero-padded little-endian word. Copying
/// it into a padded buffer cost a memcpy call per look-up, and shifting it in
/// byte by byte a loop: two reads of its first and last bytes, which overlap
/// where it is short, give the word with no loop.
pub(crate) fn padded_word(tail: &[u8]) -> u64 {
    let shift = |n: usize| 8 * (tail.len() - n) as u32;
    if let (Some(first), Some(last)) = (tail.first_chunk::<4>(), tail.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << shift(4)
    } else if let (Some(first), Some(last)) = (tail.first_chunk::<2>(), tail.last_chunk::<2>()) {
        u64::from(u16::from_le_bytes(*first)) | u64::from(u16::from_le_bytes(*last)) << shift(2)
    } else {
        tail.first().map_or(0, |&b| u64::from(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_words_hash_alike_and_lists_find_their_words() {
        let set: HashSet<String> = ["régime", "kiev", "l'occident"].iter().map(|s| s.to_string()).collect();
        assert!(set.contains("régime") && set.contains("l'occident"));
        assert!(!set.contains("regime") && !set.contains(""));
        let mut a = FxHasher::default();
        let mut b = FxHasher::default();
        a.write(b"selon les autorites");
        b.write(b"selon les autorites");
        assert_eq!(a.finish(), b.finish());
        let mut c = FxHasher::default();
        c.write("selon les autorités".as_bytes());
        assert_ne!(a.finish(), c.finish());
    }

    #[test]
    fn a_short_tail_hashes_as_its_zero_padded_word() {
        let bytes = b"abcdefghijklmn\xffo\x80";
        for len in 0..=bytes.len() {
            let mut got = FxHasher::default();
            got.write(&bytes[..len]);
            let mut want = FxHasher::default();
            for c in bytes[..len].chunks(8) {
                let mut word = [0u8; 8];
                word[..c.len()].copy_from_slice(c);
                want.add(u64::from_le_bytes(word));
            }
            assert_eq!(got.finish(), want.finish(), "{len} bytes");
        }
    }
}
