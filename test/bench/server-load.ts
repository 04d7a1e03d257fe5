// npm run bench (issue 21.3): the server under load, in its own process as it
// runs in production. 200 audits of a 2 KB notice sent at once; meanwhile
// /healthz is asked every 50 ms. Before the pool, /healthz took 15 s and the
// audits' median 7.8 s.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..', '..');
const line = (label: string, figure: string, target: string, met: boolean | null) =>
  console.log(`${label.padEnd(52)} ${figure.padStart(16)}   target ${target.padEnd(14)} ${met === null ? '' : met ? 'met' : 'NOT MET'}`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

const server = spawn(process.execPath, [join(root, 'bin', 'procheck.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const address = await new Promise<string>((resolve) =>
    server.stdout.on('data', (d) => {
      const m = /listening on (\S+)/.exec(String(d));
      if (m) resolve(m[1]!);
    }),
  );
  const notice = readFileSync(join(root, 'cases', 'notices', 'gateshead-2026-psr-competitive-health-checks.ocds.json'), 'utf8');
  const audit = async () => {
    const t = performance.now();
    const res = await fetch(`${address}/v1/notices/check`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: notice });
    await res.text();
    return { status: res.status, ms: performance.now() - t };
  };
  // The threads up and warm.
  for (let i = 0; i < 4; i++) await audit();
  const health: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${address}/healthz`)).text();
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: 200 }, audit));
  const all = performance.now() - t0;
  running = false;
  await sampler;
  const answered = results.filter((r) => r.status === 200);
  const busy = results.filter((r) => r.status === 503).length;
  line(`/healthz during 200 concurrent audits (${notice.length} B), max`, `${pct(health, 1).toFixed(0)} ms`, '≤ 100 ms', pct(health, 1) <= 100);
  line('  /healthz, median of the samples', `${pct(health, 0.5).toFixed(0)} ms`, '', null);
  line('  audits answered / refused at once (503 busy)', `${answered.length} / ${busy}`, '', null);
  line('  answered audits, median latency', `${pct(answered.map((r) => r.ms), 0.5).toFixed(0)} ms`, '', null);
  line('  all 200 done in', `${(all / 1000).toFixed(1)} s`, '', null);
} finally {
  server.kill();
}
