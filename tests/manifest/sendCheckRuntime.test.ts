// Classic Outlook on Windows runs the send-time check in a JavaScript-only runtime: it loads the one file the
// manifest names (code.script), with no DOM, no window, no module loader, and an Office global. This test bundles
// src/entries/launchevent.ts into one file (as webpack.config.js does, with esbuild standing in for webpack so
// the test needs no full build) and runs it in a bare V8 context with only Office, timers and console.
// The real webpack output (dist/launchevent.js) was run the same way by hand.
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Completed = { allowEvent: boolean; errorMessage?: string };
type Handler = (event: { completed(options: Completed): void }) => void;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'src/entries/launchevent.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  expect(result.outputFiles).toHaveLength(1);
  return result.outputFiles[0]!.text;
}

function runtimeWith(body: string, displayLanguage = 'nl-NL') {
  const handlers = new Map<string, Handler>();
  const answer = (value: string) => (cb: (r: unknown) => void) => setTimeout(() => cb({ status: 'succeeded', value }), 0);
  const item = {
    subject: { getAsync: answer('Samenwerkoverleg SO-2026-014') },
    location: { getAsync: answer('Wijkcentrum De Brug') },
    body: { getAsync: (_type: string, cb: (r: unknown) => void) => answer(body)(cb) },
    sessionData: { getAsync: (_name: string, cb: (r: unknown) => void) => answer(JSON.stringify([{ name: 'Samira Benali', role: 'resident' }]))(cb) },
  };
  const Office = { actions: { associate: (name: string, handler: Handler) => handlers.set(name, handler) }, context: { displayLanguage, mailbox: { item } } };
  // Nothing else: no window, self, document, fetch, localStorage, require or import.
  return { context: vm.createContext({ Office, setTimeout, clearTimeout, console }), handlers };
}

describe('launchevent.js in a JavaScript-only runtime', () => {
  it('registers onAppointmentSendHandler and decides without a DOM', async () => {
    const code = await bundle();
    for (const [body, expected] of [
      ['Welkom bij het Samenwerkoverleg.', { allowEvent: true }],
      ['BSN 111\u00A0222\u00A0333', { allowEvent: false }],
      ['Samira komt ook.', { allowEvent: false }],
    ] as const) {
      const { context, handlers } = runtimeWith(body);
      vm.runInContext(code, context, { filename: 'launchevent.js' });
      expect([...handlers.keys()]).toEqual(['onAppointmentSendHandler']);
      const outcome = await new Promise<Completed>((resolve) => handlers.get('onAppointmentSendHandler')!({ completed: resolve }));
      expect(outcome, body).toMatchObject(expected);
      if (!outcome.allowEvent) expect(outcome.errorMessage).toMatch(/^Samenwerkoverleg houdt deze uitnodiging tegen/);
    }
  });
});
