/**
 * VS Code's menus, driven by keyboard. A context menu ignores a click that lands just
 * after it opens, and the quick-fix widget lays a pointer block over itself while it
 * opens; neither says when it is ready for the mouse. Keys are taken as soon as the menu
 * holds the focus, which the page can tell, so the tests wait for that instead of a time.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait';

/** Waits until the element `selector` finds holds the keyboard focus. */
export async function waitForFocusIn(page: Page, selector: string, timeoutMs = 5000): Promise<void> {
  await waitFor(
    () => page.evaluate((s) => !!document.activeElement?.closest(s), selector).catch(() => false),
    timeoutMs,
    () => `${selector} did not take the focus`,
  );
}

/**
 * Opens `target`'s context menu and runs the item whose label matches `item`; returns false
 * when no menu opened or it holds no such item (a menu opened while its view redraws can be another's).
 */
export async function runContextMenuItem(page: Page, target: Locator, item: RegExp): Promise<boolean> {
  await page.keyboard.press('Escape');
  await target.click({ button: 'right' });
  // A click that lands while the view redraws opens no menu: the caller tries again.
  if (!(await waitForFocusIn(page, '.context-view .monaco-menu').then(() => true, () => false))) return false;
  const labels = (await page.locator('.context-view .action-item .action-label').allInnerTexts()).map((l) => l.trim()).filter(Boolean);
  if (!labels.some((l) => item.test(l))) {
    await page.keyboard.press('Escape');
    return false;
  }
  // Down through the items (separators are skipped) until the wanted one has the focus.
  const focused = page.locator('.context-view .action-item.focused .action-label');
  for (let i = 0; i <= labels.length; i++) {
    await page.keyboard.press('ArrowDown');
    if (item.test((await focused.innerText().catch(() => '')).trim())) {
      await page.keyboard.press('Enter');
      return true;
    }
  }
  await page.keyboard.press('Escape');
  return false;
}
