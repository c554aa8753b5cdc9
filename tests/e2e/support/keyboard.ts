import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * What has focus, and whether a sighted keyboard user can see it: inside the viewport (the browser scrolls a
 * focused element into view), with a size, not hidden by display, visibility or opacity. `body` when nothing has focus
 * (before the first Tab, or after the last one, when focus is in the browser's own controls).
 */
async function focusedElement(page: Page): Promise<{ body: boolean; visible: boolean; description: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { body: true, visible: true, description: 'body' };
    const rect = el.getBoundingClientRect();
    // Fluent draws a checkbox, radio or switch next to a transparent native input laid over it: that one counts
    // as seen when the control around it is.
    const drawn = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) && el.parentElement ? el.parentElement : el;
    const visible = el.checkVisibility({ visibilityProperty: true }) && drawn.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      && rect.width > 0 && rect.height > 0
      && rect.right > 0 && rect.bottom > 0 && rect.left < window.innerWidth && rect.top < window.innerHeight;
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 60);
    return { body: false, visible, description: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${name}"` };
  });
}

/** Asserts the element that has focus can be seen (see focusedElement). */
export async function expectFocusOnVisibleElement(page: Page): Promise<void> {
  const focused = await focusedElement(page);
  expect(focused.visible, `focus is on an element nobody can see: ${focused.description}`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab with `backwards`) until `target` has focus: proves it is reachable by keyboard alone.
 * Every stop on the way must be visible: a keyboard user never lands on something they cannot see.
 */
export async function tabTo(page: Page, target: Locator, max = 150, { backwards = false }: { backwards?: boolean } = {}): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectFocusOnVisibleElement(page);
  }
  await expect(target).toBeFocused();
}

/**
 * Asserts a sighted keyboard user can see where focus is: the focused element (with a few pixels around it, where
 * Fluent draws outlines and the underline of a field) looks different with focus than without. Focus is taken away
 * for the comparison and given back.
 */
export async function expectVisibleFocusIndicator(page: Page): Promise<void> {
  const handle = await page.evaluateHandle(() => document.activeElement);
  const element = handle.asElement();
  expect(element, 'something has focus').not.toBeNull();
  const box = await element!.boundingBox();
  expect(box, 'the focused element has a box').not.toBeNull();
  const margin = 6;
  const clip = { x: Math.max(0, box!.x - margin), y: Math.max(0, box!.y - margin), width: box!.width + 2 * margin, height: box!.height + 2 * margin };
  const focused = await page.screenshot({ clip, animations: 'disabled' });
  await element!.evaluate((el) => (el as HTMLElement).blur());
  const unfocused = await page.screenshot({ clip, animations: 'disabled' });
  await element!.evaluate((el) => (el as HTMLElement).focus());
  const name = await element!.evaluate((el) => `<${el.tagName.toLowerCase()}> "${el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 60)}"`);
  expect(focused.equals(unfocused), `focus on ${name} cannot be seen`).toBe(false);
  await handle.dispose();
}
