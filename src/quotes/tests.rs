//! One test per construction; sentences are invented, not taken from the gold files.

use super::*;
use crate::lang::Lang;

fn run(text: &str, lang: Lang) -> Vec<Quote> {
    find(&Doc::new(text, lang), &[])
}

/// (kind, quoted text, speaker name) of every quote.
fn quotes(text: &str, lang: Lang) -> Vec<(QuoteKind, String, Option<String>)> {
    run(text, lang).into_iter().map(|q| (q.kind, q.span.text, q.speaker_name)).collect()
}

/// As [`quotes`], with the entity layer's output to link and resolve speakers.
fn quotes_with_entities(text: &str, lang: Lang) -> Vec<(QuoteKind, String, Option<String>)> {
    let doc = Doc::new(text, lang);
    let entities = crate::entities::find(&doc);
    find(&doc, &entities).into_iter().map(|q| (q.kind, q.span.text, q.speaker_name)).collect()
}

fn the(kind: QuoteKind, text: &str, speaker: Option<&str>) -> (QuoteKind, String, Option<String>) {
    (kind, text.to_string(), speaker.map(str::to_string))
}

use QuoteKind::{Direct, Indirect, Partial};

#[test]
fn speaker_before_a_colon_is_found() {
    let got = quotes("Le préfet a déclaré : «Les routes resteront fermées.»", Lang::Fr);
    assert_eq!(got, [the(Direct, "Les routes resteront fermées.", Some("Le préfet"))]);
}

#[test]
fn speaker_after_inverted_cue_is_found() {
    let cases: &[(&str, Lang, &str, &str)] = &[
        (
            "«Les routes resteront fermées», a déclaré Jeanne Martin.",
            Lang::Fr,
            "Les routes resteront fermées",
            "Jeanne Martin",
        ),
        ("«Nous avons changé de cap», concède Dupuis.", Lang::Fr, "Nous avons changé de cap", "Dupuis"),
        ("«Le pont tiendra» indique le rapport des ingénieurs.", Lang::Fr, "Le pont tiendra", "ingénieurs"),
        ("“The bridge will hold,” said the mayor.", Lang::En, "The bridge will hold,", "the mayor"),
        ("“The bridge will hold,” said Mr. Grant, a senior engineer.", Lang::En, "The bridge will hold,", "Mr. Grant"),
        (
            "«La ville est calme», a déclaré à la presse le porte-parole de la mairie.",
            Lang::Fr,
            "La ville est calme",
            "le porte-parole de la mairie",
        ),
        // A name apposed to the title is the speaker, past a complement and a parenthesis.
        (
            "«La ville est calme», a déclaré le porte-parole de la mairie, Paul Renard.",
            Lang::Fr,
            "La ville est calme",
            "Paul Renard",
        ),
        (
            "«Le parc rouvrira», a indiqué jeudi la ministre à l'Intérieur (Forêts), Anne Roy.",
            Lang::Fr,
            "Le parc rouvrira",
            "Anne Roy",
        ),
        ("“The bridge will hold,” said the city spokesman, Tom Reyes.", Lang::En, "The bridge will hold,", "Tom Reyes"),
        // A capitalised article inside the apposed name.
        (
            "«C'est inacceptable», a estimé dimanche le ministre de l'Économie, Paul Le Gall.",
            Lang::Fr,
            "C'est inacceptable",
            "Paul Le Gall",
        ),
        // A long capitalised subject before the verb.
        ("“We did our job,” Senate Majority Leader Anna Berg said.", Lang::En, "We did our job,", "Anna Berg"),
    ];
    for (text, lang, content, speaker) in cases {
        let got = quotes(text, *lang);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, *content, "{text}");
        let name = got[0].2.clone().unwrap_or_default();
        assert!(name.ends_with(speaker), "{text}: {name}");
    }
}

#[test]
fn a_name_after_a_prepositional_object_is_the_whole_speaker() {
    let got = quotes("«Nous demandons le respect des accords», a expliqué à l'AFP Paul Renard.", Lang::Fr);
    assert_eq!(got, [the(Direct, "Nous demandons le respect des accords", Some("Paul Renard"))]);
}

#[test]
fn pronouns_resolve_to_the_nearest_compatible_speaker() {
    let text =
        "Paul Girard a déclaré que la grève durerait. L'avocate, Claire Roux, a souligné que rien n'était joué. \
                «Nous ferons appel», a-t-elle ajouté. «Le dossier est vide», a-t-il répondu.";
    let got = quotes(text, Lang::Fr);
    let by_text = |t: &str| got.iter().find(|q| q.1 == t).and_then(|q| q.2.clone());
    assert_eq!(by_text("Nous ferons appel").as_deref(), Some("Claire Roux"));
    assert_eq!(by_text("Le dossier est vide").as_deref(), Some("Paul Girard"));
    let text = "Jane Cole said the plan was sound. “We are ready,” she said.";
    let got = quotes(text, Lang::En);
    assert_eq!(got.last().and_then(|q| q.2.as_deref()), Some("Jane Cole"));
}

#[test]
fn a_bare_anaphor_takes_the_fuller_name_of_an_earlier_speaker() {
    let text = "Le ministère de la Santé a indiqué que trois cas étaient confirmés. \
                Le ministère a par ailleurs fait état d'un quatrième cas suspect dans la région.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Le ministère de la Santé"));
}

#[test]
fn a_speaker_phrase_keeps_its_name_and_drops_the_apposition() {
    let text = "Marc Leroy, directeur des opérations de la compagnie, a déclaré : «Les vols reprendront lundi.»";
    assert_eq!(quotes(text, Lang::Fr)[0].2.as_deref(), Some("Marc Leroy"));
    let text = "Le porte-parole du syndicat, Ali Benali, a affirmé que la grève continuerait.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "la grève continuerait", Some("Ali Benali"))]);
    // An indefinite opens the phrase after a fronted adjunct.
    let text = "Interrogé hier, un conseiller de la ministre assure que la réforme passera.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "la réforme passera", Some("un conseiller de la ministre"))]);
    // A relative clause between the name and the verb is skipped as an apposition.
    let text = "Anna Berg, who was visiting the port, said the ferries would run again.";
    assert_eq!(quotes(text, Lang::En), [the(Indirect, "the ferries would run again", Some("Anna Berg"))]);
    let text = "Le ministère, qui gère la police, a indiqué que les routes étaient fermées.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "les routes étaient fermées", Some("Le ministère"))]);
}

