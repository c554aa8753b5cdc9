import { describe, expect, it } from 'vitest';
import { browserConnectivity } from './connectivity';

function fakeWindow(onLine: boolean) {
  const target = new EventTarget();
  const win = {
    navigator: { onLine },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  };
  const go = (online: boolean) => {
    win.navigator.onLine = online;
    target.dispatchEvent(new Event(online ? 'online' : 'offline'));
  };
  return { win, go };
}

describe('browser connectivity', () => {
  it('follows navigator.onLine and the online/offline events until unsubscribed', () => {
    const { win, go } = fakeWindow(true);
    const connectivity = browserConnectivity(win);
    const seen: boolean[] = [];
    const stop = connectivity.onChange((online) => seen.push(online));
    expect(connectivity.isOnline()).toBe(true);
    go(false);
    expect(connectivity.isOnline()).toBe(false);
    go(true);
    stop();
    go(false);
    expect(seen).toEqual([false, true]);
  });
});
