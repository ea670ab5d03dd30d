use super::*;
use crate::lang::Lang;
use crate::quotes::QuoteKind;

fn marks_with(text: &str, lang: Lang, quotes: &[Quote]) -> Vec<(MarkerKind, String)> {
    let doc = Doc::new(text, lang);
    let got = find(&doc, quotes, &[]);
    for m in &got {
        assert_eq!(&text[m.span.start..m.span.end], m.span.text, "span slices its text");
        assert!(!m.why.is_empty());
    }
    got.into_iter().map(|m| (m.kind, m.span.text)).collect()
}

fn marks(text: &str, lang: Lang) -> Vec<(MarkerKind, String)> {
    marks_with(text, lang, &[])
}

/// Asserts that `text` holds a marker of `kind` over exactly `want`.
fn assert_marks(lang: Lang, cases: &[(&str, MarkerKind, &str)]) {
    for &(text, kind, want) in cases {
        let got = marks(text, lang);
        assert!(got.iter().any(|(k, t)| *k == kind && t == want), "{text:?}: want {kind:?} {want:?}, got {got:?}");
        // The same marker survives a one-character shift of the whole text.
        let shifted = format!("€ {text}");
        assert!(marks(&shifted, lang).iter().any(|(k, t)| *k == kind && t == want), "shifted {text:?}");
    }
}

fn assert_no_marker(lang: Lang, texts: &[&str]) {
    for text in texts {
        let got = marks(text, lang);
        assert!(got.is_empty(), "{text:?} got {got:?}");
    }
}

use MarkerKind::*;

#[test]
fn french_hedges_are_found() {
    assert_marks(
        Lang::Fr,
        &[
            ("Selon la police, le suspect a pris la fuite.", Hedge, "Selon"),
            ("Le suspect a pris la fuite, d'après les enquêteurs.", Hedge, "d'après"),
            ("Les faits remontent à mardi selon le parquet.", Hedge, "selon"),
            ("Le présumé meurtrier a été arrêté à Lyon.", Hedge, "présumé"),
            ("L'auteur supposé de l'attaque est en fuite.", Hedge, "supposé"),
            ("Il semblerait que le ministre soit parti.", Hedge, "Il semblerait"),
            ("Le ministre aurait démissionné dimanche.", Hedge, "aurait démissionné"),
            ("Les deux hommes auraient été tués par balle.", Hedge, "auraient été tués"),
            ("Le bilan s'élèverait à vingt morts.", Hedge, "s'élèverait"),
            ("Le groupe serait à l'origine de l'incendie.", Hedge, "serait à l'origine"),
            ("Il y aurait plus de cent morts dans la région.", Hedge, "Il y aurait"),
            ("L'explosion aurait eu lieu vers minuit.", Hedge, "aurait eu"),
        ],
    );
}

#[test]
fn english_hedges_are_found() {
    assert_marks(
        Lang::En,
        &[
            ("The minister reportedly resigned on Sunday.", Hedge, "reportedly"),
            ("The man allegedly stole three cars.", Hedge, "allegedly"),
            ("According to the police, the suspect fled.", Hedge, "According to"),
            ("The suspect fled, according to Reuters.", Hedge, "according to"),
            ("Sources say the deal is close.", Hedge, "Sources say"),
            ("The alleged attacker was arrested.", Hedge, "alleged"),
            ("The general is said to have left the country.", Hedge, "is said to"),
            ("The firm is reported to have paid a bribe.", Hedge, "is reported to"),
        ],
    );
}

#[test]
fn conditionals_that_are_not_hedges_are_left_alone() {
    assert_no_marker(
        Lang::Fr,
        &[
            "Si j'avais su, je serais venu plus tôt.",
            "S'il avait plu, il serait resté chez lui.",
            "Je voudrais un café, s'il vous plaît.",
            "Il aurait dû partir plus tôt.",
            "Elle aurait aimé voir la mer.",
            "On dirait qu'il va pleuvoir.",
            "Ce serait bien de se revoir.",
            "Le maire a annoncé que la piscine serait fermée en juin.",
            "Il a dit qu'il aurait fini avant midi.",
            "Nous aurions voulu rester.",
            "Il aurait été content de te voir.",
            "Sans toi, le gâteau aurait brûlé.",
            "S'il faisait beau, il y aurait du monde à la plage.",
        ],
    );
}

