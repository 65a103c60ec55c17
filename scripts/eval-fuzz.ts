/**
 * `npm run eval -- --fuzz N [--fuzz-start S]` and `--fuzz-seed S`: draws layouts from the
 * fuzzer, reads each through the pipeline's reader, and prints items exact, silent errors,
 * false alarms, accuracy per value of every dimension and the seeds of failing draws.
 */
import { DIMENSIONS, fuzzDraw, type Dimension } from '../tests/generator/fuzz/index.ts';
import { scoreDraw, type DrawScore } from '../tests/generator/fuzz/score.ts';

type Tally = { draws: number; items: number; exact: number; failing: number };
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;

function printDraw(s: DrawScore, dims: Record<string, string>, verbose: boolean): void {
  const flag = s.silent ? ' SILENT' : s.falseAlarm ? ' FALSE-ALARM' : s.missing.length && s.status === 'ok' ? ' unread-under-ok' : '';
  console.log(`seed ${s.seed}: ${s.exact}/${s.items} exact, status ${s.status}, ${s.ms.toFixed(0)} ms${flag}`);
  if (!verbose) return;
  console.log(`    ${Object.entries(dims).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  for (const w of [...s.wrong, ...s.missing].slice(0, 12)) console.log(`    ${w}`);
  if (s.extra.length) console.log(`    extra: ${s.extra.join(', ')}`);
  for (const f of s.factsWrong) console.log(`    fact: ${f}`);
}

export async function runFuzz(opts: { count: number; start: number; seed?: number; verbose: boolean }): Promise<void> {
  const seeds = opts.seed !== undefined ? [opts.seed] : Array.from({ length: opts.count }, (_, i) => opts.start + i);
  const byValue = new Map<string, Tally>();
  const total = { draws: 0, items: 0, exact: 0, wrong: 0, missing: 0, silent: 0, unreadUnderOk: 0, falseAlarms: 0, factsWrong: 0, ms: 0 };
  const failing: number[] = [];
  const silentSeeds: number[] = [];
  const t0 = performance.now();
  for (const seed of seeds) {
    const draw = await fuzzDraw(seed);
    const s = await scoreDraw(draw);
    const bad = s.exact < s.items || s.extra.length > 0 || s.wrong.length > 0;
    total.draws++; total.items += s.items; total.exact += s.exact; total.ms += s.ms;
    total.wrong += s.wrong.length; total.missing += s.missing.length;
    if (!s.silent && s.missing.length && s.status === 'ok') total.unreadUnderOk++;
    if (s.silent) { total.silent++; silentSeeds.push(seed); }
    if (s.falseAlarm) total.falseAlarms++;
    if (s.factsWrong.length) total.factsWrong++;
    if (bad || s.factsWrong.length || s.falseAlarm) failing.push(seed);
    for (const [dim, value] of Object.entries(draw.dims)) {
      const t = byValue.get(`${dim}=${value}`) ?? { draws: 0, items: 0, exact: 0, failing: 0 };
      t.draws++; t.items += s.items; t.exact += s.exact; if (bad) t.failing++;
      byValue.set(`${dim}=${value}`, t);
    }
    if (opts.seed !== undefined || opts.verbose || bad || s.factsWrong.length || s.falseAlarm) printDraw(s, draw.dims, opts.verbose || opts.seed !== undefined);
  }
  const wall = (performance.now() - t0) / 1000;
  console.log('\ndimension value                         draws  items exact');
  for (const dim of Object.keys(DIMENSIONS) as Dimension[]) {
    for (const value of new Set<string>(DIMENSIONS[dim])) {
      const t = byValue.get(`${dim}=${value}`);
      if (!t) { console.log(`${`${dim}=${value}`.padEnd(38)} (not drawn)`); continue; }
      console.log(`${`${dim}=${value}`.padEnd(38)} ${String(t.draws).padStart(5)} ${pct(t.exact, t.items).padStart(8)}${t.failing ? `  failing draws ${t.failing}` : ''}`);
    }
  }
  console.log(`\nfuzz draws=${total.draws} dimensions=${Object.keys(DIMENSIONS).length} items=${total.items} exact=${total.exact} (${pct(total.exact, total.items)}) misread=${total.wrong} unread=${total.missing} silent errors=${total.silent} false alarms=${total.falseAlarms} draws with unread items under ok=${total.unreadUnderOk} facts wrong on ${total.factsWrong} draws; read ${(total.ms / 1000).toFixed(1)} s, wall ${wall.toFixed(1)} s`);
  if (silentSeeds.length) console.log(`silent-error seeds: ${silentSeeds.join(' ')}`);
  if (failing.length) console.log(`failing seeds (npm run eval -- --fuzz-seed N): ${failing.join(' ')}`);
}