#[test]
fn a_relative_chain_keeps_the_same_speaker() {
    let text = "«Deux ponts sont coupés», a déclaré la préfecture du Var, qui a ajouté : «les secours sont sur place».";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|q| q.2.as_deref() == Some("la préfecture du Var")), "{got:?}");
}

#[test]
fn a_floating_quote_inherits_the_speaker_of_the_quote_before() {
    let text = "Le maire a déclaré : «Le projet est prêt.»\n\nCalendrier.\n\n«Il sera signé en juin avec la région et l'État.»";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], the(Direct, "Il sera signé en juin avec la région et l'État.", Some("Le maire")));
    let text = "“We will rebuild,” said Ann Lee. “Nothing will stop us.”";
    let got = run(text, Lang::En);
    assert_eq!(got[1].speaker_name.as_deref(), Some("Ann Lee"));
    assert_eq!(got[1].cue.as_ref().map(|c| c.text.as_str()), Some("said"));
}

#[test]
fn partial_quotes_are_kept_and_quoted_names_are_not() {
    let text = "Le ministre s'est dit «très confiant» que le navire «Étoile du Nord» serait prêt.";
    let got: Vec<_> = quotes(text, Lang::Fr).into_iter().filter(|q| q.0 != Indirect).collect();
    assert_eq!(got, [the(Partial, "très confiant", Some("Le ministre"))]);
    let cases: &[(&str, Lang)] = &[
        ("Le système baptisé «tempête» a été testé.", Lang::Fr),
        ("Il écrit dans «Le Figaro» chaque semaine.", Lang::Fr),
        ("The board game “Ticket to Ride” sold well.", Lang::En),
        ("C'est la doctrine du « zéro mort » (aucune perte) qui prévaut.", Lang::Fr),
        ("« Bilan ».\nLa saison est finie.", Lang::Fr),
    ];
    for (text, lang) in cases {
        let got: Vec<_> = quotes(text, *lang).into_iter().filter(|q| q.0 != Indirect).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn the_words_of_a_question_belong_to_nobody() {
    let got = quotes("Interrogé sur l'«efficacité» des sanctions, le ministre n'a rien dit.", Lang::Fr);
    assert_eq!(got, [the(Partial, "efficacité", None)]);
}

#[test]
fn an_unbalanced_mark_stops_at_the_paragraph_end() {
    let text = "Il a déclaré : «Nous partirons demain.\nLe lendemain, le temps était beau. «Oui», dit-elle.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got[0].1, "Nous partirons demain.");
    assert!(got.iter().any(|q| q.1 == "Oui"), "{got:?}");
}

#[test]
fn english_quotes_reopened_at_each_paragraph_are_one_quote() {
    let text = "“The first phase is over.\n\n“The second begins now,” she said.";
    let got = quotes(text, Lang::En);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.starts_with("The first phase") && got[0].1.ends_with("begins now,"));
}

#[test]
fn reported_speech_is_the_clause_after_the_cue() {
    type Case<'a> = (&'a str, Lang, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "Le ministère a déclaré que huit drones avaient été abattus.",
            Lang::Fr,
            &[("huit drones avaient été abattus", "Le ministère")],
        ),
        ("Officials told reporters that the talks had failed.", Lang::En, &[("the talks had failed", "Officials")]),
        ("Analysts said growth would slow next year.", Lang::En, &[("growth would slow next year", "Analysts")]),
        // A title opens the clause after a verb that has its subject before it.
        ("Prosecutors say Mr. Alvarez wired the money.", Lang::En, &[("Mr. Alvarez wired the money", "Prosecutors")]),
        ("The talks will resume, said Mr. Reeves.", Lang::En, &[("The talks will resume", "Mr. Reeves")]),
        // The phrase before a participle starts at its own determiner.
        ("The senator posted a video saying the bill was dead.", Lang::En, &[("the bill was dead", "a video")]),
        (
            "Selon la police, deux suspects ont été arrêtés.",
            Lang::Fr,
            &[("deux suspects ont été arrêtés", "la police")],
        ),
        ("According to the survey, prices rose sharply.", Lang::En, &[("prices rose sharply", "the survey")]),
        (
            "The plant will close next year, company officials said on Monday.",
            Lang::En,
            &[("The plant will close next year", "company officials")],
        ),
        (
            "She said that the data was wrong, but that the method was sound.",
            Lang::En,
            &[("the data was wrong", ""), ("the method was sound", "")],
        ),
    ];
    for (text, lang, want) in cases {
        let got: Vec<_> = quotes(text, *lang).into_iter().filter(|q| q.0 == Indirect).collect();
        assert_eq!(got.len(), want.len(), "{text}: {got:?}");
        for (g, (content, speaker)) in got.iter().zip(want.iter()) {
            assert_eq!(g.1, *content, "{text}");
            if !speaker.is_empty() {
                assert_eq!(g.2.as_deref(), Some(*speaker), "{text}");
            }
        }
    }
}

