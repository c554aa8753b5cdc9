import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptListeners, endWhenClientGone, isGraphRequest } from './demoBridge';

function fakeScope() {
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const scope = {
    addEventListener(type: string, listener: (event: never) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener as (event: unknown) => void]);
    },
  };
  const dispatch = (type: string, event: unknown) => (listeners.get(type) ?? []).forEach((l) => l(event));
  return { scope, listeners, dispatch };
}

describe('the demo bridge (MSW inside the app worker)', () => {
  it('tells Graph requests from the app shell and everything else', () => {
    expect(isGraphRequest('https://graph.microsoft.com/v1.0/me')).toBe(true);
    expect(isGraphRequest('http://localhost:4173/js/main.0123abcd.js')).toBe(false);
    expect(isGraphRequest('https://graph.microsoft.com.evil.example/v1.0/me')).toBe(false);
    expect(isGraphRequest('not a url')).toBe(false);
  });

  it('drops the lifecycle listeners, passes only Graph fetches and never lets MSW unregister the worker', () => {
    const { scope, listeners, dispatch } = fakeScope();
    const seen: string[] = [];
    adoptListeners(scope, () => {
      scope.addEventListener('install', () => seen.push('install'));
      scope.addEventListener('activate', () => seen.push('activate'));
      scope.addEventListener('fetch', ((e: { request: { url: string } }) => seen.push(`fetch ${e.request.url}`)) as (event: never) => void);
      scope.addEventListener('message', ((e: { data: string }) => seen.push(`message ${e.data}`)) as (event: never) => void);
    });
    expect(listeners.has('install')).toBe(false);
    expect(listeners.has('activate')).toBe(false);
    dispatch('fetch', { request: { url: 'http://localhost/index.html' } });
    dispatch('fetch', { request: { url: 'https://graph.microsoft.com/v1.0/me' } });
    dispatch('message', { data: 'CLIENT_CLOSED' });
    dispatch('message', { data: 'MOCK_ACTIVATE' });
    expect(seen).toEqual(['fetch https://graph.microsoft.com/v1.0/me', 'message MOCK_ACTIVATE']);
  });

  it('restores the scope afterwards: the app worker registers its own listeners unchanged', () => {
    const { scope, listeners } = fakeScope();
    const before = scope.addEventListener;
    adoptListeners(scope, () => undefined);
    expect(scope.addEventListener).toBe(before);
    scope.addEventListener('install', () => undefined);
    expect(listeners.get('install')).toHaveLength(1);
  });

  describe('an answer for a page that is gone', () => {
    afterEach(() => { vi.useRealTimers(); });

    it('ends as a network error once the asking page has closed, so the worker is not kept busy', async () => {
      vi.useFakeTimers();
      let open = true;
      const never = new Promise<string>(() => undefined);
      const answer = endWhenClientGone(never, 'client-1', async () => open, () => 'network error');
      await vi.advanceTimersByTimeAsync(3000);
      open = false;
      await vi.advanceTimersByTimeAsync(1000);
      await expect(answer).resolves.toBe('network error');
    });

    it('keeps the answer while the page is open, and stops asking once it arrived', async () => {
      vi.useFakeTimers();
      const alive = vi.fn(async () => true);
      let deliver: (value: string) => void = () => undefined;
      const answer = endWhenClientGone(new Promise<string>((resolve) => { deliver = resolve; }), 'client-1', alive, () => 'network error');
      await vi.advanceTimersByTimeAsync(2500);
      deliver('mocked');
      await expect(answer).resolves.toBe('mocked');
      const asked = alive.mock.calls.length;
      await vi.advanceTimersByTimeAsync(5000);
      expect(alive.mock.calls.length).toBe(asked);
    });

    it('wraps the Graph fetch answers MSW gives, and only those', async () => {
      vi.useFakeTimers();
      const { scope, dispatch } = fakeScope();
      adoptListeners(scope, () => {
        scope.addEventListener('fetch', ((e: { respondWith(r: Promise<string>): void }) => e.respondWith(new Promise<string>(() => undefined))) as (event: never) => void);
      }, async () => false);
      const answers: Promise<unknown>[] = [];
      const event = { request: { url: 'https://graph.microsoft.com/v1.0/me' }, clientId: 'gone', respondWith: (r: Promise<unknown>) => { answers.push(r); } };
      dispatch('fetch', event);
      expect(answers).toHaveLength(1);
      const settled = answers[0]!.then(() => 'settled', () => 'settled');
      await vi.advanceTimersByTimeAsync(1000);
      await expect(settled).resolves.toBe('settled');
    });
  });
});
