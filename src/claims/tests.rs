use super::*;
use crate::entities::EntityType;
use crate::lang::Lang;

/// Runs markers and claims on `text` with hand-built quotes and entities.
fn claims_with(text: &str, lang: Lang, quotes: &[Quote], entities: &[Entity]) -> Vec<Claim> {
    let doc = Doc::new(text, lang);
    let markers = crate::markers::find(&doc, quotes, entities);
    let got = find(&doc, quotes, entities, &[], &markers);
    for c in &got {
        assert_eq!(&text[c.span.start..c.span.end], c.span.text);
        assert!((0.0..=1.0).contains(&c.score));
    }
    got
}

/// The best claim score of a text: 0 when nothing is check-worthy.
fn best_score(text: &str, lang: Lang) -> f64 {
    claims_with(text, lang, &[], &[]).iter().map(|c| c.score).fold(0.0, f64::max)
}

fn span(text: &str, part: &str) -> Span {
    let start = text.find(part).expect("the part is in the text");
    Span::of(text, start, start + part.len())
}

fn entity(text: &str, id: &str, name: &str, kind: EntityType) -> Entity {
    Entity { id: id.into(), kind, name: name.into(), mentions: vec![span(text, name)], roles: Vec::new() }
}

fn quote(text: &str, id: &str, part: &str, kind: QuoteKind, speaker: Option<&Entity>) -> Quote {
    Quote {
        id: id.into(),
        kind,
        span: span(text, part),
        speaker: speaker.map(|e| e.id.clone()),
        speaker_name: speaker.map(|e| e.name.clone()),
        cue: None,
        channel: None,
        via: None,
    }
}

#[test]
fn claims_outrank_small_talk() {
    let cases = [
        (Lang::Fr, "Le chômage a baissé de 2 % en France en 2023, selon l'Insee.", "Bonjour, comment ça va ?"),
        (
            Lang::Fr,
            "L'armée russe a tiré huit missiles sur la ville de Koursk.",
            "J'adore le thé à la menthe, il est délicieux.",
        ),
        (
            Lang::Fr,
            "Le gouvernement a augmenté le budget de la défense de 3 milliards d'euros.",
            "Il fait beau aujourd'hui.",
        ),
        (
            Lang::En,
            "Unemployment fell to 3.5 percent in March, the lowest rate since 1969.",
            "I think this tea is lovely.",
        ),
        (Lang::En, "The president signed a law that cut taxes by 20 percent.", "Hello, how are you?"),
        (Lang::En, "Russian forces launched 40 missiles at Kyiv on Monday.", "The weather is nice today."),
        (Lang::En, "Vaccines cause autism in children.", "Thanks, see you tomorrow!"),
        (Lang::Fr, "Les vaccins provoquent l'autisme chez les enfants.", "Merci, à bientôt !"),
    ];
    for (lang, claim, small_talk) in cases {
        let (c, s) = (best_score(claim, lang), best_score(small_talk, lang));
        assert!(c >= MIN_SCORE && c > s, "{claim:?} ({c}) must outrank {small_talk:?} ({s})");
    }
}

#[test]
fn plain_everyday_sentences_are_not_claims() {
    for (lang, text) in [
        (Lang::Fr, "Le conseil municipal se réunit mardi."),
        (Lang::Fr, "Il pleut depuis ce matin sur Paris."),
        (Lang::En, "The bakery opens at 8 a.m."),
        (Lang::En, "I would like a cup of tea, please."),
    ] {
        assert_eq!(best_score(text, lang), 0.0, "{text:?}");
    }
}

#[test]
fn a_claim_in_a_direct_quote_goes_to_its_speaker() {
    let text = "«Huit missiles ont été tirés sur l'aérodrome de Koursk», a déclaré le ministère de la Défense.";
    let e = entity(text, "e1", "ministère de la Défense", EntityType::ORG);
    let q = quote(text, "q1", "Huit missiles ont été tirés sur l'aérodrome de Koursk", QuoteKind::Direct, Some(&e));
    let got = claims_with(text, Lang::Fr, &[q], &[e]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].attribution, Attribution::Attributed);
    assert_eq!(got[0].source.as_deref(), Some("e1"));
    assert_eq!(got[0].source_name.as_deref(), Some("ministère de la Défense"));
    assert_eq!(got[0].quote.as_deref(), Some("q1"));
    assert!(got[0].reasons.iter().any(|r| r == "number"), "{:?}", got[0].reasons);
}

#[test]
fn a_claim_in_reported_speech_goes_to_its_speaker() {
    let text = "John Kirby said that the administration had allowed Ukraine to strike targets with 8 missiles.";
    let e = entity(text, "e1", "John Kirby", EntityType::PER);
    let q = quote(
        text,
        "q1",
        "the administration had allowed Ukraine to strike targets with 8 missiles",
        QuoteKind::Indirect,
        Some(&e),
    );
    let got = claims_with(text, Lang::En, &[q], &[e]);
    assert!(got.iter().any(|c| c.attribution == Attribution::Attributed && c.source.as_deref() == Some("e1")));
}

#[test]
fn a_sentence_that_is_mostly_a_claimed_quote_is_not_claimed_again() {
    let text = "The company expects revenue of $37.5 billion for the quarter, according to data compiled by LSEG.";
    let e = entity(text, "e1", "LSEG", EntityType::ORG);
    let part = "The company expects revenue of $37.5 billion for the quarter";
    let q = quote(text, "q1", part, QuoteKind::Indirect, Some(&e));
    let got = claims_with(text, Lang::En, &[q], &[e]);
    assert_eq!(got.iter().map(|c| c.span.text.as_str()).collect::<Vec<_>>(), [part]);
}