#[test]
fn a_dateline_is_no_part_of_the_reported_clause() {
    let cases: &[(&str, Lang, &str)] = &[
        (
            "LONDON — After years of talks, the government plans to lift sanctions, officials said.",
            Lang::En,
            "After years of talks, the government plans to lift sanctions",
        ),
        (
            "PARIS (AFP) - Le gouvernement va lever les sanctions, selon une source diplomatique.",
            Lang::Fr,
            "Le gouvernement va lever les sanctions",
        ),
        // A region or a date after the place.
        (
            "LIMA, Peru (AP) — A quake struck southern Peru early Saturday, officials said.",
            Lang::En,
            "A quake struck southern Peru early Saturday",
        ),
        ("NEW YORK, Nov 20 (Reuters) - Stocks fell sharply, traders said.", Lang::En, "Stocks fell sharply"),
        // A dash inside the clause is the clause's, and away from a paragraph's
        // start, so is an acronym before a dash.
        ("The EU - and NATO - will act, officials said.", Lang::En, "The EU - and NATO - will act"),
        ("Talks went on. NATO - the alliance - will act, officials said.", Lang::En, "NATO - the alliance - will act"),
    ];
    for &(text, lang, want) in cases {
        let got: Vec<_> = quotes(text, lang).into_iter().filter(|q| q.0 == Indirect).map(|q| q.1).collect();
        assert_eq!(got, [want], "{text}");
    }
}

#[test]
fn a_french_pour_gives_a_view_only_before_a_clause() {
    let view = quotes("Pour le Kremlin, cette frappe constitue une escalade.", Lang::Fr);
    assert_eq!(view, [the(Indirect, "cette frappe constitue une escalade", Some("le Kremlin"))]);
    let view = quotes("Pour le maire, les travaux ont pris du retard.", Lang::Fr);
    assert_eq!(view, [the(Indirect, "les travaux ont pris du retard", Some("le maire"))]);
    // The heading of a list of names: a bare noun phrase follows.
    let heading = quotes("Pour la Belgique, Philippe Busquin, président du parti socialiste francophone.", Lang::Fr);
    assert!(heading.is_empty(), "{heading:?}");
}

