import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { notebookModules, REPO } from '../helpers/site';
import { LAB_SETTINGS } from '../fixtures/kinds';
import { formatDate, today } from '../../extension/core/index';

/** What a reader sees in the preview frame, measured as rendered. */
interface Rendered {
  /** The smallest font size of any visible text, in CSS px as drawn (SVG text scaled by its drawing's scale). */
  smallest: number;
  smallestAt: string;
  /** The smallest font size of chart text. */
  chartText: number | undefined;
  headerHeight: number;
  /** Where the body's first paragraph starts, and the frame's height. */
  firstParagraphTop: number;
  viewportHeight: number;
  viewportWidth: number;
}

function measure(frame: Frame): Promise<Rendered> {
  // No named functions inside: the test runner's transform would wrap them in a helper the page lacks.
  return frame.evaluate(() => {
    let smallest = Infinity;
    let smallestAt = '';
    let chartText: number | undefined;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0' || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
        if (el.closest('.np-chart')) chartText = Math.min(chartText ?? Infinity, size);
      }
      if (size < smallest) {
        smallest = size;
        smallestAt = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${n.textContent.trim().slice(0, 30)}"`;
      }
    }
    const header = document.querySelector('.entry-header')!.getBoundingClientRect();
    const first = document.querySelector('.entry__body > p')!.getBoundingClientRect();
    return { smallest, smallestAt, chartText, headerHeight: header.height, firstParagraphTop: first.top + window.scrollY, viewportHeight: innerHeight, viewportWidth: innerWidth };
  });
}

