//! The hostile-input table, shared by the test and the benchmark.

#![allow(dead_code)]

pub struct Case {
    pub name: &'static str,
    /// Builds about `bytes` bytes of the case.
    pub make: fn(usize) -> String,
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

pub const CASES: &[Case] = &[
    Case { name: "empty", make: |_| String::new() },
    Case { name: "guillemets «", make: |n| repeat("«", n) },
    Case { name: "no spaces", make: |n| repeat("abcdéfghij", n) },
    Case { name: "unmatched opening quotes", make: |n| repeat("« il a dit “ et ‘ puis \" ", n) },
    Case { name: "number flood", make: |n| repeat("1 000,5 12.5 3,000 huit 25 % ", n) },
    Case { name: "date flood", make: |n| repeat("le 25 novembre 2024, 25/11/2024, hier, mardi ", n) },
    Case { name: "cue flood", make: |n| repeat("a déclaré que selon X, a-t-il ajouté, said that ", n) },
    Case { name: "capitals flood", make: |n| repeat("John Kirby Maison Blanche ATACMS OTAN ", n) },
    Case {
        name: "mixed scripts", make: |n| repeat("👩‍👩‍👧 e\u{301} שלום مرحبا 日本語 🇫🇷 Привет ", n)
    },
    Case {
        name: "html soup",
        make: |n| repeat("<div class=\"a\"><p>Il a dit «oui»</p><script>x()</script></div>&amp;&#171; ", n),
    },
    Case { name: "one long sentence", make: |n| repeat("et le ministre a parlé ", n) },
    Case { name: "many short lines", make: |n| repeat("A.\n", n) },
    Case { name: "control characters", make: |n| repeat("\u{0}\u{1}\u{feff}\u{200b}\r\n\t", n) },
];
