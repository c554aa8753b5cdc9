// `npm run bench`: what the users would feel, measured on the production build in dist/ (built first when missing,
// or with --build). Writes bench-results/bench-results.json and prints a table.
//   a) Graph round trips and requests for recording N = 1, 20, 50 agreements, and for sending the SO invitation
//      (Vitest, bench/requests.bench-test.ts)
//   b) interaction-to-paint latency with 200 agreements, 4× CPU throttling: typing, and moving through the agenda
//      (Playwright, bench/typing.bench.ts)
//   c) gzip first-paint JavaScript per surface (dist/size-report.json) and first contentful paint of index.html
//      on a 4× CPU-throttled Chromium (bench/paint.bench.ts)
// Sizes and request counts are asserted (exit code 1 when one misses its target, or when a part could not run);
// timings are reported only: they depend on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const resultsDir = path.join(root, 'bench-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const KB = 1024;
const TARGETS = { surfaceGzip: 200 * KB, totalGzip: 300 * KB, firstPaintMs: 1000, keystrokeP75Ms: 100, invitationRoundTrips: 2 };
const PARTS = ['requests', 'send', 'first-paint', 'typing-runner', 'agenda-runner', 'typing-plan'];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_RESULTS_DIR: resultsDir, ...env } });
  return result.status === 0;
}