#[test]
fn a_conditional_inside_quote_marks_is_the_speaker_s() {
    let got = marks("«Le projet aurait échoué sans vous», a déclaré le ministre.", Lang::Fr);
    assert!(!got.iter().any(|(k, _)| *k == Hedge), "{got:?}");
}

#[test]
fn attribution_words_that_mean_depending_on_are_not_hedges() {
    assert_no_marker(Lang::Fr, &["Les prix varient selon la taille.", "Le menu change selon la saison."]);
    assert_no_marker(Lang::En, &["Everything went according to plan.", "Bake it according to the recipe."]);
}

#[test]
fn unnamed_sources_are_found_in_both_languages() {
    assert_marks(
        Lang::Fr,
        &[
            (
                "Des sources proches du dossier ont confirmé l'information.",
                UnnamedSource,
                "Des sources proches du dossier",
            ),
            ("Un haut responsable a indiqué que la réunion était annulée.", UnnamedSource, "Un haut responsable"),
            ("Selon des sources militaires, l'attaque a échoué.", UnnamedSource, "Selon des sources militaires"),
            ("L'accord est prêt, de source diplomatique.", UnnamedSource, "de source diplomatique"),
            ("Une source policière a confirmé l'arrestation.", UnnamedSource, "Une source policière"),
        ],
    );
    assert_marks(
        Lang::En,
        &[
            ("A senior official said the talks had failed.", UnnamedSource, "A senior official"),
            ("Two US officials told Reuters the plan was dropped.", UnnamedSource, "Two US officials"),
            ("Officials said the bridge would reopen.", UnnamedSource, "Officials"),
            ("Pentagon officials said the drill was over.", UnnamedSource, "Pentagon officials"),
            (
                "The deal is done, people familiar with the matter said.",
                UnnamedSource,
                "people familiar with the matter",
            ),
        ],
    );
}

#[test]
fn source_nouns_outside_reported_speech_are_not_unnamed_sources() {
    assert_no_marker(
        Lang::Fr,
        &["Un responsable du club a ouvert la porte.", "La source de la Seine est en Bourgogne."],
    );
    assert_no_marker(Lang::En, &["The president made an official visit to Rome.", "An official opened the gate."]);
    // French puts few adjectives before the noun: here "responsable" qualifies "compromis".
    assert_no_marker(Lang::Fr, &["Il a salué « un compromis responsable », tout en réclamant des garanties."]);
}

#[test]
fn a_source_named_right_after_is_not_unnamed() {
    let got = marks("Un diplomate, Jean Dupont, a dit que la réunion était annulée.", Lang::Fr);
    assert!(!got.iter().any(|(k, _)| *k == UnnamedSource), "{got:?}");
}

#[test]
fn short_quoted_fragments_in_the_writer_s_sentence_are_scare_quotes() {
    assert_marks(
        Lang::Fr,
        &[
            (
                "L'armée a tiré cinq missiles «de fabrication américaine» sur la ville.",
                ScareQuote,
                "de fabrication américaine",
            ),
            ("La «junte» a fermé les frontières du pays.", ScareQuote, "junte"),
            ("Le pays a organisé des « élections » dimanche dernier.", ScareQuote, "élections"),
        ],
    );
    assert_marks(
        Lang::En,
        &[
            ("The \"experts\" on the panel were wrong again.", ScareQuote, "experts"),
            ("The so-called reform was passed on Friday.", ScareQuote, "so-called"),
            ("The government held “elections” last month.", ScareQuote, "elections"),
            ("The regime's ‘reforms’ changed nothing for the poor.", ScareQuote, "reforms"),
            ("The 'experts' on the panel were wrong again.", ScareQuote, "experts"),
        ],
    );
    assert_marks(Lang::Fr, &[("Le soi-disant expert a quitté le plateau.", ScareQuote, "soi-disant")]);
}

