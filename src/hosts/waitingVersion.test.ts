import { describe, expect, it, vi } from 'vitest';
import { takeOverWaitingVersion } from './waitingVersion';
import type { WorkerContainer } from './waitingVersion';

type Answer = 'activate' | 'refuse' | 'silent';

/** A service worker container whose waiting worker answers SKIP_WAITING as the real one does. */
function fakeContainer(options: { controller?: boolean; waiting?: boolean; answer?: Answer }) {
  const listeners = new Set<() => void>();
  const messages: unknown[] = [];
  const onceOf = new Map<() => void, () => void>();
  const container: WorkerContainer = {
    controller: options.controller === false ? null : {},
    getRegistration: async () => ({
      waiting: options.waiting === false ? null : {
        postMessage: (message: unknown, transfer: Transferable[]) => {
          messages.push(message);
          const port = transfer[0] as MessagePort;
          if (options.answer === 'refuse') port.postMessage({ type: 'SKIP_WAITING_REFUSED', reason: '1 plan(s) with unsynced edits' });
          if (options.answer === 'activate') queueMicrotask(() => listeners.forEach((listener) => listener()));
        },
      },
    }),
    addEventListener: (_type, listener, listenerOptions) => {
      const once = () => { listeners.delete(once); listener(); };
      listeners.add(listenerOptions?.once ? once : listener);
      if (listenerOptions?.once) onceOf.set(listener, once);
    },
    removeEventListener: (_type, listener) => { listeners.delete(onceOf.get(listener) ?? listener); },
  };
  return { container, messages, listeners };
}

describe('takeOverWaitingVersion', () => {
  it('asks a waiting version to take over and reloads once it controls the page', async () => {
    const { container, messages, listeners } = fakeContainer({ answer: 'activate' });
    const reload = vi.fn();
    await expect(takeOverWaitingVersion(container, { pendingEdits: async () => 0, reload })).resolves.toBe('reloading');
    expect(messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });

  it('leaves the version waiting while this page knows of an unsynced edit', async () => {
    const { container, messages } = fakeContainer({ answer: 'activate' });
    const reload = vi.fn();
    await expect(takeOverWaitingVersion(container, { pendingEdits: async () => 1, reload })).resolves.toBe('edits-pending');
    expect(messages).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
  });

  it('starts at once when the worker refuses (its own look at the outbox found an edit)', async () => {
    const { container, listeners } = fakeContainer({ answer: 'refuse' });
    const reload = vi.fn();
    await expect(takeOverWaitingVersion(container, { pendingEdits: async () => 0, reload, setTimer: () => () => undefined })).resolves.toBe('refused');
    expect(reload).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });

  it('gives up on a worker that never answers, and does not reload', async () => {
    const { container } = fakeContainer({ answer: 'silent' });
    const reload = vi.fn();
    let giveUp: (() => void) | undefined;
    const result = takeOverWaitingVersion(container, { pendingEdits: async () => 0, reload, setTimer: (run) => { giveUp = run; return () => undefined; } });
    await vi.waitFor(() => expect(giveUp).toBeDefined());
    giveUp!();
    await expect(result).resolves.toBe('no-answer');
    expect(reload).not.toHaveBeenCalled();
  });

  it('does nothing on a first start or without a waiting version', async () => {
    const reload = vi.fn();
    const pendingEdits = vi.fn(async () => 0);
    await expect(takeOverWaitingVersion(fakeContainer({ controller: false }).container, { pendingEdits, reload })).resolves.toBe('none-waiting');
    await expect(takeOverWaitingVersion(fakeContainer({ waiting: false }).container, { pendingEdits, reload })).resolves.toBe('none-waiting');
    await expect(takeOverWaitingVersion(undefined, { pendingEdits, reload })).resolves.toBe('none-waiting');
    expect(pendingEdits).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});