#[test]
fn selon_a_rule_or_a_measure_names_no_source() {
    for (text, lang) in [
        ("Selon la tradition, le doyen ouvre la séance du conseil.", Lang::Fr),
        ("Selon les cas, les élèves restent à la cantine le midi.", Lang::Fr),
        ("According to the rules, the eldest member opens the session.", Lang::En),
    ] {
        let got = quotes(text, lang);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // A source after the same words still is one.
    let got = quotes("Selon la préfecture, le doyen ouvre la séance du conseil.", Lang::Fr);
    assert_eq!(got, [the(Indirect, "le doyen ouvre la séance du conseil", Some("la préfecture"))]);
}

#[test]
fn a_reflexive_that_changes_the_verb_reports_nothing() {
    let run_on = |text: &str| quotes(text, Lang::Fr).into_iter().filter(|q| q.0 == Indirect).count();
    assert_eq!(run_on("Le maire rappelle que la ville était calme."), 1);
    assert_eq!(run_on("Le maire se rappelle que la ville était calme."), 0);
    // A reflexive that still reports speech keeps its cue.
    let got = quotes("«Il faut agir», s'est exclamé le maire.", Lang::Fr);
    assert_eq!(got, [the(Direct, "Il faut agir", Some("le maire"))]);
}

#[test]
fn a_sentence_adverb_is_no_speaker() {
    let got = quotes("Auparavant, chaque candidat sera «entendu» en mai.", Lang::Fr);
    assert_eq!(got, [the(Partial, "entendu", None)]);
    let got = quotes("However, each candidate will be “heard” first.", Lang::En);
    assert_eq!(got, [the(Partial, "heard", None)]);
}

#[test]
fn a_fronted_report_may_end_before_a_short_tail_or_a_linked_clause() {
    let cases: &[(&str, Lang, &str, &str)] = &[
        (
            "Two people were killed in the storm, the fire service said in a statement.",
            Lang::En,
            "Two people were killed in the storm",
            "the fire service",
        ),
        (
            "Hundreds of homes were flooded on Monday, officials said, as the river burst its banks.",
            Lang::En,
            "Hundreds of homes were flooded on Monday",
            "officials",
        ),
        (
            "Le sommet a été reporté à cause de la grève, a affirmé le ministère à Lyon.",
            Lang::Fr,
            "Le sommet a été reporté à cause de la grève",
            "le ministère",
        ),
        // A participle clause after the cue; a subject that opens with an adjective.
        (
            "The drones hit power plants, officials said, leaving homes without power.",
            Lang::En,
            "The drones hit power plants",
            "officials",
        ),
        (
            "One person was injured in the blast, regional governor Anna Berg said on Telegram.",
            Lang::En,
            "One person was injured in the blast",
            "Anna Berg",
        ),
        // "said on Monday it had…": a time adverbial before a bare clause.
        (
            "The air force said on Monday it had shot down 30 drones.",
            Lang::En,
            "it had shot down 30 drones",
            "The air force",
        ),
        // A relative clause after the inverted subject describes it.
        (
            "Le trafic sera perturbé jeudi, a annoncé mardi la compagnie, qui prévoit un train sur deux.",
            Lang::Fr,
            "Le trafic sera perturbé jeudi",
            "la compagnie",
        ),
        // A longer tail after a preposition, and an unlisted noun as the subject.
        (
            "Les billets seront remboursés, a précisé la compagnie dans un communiqué publié sur son site.",
            Lang::Fr,
            "Les billets seront remboursés",
            "la compagnie",
        ),
    ];
    for &(text, lang, content, speaker) in cases {
        let got = quotes(text, lang);
        assert_eq!(got, [the(Indirect, content, Some(speaker))], "{text}");
    }
}

#[test]
fn a_verb_after_a_coordinator_shares_the_sentence_subject() {
    let got = quotes("Senator Anna Berg called the bill “a disgrace” and said it added debt.", Lang::En);
    assert_eq!(
        got,
        [
            the(Partial, "a disgrace", Some("Senator Anna Berg")),
            the(Indirect, "it added debt", Some("Senator Anna Berg"))
        ]
    );
    // A name right after the coordinated verb is its clause's subject, not an inverted one.
    let got = quotes("Senator Anna Berg called the vote “a missed chance” and said Democrats would return.", Lang::En);
    assert_eq!(
        got,
        [
            the(Partial, "a missed chance", Some("Senator Anna Berg")),
            the(Indirect, "Democrats would return", Some("Senator Anna Berg"))
        ]
    );
    // A described subject ("Le préfet de la Marne") or a pronoun opening the
    // sentence, not the speaker of the sentence before.
    let text = "«Tout a brûlé», a déclaré Paul Renard. Le préfet de la Marne a visité le site et a déclaré que \
                l'enquête serait rapide.";
    assert_eq!(quotes(text, Lang::Fr)[1], the(Indirect, "l'enquête serait rapide", Some("Le préfet de la Marne")));
    let text = "Le maire, Paul Renard, est venu. Il a visité le site et a déclaré que l'enquête serait rapide.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "l'enquête serait rapide", Some("Paul Renard"))]);
}

#[test]
fn abbreviated_titles_and_party_tags_stay_in_the_speaker_phrase() {
    let got = quotes("“They want the fight,” said Rep. Hakeem Jones.", Lang::En);
    assert_eq!(got, [the(Direct, "They want the fight,", Some("Rep. Hakeem Jones"))]);
    // "D-Mass." is no name: the senator speaks, and "she" is her.
    let text = "Sen. Ann Ruiz, D-Mass., said the bill did too little. \"This is not serious,\" she told reporters.";
    assert_eq!(
        quotes(text, Lang::En),
        [
            the(Indirect, "the bill did too little", Some("Sen. Ann Ruiz")),
            the(Direct, "This is not serious,", Some("Sen. Ann Ruiz"))
        ]
    );
}

#[test]
fn appositions_between_the_subject_and_its_cue_are_skipped() {
    let text = "“This is not partisan,” Senate Majority Leader Chuck Schumer, D-N.Y., said on the floor.";
    assert_eq!(
        quotes(text, Lang::En),
        [the(Direct, "This is not partisan,", Some("Senate Majority Leader Chuck Schumer"))]
    );
    let text = "“We ran out,” Rosa Quispe, 61, a shopkeeper in Acari, said.";
    assert_eq!(quotes(text, Lang::En), [the(Direct, "We ran out,", Some("Rosa Quispe"))]);
    // Commas with no cue after them close no apposition.
    let text = "“We ran out,” Rosa Quispe, a shopkeeper, and her son left.";
    assert_eq!(quotes(text, Lang::En), [the(Direct, "We ran out,", None)]);
}

#[test]
fn a_pronoun_takes_the_name_in_apposition_to_the_subject_before() {
    // The headline has no stop; the verb after the name gives no gender.
    let text = "Budget : Michel Barnier engage la responsabilité de son gouvernement\n\n\
                Le Premier ministre, Michel Barnier, a engagé lundi la responsabilité.\n\n\
                « Nous sommes arrivés », a-t-il lancé.";
    assert_eq!(quotes(text, Lang::Fr), [the(Direct, "Nous sommes arrivés", Some("Michel Barnier"))]);
}

#[test]
fn a_titled_subject_speaks_for_its_coordinated_cue() {
    let text = "Sen. John Thune, R-S.D., called the bill “a takeover” and said that few officials had asked.";
    assert_eq!(
        quotes(text, Lang::En),
        [
            the(Partial, "a takeover", Some("Sen. John Thune")),
            the(Indirect, "few officials had asked", Some("Sen. John Thune"))
        ]
    );
}

#[test]
fn an_inverted_subject_may_follow_its_medium_and_an_apposition_inside_the_clause() {
    let text = "Au moins 40 personnes ont été tuées, a indiqué dimanche à l'AFP une source médicale.";
    assert_eq!(
        quotes(text, Lang::Fr),
        [the(Indirect, "Au moins 40 personnes ont été tuées", Some("une source médicale"))]
    );
    let text =
        "Au moins 40 personnes ont été tuées à El-Facher, la capitale du Darfour, a indiqué une source médicale.";
    assert_eq!(
        quotes(text, Lang::Fr),
        [the(
            Indirect,
            "Au moins 40 personnes ont été tuées à El-Facher, la capitale du Darfour",
            Some("une source médicale")
        )]
    );
}

#[test]
fn a_named_subject_before_the_verb_makes_no_fronted_report() {
    let text = "Le directeur de la société, Jean Martin, estime le préjudice à plus de deux millions d'euros.";
    assert_eq!(quotes(text, Lang::Fr), []);
    // A clause before the comma still is one.
    let text = "Le préjudice dépasse deux millions d'euros, estime le directeur.";
    assert_eq!(
        quotes(text, Lang::Fr),
        [the(Indirect, "Le préjudice dépasse deux millions d'euros", Some("le directeur"))]
    );
}

#[test]
fn a_phrase_after_the_verb_and_before_a_participle_is_its_object() {
    let text = "Son avocate, Me Claire Roux, a plaidé la clémence, rappelant que son client était seul.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "son client était seul", Some("Me Claire Roux"))]);
}

#[test]
fn a_described_speaker_takes_an_earlier_one_of_its_gender_only() {
    let text =
        "«C'est grave», a dit le ministre de la Santé. De son côté, la ministre a affirmé que rien n'était décidé.";
    assert_eq!(quotes(text, Lang::Fr)[1], the(Indirect, "rien n'était décidé", Some("la ministre")));
}

#[test]
fn organisations_and_groups_head_speaker_phrases() {
    let got = quotes("The company, which employs many people, said the ruling was unfair.", Lang::En);
    assert_eq!(got, [the(Indirect, "the ruling was unfair", Some("The company"))]);
    let got = quotes("La compagnie, qui emploie mille personnes, a indiqué que la grève était levée.", Lang::Fr);
    assert_eq!(got, [the(Indirect, "la grève était levée", Some("La compagnie"))]);
}

#[test]
fn a_source_right_after_a_partial_quote_is_its_speaker() {
    let got = run("The move was “deeply troubling,” according to a statement from Amnesty International.", Lang::En);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("a statement from Amnesty International"));
    assert_eq!(got[0].channel.as_deref(), Some("statement"));
}