#[test]
fn names_utterances_and_reported_fragments_are_not_scare_quotes() {
    let cases = [
        (Lang::Fr, "La Russie a utilisé un missile «Orechnik» contre la ville."),
        (Lang::Fr, "Le porte-parole a déclaré que Moscou était «convaincu» de sa victoire."),
        (Lang::Fr, "Le ministre a répondu : «non» sans hésiter."),
        (Lang::Fr, "«Nous partons demain.» Le ministre a quitté la salle."),
        (Lang::Fr, "« Allez en trouver une autre », conseille la Poste à ses clients."),
        (Lang::Fr, "L'Irak accepte le programme humanitaire «pétrole contre nourriture» pour six mois."),
        (Lang::Fr, "Il s'agit de « Corps flottants » de Robert Cahen, un film récent."),
        (Lang::Fr, "Pour Laurent Berger, secrétaire général du syndicat, ce recul « ne change rien » au fond."),
        (Lang::Fr, "Le bureau s'est contenté d'indiquer qu'il « étudiait la proposition » avec soin."),
        (Lang::En, "He called the plan \"a disaster\" on Monday."),
        (Lang::En, "She read “War and Peace” on the train."),
        (Lang::En, "The officials' report and the workers' union agree."),
    ];
    for (lang, text) in cases {
        let got = marks(text, lang);
        assert!(!got.iter().any(|(k, _)| *k == ScareQuote), "{text:?} got {got:?}");
    }
}

fn quote(text: &str, fragment: &str, kind: QuoteKind) -> Quote {
    let start = text.find(fragment).expect("the fragment is in the text");
    Quote {
        id: "q1".into(),
        kind,
        span: Span::of(text, start, start + fragment.len()),
        speaker: None,
        speaker_name: None,
        cue: None,
        channel: None,
        via: None,
    }
}

#[test]
fn partial_quotes_from_the_quotes_layer_are_scare_quotes_unless_reported() {
    // Marks the own scan does not take (low single quotes), so only the quotes layer finds it.
    let text = "Le pays fête une ‚victoire‘ éclatante de son armée.";
    let q = quote(text, "victoire", QuoteKind::Partial);
    let got = marks_with(text, Lang::Fr, &[q]);
    assert!(got.iter().any(|(k, t)| *k == ScareQuote && t == "victoire"), "{got:?}");

    // A nominal report quotes a term in the writer's summary: still a scare quote.
    let text = "Le ministère a fait état d'une frappe menée avec des missiles ‚de fabrication américaine‘ hier.";
    let partial = quote(text, "de fabrication américaine", QuoteKind::Partial);
    let reported =
        quote(text, "une frappe menée avec des missiles ‚de fabrication américaine‘ hier", QuoteKind::Indirect);
    let got = marks_with(text, Lang::Fr, &[partial, reported]);
    assert!(got.iter().any(|(k, t)| *k == ScareQuote && t == "de fabrication américaine"), "{got:?}");

    // Right after its own cue, the fragment is the speaker's word, whatever the verb.
    let text = "Les syndicats dénoncent une « trahison » de la direction.";
    let mut q = quote(text, "trahison", QuoteKind::Partial);
    let cue = text.find("dénoncent").expect("the cue is in the text");
    q.cue = Some(Span::of(text, cue, cue + "dénoncent".len()));
    let got = marks_with(text, Lang::Fr, &[q.clone()]);
    assert!(!got.iter().any(|(k, _)| *k == ScareQuote), "{got:?}");
    q.cue = None;
    let got = marks_with(text, Lang::Fr, &[q]);
    assert!(got.iter().any(|(k, t)| *k == ScareQuote && t == "trahison"), "{got:?}");

    // A "que" clause of reported speech holds the speaker's own words.
    let text = "Le ministre a affirmé que le pays fête une ‚victoire‘ éclatante.";
    let partial = quote(text, "victoire", QuoteKind::Partial);
    let reported = quote(text, "le pays fête une ‚victoire‘ éclatante", QuoteKind::Indirect);
    let got = marks_with(text, Lang::Fr, &[partial, reported]);
    assert!(!got.iter().any(|(k, _)| *k == ScareQuote), "{got:?}");
}

#[test]
fn labels_and_loaded_words_are_found() {
    assert_marks(
        Lang::Fr,
        &[
            ("Le régime de Kiev a lancé une frappe.", Label, "régime de Kiev"),
            ("Les pays de l'Occident collectif ont entendu.", Label, "Occident collectif"),
            ("La junte a fermé les frontières.", Label, "junte"),
            ("Les terroristes ont attaqué la ville.", Label, "terroristes"),
            ("Cette décision scandaleuse a choqué le pays.", LoadedLanguage, "scandaleuse"),
            ("Ce régime criminel doit tomber.", Label, "régime criminel"),
        ],
    );
    assert_marks(
        Lang::En,
        &[
            ("The Kyiv regime launched a strike.", Label, "Kyiv regime"),
            ("The junta closed the borders.", Label, "junta"),
            ("The terrorists attacked the town.", Label, "terrorists"),
            ("It was a disastrous decision for the country.", LoadedLanguage, "disastrous"),
            ("The collective West has heard the warning.", Label, "collective West"),
            ("The tyrant fled the capital.", Label, "tyrant"),
        ],
    );
}

