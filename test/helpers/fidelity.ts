import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';

/**
 * The body of the built page open in `page`, and the preview's HTML, both through
 * Chromium's parser and the same whitespace and style serialisation, so that only
 * real differences remain. Returns [site, preview].
 */
export async function normalisedBodies(page: Page, previewHtml: string): Promise<[string, string]> {
  const [built, mine] = await page.evaluate((html) => {
    // Vue's compiler "condenses" whitespace outside <pre>: whitespace-only text with a
    // newline between elements is dropped, other runs of whitespace become one space.
    // That is serialisation, not content: apply the same rule to both sides.
    const tpl = document.createElement('div');
    tpl.innerHTML = html;
    // VitePress wraps the page's body in one `<div>` inside the Content element.
    const site = document.querySelector('.entry__body > div')!.cloneNode(true) as Element;
    // (An unnamed function: a named one would be compiled to call a helper the page lacks.)
    return [site, tpl].map((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      for (const t of texts) {
        if (t.parentElement?.closest('pre')) continue;
        const v = t.data;
        if (/^\s*$/.test(v) && v.includes('\n') && t.previousSibling?.nodeType !== Node.TEXT_NODE) t.remove();
        else t.data = v.replace(/\s+/g, ' ');
      }
      // Vue re-serialises style attributes (`a:b` → `a:b;`): compare the declarations.
      for (const el of root.querySelectorAll<HTMLElement>('[style]')) el.setAttribute('style', el.style.cssText);
      return root.innerHTML;
    });
  }, previewHtml);
  return [built, mine];
}

export function assertSameHtml(file: string, preview: string, site: string): void {
  if (preview === site) return;
  let i = 0;
  while (i < preview.length && preview[i] === site[i]) i++;
  assert.fail(`${file} differs at ${i}:\n preview: ${JSON.stringify(preview.slice(Math.max(0, i - 80), i + 80))}\n site:    ${JSON.stringify(site.slice(Math.max(0, i - 80), i + 80))}`);
}