#[test]
fn a_french_pour_names_a_source_only_with_a_head() {
    let got = quotes("Pour Jean Dupont, président de l'association, « c'est une victoire ».", Lang::Fr);
    assert_eq!(got, [the(Partial, "c'est une victoire", Some("Jean Dupont"))]);
    let got = quotes("Pour la première fois, le projet est « une chance ».", Lang::Fr);
    assert_eq!(got, [the(Partial, "une chance", None)]);
}

#[test]
fn incises_of_attitude_and_colons_after_a_described_subject() {
    let text = "« On attendait ça », sourit Marie. L'adjoint au maire précise : « Les travaux commencent. » \
                Le maire, lui, reste prudent : « Rien n'est signé. » Interrogé, le directeur n'a rien dit.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(
        got,
        [
            the(Direct, "On attendait ça", Some("Marie")),
            the(Direct, "Les travaux commencent.", Some("L'adjoint au maire")),
            the(Direct, "Rien n'est signé.", Some("Le maire"))
        ]
    );
}

#[test]
fn a_known_name_opening_the_sentence_after_a_single_quote_speaks_its_partial_quote() {
    let text = "The minister said: ‘We will not be bullied.’ Labour called the plan ‘a sticking plaster’.";
    let ents = [entity("e1", EntityType::ORG, "Labour", text)];
    let got = find(&Doc::new(text, Lang::En), &ents);
    assert_eq!(got[1].speaker_name.as_deref(), Some("Labour"));
    assert_eq!(got[1].speaker.as_deref(), Some("e1"));
}

#[test]
fn a_source_closing_its_clause_reports_nothing_after_its_comma() {
    let text = "La marche a réuni dix mille personnes selon la police, trente mille selon les syndicats.";
    assert_eq!(quotes(text, Lang::Fr), []);
}

#[test]
fn a_verbless_tail_after_a_closing_source_describes_the_source() {
    let text = "Plus de 60 000 personnes ont été tuées, d'après le ministère de la santé, contrôlé par le Hamas.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got, [the(Indirect, "Plus de 60 000 personnes ont été tuées", Some("le ministère de la santé"))]);
    let text = "Les prix ont baissé, selon l'institut, les loyers ont augmenté.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "les loyers ont augmenté", Some("l'institut"))]);
}

#[test]
fn an_epithet_speaker_is_the_person_last_named() {
    let text = "Unai Emery was less happy. “We had the chances,” the Spaniard said.";
    assert_eq!(quotes_with_entities(text, Lang::En), [the(Direct, "We had the chances,", Some("Unai Emery"))]);
    let text = "Unai Emery was less happy. “We had the chances,” the 53-year-old said.";
    assert_eq!(quotes_with_entities(text, Lang::En), [the(Direct, "We had the chances,", Some("Unai Emery"))]);
    let text = "Jean Dupont était déçu. « Nous avions les occasions », a déclaré le sexagénaire.";
    assert_eq!(quotes_with_entities(text, Lang::Fr), [the(Direct, "Nous avions les occasions", Some("Jean Dupont"))]);
    // A title noun: the person last named with that title.
    let text = "Judge Lewis Kaplan handed down the sentence. “The harm here is enormous,” the judge said.";
    assert_eq!(quotes_with_entities(text, Lang::En), [the(Direct, "The harm here is enormous,", Some("Lewis Kaplan"))]);
    // A group is no epithet.
    let text = "Unai Emery was there. “We are ready,” the Americans said.";
    assert_eq!(quotes_with_entities(text, Lang::En), [the(Direct, "We are ready,", Some("the Americans"))]);
}

#[test]
fn a_closing_source_reports_a_clause_whose_verb_introduces_nothing() {
    let text = "La Russie a lancé 112 drones, selon l'armée ukrainienne.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "La Russie a lancé 112 drones", Some("l'armée ukrainienne"))]);
    let text = "Farmers have responded by pumping more water, according to the survey.";
    assert_eq!(
        quotes(text, Lang::En),
        [the(Indirect, "Farmers have responded by pumping more water", Some("the survey"))]
    );
}

#[test]
fn an_inverted_cue_after_its_auxiliary_reports_the_clause_before() {
    let text = "Le maire est venu. Un homme est mort, a-t-il précisé.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "Un homme est mort", Some("Le maire"))]);
    // "a-t-on appris" relays the source named after it, if any.
    let text = "Un homme est mort dans l'incendie, a-t-on appris auprès des pompiers.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "Un homme est mort dans l'incendie", Some("des pompiers"))]);
    let text = "Un homme est mort, a-t-on appris de source policière.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "Un homme est mort", Some("source policière"))]);
    // Without the inverted "on", "apprendre" tells what someone learnt.
    assert_eq!(quotes("Il a appris que sa mère était malade.", Lang::Fr), []);
}

#[test]
fn a_pronoun_takes_the_source_named_after_the_subject_before() {
    let text =
        "La Russie a lancé 112 drones, selon l'armée de l'air. Quatre-vingt-dix ont été abattus, a-t-elle précisé.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got.last(), Some(&the(Indirect, "Quatre-vingt-dix ont été abattus", Some("l'armée de l'air"))));
}

#[test]
fn an_attached_participle_takes_the_subject_of_the_sentence() {
    let text = "Salame's lawyers had sought 18 months, arguing that he had cooperated.";
    assert_eq!(quotes(text, Lang::En), [the(Indirect, "he had cooperated", Some("Salame's lawyers"))]);
    let text = "His lawyers sought leniency, arguing that he had cooperated.";
    assert_eq!(quotes(text, Lang::En), [the(Indirect, "he had cooperated", Some("His lawyers"))]);
}

#[test]
fn a_determined_name_opening_the_sentence_speaks_its_partial_quotes() {
    let got = quotes("La RATP prévoit un trafic « très perturbé » jeudi.", Lang::Fr);
    assert_eq!(got, [the(Partial, "très perturbé", Some("La RATP"))]);
}

#[test]
fn a_cue_before_a_colon_and_a_quote_reports_no_clause_before_it() {
    let got = quotes("Asked whether a deal was near, Thune said: “I'm not going to predict anything.”", Lang::En);
    assert_eq!(got, [the(Direct, "I'm not going to predict anything.", Some("Thune"))]);
}

