//! Times each layer on one hostile case or the gold corpus. `cargo bench --bench layer_probe -- CASE`.
#[path = "../tests/hostile/cases.rs"]
mod cases;
use glose::*;
use std::time::Instant;
fn main() {
    let name = std::env::args().nth(1).filter(|a| !a.starts_with('-')).unwrap_or_else(|| "gold".into());
    let kb: usize = std::env::var("KB").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    let text = if name == "gold" {
        let mut t = String::new();
        for e in std::fs::read_dir("../shared/gold").expect("gold") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                t += &std::fs::read_to_string(p).expect("text");
                t += "\n\n";
            }
        }
        t.repeat(kb * 1024 / t.len() + 1)
    } else {
        let case = cases::CASES.iter().find(|c| c.name.contains(&name)).expect("a case");
        (case.make)(kb * 1024)
    };
    let t0 = Instant::now();
    glose::analyze("Le 25 novembre 2024, M. Dupont a déclaré : «huit missiles».", &Options::default()).expect("valid");
    glose::analyze("On Monday, Mr. Smith said \"eight\".", &Options::default()).expect("valid");
    println!("lazy init {:.3} s", t0.elapsed().as_secs_f64());
    let t = Instant::now();
    let lang = lang::detect(&text).unwrap_or(Lang::Fr);
    let mut last = t.elapsed().as_secs_f64();
    let mut lap = |label: &str| {
        let now = t.elapsed().as_secs_f64();
        println!("{label:<10} {:>8.3} s", now - last);
        last = now;
    };
    lap("detect");
    let doc = segment::Doc::new(&text, lang);
    lap("segment");
    let ents = entities::find(&doc);
    lap("entities");
    let quotes = quotes::find(&doc, &ents);
    lap("quotes");
    let date = time::infer_doc_date(&doc);
    lap("docdate");
    let (times, _) = time::find(&doc, date);
    lap("time");
    let qs = numbers::find(&doc, &times);
    lap("numbers");
    let _ = checks::find(&doc, &qs);
    lap("checks");
    let ms = markers::find(&doc, &quotes, &ents);
    lap("markers");
    let _ = claims::find(&doc, &quotes, &ents, &qs, &ms);
    lap("claims");
    println!(
        "{} KB total {:.3} s = {:.2} MB/s",
        text.len() / 1024,
        t.elapsed().as_secs_f64(),
        text.len() as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
}
