// Everything the user could read as a message during a cell: the text of every role=alert, role=status and
// Fluent message bar, each time it changes, with the buttons in reach (in it or next to it). Installed in a
// browser context before any page script runs, so it survives reloads; the texts go to the test process.
import type { BrowserContext } from '@playwright/test';
import type { SeenMessage } from './catalogue';

interface Observed {
  text: string;
  role: string;
  buttons: string[];
}

/** Runs in the page. */
function observer(): void {
  const w = window as unknown as { __faultSeen?: (m: Observed) => Promise<void> };
  const last = new WeakMap<Element, string>();
  const textOf = (el: Element): string => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  };
  const visible = (el: Element) => el.getClientRects().length > 0;
  const enabled = (b: HTMLButtonElement) => !b.disabled && b.getAttribute('aria-disabled') !== 'true';
  const scan = () => {
    for (const el of document.querySelectorAll('[role="alert"], [role="status"], .fui-MessageBar')) {
      const text = textOf(el);
      if (!text || !visible(el)) continue;
      // Its own buttons first, then those next to it (the sync status's "Nu synchroniseren").
      const scope = el.parentElement ?? el;
      const own = [...el.querySelectorAll('button')];
      const buttons = [...own, ...[...scope.querySelectorAll('button')].filter((b) => !own.includes(b))].filter((b) => visible(b) && enabled(b))
        .map((b) => (b.textContent ?? '').trim() || b.getAttribute('aria-label') || '').filter(Boolean);
      const signature = `${text}\u0000${buttons.join('\u0000')}`;
      if (last.get(el) === signature) continue;
      last.set(el, signature);
      const role = el.getAttribute('role') === 'alert' ? 'alert' : el.classList.contains('fui-MessageBar') ? 'messagebar' : 'status';
      w.__faultSeen?.({ text, role, buttons }).catch(() => undefined);
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-disabled', 'disabled', 'hidden'] });
}

/** Starts collecting what `device` (a browser context) shows; `sink` gets each new text. */
export async function watchMessages(context: BrowserContext, device: string, sink: (message: SeenMessage) => void, startedAt: number): Promise<void> {
  await context.exposeBinding('__faultSeen', (_source, message: Observed) => {
    sink({ ...message, at: Date.now() - startedAt, device });
  });
  await context.addInitScript(observer);
}
