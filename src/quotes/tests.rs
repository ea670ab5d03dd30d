use super::*;
use crate::lang::Lang;

fn run(text: &str, lang: Lang) -> Vec<Quote> {
    let doc = Doc::new(text, lang);
    find(&doc, &[])
}

#[test]
fn debug_dump() {
    for (t, l) in [
        ("Moscou «convaincu» que l'Occident a «bien entendu» les mises en garde de Poutine", Lang::Fr),
        ("«Évidemment nous avons modifié les directives» a déclaré John Kirby, interrogé sur l'«efficacité» des frappes de missiles ATACMS en Russie.", Lang::Fr),
    ] {
        for q in run(t, l) {
            eprintln!("{:?} {:?} {:?} {:?}", q.kind, q.span.text, q.speaker_name, q.cue.map(|c| c.text));
        }
    }
}
