import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { describeFailure, logFailure, logWarning, scrub } from './log';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJmMjRkNTgyYiIsIm5hbWUiOiJFc3JhIn0.c2lnbmF0dXJl';
const PERSONAL = [
  'esra.aydin@buurtkracht.example',
  '123456782', // a BSN that passes the 11-proef
  '06-12345678',
  '+31 6 1234 5678',
  'NL91ABNA0417164300',
  'NL91 ABNA 0417 1643 00',
  '12-03-1961',
  '1961-03-12',
];

function capture() {
  const lines: string[] = [];
  return { lines, sink: { error: (...args: unknown[]) => lines.push(args.join(' ')), warn: (...args: unknown[]) => lines.push(args.join(' ')) } };
}

describe('scrub', () => {
  it.each(PERSONAL)('removes %s', (value) => {
    expect(scrub(`voor ${value} mislukt`)).not.toContain(value);
  });

  it('removes tokens, bearer headers and secrets in URLs', () => {
    const out = scrub(`Authorization: Bearer ${TOKEN} at https://localhost/redirect.html#code=abc.def&state=xyz`);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('abc.def');
    expect(out).not.toContain('xyz');
    expect(out).toContain('[token]');
  });

  it('leaves ordinary diagnostic text alone', () => {
    expect(scrub('plan sync: graph-throttled, status 429')).toBe('plan sync: graph-throttled, status 429');
  });
});

describe('logFailure', () => {
  it('logs the code, status and request id of an AppError, never its message or cause', () => {
    const { lines, sink } = capture();
    const error = new AppError('graph-forbidden', {
      status: 403,
      requestId: 'req-abc',
      detail: 'cannot share with esra.aydin@buurtkracht.example, BSN 123456782',
      cause: new Error(`token ${TOKEN}`),
    });
    logFailure('share plan', error, sink);
    expect(lines).toEqual(['[samenwerkoverleg] share plan: graph-forbidden, status 403, request-id req-abc']);
  });

  it('logs only the kind of any other error', () => {
    const { lines, sink } = capture();
    logFailure('screen render', new TypeError('Samira Benali, geboren 12-03-1961, 06-12345678'), sink);
    logFailure('screen render', 'Samira Benali', sink);
    expect(lines).toEqual(['[samenwerkoverleg] screen render: TypeError', '[samenwerkoverleg] screen render: string']);
  });

  it('scrubs even the parts that come from code', () => {
    const { lines, sink } = capture();
    logWarning(`outbox for esra.aydin@buurtkracht.example`, `kept ${TOKEN}`, sink);
    expect(lines.join('\n')).not.toMatch(/esra\.aydin|eyJ/);
  });

  it('describes failures without personal data for every personal value we know of', () => {
    for (const value of PERSONAL) {
      expect(describeFailure(new AppError('unexpected', { detail: value, serviceCode: value, requestId: value }))).not.toContain(value);
    }
  });
});