#[test]
fn selon_and_according_to_attribute_a_sentence_to_a_named_source() {
    let text = "Selon l'Insee, le chômage a baissé de 2 % en 2023.";
    let e = entity(text, "e1", "Insee", EntityType::ORG);
    let got = claims_with(text, Lang::Fr, &[], &[e]);
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].attribution, got[0].source.as_deref()), (Attribution::Attributed, Some("e1")));

    let text = "Unemployment fell by 2 percent last year, according to the Labor Department.";
    let e = entity(text, "e7", "Labor Department", EntityType::ORG);
    let got = claims_with(text, Lang::En, &[], &[e]);
    assert_eq!((got[0].attribution, got[0].source.as_deref()), (Attribution::Attributed, Some("e7")));
}

#[test]
fn hedged_claims_are_hedged_and_the_article_s_own_are_unattributed() {
    let cases = [
        (
            Lang::Fr,
            "Selon des sources proches du dossier, le ministre aurait touché 2 millions d'euros.",
            Attribution::Hedged,
        ),
        (Lang::Fr, "Le bilan de l'attaque s'élèverait à 20 morts dans la ville.", Attribution::Hedged),
        (Lang::En, "The minister reportedly received 2 million dollars from the company.", Attribution::Hedged),
        (Lang::En, "The suspect allegedly fired three shots at the police.", Attribution::Hedged),
        (Lang::Fr, "Le groupe armé détiendrait encore trois otages.", Attribution::Hedged),
        (Lang::Fr, "Le chômage a baissé de 2 % en France en 2023.", Attribution::Unattributed),
        (Lang::En, "Unemployment in France fell by 2 percent in 2023.", Attribution::Unattributed),
    ];
    for (lang, text, want) in cases {
        let got = claims_with(text, lang, &[], &[]);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(got[0].attribution, want, "{text:?}");
    }
}

#[test]
fn five_quotes_with_speakers_give_five_attributed_claims() {
    let text = "Le ministère a annoncé que deux attaques avaient visé la région de Koursk. \
        «Trois missiles ont été détruits et deux ont atteint leur cible», a déclaré le ministère. \
        «Les infrastructures ont été légèrement endommagées par la chute de 5 débris», a-t-il ajouté. \
        Dmitri Peskov a déclaré que la Russie allait répondre à ces 8 frappes de missiles. \
        «Nous avons modifié les directives pour les missiles ATACMS en 2024», a dit John Kirby.";
    let ministry = entity(text, "e1", "ministère", EntityType::ORG);
    let peskov = entity(text, "e2", "Dmitri Peskov", EntityType::PER);
    let kirby = entity(text, "e3", "John Kirby", EntityType::PER);
    let quotes = [
        quote(text, "q1", "deux attaques avaient visé la région de Koursk", QuoteKind::Indirect, Some(&ministry)),
        quote(
            text,
            "q2",
            "Trois missiles ont été détruits et deux ont atteint leur cible",
            QuoteKind::Direct,
            Some(&ministry),
        ),
        quote(
            text,
            "q3",
            "Les infrastructures ont été légèrement endommagées par la chute de 5 débris",
            QuoteKind::Direct,
            Some(&ministry),
        ),
        quote(text, "q4", "la Russie allait répondre à ces 8 frappes de missiles", QuoteKind::Indirect, Some(&peskov)),
        quote(
            text,
            "q5",
            "Nous avons modifié les directives pour les missiles ATACMS en 2024",
            QuoteKind::Direct,
            Some(&kirby),
        ),
    ];
    let got = claims_with(text, Lang::Fr, &quotes, &[ministry, peskov, kirby]);
    let attributed: Vec<_> = got.iter().filter(|c| c.attribution == Attribution::Attributed).collect();
    assert!(attributed.len() >= 5, "{got:#?}");
    let q5 = got.iter().find(|c| c.quote.as_deref() == Some("q5")).expect("the quote of Kirby is a claim");
    assert_eq!(q5.source.as_deref(), Some("e3"));
}

#[test]
fn bad_input_never_panics() {
    for text in ["", "?", "«»", "1", "😀 2 € 😀", "<b>3 %</b>", "selon", "according to"] {
        for lang in Lang::ALL {
            let _ = claims_with(text, lang, &[], &[]);
        }
    }
}

/// The name before a reporting verb is its subject only when it stands right
/// before it: past an auxiliary, a possessive's noun or an apposition between
/// commas, not past another phrase or inside a compound.
#[test]
fn a_named_source_stands_right_before_its_verb() {
    let source = |text: &str, name: &str| {
        let e = entity(text, "e1", name, EntityType::PER);
        claims_with(text, Lang::En, &[], &[e]).first().and_then(|c| c.source.clone())
    };
    let text = "Richard Roe, R-Ohio, said the plan would cost $8 billion a year.";
    assert_eq!(source(text, "Richard Roe").as_deref(), Some("e1"));
    let text = "The club has fired its coach John Doe, the club announced, after 14 defeats in 20 games.";
    assert_eq!(source(text, "John Doe"), None);
    let text = "A coalition of 25 Orange-led cities reported 40 percent more thefts.";
    assert_eq!(source(text, "Orange"), None);
}
