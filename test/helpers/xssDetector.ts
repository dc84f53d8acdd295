/**
 * One detector for hostile content in Chromium, shared by the core, site and preview
 * tests. It catches, in a page it has armed:
 * - a script that runs: `alert`, `confirm`, `prompt` and `print` are recorded (and any
 *   dialog), and every inline script, event handler, `javascript:` URL or `eval` is
 *   reported by a Content-Security-Policy, enforced or report-only, as a violation;
 * - a navigation or a new window nobody asked for;
 * - a dangerous element or attribute left in the content's DOM, whether or not it
 *   managed to run (a handler attribute, a frame, a `javascript:` link, ...).
 * `interact` then hovers, focuses and clicks every element of the content, opens every
 * `<details>`, and waits for the page to settle, so handlers that need a user fire too.
 */
import type { Page } from 'playwright-core';

export interface Finding {
  readonly kind: 'ran' | 'violation' | 'navigation' | 'element';
  readonly detail: string;
}

// A string, not a function: tsx would compile a function to call helpers the page lacks.
const INIT = `(() => {
  const hits = (window.__npHits = []);
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function () { hits.push({ kind: 'ran', detail: name + '(' + [].map.call(arguments, String).join(',') + ')' }); };
  }
  // Which source each image last finished with (loaded or failed): an error handler that
  // survived has run once its image is done.
  for (const type of ['load', 'error']) window.addEventListener(type, (e) => { const t = e.target; if (t && t.localName === 'img') t.__npDone = t.currentSrc || t.src; }, true);
  // Loading an image, a video or a font is not running code (an <img src="//host"> is a
  // note's right); every other directive guards code, frames, forms or the base URL.
  document.addEventListener('securitypolicyviolation', (e) => {
    if (/^(img|media|font|style|connect|manifest)-src/.test(e.effectiveDirective)) return;
    hits.push({ kind: 'violation', detail: e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' (' + e.disposition + ')' });
  });
})();`;

/** Sets the detector up on a page before it loads anything. Returns the findings it gathers outside the page. */
export async function armPage(page: Page): Promise<Finding[]> {
  const outside: Finding[] = [];
  await page.addInitScript({ content: INIT });
  page.on('dialog', (d) => {
    outside.push({ kind: 'ran', detail: `dialog ${d.type()}: ${d.message()}` });
    void d.dismiss().catch(() => undefined);
  });
  page.on('popup', (p) => {
    outside.push({ kind: 'navigation', detail: `new window ${p.url()}` });
    void p.close().catch(() => undefined);
  });
  return outside;
}

/**
 * The dangerous things left inside `root` (a CSS selector), as the browser parsed them.
 * URLs are judged as the browser resolved them.
 */
export async function dangerousElements(page: Page, root: string, o: { siteStyles?: readonly string[] } = {}): Promise<Finding[]> {
  return page.evaluate(`(() => {
    const out = [];
    const base = document.querySelector(${JSON.stringify(root)});
    if (!base) return [{ kind: 'element', detail: 'content root ${root.replace(/'/g, '')} not found' }];
    const BAD = 'script, iframe, frame, frameset, object, embed, applet, base, form, textarea, select, option, meta, link, style, template, noscript, portal, foreignObject, animate, set, animateMotion, animateTransform, image, feImage, annotation-xml, maction, input:not([type=radio])';
    for (const el of base.querySelectorAll(BAD)) out.push({ kind: 'element', detail: '<' + el.localName + '> ' + el.outerHTML.slice(0, 120) });
    const SAFE_SCHEME = /^(https?|mailto|tel):$/;
    const SHIKI = /^(--shiki-(light|dark)(-bg|-font-style|-font-weight|-text-decoration)?:[^;:()]+;?)+$/;
    for (const el of base.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        const v = a.value;
        if (n.startsWith('on') || n === 'srcdoc' || n === 'formaction' || n === 'action' || n.startsWith('v-') || n[0] === ':' || n[0] === '@' || n[0] === '#') out.push({ kind: 'element', detail: '<' + el.localName + ' ' + n + '="' + v.slice(0, 60) + '">' });
        else if (n === 'style' && !(el.localName === 'span' && SHIKI.test(v.trim())) && !${JSON.stringify(o.siteStyles ?? [])}.includes(v)) out.push({ kind: 'element', detail: '<' + el.localName + ' style="' + v.slice(0, 60) + '">' });
        else if (['href', 'xlink:href', 'src', 'poster', 'cite', 'data', 'background', 'srcset'].includes(n)) {
          const urls = n === 'srcset' ? v.split(',').map((s) => s.trim().split(/\\s+/)[0]).filter(Boolean) : [v];
          for (const u of urls) {
            let p;
            try { p = new URL(u, location.href).protocol; } catch { p = 'unparsable:'; }
            // A data: image or video in a media element shows, and runs nothing (the build
            // itself inlines small local media this way).
            const mediaData = p === 'data:' && ['img', 'source', 'video'].includes(el.localName) && /^\\s*data:(image|video)\\//i.test(u);
            if (!SAFE_SCHEME.test(p) && !mediaData && !(p === 'file:' && location.protocol === 'file:')) out.push({ kind: 'element', detail: '<' + el.localName + ' ' + n + '="' + u.slice(0, 60) + '">' });
          }
        }
      }
    }
    return out;
  })()`);
}

