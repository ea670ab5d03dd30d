//! Times each hostile case at two sizes, to find superlinear passes. `cargo bench --bench hostile_probe`.
#[path = "../tests/hostile/cases.rs"]
mod cases;
use std::time::Instant;
fn main() {
    let filter = std::env::args().nth(1).filter(|a| !a.starts_with('-'));
    let kb: usize = std::env::var("KB").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    for case in cases::CASES {
        if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
            continue;
        }
        let mut line = format!("{:<26}", case.name);
        let mut prev = 0.0;
        for mult in [1, 2, 4] {
            let text = (case.make)(kb * 1024 * mult);
            let t0 = Instant::now();
            std::hint::black_box(glose::analyze(&text, &glose::Options::default()).expect("valid"));
            let dt = t0.elapsed().as_secs_f64();
            line += &format!(" {:>4} KB {:>8.3} s", kb * mult, dt);
            if prev > 0.0 {
                line += &format!(" (x{:.1})", dt / prev);
            }
            prev = dt;
        }
        println!("{line}");
    }
}
