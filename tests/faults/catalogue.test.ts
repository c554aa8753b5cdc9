// The fault matrix's judge of what the user saw: catalogue texts with their placeholders filled in are
// recognised, errors are told from progress, and an error needs a way forward.
import { describe, expect, it } from 'vitest';
import { allCatalogues as catalogues } from '../../src/ui/messages/allCatalogues';
import { t } from '../../src/ui/messages';
import { judgeMessages, matchCatalogue } from './support/catalogue';
import type { SeenMessage } from './support/catalogue';

const nl = catalogues.nl as Record<string, string>;
const seen = (text: string, role = 'alert', buttons: string[] = []): SeenMessage => ({ text, role, buttons, at: 0, device: 'chair' });
/** The error notice as its text nodes read, joined with spaces (title, message, code, retry button). */
const notice = (code: string) => `${nl['error.title']} ${nl[`error.${code}`]} ${nl['error.code']!.replace('{code}', code)} ${nl['error.retry']}`;

describe('matchCatalogue', () => {
  it('recognises an error notice as title + message + code + retry', () => {
    const match = matchCatalogue(notice('network-offline'), nl);
    expect(match.complete).toBe(true);
    expect(match.keys).toEqual(expect.arrayContaining(['error.title', 'error.network-offline', 'error.code', 'error.retry']));
  });

  it('fills placeholders, also nested catalogue texts', () => {
    const text = t('sync.offline', { changes: t('sync.unsynced.many', { count: 3 }) });
    const match = matchCatalogue(text, nl);
    expect(match.complete).toBe(true);
    expect(match.keys).toContain('sync.offline');
  });

  it('leaves English and bare codes over', () => {
    expect(matchCatalogue('Something unexpected went wrong. Try again.', nl).complete).toBe(false);
    expect(matchCatalogue('InvalidAuthenticationToken', nl).remainder).toBe('InvalidAuthenticationToken');
    expect(matchCatalogue(`${nl['error.title']} TypeError: Failed to fetch`, nl).complete).toBe(false);
  });
});

describe('judgeMessages', () => {
  it('skips progress and success texts', () => {
    expect(judgeMessages([seen(nl['sync.synced']!, 'status'), seen(nl['prepare.send.sent']!, 'messagebar')], { recovered: true })).toEqual([]);
  });

  it('accepts a Dutch error with a retry control, and an automatic recovery that happened', () => {
    const judged = judgeMessages([
      seen(notice('network-offline'), 'alert', [nl['error.retry']!]),
      seen(t('sync.offline', { changes: t('sync.unsynced.one') }), 'status'),
    ], { recovered: true });
    expect(judged.map((j) => [j.verdict, j.wayForward])).toEqual([['ok', nl['error.retry']], ['ok', 'automatic']]);
  });

  it('flags English, unknown texts, and errors without a way forward', () => {
    const judged = judgeMessages([
      seen('Something unexpected went wrong. Try again.', 'alert'),
      seen('HTTP 500 graph-failed', 'alert'),
      seen(`${nl['error.title']} ${nl['error.graph-forbidden']}`, 'alert'),
      seen(t('sync.offline', { changes: t('sync.unsynced.one') }), 'status'),
    ], { recovered: false });
    expect(judged.map((j) => j.verdict)).toEqual(['english', 'not-in-catalogue', 'no-way-forward', 'no-way-forward']);
  });
});