#[test]
fn label_why_names_the_label_in_the_article_s_language() {
    let doc = Doc::new("Le régime de Kiev a lancé une frappe.", Lang::Fr);
    let m = find(&doc, &[], &[]).into_iter().find(|m| m.kind == Label).expect("a label");
    assert_eq!(m.technique, Some("Name_Calling-Labeling"));
    assert!(m.why.contains("«régime»") && m.why.contains("étiquette"), "{}", m.why);
}

#[test]
fn common_uses_of_label_words_are_not_labels() {
    assert_no_marker(
        Lang::Fr,
        &[
            "Le régime de retraite des fonctionnaires change en janvier.",
            "Il suit un régime sans sel depuis un an.",
            "Une attaque terroriste a été déjouée mardi.",
        ],
    );
    assert_no_marker(Lang::En, &["The tax regime changed in January.", "She follows a strict diet regime."]);
}

#[test]
fn intensifiers_are_found() {
    assert_marks(
        Lang::Fr,
        &[
            ("La situation est extrêmement grave pour les habitants.", Intensifier, "extrêmement"),
            ("Une crise sans précédent frappe le secteur.", Intensifier, "sans précédent"),
        ],
    );
    assert_marks(
        Lang::En,
        &[
            ("The attack was incredibly brutal.", Intensifier, "incredibly"),
            ("The country faces an unprecedented crisis.", Intensifier, "unprecedented"),
        ],
    );
}

#[test]
fn plain_factual_and_everyday_sentences_get_no_marker() {
    assert_no_marker(
        Lang::Fr,
        &[
            "Le conseil municipal se réunit mardi.",
            "La boulangerie ouvre à 8 heures.",
            "Il pleut depuis ce matin sur Paris.",
            "Le train pour Lyon part du quai numéro trois.",
            "Le ministère de la Défense a publié un communiqué lundi.",
            "Le président a reçu son homologue allemand à l'Élysée.",
            "Les élèves rentrent en classe le 2 septembre.",
            "J'aimerais bien partir en vacances cet été.",
            "Nous serions ravis de vous recevoir.",
            "Le musée sera fermé pour travaux jusqu'en mars.",
            "Les occupants de l'immeuble ont été évacués vers midi.",
            "Les enfants fabriquent des marionnettes en papier.",
            "Le musée expose des affiches de propagande.",
        ],
    );
    assert_no_marker(
        Lang::En,
        &[
            "The bakery opens at 8 a.m.",
            "The city council meets on Tuesday.",
            "It has been raining since this morning.",
            "The train to Boston leaves from platform three.",
            "The ministry published a statement on Monday.",
            "I would like a cup of tea, please.",
            "If I had known, I would have come earlier.",
            "The museum will be closed for repairs until March.",
            "The president met his German counterpart in Berlin.",
            "I am terribly sorry for the delay.",
            "The children made puppets out of socks.",
            "Fans watched Apocalypse Now at the festival.",
            "Michael Savage hosted the radio show.",
        ],
    );
}

#[test]
fn bad_input_never_panics() {
    for text in ["", "«", "« »", "\"\"\"", "😀 «😀» \u{200d}", "<p>«a</p>", "selon", "a senior", "aurait"] {
        for lang in Lang::ALL {
            let _ = marks(text, lang);
        }
    }
}

#[test]
fn random_mixes_of_risky_pieces_never_panic_and_spans_slice() {
    const PIECES: [&str; 34] = [
        "«",
        "»",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "selon",
        "aurait",
        "été",
        "tués",
        "é",
        "😀",
        "\u{301}",
        " ",
        " ",
        ".",
        "?",
        "un",
        "haut",
        "responsable",
        "a dit",
        "que",
        "régime",
        "de",
        "Kiev",
        "so-called",
        "sources",
        "officials",
        "said",
        "1",
        "%",
        "\n",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let opts = crate::Options { offsets: crate::OffsetUnit::Byte, ..Default::default() };
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
        }
        let a = crate::analyze(&text, &opts).expect("default options are valid");
        for m in &a.markers {
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.span.text.as_str()), "{text:?}");
        }
        for c in &a.claims {
            assert_eq!(text.get(c.span.start..c.span.end), Some(c.span.text.as_str()), "{text:?}");
        }
    }
}
