//! Times each layer, one lap per layer.
//!
//! `cargo bench --bench layer_probe -- CASE` runs on a hostile case (or `gold`, the
//! default: the gold articles joined, `KB` kilobytes of them) after a warm-up;
//! `-- cold` instead times the first call of each layer per language, which is
//! the lazy initialisation of its lists and grammar.
#[path = "../tests/hostile/cases.rs"]
mod cases;
use glose::*;
use std::time::Instant;

/// Runs every layer on `text`, printing the seconds each took.
fn laps(text: &str, lang: Lang, label: &str) {
    let t = Instant::now();
    let mut last = 0.0;
    let mut lap = |layer: &str| {
        let now = t.elapsed().as_secs_f64();
        println!("{label}{layer:<10} {:>8.1} ms", (now - last) * 1e3);
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
    // As analyze does: the time rules run once, for the date and the layer.
    let matches = time::rule_matches(&doc, &ents);
    lap("timerules");
    let date = time::infer_doc_date_from(&doc, &matches);
    lap("docdate");
    let (times, _) = time::find_from(&doc, matches, date);
    lap("time");
    let qs = numbers::find(&doc, &times, &ents);
    lap("numbers");
    let _ = checks::find(&doc, &qs);
    lap("checks");
    let ms = markers::find(&doc, &quotes, &ents);
    lap("markers");
    let _ = claims::find(&doc, &quotes, &ents, &qs, &ms);
    lap("claims");
}

fn main() {
    let name = std::env::args().nth(1).filter(|a| !a.starts_with('-')).unwrap_or_else(|| "gold".into());
    if name == "cold" {
        for lang in [Lang::Fr, Lang::En] {
            laps("Le 25 novembre, M. Dupont a déclaré : «huit missiles».", lang, &format!("{lang:?} first "));
        }
        return;
    }
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
    println!("lazy init {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    let lang = lang::detect(&text).unwrap_or(Lang::Fr);
    laps(&text, lang, "warm-up ");
    let t = Instant::now();
    laps(&text, lang, "");
    let secs = t.elapsed().as_secs_f64();
    println!("{} KB total {:.3} s = {:.2} MB/s", text.len() / 1024, secs, text.len() as f64 / 1e6 / secs);
}
