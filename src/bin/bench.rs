//! Native benchmark of the data core: `cargo run --release --bin bench`. The browser figures
//! come from `scripts/bench.sh`, which runs the same workload in headless Chromium.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use cohesion_explorer::core::indicators::workload::run;
    let start = std::time::Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    for rows in [10_000, 100_000, 1_000_000] {
        let (bytes, timings) = run(rows, &now);
        println!(
            "native, {rows} rows ({:.1} MB):",
            bytes as f64 / 1_048_576.0
        );
        for t in timings {
            let extra = if t.name == "parse and validate" {
                format!(
                    "  ({:.0} MB/s, {:.2} M rows/s)",
                    bytes as f64 / 1_048_576.0 / (t.ms / 1000.0),
                    rows as f64 / 1e6 / (t.ms / 1000.0)
                )
            } else {
                String::new()
            };
            println!("  {:<40} {:>10.3} ms{extra}", t.name, t.ms);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
