// @ts-check
// The preview webview's only script (loaded with the page's nonce). It shows what the
// extension renders, keeps the scroll position across updates, follows the VS Code
// theme, syncs scrolling both ways by source line, and hands link clicks and code
// blocks' Copy buttons back to the extension. It remembers the note it shows and its
// scroll position in the webview's state, which VS Code keeps while the view is hidden
// and across a window reload. Note HTML arrives sanitized; nothing in it can run under
// the page's CSP.
(function () {
  /** @typedef {import('../extension/preview/messages').ToWebview} ToWebview */
  /** @typedef {import('../extension/preview/messages').FromWebview} FromWebview */
  // @ts-ignore acquireVsCodeApi is provided by VS Code
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('np-preview'));
  let shown = 0;
  let ignoreScrollUntil = 0;
  /** @type {{ path?: string, y?: number }} */
  const restored = vscode.getState() || {};
  /** The scroll position to go back to when the remembered note is shown again. */
  let restoreY = typeof restored.y === 'number' ? restored.y : undefined;

  /** @param {FromWebview} m */
  const post = (m) => vscode.postMessage(m);

  function followTheme() {
    const c = document.body.classList;
    document.documentElement.classList.toggle('dark', c.contains('vscode-dark') || c.contains('vscode-high-contrast'));
  }
  followTheme();
  new MutationObserver(followTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  /** @param {string} s */
  const text = (s) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] || ch);

  /** @param {Extract<ToWebview, {type: 'update'}>} m */
  function update(m) {
    if (m.version < shown) return;
    shown = m.version;
    let y = window.scrollY;
    if (restoreY !== undefined) {
      if (m.path === restored.path) y = restoreY;
      restoreY = undefined;
    }
    // The header's HTML is the core's renderHeader, every value escaped there: the site's own markup.
    const problems = m.problems ? `<p class="np-preview__problems">${m.problems} problem${m.problems === 1 ? '' : 's'} in this file: see the Problems panel.</p>` : '';
    const head = m.header ? `<header class="entry-header">${m.header}${problems}</header>` : problems;
    const note = m.exact ? '' : '<p class="np-preview__notice">Highlighting and exact site rendering need VitePress in a trusted workspace.</p>';
    root.innerHTML = `${note}${head}<div class="prose entry__body" data-path="${text(m.path)}">${m.html}</div>`;
    // Images beside the note: `./x.png` is relative to the note's folder and `/x.png` to
    // the site's public folder, as on the site; the page's own URL is neither.
    /** @param {string} src */
    const resolve = (src) => (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('#') ? src
      : src.startsWith('/') ? new URL(src.slice(1), m.publicBase).href : new URL(src, m.imageBase).href);
    for (const el of root.querySelectorAll('img[src], source[src], video[src]')) el.setAttribute('src', resolve(el.getAttribute('src') || ''));
    for (const el of root.querySelectorAll('video[poster]')) el.setAttribute('poster', resolve(el.getAttribute('poster') || ''));
    // The sanitizer writes each srcset as `url descriptor, url descriptor`.
    for (const el of root.querySelectorAll('img[srcset], source[srcset]')) {
      el.setAttribute('srcset', (el.getAttribute('srcset') || '').split(', ').map((c) => c.replace(/^\S+/, resolve)).join(', '));
    }
    window.scrollTo(0, y);
    vscode.setState({ path: m.path, y });
  }

  /** Elements that know their source line, in document order. */
  const lines = () => /** @type {HTMLElement[]} */ ([...root.querySelectorAll('[data-line]')]);

  /** @param {number} line */
  function scrollToLine(line) {
    let target;
    for (const el of lines()) {
      if (Number(el.dataset.line) > line) break;
      target = el;
    }
    ignoreScrollUntil = Date.now() + 200;
    window.scrollTo(0, target ? target.getBoundingClientRect().top + window.scrollY - 8 : 0);
  }

  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    if (Date.now() < ignoreScrollUntil) return;
    clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(() => {
      const first = lines().find((el) => el.getBoundingClientRect().bottom > 0);
      if (first) post({ type: 'revealLine', line: Number(first.dataset.line) });
      const state = vscode.getState() || {};
      vscode.setState({ ...state, y: window.scrollY });
    }, 50);
  }, { passive: true });

  document.addEventListener('click', (e) => {
    const copy = e.target instanceof Element ? e.target.closest('div[class*="language-"] > button.copy') : null;
    if (copy) {
      // As on the site: the block's code as text, and "Copied" on the button for a moment.
      const code = copy.parentElement && copy.parentElement.querySelector('pre');
      if (code) post({ type: 'copy', text: code.textContent || '' });
      copy.classList.add('copied');
      setTimeout(() => copy.classList.remove('copied'), 2000);
      return;
    }
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a) return;
    const href = a.getAttribute('href') || '';
    if (href.startsWith('#')) {
      e.preventDefault();
      document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      return;
    }
    e.preventDefault();
    post({ type: 'openLink', href });
  });

  window.addEventListener('message', (/** @type {MessageEvent<ToWebview>} */ e) => {
    const m = e.data;
    if (m.type === 'update') update(m);
    else if (m.type === 'empty') root.innerHTML = `<p class="np-preview__empty">${text(m.message)}</p>`;
    else if (m.type === 'scrollToLine') scrollToLine(m.line);
  });
  post(restored.path ? { type: 'ready', path: restored.path } : { type: 'ready' });
})();
