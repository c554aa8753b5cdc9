import { describe, expect, it } from 'vitest';
import { adoptListeners, isGraphRequest } from './demoBridge';

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
});
