//! One table per construction, in both languages.

use super::*;

fn quantities(text: &str, lang: Lang) -> Vec<Quantity> {
    find(&Doc::new(text, lang), &[], &[])
}

/// (text, language, the quantity's text, value): the quantity must be found.
type Case = (&'static str, Lang, &'static str, f64);

fn assert_found(cases: &[Case]) {
    for &(text, lang, want_text, want_value) in cases {
        let got = quantities(text, lang);
        assert!(
            got.iter().any(|q| q.span.text == want_text && q.value == want_value),
            "{text:?}: want {want_text:?} = {want_value}, got {:?}",
            got.iter().map(|q| (&q.span.text, q.value)).collect::<Vec<_>>()
        );
    }
}

fn assert_none(cases: &[(&str, Lang)]) {
    for &(text, lang) in cases {
        let got = quantities(text, lang);
        assert!(
            got.is_empty(),
            "{text:?}: want no quantity, got {:?}",
            got.iter().map(|q| &q.span.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn spelled_out_numbers_are_read_in_both_languages() {
    assert_found(&[
        ("Le régime a lancé huit missiles.", Lang::Fr, "huit", 8.0),
        ("On compte quatre-vingt-dix-sept victimes.", Lang::Fr, "quatre-vingt-dix-sept", 97.0),
        ("Il y avait deux mille trois cents manifestants.", Lang::Fr, "deux mille trois cents", 2300.0),
        ("Vingt et un soldats sont rentrés.", Lang::Fr, "Vingt et un", 21.0),
        ("soixante-dix-sept", Lang::Fr, "soixante-dix-sept", 77.0),
        ("Twenty-one people were arrested.", Lang::En, "Twenty-one", 21.0),
        ("Police arrested a hundred protesters.", Lang::En, "a hundred", 100.0),
        ("They fired one hundred and five rockets.", Lang::En, "one hundred and five", 105.0),
        ("Il a payé cinquante-trois mille millions.", Lang::Fr, "cinquante-trois mille millions", 53e9),
        ("Il faisait moins cinq dehors.", Lang::Fr, "moins cinq", -5.0),
        ("Il y a eu 37 morts, dont au moins douze enfants.", Lang::Fr, "douze", 12.0),
        ("Revenue of $37 billion, plus or minus 2%, is expected.", Lang::En, "2%", 2.0),
        ("Une marge de plus ou moins trois points.", Lang::Fr, "trois", 3.0),
        ("It sold sixty hundreds units.", Lang::En, "sixty hundreds", 6000.0),
        ("Il y avait deux tiers des votants.", Lang::Fr, "deux tiers", 2.0 / 3.0),
        ("Il a perdu la moitié de sa fortune.", Lang::Fr, "moitié", 0.5),
        ("Une demi-douzaine de soldats.", Lang::Fr, "Une demi-douzaine", 6.0),
        ("Ils étaient deux millions et demi.", Lang::Fr, "deux millions et demi", 2.5e6),
        ("They raised two and a half million dollars.", Lang::En, "two and a half million dollars", 2.5e6),
    ]);
}

#[test]
fn digits_in_local_formats_are_read() {
    assert_found(&[
        ("Le budget atteint 1 000,5 euros par an.", Lang::Fr, "1 000,5 euros", 1000.5),
        ("Une ville de 70.000 habitants.", Lang::Fr, "70.000", 70000.0),
        ("Une ville de 70\u{a0}000 habitants.", Lang::Fr, "70\u{a0}000", 70000.0),
        ("Une ville de 70\u{202f}000 habitants.", Lang::Fr, "70\u{202f}000", 70000.0),
        ("A town of 1,000.5 people.", Lang::En, "1,000.5", 1000.5),
        ("The rate rose to 3.75 points.", Lang::En, "3.75", 3.75),
        ("L'écart est de 2,5 points.", Lang::Fr, "2,5", 2.5),
        ("L'armée a envoyé 1500 soldats.", Lang::Fr, "1500", 1500.0),
        ("La dette atteint -3,5 points.", Lang::Fr, "-3,5", -3.5),
        ("The video has 100K views.", Lang::En, "100K", 100_000.0),
        ("Le club compte 1,2M d'abonnés.", Lang::Fr, "1,2M", 1_200_000.0),
    ]);
}

#[test]
fn percentages_money_and_measures_have_units() {
    let cases: &[(&str, Lang, &str, f64, QuantityKind, &str)] = &[
        ("Le chômage baisse de 30 %.", Lang::Fr, "30 %", 30.0, QuantityKind::Percent, "%"),
        ("Unemployment fell 30 percent.", Lang::En, "30 percent", 30.0, QuantityKind::Percent, "%"),
        ("Un contrat de 25 millions d'euros.", Lang::Fr, "25 millions d'euros", 25e6, QuantityKind::Money, "EUR"),
        ("A $3.5 billion deal.", Lang::En, "$3.5 billion", 3.5e9, QuantityKind::Money, "USD"),
        ("Le coût atteint 100.000 €.", Lang::Fr, "100.000 €", 1e5, QuantityKind::Money, "EUR"),
        ("Une amende de 5.000 F.", Lang::Fr, "5.000 F", 5000.0, QuantityKind::Money, "FRF"),
        ("Environ 100 m2 ont brûlé.", Lang::Fr, "100 m2", 100.0, QuantityKind::Measure, "m2"),
        ("The convoy drove 40 miles north.", Lang::En, "40 miles", 40.0, QuantityKind::Measure, "mi"),
        ("Il est tombé 340 millimètres de pluie.", Lang::Fr, "340 millimètres", 340.0, QuantityKind::Measure, "mm"),
        ("Up to 120 millimetres of rain fell.", Lang::En, "120 millimetres", 120.0, QuantityKind::Measure, "mm"),
        ("Gusts of 60 mph (97 kph) hit.", Lang::En, "97 kph", 97.0, QuantityKind::Measure, "km/h"),
        // A scaled amount after a sum of money in its sentence is in its currency.
        (
            "Le déficit passera à 16 milliards d'euros, contre 18 milliards cette année.",
            Lang::Fr,
            "18 milliards",
            18e9,
            QuantityKind::Money,
            "EUR",
        ),
        ("A $33.16 billion sale.", Lang::En, "$33.16 billion", 33.16e9, QuantityKind::Money, "USD"),
        // Currencies in words, with their country.
        (
            "Profit rose to 1.84 billion Swedish crowns.",
            Lang::En,
            "1.84 billion Swedish crowns",
            1.84e9,
            QuantityKind::Money,
            "SEK",
        ),
        (
            "It cost 3 billion Kenyan shillings.",
            Lang::En,
            "3 billion Kenyan shillings",
            3e9,
            QuantityKind::Money,
            "KES",
        ),
        (
            "Un contrat de 2 milliards de couronnes suédoises.",
            Lang::Fr,
            "2 milliards de couronnes suédoises",
            2e9,
            QuantityKind::Money,
            "SEK",
        ),
    ];
    for &(text, lang, want_text, value, kind, unit) in cases {
        let got = quantities(text, lang);
        let q = got.iter().find(|q| q.span.text == want_text).unwrap_or_else(|| panic!("{text:?}: {got:?}"));
        assert_eq!((q.value, q.kind, q.unit.as_deref()), (value, kind, Some(unit)), "{text:?}");
    }
}

#[test]
fn the_first_bound_of_a_range_takes_the_scale_unit_and_noun_of_the_second() {
    type Range = (&'static str, Lang, &'static str, f64, QuantityKind, Option<&'static str>, Option<&'static str>);
    let cases: &[Range] = &[
        ("Entre 80 et 120 millions d'euros.", Lang::Fr, "80", 80e6, QuantityKind::Money, Some("EUR"), None),
        ("Il faudra de 3 à 5 milliards.", Lang::Fr, "3", 3e9, QuantityKind::Number, None, None),
        (
            "Entre deux et trois millions d'électeurs.",
            Lang::Fr,
            "deux",
            2e6,
            QuantityKind::Count,
            None,
            Some("électeurs"),
        ),
        ("Il y a 10 à 15 % de chômeurs.", Lang::Fr, "10", 10.0, QuantityKind::Percent, Some("%"), None),
        ("It will cost between $2 and $3 billion.", Lang::En, "$2", 2e9, QuantityKind::Money, Some("USD"), None),
        ("It raised 1.5 to 2 billion euros.", Lang::En, "1.5", 1.5e9, QuantityKind::Money, Some("EUR"), None),
        ("Between 2 and 3 million people.", Lang::En, "2", 2e6, QuantityKind::Count, None, Some("people")),
        // "et"/"and" alone joins two numbers, not a range's bounds.
        ("Il a vu 2 et 3 millions de fois.", Lang::Fr, "2", 2.0, QuantityKind::Number, None, None),
        // The first bound must lie below the second.
        ("Le PSG a gagné 2 à 1.", Lang::Fr, "2", 2.0, QuantityKind::Number, None, None),
    ];
    for &(text, lang, want_text, value, kind, unit, of) in cases {
        let got = quantities(text, lang);
        let q = got.iter().find(|q| q.span.text == want_text).unwrap_or_else(|| panic!("{text:?}: {got:?}"));
        assert_eq!((q.value, q.kind, q.unit.as_deref(), q.of.as_deref()), (value, kind, unit, of), "{text:?}");
    }
}

#[test]
fn a_measure_counts_what_follows_de_not_the_word_after_its_unit() {
    let linge = quantities("Il y avait environ trois tonnes de linge.", Lang::Fr);
    assert_eq!(
        linge.iter().map(|q| (q.kind, q.of.as_deref())).collect::<Vec<_>>(),
        [(QuantityKind::Measure, Some("linge"))]
    );
    let heat = quantities("Il a fait 41,5 degrés Celsius.", Lang::Fr);
    assert_eq!(heat.iter().map(|q| (q.kind, q.of.as_deref())).collect::<Vec<_>>(), [(QuantityKind::Measure, None)]);
}

#[test]
fn ordinals_are_kept_apart_from_counts() {
    let cases: &[(&str, Lang, &str, f64)] = &[
        ("C'est son quatrième mandat.", Lang::Fr, "quatrième", 4.0),
        ("Le vingt-et-unième amendement.", Lang::Fr, "vingt-et-unième", 21.0),
        ("Le 1er régiment est parti.", Lang::Fr, "1er", 1.0),
        ("The twenty-first round.", Lang::En, "twenty-first", 21.0),
        ("Les vingt-cinquièmes rencontres.", Lang::Fr, "vingt-cinquièmes", 25.0),
        ("She finished 3rd in the race.", Lang::En, "3rd", 3.0),
    ];
    for &(text, lang, want_text, value) in cases {
        let got = quantities(text, lang);
        let q = got.iter().find(|q| q.span.text == want_text).unwrap_or_else(|| panic!("{text:?}: {got:?}"));
        assert_eq!((q.value, q.kind), (value, QuantityKind::Ordinal), "{text:?}");
    }
}

#[test]
fn approximate_counts_are_marked() {
    let cases: &[(&str, Lang, &str, f64)] = &[
        ("Une quinzaine de blessés ont été évacués.", Lang::Fr, "Une quinzaine", 15.0),
        ("Près d'une centaine de personnes se trouvaient là.", Lang::Fr, "une centaine", 100.0),
        ("Des dizaines de maisons ont brûlé.", Lang::Fr, "Des dizaines", 20.0),
        ("Dozens of people were hurt.", Lang::En, "Dozens", 24.0),
        ("Des millions de personnes ont voté.", Lang::Fr, "Des millions", 2e6),
        ("About 200 people were killed.", Lang::En, "200", 200.0),
        ("Il y avait environ 300 personnes.", Lang::Fr, "300", 300.0),
    ];
    for &(text, lang, want_text, value) in cases {
        let got = quantities(text, lang);
        let q = got.iter().find(|q| q.span.text == want_text).unwrap_or_else(|| panic!("{text:?}: {got:?}"));
        assert_eq!((q.value, q.approximate), (value, true), "{text:?}");
    }
    let dozen = quantities("They bought a dozen eggs.", Lang::En);
    assert_eq!(dozen.iter().map(|q| (q.value, q.approximate)).collect::<Vec<_>>(), [(12.0, false)]);
}

#[test]
fn an_approximate_noun_of_a_larger_one_is_one_number() {
    let cases: &[(&str, Lang, &str, f64, &str)] = &[
        ("Des dizaines de milliers de civils ont fui.", Lang::Fr, "Des dizaines de milliers", 2e4, "civils"),
        ("Tens of thousands of civilians fled.", Lang::En, "Tens of thousands", 2e4, "civilians"),
    ];
    for &(text, lang, want_text, value, of) in cases {
        let got = quantities(text, lang);
        let q: Vec<_> = got.iter().map(|q| (q.span.text.as_str(), q.value, q.approximate, q.of.as_deref())).collect();
        assert_eq!(q, [(want_text, value, true, Some(of))], "{text:?}");
    }
    // Like "25 millions d'euros", a sum in words that ends with its scale is money.
    let cases: &[(&str, Lang, &str, f64, &str)] = &[
        ("Des centaines de millions d'euros.", Lang::Fr, "Des centaines de millions d'euros", 2e8, "EUR"),
        ("They lost hundreds of millions of dollars.", Lang::En, "hundreds of millions of dollars", 2e8, "USD"),
        ("Il a payé deux millions d'euros.", Lang::Fr, "deux millions d'euros", 2e6, "EUR"),
    ];
    for &(text, lang, want_text, value, unit) in cases {
        let got = quantities(text, lang);
        let q: Vec<_> = got.iter().map(|q| (q.span.text.as_str(), q.value, q.kind, q.unit.as_deref())).collect();
        assert_eq!(q, [(want_text, value, QuantityKind::Money, Some(unit))], "{text:?}");
    }
    // A smaller noun after "de" is what the first one counts, not its unit.
    let got = quantities("Des milliers de dizaines de touristes.", Lang::Fr);
    assert_eq!(got.first().map(|q| (q.span.text.as_str(), q.value)), Some(("Des milliers", 2000.0)));
}

#[test]
fn the_word_for_one_counts_only_when_it_is_not_an_article() {
    assert_found(&[
        ("Huit missiles ont été tirés. Sept ont été abattus et un autre a atteint sa cible.", Lang::Fr, "un", 1.0),
        ("Huit missiles ont été tirés, et un autre missile a été perdu.", Lang::Fr, "un", 1.0),
        ("Trois soldats sont rentrés, l'un d'eux est blessé.", Lang::Fr, "un", 1.0),
        ("Il ne reste qu'une seule frappe.", Lang::Fr, "une", 1.0),
        ("Deux morts et un blessé.", Lang::Fr, "un", 1.0),
        ("Deux morts, un blessé.", Lang::Fr, "un", 1.0),
        ("Only one missile reached its target.", Lang::En, "one", 1.0),
        ("Three soldiers came back; one of them was hurt.", Lang::En, "one", 1.0),
    ]);
    assert_none(&[
        ("Le régime a lancé une nouvelle frappe.", Lang::Fr),
        ("Un missile a été tiré.", Lang::Fr),
        ("Il a fait état d'une autre attaque.", Lang::Fr),
        ("Sudan is one of the poorest countries.", Lang::En),
        ("This one sticks you in front.", Lang::En),
        ("A man was arrested.", Lang::En),
    ]);
    // After a comma, only a count right before makes it one of a list.
    let got = quantities("C'est à une dizaine de kilomètres de Pokrovsk, un nœud logistique.", Lang::Fr);
    assert_eq!(got.iter().map(|q| q.span.text.as_str()).collect::<Vec<_>>(), ["une dizaine"]);
}

#[test]
fn the_counted_noun_is_found_or_inherited() {
    let cases: &[(&str, Lang, &str, &str, bool)] = &[
        ("Ils ont mené deux nouvelles attaques.", Lang::Fr, "deux", "attaques", false),
        ("Le juge cite trois autres adolescentes.", Lang::Fr, "trois", "adolescentes", false),
        ("Huit missiles ont été tirés. Sept ont été abattus.", Lang::Fr, "Sept", "missiles", true),
        ("Une centaine de personnes se trouvait là.", Lang::Fr, "Une centaine", "personnes", false),
        ("Here are the eight PSVR games worth considering.", Lang::En, "eight", "games", false),
        ("It ranks 10 wealthy countries.", Lang::En, "10", "countries", false),
        ("Five missiles were fired; three were shot down.", Lang::En, "three", "missiles", true),
        ("Two of the victims were children.", Lang::En, "Two", "victims", false),
        ("Deux des mineures ont témoigné.", Lang::Fr, "Deux", "mineures", false),
        ("Dozens injured were taken to hospital.", Lang::En, "Dozens", "injured", false),
        // Above one, a word that is not plural before one that is describes it.
        ("Some 800,000 federal workers went unpaid.", Lang::En, "800,000", "workers", false),
        ("Ten police officers came.", Lang::En, "Ten", "officers", false),
        ("One official says no.", Lang::En, "One", "official", false),
        // A number after "of" gives its noun to the one before.
        ("They won six of their last seven league games.", Lang::En, "six", "games", false),
        ("Il a reçu deux des cinq représentants.", Lang::Fr, "deux", "représentants", false),
        // Over names before the noun.
        ("It fired 35 Iranian-made Shahed drones.", Lang::En, "35", "drones", false),
    ];
    for &(text, lang, want_text, noun, inherited) in cases {
        let got = quantities(text, lang);
        let q = got.iter().find(|q| q.span.text == want_text).unwrap_or_else(|| panic!("{text:?}: {got:?}"));
        assert_eq!((q.of.as_deref(), q.of_inherited, q.kind), (Some(noun), inherited, QuantityKind::Count), "{text:?}");
    }
}

#[test]
fn dates_times_durations_and_labels_are_not_quantities() {
    assert_none(&[
        ("Le 25 novembre 2024, le régime a frappé.", Lang::Fr),
        ("Les faits remontent au 27 mai 1998.", Lang::Fr),
        ("Depuis 1999, le régiment est là.", Lang::Fr),
        ("L'alerte a été donnée vers 15 h 30.", Lang::Fr),
        ("Il a été arrêté à 5h45.", Lang::Fr),
        ("Il est bénévole depuis douze ans.", Lang::Fr),
        ("Les loisirs des 6-16 ans.", Lang::Fr),
        ("dès octobre 98.", Lang::Fr),
        ("Selon l'article 5 du traité.", Lang::Fr),
        ("Ils sont arrivés devant le 10, rue Paul-Bert.", Lang::Fr),
        ("Il n'y a plus de char AMX 10 dans les rues.", Lang::Fr),
        ("First published February 1, 2016: 1:28 AM ET", Lang::En),
        ("After nearly 20 years of hostile relations.", Lang::En),
        ("It will have a six-month review period.", Lang::En),
        ("The meeting starts at 3 p.m. sharp.", Lang::En),
        ("Review: High-flying NBA 2K17 has a career year.", Lang::En),
        ("In the mid-1990s and in the 1990s.", Lang::En),
        ("between the ages of 25 and 54", Lang::En),
        ("1. Finland\n2. Norway", Lang::En),
        ("Le Premier ministre a parlé.", Lang::Fr),
        ("Il habite au 12 bis, 75008 Paris.", Lang::Fr),
        ("Depuis 2001 les élèves déjeunent ici.", Lang::Fr),
        ("Le local sert depuis un quart de siècle.", Lang::Fr),
        ("Une femme d'une trentaine d'années est tombée.", Lang::Fr),
        ("Les arrêts se feront : 1. à la Teille, 2. au chêne.", Lang::Fr),
        ("Le bâtiment est flambant neuf.", Lang::Fr),
    ]);
}

#[test]
fn numbers_inside_time_expressions_are_left_to_the_time_layer() {
    let text = "Il a parlé trois fois.";
    let doc = Doc::new(text, Lang::Fr);
    let start = text.find("trois").expect("the word is there");
    let times = [TimeExpr {
        span: Span::of(text, start, start + "trois fois".len()),
        kind: crate::time::TimexType::Set,
        value: "R3".into(),
    }];
    assert_eq!(find(&doc, &[], &[]).len(), 1);
    assert!(find(&doc, &times, &[]).is_empty());
}

#[test]
fn a_bare_number_is_read_whatever_the_detected_language() {
    for (text, value) in [("twenty-one", 21.0), ("quatre-vingt-dix-sept", 97.0), ("$3.5 billion", 3.5e9)] {
        for lang in Lang::ALL {
            let got = quantities(text, lang);
            assert_eq!(got.len(), 1, "{text:?} as {lang:?}: {got:?}");
            assert_eq!((got[0].span.start, got[0].span.end, got[0].value), (0, text.len(), value), "{text:?}");
        }
    }
}

#[test]
fn ids_follow_text_order() {
    let got = quantities("Deux missiles, puis trois drones et 40 % des stocks.", Lang::Fr);
    let ids: Vec<&str> = got.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["n1", "n2", "n3"]);
    assert!(got.windows(2).all(|w| w[0].span.start < w[1].span.start));
}

#[test]
fn hostile_input_never_panics() {
    let nasty = [
        "",
        " ",
        "1",
        "-",
        "$",
        "1.",
        ",5",
        "99999999999999999999999999999999999999 milliards",
        "1 000 000 000 000 000 000 000,5",
        "<p>12 &amp; 13</p>",
        "٣ ١٢ 😀 12😀 un😀 deux-",
        "vingt et et un cent cent mille mille million",
        "un\u{202f}\u{a0}1\u{2009}000",
        "\u{0}\u{1}2\u{ffff}",
        "1er 2e 3rd 4th a an",
        "virgule point , . ; zéro virgule zéro cinq",
    ];
    for text in nasty {
        for lang in Lang::ALL {
            let _ = quantities(text, lang);
        }
    }
    let long = "huit missiles, sept abattus et un autre. ".repeat(2000);
    assert!(quantities(&long, Lang::Fr).len() >= 2000);
}

#[test]
fn a_bare_number_is_one_quantity_spanning_the_whole_input() {
    let cases: &[(&str, Lang, f64)] = &[
        ("quatre-vingt-dix-sept", Lang::Fr, 97.0),
        ("quatre vingt dix huit", Lang::Fr, 98.0),
        ("quatre-vingt dix-huit", Lang::Fr, 98.0),
        ("nonante-huit", Lang::Fr, 98.0),
        ("septante huit", Lang::Fr, 78.0),
        ("vingt et une", Lang::Fr, 21.0),
        ("cent un mille", Lang::Fr, 101_000.0),
        ("un milliard vingt-cinq millions", Lang::Fr, 1_025_000_000.0),
        ("mil neuf cent vingt", Lang::Fr, 1920.0),
        ("dix neuf cent soixante-treize", Lang::Fr, 1973.0),
        ("cinquante et un million cinq cent soixante-dix-huit mille trois cent deux", Lang::Fr, 51_578_302.0),
        ("douze virgule quatre-vingt-dix-neuf", Lang::Fr, 12.99),
        ("vingt-cinquième", Lang::Fr, 25.0),
        ("1 000,5", Lang::Fr, 1000.5),
        ("1.000", Lang::Fr, 1000.0),
        ("30 %", Lang::Fr, 30.0),
        ("25 millions d'euros", Lang::Fr, 25e6),
        ("une centaine", Lang::Fr, 100.0),
        ("un", Lang::Fr, 1.0),
        ("twenty-one", Lang::En, 21.0),
        ("a hundred", Lang::En, 100.0),
        ("hundred fifteen", Lang::En, 115.0),
        ("thirty-five thousands", Lang::En, 35_000.0),
        ("one billion twenty-five millions", Lang::En, 1_025_000_000.0),
        ("nineteen hundred seventy-three", Lang::En, 1973.0),
        ("forty five hundred thirty eight", Lang::En, 4538.0),
        ("seventy fourth", Lang::En, 74.0),
        ("1,000.5", Lang::En, 1000.5),
        ("$3.5 billion", Lang::En, 3.5e9),
        ("30 percent", Lang::En, 30.0),
        ("a dozen", Lang::En, 12.0),
    ];
    for &(text, lang, value) in cases {
        let got = quantities(text, lang);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        let q = &got[0];
        assert_eq!((q.span.start, q.span.end), (0, text.len()), "{text:?}");
        assert!((q.value - value).abs() < 1e-9, "{text:?}: {} for {value}", q.value);
    }
}

#[test]
fn the_quick_screen_turns_away_only_tokens_number_at_would() {
    // Every gold text, and words that reach each branch of `core_at`.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    let mut texts: Vec<(String, Lang)> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| [(t.clone(), Lang::Fr), (t, Lang::En)])
        .collect();
    texts.push(("Des dizaines de morts, une quinzaine, un tiers, quatre-vingt-dix, US$ 5, moins 3.".into(), Lang::Fr));
    texts.push(("Dozens of people, a dozen, two-thirds, forty-two, US$ 5, minus three, a half.".into(), Lang::En));
    let mut checked = 0;
    for (text, lang) in &texts {
        let doc = Doc::new(text, *lang);
        let covered = SpanIndex::new(Vec::new());
        let sc =
            Scanner { doc: &doc, lex: lexicon::of(*lang), lang: *lang, covered: &covered, paragraph_starts: vec![] };
        for (s, sentence) in doc.sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                if !sc.may_start(i) {
                    checked += 1;
                    let got = sc.number_at(i, sentence.tokens.clone(), s, &[]);
                    assert!(
                        got.is_none(),
                        "{:?} in {:?} was screened out",
                        doc.tok(&doc.tokens[i]),
                        sc.doc.sentence_text(sentence)
                    );
                }
            }
        }
    }
    assert!(checked > 1000, "the screen turned away only {checked} tokens");
}

/// A label word makes the numbers of its list labels, across the list's
/// commas; a comma right after the label ends it: "de 1,2 point, à 18,9 %".
#[test]
fn a_comma_after_a_label_word_ends_its_list() {
    assert_found(&[("Le taux progresse de 1,2 point, à 18,9 %.", Lang::Fr, "18,9 %", 18.9)]);
    assert_none(&[("Voir les articles 5, 6 du code.", Lang::Fr)]);
}

/// A number word inside a name is the name's: "Erik ten Hag", "le Groupe des
/// Sept"; the count before a name still counts.
#[test]
fn numbers_inside_names_are_not_quantities() {
    let run = |text: &str, lang: Lang| {
        let doc = Doc::new(text, lang);
        let entities = crate::entities::find(&doc);
        find(&doc, &[], &entities).into_iter().map(|q| q.span.text).collect::<Vec<_>>()
    };
    assert_eq!(run("The manager Erik ten Hag left.", Lang::En), Vec::<String>::new());
    assert_eq!(run("Il a rejoint le Groupe des Sept.", Lang::Fr), Vec::<String>::new());
    assert_eq!(run("Trois Français ont été blessés.", Lang::Fr), ["Trois"]);
    // A name may hold the unit, not the number: "Swedish" is a demonym.
    assert_eq!(run("Profit rose to 1.84 billion Swedish crowns.", Lang::En), ["1.84 billion Swedish crowns"]);
}

/// After a name, an English word that is not plural before one that is
/// describes it: "two Iskander-M ballistic missiles" count missiles.
#[test]
fn a_name_and_an_adjective_before_the_counted_noun_are_passed() {
    let got = quantities("Russia launched two Iskander-M ballistic missiles.", Lang::En);
    assert_eq!(got.iter().map(|q| q.of.as_deref()).collect::<Vec<_>>(), [Some("missiles")]);
}