#[test]
fn a_negated_cue_reports_nothing() {
    for (text, lang) in [
        ("Le maire n'a pas dit que les travaux avançaient.", Lang::Fr),
        ("The speaker has not said whether he will bring the bill to a vote.", Lang::En),
        ("She didn't say that the plant would close.", Lang::En),
    ] {
        let got = quotes(text, lang);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    let got = quotes("The mayor said that the plant would close.", Lang::En);
    assert_eq!(got, [the(Indirect, "the plant would close", Some("The mayor"))]);
}

#[test]
fn an_apposition_after_a_source_is_no_part_of_the_clause() {
    let cases: &[(&str, Lang, &str, &str)] = &[
        (
            "Selon Jean Dupont, porte-parole de la préfecture, les routes resteront fermées.",
            Lang::Fr,
            "les routes resteront fermées",
            "Jean Dupont",
        ),
        (
            "According to Anna Berg, a spokeswoman for the city, the roads will stay closed.",
            Lang::En,
            "the roads will stay closed",
            "Anna Berg",
        ),
        // No role noun, or the noun goes on as the subject: all of it is the clause.
        ("Selon lui, la situation, déjà tendue, s'aggrave.", Lang::Fr, "la situation, déjà tendue, s'aggrave", ""),
        (
            "Selon le maire, le porte-parole, qui était là, a menti.",
            Lang::Fr,
            "le porte-parole, qui était là, a menti",
            "le maire",
        ),
        // A name apposed to the source's title is the speaker.
        (
            "Selon le ministre de l'Intérieur, Paul Renard, les forces de l'ordre étaient prêtes.",
            Lang::Fr,
            "les forces de l'ordre étaient prêtes",
            "Paul Renard",
        ),
        (
            "According to the city's mayor, Tom Reyes, the bridge will reopen.",
            Lang::En,
            "the bridge will reopen",
            "Tom Reyes",
        ),
    ];
    for &(text, lang, content, speaker) in cases {
        let got: Vec<_> = quotes(text, lang).into_iter().filter(|q| q.0 == Indirect).collect();
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, content, "{text}");
        assert_eq!(got[0].2.as_deref().unwrap_or(""), speaker, "{text}");
    }
}

#[test]
fn subordinate_clauses_are_not_reported_speech() {
    let got = quotes("«Tout a brûlé», soupirait-il alors que les pompiers arrivaient.", Lang::Fr);
    assert!(got.iter().all(|q| q.0 != Indirect), "{got:?}");
}

#[test]
fn a_document_is_the_channel_and_its_owner_the_speaker() {
    let text = "Le ministère russe des Transports a indiqué que le trafic reprenait. \
                «Trois lignes sont rouvertes» indique le communiqué du ministère, publié sur sa chaîne Telegram.";
    let q = run(text, Lang::Fr).into_iter().find(|q| q.kind == Direct).expect("the quote is found");
    assert_eq!(q.speaker_name.as_deref(), Some("Le ministère russe des Transports"));
    assert_eq!(q.channel.as_deref(), Some("communiqué, Telegram"));
    assert_eq!(q.cue.map(|c| c.text).as_deref(), Some("indique"));
}

#[test]
fn an_agency_in_an_incise_is_relay_and_speaker() {
    let text = "Des chiffres qui, a précisé l'agence Reuters, dépassent toutes les prévisions.";
    let got = run(text, Lang::Fr);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].span.text, "dépassent toutes les prévisions");
    assert_eq!(got[0].speaker_name.as_deref(), Some("l'agence Reuters"));
    assert_eq!(got[0].via.as_deref(), Some("l'agence Reuters"));
}

#[test]
fn french_dialogue_dashes_are_direct_quotes() {
    let text = "— Nous partirons à l'aube, répondit Marie.\n— Et les bagages ? demanda Paul.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got[0], the(Direct, "Nous partirons à l'aube", Some("Marie")));
    assert_eq!(got[1], the(Direct, "Et les bagages ?", Some("Paul")));
}

#[test]
fn every_span_slices_its_text_and_moves_with_a_shift() {
    let text =
        "Le maire a déclaré : «Le projet — 2 M€ — est prêt.» «Oui», a-t-il ajouté, précisant que «tout» était signé.";
    let shifted = format!("Été. {text}");
    let shift = shifted.len() - text.len();
    let a = run(text, Lang::Fr);
    let b = run(&shifted, Lang::Fr);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(&text[x.span.start..x.span.end], x.span.text);
        assert_eq!((x.span.start + shift, x.span.end + shift), (y.span.start, y.span.end));
        assert_eq!(x.speaker_name, y.speaker_name);
    }
}

#[test]
fn odd_input_never_panics() {
    for text in ["", "«", "»", "“”", "\"", "'", "« »", "😀«‍👩‍👩‍👧»\u{301}", "— ", "—", "a-t-il", "said", "selon", "d'après"]
    {
        for lang in Lang::ALL {
            let _ = run(text, lang);
        }
    }
    let long = "«a ".repeat(5000) + &"» dit-il, ".repeat(3000);
    let _ = run(&long, Lang::Fr);
}

fn entity(id: &str, kind: EntityType, name: &str, text: &str) -> Entity {
    let mentions = text.match_indices(name).map(|(i, m)| Span::of(text, i, i + m.len())).collect();
    Entity { id: id.to_string(), kind, name: name.to_string(), mentions, roles: Vec::new() }
}

#[test]
fn speakers_link_to_the_entity_whose_mention_they_overlap() {
    let text = "«Rien n'est décidé», a déclaré John Kirby. «Nous verrons», a-t-il ajouté.";
    let ents = [entity("e1", EntityType::PER, "John Kirby", text)];
    let got = find(&Doc::new(text, Lang::Fr), &ents);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|q| q.speaker.as_deref() == Some("e1")), "{got:?}");
}

