//! Rough native timing of the segment engine (not a test): `cargo run --release --example speed`.
use smsedge_core::segments::{Options, analyze, count_segments, utf16};
use std::time::Instant;

fn main() {
    let text = utf16(&"your order has shipped reply STOP to opt out ".repeat(12)[..510]);
    let n = 200_000;
    let t = Instant::now();
    let mut sink = 0;
    for _ in 0..n {
        sink += count_segments(std::hint::black_box(&text), &Options::default())
            .map_or(0, |c| c.segments);
    }
    println!(
        "count_segments 510: {:.3} us",
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
    let t = Instant::now();
    for _ in 0..n {
        sink += analyze(std::hint::black_box(&text), &Options::default()).map_or(0, |c| c.segments);
    }
    println!(
        "analyze 510: {:.3} us ({sink})",
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
}
