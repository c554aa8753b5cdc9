// First contentful paint of the personal tab (index.html) on a 4× CPU-throttled Chromium, cold (a new browser
// context each run, so nothing is cached). Reported, never asserted: timings are noisy on shared machines.
import { test } from '@playwright/test';
import { summarise, writeBenchPart } from './results';

const RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 5);
const CPU_SLOWDOWN = 4;

test('first contentful paint of index.html, 4× CPU throttling', async ({ browser }) => {
  const fcp: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto('/index.html');
    const value = await page.evaluate(() => new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    }));
    fcp.push(value);
    await context.close();
  }
  writeBenchPart('first-paint', { surface: 'personal (index.html)', cpuSlowdown: CPU_SLOWDOWN, runs: fcp.map((v) => Math.round(v)), fcpMs: summarise(fcp), targetMs: 1000 });
});