#[test]
fn an_entity_named_in_a_complement_is_not_the_speaker() {
    let text = "«Rien n'est décidé», a déclaré le porte-parole du Kremlin.";
    let ents = [entity("e1", EntityType::ORG, "Kremlin", text)];
    let got = find(&Doc::new(text, Lang::Fr), &ents);
    assert_eq!(got[0].speaker, None);
    assert_eq!(got[0].speaker_name.as_deref(), Some("le porte-parole du Kremlin"));
}

#[test]
fn a_pronoun_with_no_earlier_speaker_falls_back_to_the_last_person_entity() {
    let text = "Marie Curie est arrivée hier. «Je suis prête», a-t-elle dit.";
    let ents = [entity("e7", EntityType::PER, "Marie Curie", text)];
    let got = find(&Doc::new(text, Lang::Fr), &ents);
    assert_eq!(got[0].speaker.as_deref(), Some("e7"));
    assert_eq!(got[0].speaker_name.as_deref(), Some("Marie Curie"));
}

#[test]
fn names_compare_without_case_or_leading_article() {
    assert_eq!(normalise("Le Ministère  de la Défense."), "ministère de la défense");
    assert_eq!(normalise("l’agence TASS"), "agence tass");
    assert_eq!(normalise("The Report"), "report");
}

#[test]
fn words_between_a_quote_and_its_verb_are_the_subject() {
    let got = run("“We are not leaving,” Senator Ann Ruiz told CNN on Monday.", Lang::En);
    assert_eq!(got[0].speaker_name.as_deref(), Some("Senator Ann Ruiz"));
    assert_eq!(got[0].via.as_deref(), Some("CNN"));
    // A longer described subject, with a complement.
    let got = run("“We are not giving up,” a spokesman for the firm told reporters.", Lang::En);
    assert_eq!(got[0].speaker_name.as_deref(), Some("a spokesman for the firm"));
    // Past an abbreviated title and an age between commas.
    for text in ["“It breaks your heart,” Ms. Ruiz said.", "“It breaks your heart,” Ms. Ruiz, 54, said."] {
        assert_eq!(run(text, Lang::En)[0].speaker_name.as_deref(), Some("Ms. Ruiz"), "{text}");
    }
}

#[test]
fn a_medium_named_after_the_cue_is_the_channel() {
    let got = run("The ministry said in a statement that talks would resume.", Lang::En);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].span.text, "talks would resume");
    assert_eq!(got[0].channel.as_deref(), Some("statement"));
}

#[test]
fn english_he_and_she_point_to_people_not_bodies() {
    let text = "Senator Ann Ruiz said the bill would pass. The company said in a statement that it disagreed. \
                “It’s a disaster,” she added.";
    let got = run(text, Lang::En);
    assert_eq!(got.last().and_then(|q| q.speaker_name.as_deref()), Some("Senator Ann Ruiz"));
}

#[test]
fn a_french_pronoun_finds_the_named_subject_of_the_sentence_before() {
    let text = "La ministre de la Santé, Marie Roux, a présenté le plan. Elle a précisé qu'il coûterait dix millions.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got, [the(Indirect, "il coûterait dix millions", Some("Marie Roux"))]);
}

#[test]
fn a_quoted_title_inside_a_sentence_is_not_a_quote() {
    for (text, lang) in [
        ("Le film « La Nuit des rois » sort mercredi.", Lang::Fr),
        ("Her new novel, ‘The Quiet Shore’, sold well.", Lang::En),
    ] {
        assert!(quotes(text, lang).is_empty(), "{text}");
    }
}

#[test]
fn random_mixtures_of_marks_and_cues_never_panic_and_spans_slice_their_text() {
    let pieces = [
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        "„",
        "‹",
        "›",
        "—",
        " ",
        "\n",
        ", ",
        ". ",
        ": ",
        "é",
        "😀",
        "a déclaré",
        "-t-il",
        "dit-elle",
        "said",
        "que",
        "that",
        "selon",
        "Le ministre",
        "il",
        "she",
        "qui",
        "(",
        "Kirby",
        "l'",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(round % 60 + 1) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for lang in Lang::ALL {
            for q in run(&text, lang) {
                assert_eq!(text.get(q.span.start..q.span.end), Some(q.span.text.as_str()), "{text:?}");
                assert!(q.span.start < q.span.end, "{text:?}");
            }
        }
    }
}

#[test]
fn a_name_before_a_colon_speaks_the_quote_after_it() {
    let got = quotes("Dupuis : «Nous ne céderons pas.»", Lang::Fr);
    assert_eq!(got, [the(Direct, "Nous ne céderons pas.", Some("Dupuis"))]);
}

/// An adverbial of several words between the auxiliary and the verb reads as
/// one adverb: "a pour sa part jugé que" reports, and its speaker is the subject.
#[test]
fn an_adverbial_of_several_words_stands_between_auxiliary_and_verb() {
    let text = "La ministre, Anne Roux, a pour sa part jugé que le marché restait solide. \
                Le syndicat a de son côté estimé que la réforme échouerait. \
                Paul Girard a quant à lui affirmé que rien ne changerait.";
    assert_eq!(
        quotes(text, Lang::Fr),
        [
            the(Indirect, "le marché restait solide", Some("Anne Roux")),
            the(Indirect, "la réforme échouerait", Some("Le syndicat")),
            the(Indirect, "rien ne changerait", Some("Paul Girard")),
        ]
    );
    let text = "Jane Cole has for her part argued that the plan would fail.";
    assert_eq!(quotes(text, Lang::En), [the(Indirect, "the plan would fail", Some("Jane Cole"))]);
}

/// A fronted clause, then an inverted cue whose subject has an apposition and
/// an adjunct after it: the adjunct is the cue's, the report the clause before.
#[test]
fn an_adjunct_after_an_inverted_subject_is_no_incise() {
    let text = "Le séisme a fait au moins trois morts, a annoncé le ministre de l'Intérieur, \
                Paul Girard, lors d'un déplacement dans la région.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "Le séisme a fait au moins trois morts", Some("Paul Girard"))]);
    // An incise still reports what follows it.
    let text = "Les frappes, a souligné l'agence, visaient des dépôts de munitions.";
    assert_eq!(quotes(text, Lang::Fr), [the(Indirect, "visaient des dépôts de munitions", Some("l'agence"))]);
}

