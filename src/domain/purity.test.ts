// The domain stays pure: it imports only itself and zod, and never reads the clock. The lint rules
// enforce this (tests/lint proves the rules bite); here we check the domain's own files pass them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const dir = join(process.cwd(), 'src', 'domain');
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('domain purity', () => {
  it('imports nothing but its own modules and zod', () => {
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const specifiers = [...readFileSync(join(dir, file), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(specifiers.filter((s) => !/^\.\/[\w]+$/.test(s!) && s !== 'zod'), file).toEqual([]);
    }
  });

  it('passes the domain lint rules: no host SDKs, no clock, no browser globals', async () => {
    const results = await new ESLint({ cwd: process.cwd() }).lintFiles(sources.map((f) => join('src', 'domain', f)));
    const violations = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId ?? 'fatal'} ${m.message}`));
    expect(violations).toEqual([]);
  }, 30_000);
});