/**
 * Hovers, focuses and clicks every element inside `root`, and opens every `<details>`.
 * Links to http(s) pages are not clicked (the page must stay to be inspected); any
 * other link is, so a `javascript:` URL that survived would run.
 */
export async function interact(page: Page, root: string): Promise<void> {
  await page.evaluate(`(() => {
    const base = document.querySelector(${JSON.stringify(root)});
    if (!base) return;
    // A link to a page would leave the page under test (the site's router acts on the click
    // before any listener of ours could cancel it): such links are not clicked.
    const followsPage = (el) => {
      const a = el.closest('a[href], area[href]');
      if (!a) return false;
      try { return /^https?:$/.test(new URL(a.getAttribute('href') || '', location.href).protocol); } catch { return false; }
    };
    const EVENTS = ['pointerover', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown', 'mousedown', 'focus', 'focusin', 'pointerup', 'mouseup', 'click', 'dblclick', 'contextmenu', 'keydown', 'keyup', 'input', 'change', 'wheel', 'copy', 'mouseout', 'mouseleave', 'blur'];
    const els = [...base.querySelectorAll('*')].slice(0, 3000);
    for (const el of els) {
      if (el.localName === 'details') el.open = true;
      for (const type of EVENTS) if (type !== 'click' || !followsPage(el)) el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
      if (typeof el.focus === 'function') el.focus();
      if (typeof el.click === 'function' && !followsPage(el)) el.click();
    }
  })()`);
  await settle(page);
}

/** Waits until the page has loaded, the network is quiet and every image has fired its load or error event (so `onerror` would have run). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await until(page, `[...document.images].every((i) => !(i.currentSrc || i.getAttribute('src')) || i.__npDone === (i.currentSrc || i.src) || (i.complete && i.loading === 'lazy'))`);
  await page.evaluate(FRAME).catch(() => undefined);
}

const FRAME = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))';

/**
 * Waits, frame by frame, until `expression` is true in the page (at most 10 s). Not
 * Playwright's `waitForFunction`: its polling compiles the expression inside the page,
 * which a page's CSP reports as `eval`, a finding the page never made.
 */
async function until(page: Page, expression: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (await page.evaluate(expression).catch(() => true)) return;
    await page.evaluate(FRAME).catch(() => undefined);
  }
}

/** What the page recorded itself: functions that ran and policy violations. Clears the record. */
export async function pageHits(page: Page): Promise<Finding[]> {
  return page.evaluate('(window.__npHits || []).splice(0)').catch((e) => [{ kind: 'navigation', detail: `page context lost: ${String(e).slice(0, 80)}` }]) as Promise<Finding[]>;
}

/**
 * Everything on one loaded page: settles, inspects the content under `root`, interacts
 * with it, and collects what ran, what was reported and where the page went.
 */
export async function inspectPage(page: Page, root: string, outside: Finding[], o: { interact?: boolean; siteStyles?: readonly string[] } = {}): Promise<Finding[]> {
  const url = page.url();
  await settle(page);
  const found: Finding[] = [...(await dangerousElements(page, root, o))];
  if (o.interact !== false) await interact(page, root);
  found.push(...(await pageHits(page)), ...outside.splice(0));
  if (page.url().replace(/#.*$/, '') !== url.replace(/#.*$/, '')) found.push({ kind: 'navigation', detail: `${url} → ${page.url()}` });
  return found;
}
