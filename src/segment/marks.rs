//! Combining marks. Shared with the build script (`build.rs`), which groups
//! the gazetteer's names by first word as `entities::lexicon::first_word` cuts
//! them, marks included.

/// Combining marks, which belong to the letter before them.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}
