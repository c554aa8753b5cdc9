// Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays as users get it).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

// Playwright loads specs as CommonJS, so require.resolve finds the package as Node would.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are only final once opening animations (dialogs fade in) have finished; endless ones (a spinner) never do.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.evaluate(`${axeSource};0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Fluent's focus manager (Tabster) puts aria-hidden <i data-tabster-dummy> elements at the edges of
    // focus scopes; they only pass focus on. Fluent lists the aria-hidden-focus finding on them as a known
    // false positive. Only those elements are excluded; the keyboard tests check Tab never stops there.
    const result = await axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] } as unknown as Document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
