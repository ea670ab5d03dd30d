use super::*;
use crate::lang::Lang;

fn run(text: &str, lang: Lang) -> Vec<Quote> {
    let doc = Doc::new(text, lang);
    find(&doc, &[])
}

#[test]
fn debug_dump() {
    for (t, l) in [
        ("Dans un point de vue paru dans «Le Monde», le président socialiste de l'Assemblée nationale juge que la cohabitation comporte «trois inconvénients»: elle «ne facilite pas le traitement des problèmes de long terme», «dilue la notion-même de responsabilité politique» et «fait le lit des abstentionnistes et des votes marginaux».", Lang::Fr),
    ] {
        for q in run(t, l) {
            eprintln!("{:?} {:?} {:?} {:?}", q.kind, q.span.text, q.speaker_name, q.cue.map(|c| c.text));
        }
    }
}
