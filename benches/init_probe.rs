//! Times the first call of each layer (lazy initialisation). `cargo bench --bench init_probe`.
use glose::*;
use std::time::Instant;
fn main() {
    for lang in [Lang::Fr, Lang::En] {
        let text = "Le 25 novembre, M. Dupont a déclaré : «huit missiles».";
        let t = Instant::now();
        let mut last = 0.0;
        let mut lap = |label: &str| {
            let now = t.elapsed().as_secs_f64();
            println!("{:?} {label:<10} {:>7.1} ms", lang, (now - last) * 1e3);
            last = now;
        };
        let _ = lang::detect(text);
        lap("detect");
        let doc = segment::Doc::new(text, lang);
        lap("segment");
        let ents = entities::find(&doc);
        lap("entities");
        let quotes = quotes::find(&doc, &ents);
        lap("quotes");
        let date = time::infer_doc_date(&doc);
        let (times, _) = time::find(&doc, date);
        lap("time");
        let qs = numbers::find(&doc, &times);
        let _ = checks::find(&doc, &qs);
        lap("numbers");
        let ms = markers::find(&doc, &quotes, &ents);
        let _ = claims::find(&doc, &quotes, &ents, &qs, &ms);
        lap("framing");
    }
}