function readPart(name) {
  const file = path.join(resultsDir, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

// ---- the build
const forceBuild = process.argv.includes('--build');
if (forceBuild || !existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(dist, 'size-report.json'))) {
  if (!run('npm run build (dist/ is missing or --build was given)', 'npm', ['run', 'build'])) process.exit(1);
}

mkdirSync(resultsDir, { recursive: true });
for (const part of PARTS) rmSync(path.join(resultsDir, `${part}.json`), { force: true });

// ---- c) sizes: each surface's first-paint files, and all of them together (a file shared by surfaces counts once)
const report = JSON.parse(readFileSync(path.join(dist, 'size-report.json'), 'utf8'));
const gzipOf = new Map();
const gzipFile = (file) => {
  if (!gzipOf.has(file)) gzipOf.set(file, zlib.gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gzipOf.get(file);
};
const surfaces = Object.entries(report.entries).map(([name, entry]) => ({
  name, files: entry.files, gzipBytes: entry.gzipBytes, rawBytes: entry.rawBytes, targetBytes: TARGETS.surfaceGzip, ok: entry.gzipBytes <= TARGETS.surfaceGzip,
}));
const allFiles = [...new Set(surfaces.flatMap((s) => s.files))];
const totalGzip = allFiles.reduce((sum, file) => sum + gzipFile(file), 0);
const sizes = { surfaces, total: { files: allFiles.length, gzipBytes: totalGzip, targetBytes: TARGETS.totalGzip, ok: totalGzip <= TARGETS.totalGzip } };

// ---- a) request counts, b) and c) timings
const failures = [];
if (!run('Graph requests per journey (Vitest, demo tenant in Node)', bin('vitest'), ['run', '-c', 'bench/vitest.bench.config.mts'])) failures.push('the request-count bench failed');
// The journal of every request is for audits, not for measurements: it would only slow the shared tenant down.
if (!run('First paint and keystroke latency (Playwright, 4× CPU throttling)', bin('playwright'), ['test', '-c', 'bench/playwright.bench.config.ts'], { GRAPH_JOURNAL: '' })) {
  failures.push('a browser bench failed (see the Playwright output above)');
}

const requests = readPart('requests');
const requestChecks = (requests?.counts ?? []).map((c) => ({
  n: c.n,
  ok: c.batches === c.target.batches && c.planWrites === c.target.planWrites,
}));
if (!requests) failures.push('no request counts (bench-results/requests.json is missing)');
for (const check of requestChecks) if (!check.ok) failures.push(`N=${check.n}: $batch calls or plan writes differ from the target`);
const send = readPart('send');
const sendOk = send !== undefined && send.invitationRoundTrips === TARGETS.invitationRoundTrips && send.eventsCreated === 1;
if (!send) failures.push('no invitation send count (bench-results/send.json is missing)');
else if (!sendOk) failures.push(`sending the invitation: ${send.invitationRoundTrips} round trips to the calendar and ${send.eventsCreated} event(s) (target: ${TARGETS.invitationRoundTrips} round trips, 1 event)`);
for (const s of surfaces) if (!s.ok) failures.push(`${s.name}: ${(s.gzipBytes / KB).toFixed(1)} KB gzip first-paint JavaScript (target ≤ 200 KB)`);
if (!sizes.total.ok) failures.push(`all surfaces: ${(totalGzip / KB).toFixed(1)} KB gzip (target ≤ 300 KB)`);

const firstPaint = readPart('first-paint');
const typing = [
  readPart('typing-runner') ?? { screen: 'SO runner, Afspraak vastleggen › Wat', missing: true },
  readPart('agenda-runner') ?? { screen: 'SO runner, Volgende onderdeel (agenda)', missing: true },
  readPart('typing-plan') ?? { screen: 'Plan tab, Nieuw punt › Ik wil …', missing: true },
];

const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  targets: TARGETS,
  sizes,
  requests: requests ?? null,
  send: send ?? null,
  firstPaint: firstPaint ?? null,
  typing,
  failures,
};
writeFileSync(path.join(resultsDir, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);

// ---- the table
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value) => (value === undefined || value === null ? '–' : `${Math.round(value)} ms`);
const mark = (ok) => (ok ? 'ok' : 'MISSED');
const pad = (text, width) => String(text).padEnd(width);
const lines = [];
lines.push('', 'Samenwerkoverleg bench', '');
lines.push('First-paint JavaScript per surface (gzip)          result      target');
for (const s of surfaces) lines.push(`  ${pad(s.name, 48)}${pad(kb(s.gzipBytes), 12)}≤ 200 KB  ${mark(s.ok)}`);
lines.push(`  ${pad(`all surfaces together (${allFiles.length} files)`, 48)}${pad(kb(totalGzip), 12)}≤ 300 KB  ${mark(sizes.total.ok)}`);
lines.push('', 'Graph, recording N agreements (all Planner-owned)  round trips  requests  $batch (target)  plan writes (target)');
for (const c of requests?.counts ?? []) {
  const ok = c.batches === c.target.batches && c.planWrites === c.target.planWrites;
  lines.push(`  ${pad(`N = ${c.n}`, 48)}${pad(c.roundTrips, 13)}${pad(c.requests, 10)}${pad(`${c.batches} (${c.target.batches})`, 17)}${pad(`${c.planWrites} (${c.target.planWrites})`, 21)}${mark(ok)}`);
}
if (requests) lines.push(`  path: ${requests.counts[0]?.pathUnderTest ?? '?'}`);
lines.push('', 'Graph, sending the SO invitation                   round trips  of which the invitation (target)  plan writes  events');
if (send) {
  lines.push(`  ${pad(send.case, 48)}${pad(send.roundTrips, 13)}${pad(`${send.invitationRoundTrips} (${TARGETS.invitationRoundTrips})`, 32)}${pad(send.planWrites, 13)}${pad(send.eventsCreated, 8)}${mark(sendOk)}`);
  lines.push(`  path: ${send.pathUnderTest}`);
} else lines.push('  not measured');
lines.push('', 'First contentful paint, index.html, 4× CPU (cold)  p50         p75         max       target (reported)');
if (firstPaint) lines.push(`  ${pad(`${firstPaint.fcpMs.n} runs`, 48)}${pad(ms(firstPaint.fcpMs.p50), 12)}${pad(ms(firstPaint.fcpMs.p75), 12)}${pad(ms(firstPaint.fcpMs.max), 10)}≤ 1000 ms  ${firstPaint.fcpMs.p75 <= TARGETS.firstPaintMs ? 'ok' : 'over'}`);
else lines.push('  not measured');
lines.push('', 'Interaction → paint (INP), 200 agreements, 4× CPU  Event Timing p50/p75/max    input→frame p50/p75/max     target p75 (reported)');
for (const t of typing) {
  if (t.missing) { lines.push(`  ${pad(t.screen, 48)}not measured`); continue; }
  const et = t.eventTimingMs;
  const fr = t.keydownToFrameMs;
  lines.push(`  ${pad(t.screen, 48)}${pad(`${ms(et.p50)} / ${ms(et.p75)} / ${ms(et.max)}`, 28)}${pad(`${ms(fr.p50)} / ${ms(fr.p75)} / ${ms(fr.max)}`, 28)}≤ 100 ms  ${et.p75 <= TARGETS.keystrokeP75Ms ? 'ok' : 'over'}`);
}
lines.push('', `Results: ${path.relative(root, path.join(resultsDir, 'bench-results.json'))}`);
if (failures.length > 0) lines.push('', 'FAILED:', ...failures.map((f) => `  - ${f}`));
console.log(lines.join('\n'));
process.exit(failures.length > 0 ? 1 : 0);
