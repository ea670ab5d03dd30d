//! Hostile input, memory: the heap an analysis needs at its peak, result
//! included, grows in proportion to the input and stays under a bound a byte
//! of it, on every case of the hostile table.
//!
//! The heap is counted by this test binary's allocator, so the figures are
//! exact and the same on every machine. This file holds one test: tests of
//! one binary run on parallel threads, and another test's allocations would
//! count here.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

#[path = "hostile/cases.rs"]
mod cases;

/// The system allocator, counting the bytes in use and their highest mark.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters only read the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new_size);
        if !q.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most heap, in bytes a byte of input, any case may take at its peak.
/// The worst case, a flood of one-word lines, each a name, takes about 180:
/// every line is a sentence, a mention and a span of the result.
const MAX_BYTES_A_BYTE: usize = 256;

/// The peak heap of analysing `text`, above what was in use before.
fn peak_of(text: &str) -> usize {
    let before = IN_USE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let analysis = glose::analyze(text, &glose::Options::default()).expect("default options are valid");
    let peak = PEAK.load(Relaxed) - before;
    drop(analysis);
    peak
}

#[test]
fn peak_memory_is_linear_and_bounded_on_hostile_input() {
    // The lists and grammars are built on first use and kept: not the analysis's.
    peak_of("Le 25 novembre, M. Dupont a déclaré : «huit missiles».");
    peak_of("On Monday, Mr. Smith said \"eight\".");
    let mut report = String::new();
    let mut failed = false;
    for case in cases::CASES {
        if case.name == "empty" {
            continue;
        }
        let (small, large) = ((case.make)(32 * 1024), (case.make)(128 * 1024));
        let (p_small, p_large) = (peak_of(&small), peak_of(&large));
        let a_byte = p_large as f64 / large.len() as f64;
        let ratio = p_large as f64 / p_small.max(1) as f64 / (large.len() as f64 / small.len() as f64) * 4.0;
        let bad = a_byte > MAX_BYTES_A_BYTE as f64 || ratio > 4.8;
        failed |= bad;
        report += &format!(
            "{:<26} {:>6.1} B a byte, 4x the input takes x{ratio:.2} the memory{}\n",
            case.name,
            a_byte,
            if bad { "  TOO MUCH" } else { "" }
        );
    }
    assert!(!failed, "peak heap, limit {MAX_BYTES_A_BYTE} B a byte and x4.8:\n{report}");
    println!("{report}");
}