describe('the sidebar preview, in a real VS Code', function () {
  this.timeout(300_000);

  describe('at the default sidebar width (300 px)', () => {
    const h = useVSCode({
      trusted: true,
      prepare: (ws) => {
        mkdirSync(path.join(ws, 'content/.notepress'), { recursive: true });
        writeFileSync(path.join(ws, 'content/.notepress/notebook.yaml'), LAB_SETTINGS);
        mkdirSync(path.join(ws, 'content/lab'));
        writeFileSync(path.join(ws, 'content/lab/wal-sizing.md'), '---\ntitle: WAL sizing\nstatus: measured\narea: storage\ndate: 2026-06-10\n---\n\nNumbers from the bench.\n');
      },
    });
    let vs: VSCode;
    beforeEach(async () => {
      vs = h.vs();
      assert.equal(await vs.setSidebarWidth(300), 300);
    });

    /** Closes the editors whose tab shows `text` (every editor and panel when it is ''), by their tabs' close buttons. */
    async function closeTabs(text: string): Promise<void> {
      const tabs = vs.page.locator('.tabs-container .tab').filter({ hasText: text });
      for (let n = await tabs.count(); n > 0; n = await tabs.count()) {
        await tabs.first().hover();
        await tabs.first().locator('.codicon-close').click();
        await waitFor(async () => (await tabs.count()) < n, 10_000, () => 'an editor did not close');
      }
    }

    async function sidebarPreview(): Promise<Frame> {
      let frame: Frame | undefined;
      await waitFor(async () => !!(frame = (await vs.previewFrames()).find((p) => p.place === 'sidebar')?.frame), 30_000, () => 'the sidebar preview did not appear');
      return frame!;
    }

    it('the tree shows each note\'s date at this width, ahead of a long title', async () => {
      const row = await vs.revealTreeRow('Concurrent servers: from sequential sockets');
      const seen = await row.evaluate((el) => {
        const label = el.querySelector('.label-name')!;
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
        const text = walker.nextNode()!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 'Jun 1'.length);
        const clip = el.querySelector('.monaco-icon-label-container')!.getBoundingClientRect();
        return { date: range.toString(), right: range.getBoundingClientRect().right, visibleRight: clip.right, cut: label.getBoundingClientRect().right > clip.right };
      });
      assert.equal(seen.date, 'Jun 1');
      assert.ok(seen.cut, 'the title is longer than the row: the test is about a cut row');
      assert.ok(seen.right < seen.visibleRight - 20, `the date ends at ${seen.right} px, the row shows up to ${seen.visibleRight} px`);
    });

    it('a tree item\'s tooltip wraps between words, not inside them', async () => {
      const row = await vs.revealTreeRow('Concurrent servers: from sequential sockets');
      await row.hover();
      const hover = vs.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: "Eli Bendersky's concurrent servers" }).first();
      await hover.waitFor({ timeout: 15_000 });
      const text = await hover.innerText();
      // Non-breaking spaces leave the hover no place to wrap but inside a word.
      assert.ok(!text.includes('\u00a0'), JSON.stringify(text));
      assert.match(text, /Jun 1, 2026 · 8 min read/);
      const wraps = await hover.locator('p', { hasText: 'Eli Bendersky' }).evaluate((p) => p.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(p).fontSize));
      assert.ok(wraps, 'the summary wraps onto more lines');
      await vs.page.mouse.move(0, 0);
    });

    it('a chart note: a compact header, no text under 11 px, chart labels 11 px or more', async () => {
      await vs.openFile('content/notes/kafka-log-segments-and-consumer-lag.md');
      const frame = await sidebarPreview();
      await frame.locator('.entry-header__title', { hasText: "Kafka's log" }).waitFor({ timeout: 30_000 });
      await frame.locator('.entry__body figure.np-chart svg').first().waitFor();
      const r = await measure(frame);
      await vs.page.screenshot({ path: path.join(REPO, '.cache/preview-300px-chart.png'), clip: (await vs.page.locator('.part.sidebar').boundingBox())! });
      assert.ok(r.viewportWidth <= 300, `the preview is ${r.viewportWidth} px wide`);
      assert.ok(r.smallest >= 11, `${r.smallestAt} is ${r.smallest.toFixed(2)} px`);
      assert.ok(r.chartText !== undefined && r.chartText >= 11, `chart text is ${r.chartText} px`);
      // Before: the header was 534 px tall and the note began below the first screen.
      assert.ok(r.headerHeight < 240, `the header is ${r.headerHeight} px tall`);
      assert.ok(r.firstParagraphTop < r.viewportHeight - 40, `the note begins at ${r.firstParagraphTop} px of ${r.viewportHeight}`);
    });

    it('a code note: code as on the site, with no background bands, scrolling clear of its Copy button', async () => {
      await vs.openFile('content/notes/concurrent-servers-from-sockets-to-async-await.md');
      const frame = await sidebarPreview();
      await frame.locator('.entry-header__title', { hasText: 'Concurrent servers' }).waitFor({ timeout: 30_000 });
      const block = frame.locator('.entry__body div.language-c').first();
      await block.locator('pre.shiki .line > span[class]').first().waitFor({ timeout: 30_000 });
      const r = await measure(frame);
      assert.ok(r.smallest >= 11, `${r.smallestAt} is ${r.smallest.toFixed(2)} px`);
      const code = await block.evaluate((b) => {
        const pre = b.querySelector('pre')!;
        const button = b.querySelector('button.copy')!.getBoundingClientRect();
        const blockBg = getComputedStyle(b).backgroundColor;
        // VS Code's webview style gives `code` a grey background: inline, it is a band behind each line.
        const bands = [...pre.querySelectorAll('*')].map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${getComputedStyle(el).backgroundColor}`)
          .filter((d) => !d.endsWith('rgba(0, 0, 0, 0)') && !d.endsWith(blockBg));
        return { bands, buttonBottom: button.bottom, preTop: pre.getBoundingClientRect().top, scrolls: pre.scrollWidth > pre.clientWidth, buttonVisible: getComputedStyle(b.querySelector('button.copy')!).opacity === '1' };
      });
      assert.deepEqual(code.bands, []);
      assert.ok(code.scrolls, 'the long lines scroll sideways');
      assert.ok(code.buttonVisible && code.buttonBottom <= code.preTop, `the Copy button (bottom ${code.buttonBottom}) is above the code (top ${code.preTop})`);
      await vs.page.screenshot({ path: path.join(REPO, '.cache/preview-300px-code.png'), clip: (await vs.page.locator('.part.sidebar').boundingBox())! });
    });

    it('the editor title bar\'s preview buttons each have a name and an icon of their own', async () => {
      await vs.openFile('content/notes/redis-single-threaded-event-loop.md');
      const labels = vs.page.locator('.editor-group-container.active .editor-actions .action-label');
      const read = async () => (await labels.evaluateAll((els) => els.map((e) => [(e.getAttribute('aria-label') ?? '').split('\n')[0].replace(/ \(.*\)$/, ''), [...e.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon')])))
        .filter(([name]) => /preview/i.test(name ?? ''));
      // The title bar fills in as each extension's `when` clauses settle (VS Code's own Markdown one last).
      let previews = await read();
      await waitFor(async () => (previews = await read()).length >= 3, 15_000, () => `the title bar shows ${JSON.stringify(previews)}`);
      assert.deepEqual(previews.map(([name]) => name).sort(), ['Open Preview to the Side', 'Open Site Preview to the Side', 'Show Site Preview in the Sidebar']);
      assert.equal(new Set(previews.map(([, icon]) => icon)).size, 3, JSON.stringify(previews));
    });

    it('New Note: the preview shows its title and date at once, before any edit', async () => {
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('Queue depth under load');
      await vs.page.locator('.tab.active', { hasText: 'queue-depth-under-load.md' }).waitFor();
      const frame = await sidebarPreview();
      await frame.locator('.entry-header__title', { hasText: 'Queue depth under load' }).waitFor({ timeout: 30_000 });
      assert.match(await frame.locator('.entry-header__meta').innerText(), new RegExp(`^${formatDate(today())} / `));
    });

    it('New Note in the side panel\'s group: the panel shows the note when it is brought back', async () => {
      await closeTabs('');
      await vs.runCommand('Notepress: Open Site Preview to the Side');
      const panelTab = vs.page.locator('.tabs-container .tab', { hasText: 'Site Preview' });
      await panelTab.waitFor();
      // With no other editor, the new note opens over the panel, whose page is unloaded while hidden.
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('Panel brought back');
      await vs.page.locator('.tab.active', { hasText: 'panel-brought-back.md' }).waitFor();
      await panelTab.click();
      let panel: Frame | undefined;
      await waitFor(async () => !!(panel = (await vs.previewFrames()).find((p) => p.place === 'editor')?.frame), 30_000, () => 'the panel did not show again');
      await panel!.locator('.entry-header__title', { hasText: 'Panel brought back' }).waitFor({ timeout: 30_000 });
      assert.match(await panel!.locator('.entry-header__meta').innerText(), new RegExp(`^${formatDate(today())} / `));
    });

    it('after a window reload, the sidebar preview and the side panel show the note again, title and date included', async () => {
      await closeTabs('');
      await vs.openFile('content/lab/wal-sizing.md');
      await vs.runCommand('Notepress: Open Site Preview to the Side');
      await waitFor(async () => (await vs.previewFrames()).length === 2, 30_000, () => 'the side panel did not open');
      // No editor holds a note when the window reloads: each preview remembers the one it showed.
      await closeTabs('.md');
      await vs.runCommand('Developer: Reload Window');
      await vs.page.locator('.statusbar').waitFor({ timeout: 60_000 });
      let previews: { frame: Frame; place: string }[] = [];
      await waitFor(async () => {
        previews = await vs.previewFrames();
        for (const p of previews) if (!(await p.frame.locator('.entry-header__title', { hasText: 'WAL sizing' }).count())) return false;
        return previews.length === 2;
      }, 90_000, () => `after the reload the previews show: ${previews.map((p) => p.place).join(', ') || 'nothing'}`);
      assert.deepEqual(previews.map((p) => p.place).sort(), ['editor', 'sidebar']);
      for (const p of previews) {
        // The kind comes from the notebook's settings: known only once the notebook is loaded.
        assert.equal(await p.frame.locator('.entry-header__kind').innerText(), 'Lab / measured');
        assert.match(await p.frame.locator('.entry-header__meta').innerText(), /^Jun 10, 2026 \/ 1 min read/);
      }
    });
  });

  describe('VitePress installed while the preview shows a note', () => {
    const h = useVSCode({ trusted: true, prepare: (ws) => rmSync(path.join(ws, 'node_modules')) });

    it('switches to the site\'s highlighted rendering without an edit or a reload', async () => {
      const vs = h.vs();
      const ws = h.ws();
      await vs.openFile('content/notes/concurrent-servers-from-sockets-to-async-await.md');
      await vs.runCommand('Notepress: Show Site Preview in the Sidebar');
      const frame = await vs.previewFrame();
      await frame.locator('.np-preview__notice').waitFor({ timeout: 30_000 });
      assert.equal(await frame.locator('pre.shiki').count(), 0, 'no highlighting before VitePress is there');
      // The packages appear as a package manager that installs into a folder of its own
      // and moves it into place leaves them (linked from this repository's packages).
      const staging = mkdtempSync(path.join(REPO, '.cache', 'modules-'));
      for (const name of readdirSync(notebookModules())) symlinkSync(path.join(notebookModules(), name), path.join(staging, name));
      assert.ok(existsSync(path.join(staging, 'vitepress/dist/node/index.js')));
      renameSync(staging, path.join(ws, 'node_modules'));
      await frame.locator('.entry__body pre.shiki .line > span[class]').first().waitFor({ timeout: 60_000 });
      assert.equal(await frame.locator('.np-preview__notice').count(), 0);
    });
  });
});
