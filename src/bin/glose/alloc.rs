//! The command line's allocator: mimalloc, asked for alignment only when a
//! block needs more than every mimalloc block has.
//!
//! An analysis makes many small, short-lived allocations (tokens' forms, spans'
//! texts, the JSON); glibc's malloc spent about 8% of a batch's instructions on
//! them. The `mimalloc` crate's allocator passes every request to
//! `mi_malloc_aligned`, whose fast path serves only blocks up to 1 KB: a larger
//! one, such as a growing `Vec` or the JSON of an analysis, went through its
//! generic path and was over-allocated by its alignment, at about 160
//! instructions a call. Every mimalloc block is aligned to a machine word, so
//! requests aligned to a word or less take the plain functions.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc, mi_zalloc_aligned,
};

pub struct MiMalloc;

/// The alignment every mimalloc block has: its blocks are whole words.
const WORD: usize = std::mem::size_of::<usize>();

/// A block of `layout` from `plain` when every mimalloc block has its
/// alignment, else from `aligned`.
///
/// # Safety
/// As `GlobalAlloc::alloc`: `layout` has a non-zero size.
#[inline]
unsafe fn allocate(
    layout: Layout,
    plain: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    if layout.align() <= WORD {
        plain(layout.size()).cast()
    } else {
        aligned(layout.size(), layout.align()).cast()
    }
}

// SAFETY: each call goes to mimalloc with the size asked for, and with the
// alignment asked for unless every mimalloc block already has it; `realloc`
// keeps the layout's alignment, so a block is always resized by the family of
// functions that allocated it, and all of them free with `mi_free`.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        allocate(layout, mi_malloc, mi_malloc_aligned)
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        allocate(layout, mi_zalloc, mi_zalloc_aligned)
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    // The benches include this file and build it as a test without running its tests.
    #[allow(unused_imports)]
    use super::*;

    #[test]
    fn blocks_have_their_alignment_and_keep_their_bytes_when_resized() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            // Below and above the 1 KB that ends mimalloc's small blocks, and
            // sizes no power of two, whose blocks are not naturally aligned.
            for size in [1, 3, 24, 52, 1000, 1025, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).expect("a valid layout");
                // SAFETY: the layouts are non-zero; each block is written within
                // its size, resized with its layout and freed once.
                unsafe {
                    let p = MiMalloc.alloc(layout);
                    assert!(!p.is_null() && p as usize % align == 0, "alloc {size} B aligned {align}");
                    for i in 0..size {
                        *p.add(i) = i as u8;
                    }
                    let q = MiMalloc.realloc(p, layout, size * 3);
                    assert!(!q.is_null() && q as usize % align == 0, "realloc {size} B aligned {align}");
                    assert!((0..size).all(|i| *q.add(i) == i as u8), "realloc keeps the bytes");
                    MiMalloc.dealloc(q, Layout::from_size_align(size * 3, align).expect("a valid layout"));
                    let z = MiMalloc.alloc_zeroed(layout);
                    assert!(!z.is_null() && z as usize % align == 0, "alloc_zeroed {size} B aligned {align}");
                    assert!((0..size).all(|i| *z.add(i) == 0), "alloc_zeroed zeroes");
                    MiMalloc.dealloc(z, layout);
                }
            }
        }
    }
}