/// A finite verb makes a stretch before a comma a clause, not the cue's subject:
/// "Environ 1200 foyers étaient privés de courant, a indiqué la société."
#[test]
fn a_clause_opening_with_an_adverb_is_reported_by_the_cue_after_it() {
    let text = "Environ 1200 foyers étaient privés de courant, a indiqué la société.";
    assert_eq!(
        quotes(text, Lang::Fr),
        [the(Indirect, "Environ 1200 foyers étaient privés de courant", Some("la société"))]
    );
}

/// A fronted clause that ends with a partial quote is reported speech with
/// that quote in it; a quote after a colon keeps the cue to itself.
#[test]
fn a_fronted_clause_ending_in_a_partial_quote_is_reported() {
    let text = "Le gouvernement devrait agir « dans les prochains jours », a assuré le président.";
    assert_eq!(
        quotes(text, Lang::Fr),
        [
            the(Indirect, "Le gouvernement devrait agir « dans les prochains jours »", Some("le président")),
            the(Partial, "dans les prochains jours", Some("le président")),
        ]
    );
    let text = "Le maire est venu sur place hier : « Tout a été refait », souligne-t-il.";
    assert!(quotes(text, Lang::Fr).iter().all(|q| q.0 != Indirect), "{:?}", quotes(text, Lang::Fr));
    // Nobody after the cue: "a lancé des avions" launched them.
    let text = "Il effectue une mission, mais l'alliance « qui y voit une provocation », a lancé des avions.";
    assert!(quotes(text, Lang::Fr).iter().all(|q| q.0 != Indirect), "{:?}", quotes(text, Lang::Fr));
}

/// An English bare clause may open with an indefinite when its verb follows:
/// "said one civilian was wounded"; "said a spokesman" stays an inversion.
#[test]
fn a_bare_clause_may_open_with_an_indefinite() {
    let text = "The governor said one civilian was wounded. Critics said a ruling could make it harder.";
    assert_eq!(
        quotes(text, Lang::En),
        [
            the(Indirect, "one civilian was wounded", Some("The governor")),
            the(Indirect, "a ruling could make it harder", Some("Critics")),
        ]
    );
    let text = "“It is over,” said a spokesman.";
    assert_eq!(quotes(text, Lang::En), [the(Direct, "It is over,", Some("a spokesman"))]);
}

#[test]
fn a_name_in_capitals_and_an_acronym_in_brackets_stay_in_the_subject() {
    let cases: &[(&str, Lang, &str, &str)] = &[
        // "WHO" is the organisation, not the relative pronoun.
        ("The WHO said that it had sent supplies.", Lang::En, "it had sent supplies", "The WHO"),
        (
            "The UN refugee agency (UNHCR) said that 5,000 people had fled.",
            Lang::En,
            "5,000 people had fled",
            "The UN refugee agency",
        ),
        // The function words of a name belong to it.
        (
            "L'Institut pour l'étude de la guerre (ISW) a estimé que la Russie avançait.",
            Lang::Fr,
            "la Russie avançait",
            "L'Institut pour l'étude de la guerre",
        ),
    ];
    for &(text, lang, content, speaker) in cases {
        assert_eq!(quotes_with_entities(text, lang), [the(Indirect, content, Some(speaker))], "{text}");
    }
}

#[test]
fn a_labelling_verb_gives_its_subject_the_words_it_labels() {
    let cases: &[(&str, Lang, &str, &str)] = &[
        (
            "The ministry spoke. Opposition leader Jan Novak called the plan \"a disgrace\".",
            Lang::En,
            "a disgrace",
            "Opposition leader Jan Novak",
        ),
        (
            "Mary Lee spoke first. Critics have called the government's response \"a disaster\".",
            Lang::En,
            "a disaster",
            "Critics",
        ),
        // Nearer the quote than the cue before it, the labelling verb wins.
        (
            "Anna Holm said the deal was near; Johan Berg called it \"market speculation\".",
            Lang::En,
            "market speculation",
            "Johan Berg",
        ),
        (
            "Berg declined to comment on what he described as \"market speculation\".",
            Lang::En,
            "market speculation",
            "Berg",
        ),
        (
            "Le ministère a parlé. Maria Zakharova a qualifié les dirigeants de « néonazis ».",
            Lang::Fr,
            "néonazis",
            "Maria Zakharova",
        ),
    ];
    for &(text, lang, content, speaker) in cases {
        let got = quotes_with_entities(text, lang);
        let partial = got.iter().find(|q| q.0 == Partial && q.1 == content);
        assert_eq!(partial.and_then(|q| q.2.as_deref()), Some(speaker), "{text}: {got:?}");
    }
}

#[test]
fn english_it_stands_for_no_person() {
    let got = quotes_with_entities("Mary Lee said sales rose. It called the figures \"a mirage\".", Lang::En);
    let partial = got.iter().find(|q| q.0 == Partial).expect("the partial quote");
    assert_ne!(partial.2.as_deref(), Some("Mary Lee"), "{got:?}");
    let got = quotes_with_entities(
        "Mary Lee said sales rose. The Acme Corporation cut jobs, and it called the market \"a mirage\".",
        Lang::En,
    );
    let partial = got.iter().find(|q| q.0 == Partial).expect("the partial quote");
    assert_eq!(partial.2.as_deref(), Some("The Acme Corporation"), "{got:?}");
}

#[test]
fn add_with_a_number_and_to_increases_and_reports_nothing() {
    let text = "Mary Lee said sales rose. The weak dollar added roughly 2 percentage points to growth.";
    assert_eq!(quotes(text, Lang::En), [the(Indirect, "sales rose", Some("Mary Lee"))]);
    let text = "Mary Lee said sales rose. She added 5,000 people had fled to Uganda.";
    assert_eq!(quotes(text, Lang::En).last().map(|q| q.1.as_str()), Some("5,000 people had fled to Uganda"));
}
