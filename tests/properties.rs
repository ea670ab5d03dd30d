//! Properties of `analyze` for any UTF-8 input: no panic, spans inside the text
//! on char boundaries, the three offset units agree, and the output is deterministic.

use glose::{analyze, OffsetUnit, Options};
use proptest::prelude::*;

mod common;
use serde_json::Value;

fn run(text: &str, unit: OffsetUnit) -> Value {
    let a = analyze(text, &Options { offsets: unit, ..Default::default() }).expect("default options are valid");
    serde_json::to_value(&a).expect("an analysis serialises")
}

/// Text made of pieces that stress the layers: quote marks, numbers, dates,
/// cue verbs, names, emoji, combining marks, right-to-left text, markup.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just(" — ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" a déclaré ".to_string()),
        Just(" said ".to_string()),
        Just(", a-t-il ajouté".to_string()),
        Just(" selon ".to_string()),
        Just("M. Dupont".to_string()),
        Just("John Kirby".to_string()),
        Just("le ministère de la Défense".to_string()),
        Just("Le 25 novembre 2024".to_string()),
        Just("hier".to_string()),
        Just("il y a deux jours".to_string()),
        Just("1 000,5".to_string()),
        Just("25/11/2024".to_string()),
        Just("huit missiles".to_string()),
        Just("sept ont été abattus".to_string()),
        Just("quatre-vingt-dix-sept".to_string()),
        Just("$3.5 billion".to_string()),
        Just("30 %".to_string()),
        Just("régime de Kiev".to_string()),
        Just("aurait".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("e\u{301}".to_string()),
        Just("שלום עולם".to_string()),
        Just("<p onclick=x>".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        "[a-zA-Zéèà0-9 ,.;:!?()-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_span_slices_its_text_in_every_unit(text in article()) {
        let bytes = run(&text, OffsetUnit::Byte);
        let chars = run(&text, OffsetUnit::Char);
        let utf16 = run(&text, OffsetUnit::Utf16);
        let (mut b, mut c, mut u) = (Vec::new(), Vec::new(), Vec::new());
        common::collect_spans(&bytes, &mut b);
        common::collect_spans(&chars, &mut c);
        common::collect_spans(&utf16, &mut u);
        prop_assert_eq!(b.len(), c.len());
        prop_assert_eq!(b.len(), u.len());
        let units: Vec<u16> = text.encode_utf16().collect();
        for (((bs, be, t), (cs, ce, _)), (us, ue, _)) in b.iter().zip(&c).zip(&u) {
            prop_assert!(bs <= be && *be <= text.len());
            prop_assert!(text.is_char_boundary(*bs) && text.is_char_boundary(*be));
            prop_assert_eq!(&text[*bs..*be], t.as_str());
            let by_char: String = text.chars().skip(*cs).take(ce - cs).collect();
            prop_assert_eq!(&by_char, t);
            prop_assert_eq!(&String::from_utf16_lossy(&units[*us..*ue]), t);
        }
    }

    #[test]
    fn any_utf8_never_panics_and_is_deterministic(text in "\\PC{0,200}") {
        let a = run(&text, OffsetUnit::Utf16);
        let b = run(&text, OffsetUnit::Utf16);
        prop_assert_eq!(a, b);
    }
}
