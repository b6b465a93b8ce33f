//! Native benchmark of the data core: `cargo run --release --bin bench`. The browser figures
//! come from `scripts/bench.sh`, which runs the same workload in headless Chromium.
//!
//! `cargo run --release --bin bench -- synth ROWS DIR` writes synthetic `indicators.csv` and
//! `observations.csv` of ROWS rows into DIR instead (made-up numbers: for benchmarks and
//! trying the Data page, never for publishing).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use cohesion_explorer::core::indicators::synth::{indicators_csv, observations_csv};
    use cohesion_explorer::core::indicators::workload::run;
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("synth") {
        let rows: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(10_000);
        let dir = std::path::PathBuf::from(
            args.get(3)
                .map(String::as_str)
                .unwrap_or("target/synthetic"),
        );
        let write = |name: &str, text: String| {
            std::fs::create_dir_all(&dir)
                .and_then(|_| std::fs::write(dir.join(name), text))
                .unwrap_or_else(|e| {
                    eprintln!("could not write {}: {e}", dir.join(name).display());
                    std::process::exit(1);
                })
        };
        write("indicators.csv", indicators_csv());
        write("observations.csv", observations_csv(rows));
        println!("wrote {rows} synthetic rows to {}", dir.display());
        return;
    }
    let start = std::time::Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    shipped_sensitivity(&now);
    rank_ranges(&now);
    own_data(&now);
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

/// The profile's weight sensitivity on the shipped figures: what `/profile` computes.
#[cfg(not(target_arch = "wasm32"))]
fn shipped_sensitivity(now: &dyn Fn() -> f64) {
    use cohesion_explorer::core::indicators::parse::{read_indicators, read_observations};
    use cohesion_explorer::core::indicators::profile::profiles;
    use cohesion_explorer::core::indicators::sensitivity::sensitivity;
    let read = |name: &str| std::fs::read(format!("public/data/indicators/{name}")).unwrap_or_default();
    let Ok(indicators) = read_indicators("indicators.csv", &read("indicators.csv")) else {
        return;
    };
    let store = read_observations("observations.csv", &read("observations.csv"), indicators).store;
    let dims: Vec<String> = ["belonging", "inclusion", "participation", "recognition", "legitimacy"]
        .iter()
        .map(|d| format!("dimensions.{d}"))
        .collect();
    let groups = profiles(&store, &dims);
    let calls = 20;
    let t = now();
    for _ in 0..calls {
        std::hint::black_box(sensitivity(&groups, &[1.0; 5]));
    }
    println!(
        "native, shipped figures: weight sensitivity, {} groups, 7,775 weightings: {:.3} ms",
        groups.len(),
        (now() - t) / calls as f64
    );
}

/// The profile's rank ranges: today's groups, and 1,000 synthetic ones (goals 16 and 200 ms).
#[cfg(not(target_arch = "wasm32"))]
fn rank_ranges(now: &dyn Fn() -> f64) {
    use cohesion_explorer::core::indicators::workload::{rank_ranges_time, synthetic_rank_ranges};
    if let Some(store) = shipped_store() {
        let (groups, ms) = rank_ranges_time(&store, now);
        println!("native, shipped figures: rank ranges, {groups} ranked groups, 400 draws: {ms:.3} ms (goal 16 ms)");
    }
    let (groups, ms) = synthetic_rank_ranges(1000, now);
    println!("native, synthetic: rank ranges, {groups} ranked groups, 400 draws: {ms:.3} ms (goal 200 ms)");
}

/// A person's own data: a 1,000,000-row labelled SDMX-CSV file beside today's reader, and a
/// 1,000 x 100 wide table.
#[cfg(not(target_arch = "wasm32"))]
fn own_data(now: &dyn Fn() -> f64) {
    use cohesion_explorer::core::owndata::workload::{labelled_sdmx_beside_own_format, report, wide};
    let sdmx = labelled_sdmx_beside_own_format(1_000_000, now);
    print!("{}", report("native, labelled SDMX-CSV", &sdmx));
    print!("{}", report("native, wide table 1,000 x 100", &wide(1000, 100, now)));
}

#[cfg(not(target_arch = "wasm32"))]
fn shipped_store() -> Option<cohesion_explorer::core::indicators::model::Store> {
    use cohesion_explorer::core::indicators::parse::{read_indicators, read_observations};
    let read = |name: &str| std::fs::read(format!("public/data/indicators/{name}")).unwrap_or_default();
    let indicators = read_indicators("indicators.csv", &read("indicators.csv")).ok()?;
    Some(read_observations("observations.csv", &read("observations.csv"), indicators).store)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
