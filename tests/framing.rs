//! The seed article's framing targets, end to end.
//!
//! The markers targets must hold with the pipeline as it is. The attribution
//! target needs the quotes layer, so it is checked here with the seed's gold
//! quotes and entities standing in for the quotes and entities layers.

use std::path::PathBuf;

use glose::claims::Attribution;
use glose::entities::{Entity, EntityType};
use glose::markers::MarkerKind;
use glose::quotes::{Quote, QuoteKind};
use glose::segment::Doc;
use glose::{Lang, Span};

fn seed() -> Option<(String, serde_json::Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    let text = std::fs::read_to_string(dir.join("seed-fr-koursk.txt")).ok()?;
    let gold = std::fs::read_to_string(dir.join("seed-fr-koursk.json")).ok()?;
    Some((text, serde_json::from_str(&gold).expect("the gold file is JSON")))
}

/// A span from code-point offsets, as the gold gives them.
fn span_of_chars(text: &str, start: u64, end: u64) -> Span {
    let byte = |c: u64| text.char_indices().nth(c as usize).map_or(text.len(), |(b, _)| b);
    Span::of(text, byte(start), byte(end))
}

fn gold_layers(text: &str, gold: &serde_json::Value) -> (Vec<Quote>, Vec<Entity>) {
    let mut entities = Vec::new();
    for (k, e) in gold["entities"].as_array().expect("entities").iter().enumerate() {
        let mentions = e["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| span_of_chars(text, m["start"].as_u64().expect("start"), m["end"].as_u64().expect("end")))
            .collect();
        entities.push(Entity {
            id: format!("e{}", k + 1),
            kind: EntityType::ORG,
            name: e["name"].as_str().expect("name").to_string(),
            mentions,
            roles: Vec::new(),
        });
    }
    let mut quotes = Vec::new();
    for (k, q) in gold["quotes"].as_array().expect("quotes").iter().enumerate() {
        let kind = match q["kind"].as_str() {
            Some("direct") => QuoteKind::Direct,
            Some("partial") => QuoteKind::Partial,
            _ => QuoteKind::Indirect,
        };
        let speaker_name = q["speaker"].as_str().map(str::to_string);
        let speaker = speaker_name.as_ref().and_then(|n| entities.iter().find(|e| &e.name == n)).map(|e| e.id.clone());
        quotes.push(Quote {
            id: format!("q{}", k + 1),
            kind,
            span: span_of_chars(text, q["start"].as_u64().expect("start"), q["end"].as_u64().expect("end")),
            speaker,
            speaker_name,
            cue: None,
            channel: None,
            via: None,
        });
    }
    (quotes, entities)
}

#[test]
fn seed_labels_and_scare_quote_are_marked() {
    let Some((text, _)) = seed() else { return eprintln!("no shared gold: skipped") };
    let a = glose::analyze(&text, &glose::Options::default()).expect("default options are valid");
    let has =
        |words: &str, kinds: &[MarkerKind]| a.markers.iter().any(|m| m.span.text == words && kinds.contains(&m.kind));
    let labels = [MarkerKind::Label, MarkerKind::LoadedLanguage];
    assert!(has("régime de Kiev", &labels), "{:#?}", a.markers);
    assert!(has("Occident collectif", &labels), "{:#?}", a.markers);
    assert!(has("de fabrication américaine", &[MarkerKind::ScareQuote]), "{:#?}", a.markers);
}

#[test]
fn seed_claims_are_attributed_through_the_quotes_layer() {
    let Some((text, gold)) = seed() else { return eprintln!("no shared gold: skipped") };
    let (quotes, entities) = gold_layers(&text, &gold);
    let doc = Doc::new(&text, Lang::Fr);
    let markers = glose::markers::find(&doc, &quotes, &entities);
    let claims = glose::claims::find(&doc, &quotes, &entities, &[], &markers);
    let attributed: Vec<_> =
        claims.iter().filter(|c| c.attribution == Attribution::Attributed && c.source.is_some()).collect();
    assert!(attributed.len() >= 5, "{claims:#?}");
    if std::env::var_os("GLOSE_SHOW").is_some() {
        for c in &claims {
            eprintln!("{} {:?} {:?} {:?} {:?}", c.score, c.attribution, c.source_name, c.reasons, c.span.text);
        }
        for m in &markers {
            eprintln!("{:?} {:?}", m.kind, m.span.text);
        }
    }
    // The scare quote holds when the quotes layer reports it as a partial quote.
    assert!(markers.iter().any(|m| m.kind == MarkerKind::ScareQuote && m.span.text == "de fabrication américaine"));
}
