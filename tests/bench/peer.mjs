// The JavaScript peer of the benchmark: the same work as the Rust data core, done the way a
// JavaScript app would (d3-dsv to parse, arquero to group and aggregate). scripts/bench.sh
// bundles it with esbuild and tests/bench_web.rs calls it in the same Chromium run.
import { csvParse } from 'd3-dsv';
import * as aq from 'arquero';

const PERIOD = /^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function run(observations, indicatorsCsv) {
  const units = new Map(csvParse(indicatorsCsv).map((d) => [d.id, d.unit]));
  const t0 = performance.now();
  const rows = csvParse(observations);
  // The same checks as the Rust reader: known indicator, period, numbers, ranges, bounds, duplicates.
  const seen = new Set();
  const errors = [];
  const good = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const unit = units.get(r.indicator_id);
    const v = Number(r.value), lo = r.lower === '' ? null : Number(r.lower), hi = r.upper === '' ? null : Number(r.upper);
    const max = unit === 'percent' ? 100 : 10;
    let ok = unit !== undefined && PERIOD.test(r.period) && r.group_type !== '' && r.group !== '' && Number.isFinite(v) && v >= 0 && v <= max;
    if (ok && lo !== null && hi !== null) ok = lo <= v && v <= hi;
    if (ok && r.sample_size !== '' && !Number.isInteger(Number(r.sample_size))) ok = false;
    const key = r.indicator_id + '|' + r.period + '|' + r.group_type + '|' + r.group;
    if (ok && seen.has(key)) ok = false;
    seen.add(key);
    if (ok) { r.value = v; r.lower = lo; r.upper = hi; good.push(r); } else errors.push(i + 2);
  }
  const t1 = performance.now();
  const table = aq.from(good);
  const t2 = performance.now();
  const latest = table.groupby('indicator_id', 'group_type', 'group').filter((d) => d.period === aq.op.max(d.period)).numRows();
  const t3 = performance.now();
  const one = table.filter((d) => d.indicator_id === 'synthetic_0');
  const last = one.rollup({ p: aq.op.max('period') }).get('p', 0);
  const atLast = one.params({ last }).filter((d, $) => d.period === $.last);
  const total = atLast.filter((d) => d.group_type === 'total').get('value', 0);
  const gaps = atLast.params({ total }).filter((d) => d.group_type !== 'total').derive({ difference: (d, $) => d.value - $.total, ratio: (d, $) => d.value / $.total }).orderby(aq.desc('difference')).numRows();
  const t4 = performance.now();
  return { rows: good.length, errors: errors.length, parse_ms: t1 - t0, table_ms: t2 - t1, latest_every_series_ms: t3 - t2, latest_series: latest, gaps_ms: t4 - t3, gaps };
}
