import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { runContextMenuItem } from '../helpers/menus';
import { runBench } from '../helpers/bench';
import { DEFAULT_TABLE, parseEntry, today } from '../../extension/core/index';

describe('extension in a real VS Code (code-server 4.100)', function () {
  this.timeout(240_000);

  describe('trusted workspace', () => {
    const h = useVSCode({ trusted: true });
    let vs: VSCode;
    let ws: string;
    beforeEach(() => {
      vs = h.vs();
      ws = h.ws();
    });

    it('the Notebook tree lists the seed\'s notes with their dates and reading times', async () => {
      for (const [title, date, desc] of [
        ['Concurrent servers: from sequential sockets to async/await', 'Jun 1', '8 min read'],
        ['How Redis stays predictable on a single-threaded event loop', 'May 20', '1 min read'],
        ["Kafka's log: segments, replication, and consumer lag", 'May 13', '1 min read'],
      ]) {
        const row = vs.treeRow(title);
        await row.waitFor();
        // In the year's group the date leads the label, without the year.
        assert.equal(await row.locator('.label-name').innerText(), `${date} · ${title}`);
        assert.equal(await row.locator('.label-description').innerText(), desc);
      }
      const groups = await vs.page.locator('.pane-body .monaco-list-row[aria-level="1"]').allInnerTexts();
      assert.deepEqual(groups.map((g) => g.trim()), ['Notes', 'Case studies', 'Research', 'Open source', 'Drafts']);
    });

    it('the newest year of notes starts open and past years closed', async () => {
      const old = path.join(ws, 'content/notes/an-older-note.md');
      writeFileSync(old, '---\ntitle: An older note\ndate: 2019-03-04\n---\n\nFrom before.\n');
      try {
        const year = (y: string) => vs.page.locator('.pane-body .monaco-list-row[aria-level="2"]', { hasText: new RegExp(`^\\s*${y}\\s*$`) });
        await year('2019').waitFor({ timeout: 10_000 });
        assert.equal(await year('2019').getAttribute('aria-expanded'), 'false');
        assert.equal(await year('2026').getAttribute('aria-expanded'), 'true');
        assert.equal(await vs.treeRow('An older note').count(), 0, 'the past year\'s notes are not drawn');
      } finally {
        rmSync(old, { force: true });
      }
    });

    it('New Note from the palette makes a file with valid frontmatter and opens it', async () => {
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('Tail latency: p99 vs p999');
      const file = path.join(ws, 'content/notes/tail-latency-p99-vs-p999.md');
      await waitFor(() => existsSync(file), 15_000, () => `${file} was not created`);
      const text = readFileSync(file, 'utf8');
      const entry = parseEntry('notes/tail-latency-p99-vs-p999.md', text, DEFAULT_TABLE.spec('note'));
      assert.deepEqual(entry.problems, []);
      assert.equal(entry.title, 'Tail latency: p99 vs p999');
      assert.equal(entry.date, today());
      await vs.page.locator('.tab.active', { hasText: 'tail-latency-p99-vs-p999.md' }).waitFor();
      // The tree picks the new note up from the file watcher.
      await vs.treeRow('Tail latency: p99 vs p999').waitFor({ timeout: 10_000 });
    });

    it('the same title again makes a second file, not an overwrite', async () => {
      const first = path.join(ws, 'content/notes/tail-latency-p99-vs-p999.md');
      writeFileSync(first, readFileSync(first, 'utf8') + '\nMy words, which must survive.\n');
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('Tail latency: p99 vs p999');
      const second = path.join(ws, 'content/notes/tail-latency-p99-vs-p999-2.md');
      await waitFor(() => existsSync(second), 15_000, () => `${second} was not created`);
      assert.match(readFileSync(first, 'utf8'), /My words, which must survive\./);
      assert.deepEqual(readdirSync(path.join(ws, 'content/notes')).filter((f) => f.startsWith('tail-latency')).sort(), ['tail-latency-p99-vs-p999-2.md', 'tail-latency-p99-vs-p999.md']);
    });

    it('cancelling the title prompt creates nothing', async () => {
      const before = readdirSync(path.join(ws, 'content/notes')).length;
      await vs.runCommand('Notepress: New Note');
      const input = vs.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await vs.page.keyboard.press('Escape');
      // The prompt has answered "cancelled" once it is gone; a file would be written right after.
      await input.waitFor({ state: 'hidden' });
      assert.equal(readdirSync(path.join(ws, 'content/notes')).length, before);
    });

    it('Delete asks before it deletes', async () => {
      const file = path.join(ws, 'content/notes/tail-latency-p99-vs-p999-2.md');
      const row = vs.treeRow('Tail latency: p99 vs p999');
      const dialog = vs.page.locator('.monaco-dialog-box');
      // Retry until the question shows: a menu opened while the tree redraws can miss its row.
      const deleteFromMenu = async () => {
        for (let attempt = 0; attempt < 4 && !(await dialog.isVisible()); attempt++) {
          if (await runContextMenuItem(vs.page, row, /^Delete$/)) await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
        }
      };
      await deleteFromMenu();
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /Delete "Tail latency: p99 vs p999"\?/);
      assert.ok(existsSync(file), 'nothing is deleted while the question is open');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(existsSync(file), 'Cancel keeps the file');

      await deleteFromMenu();
      await dialog.getByRole('button', { name: 'Move to Trash' }).click();
      // Where the file system has no trash (a server), a second, explicit question follows.
      const permanently = dialog.getByRole('button', { name: 'Delete Permanently' });
      await waitFor(async () => !existsSync(file) || (await permanently.isVisible().catch(() => false)), 30_000, () => 'no deletion and no second question');
      if (existsSync(file)) await permanently.click();
      await waitFor(() => !existsSync(file), 10_000, () => `${file} was not deleted`);
    });

    it('Build Site puts what only the build finds (a missing image in a closed note) in the Problems panel', async () => {
      // Open notes are checked as you type; a closed note's images are checked by the build.
      writeFileSync(path.join(ws, 'content/notes/missing-plot.md'), '---\ntitle: Missing plot\ndate: 2026-04-02\n---\n\nSee ![the plot](./plot.png).\n');
      await vs.runCommand('Notepress: Build Site');
      // Ctrl+Shift+M: View > Problems.
      await vs.page.keyboard.press('Escape');
      await vs.page.keyboard.press('Control+Shift+M');
      const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'image "./plot.png" does not exist' });
      await problem.waitFor({ timeout: 90_000 });
      assert.match(await problem.innerText(), /notepress build/);
      assert.match(await problem.innerText(), /\[Ln 6, Col 17\]/);
      await vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-plot.md' }).first().waitFor();
    });
  });

  describe('untrusted workspace (restricted mode)', () => {
    const h = useVSCode({ trusted: false });
    let vs: VSCode;
    beforeEach(() => {
      vs = h.vs();
    });

    it('Build Site and Serve Site are not offered, while New Note is', async () => {
      await vs.page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor();
      assert.ok((await vs.openPalette('Notepress: New Note')).includes('Notepress: New Note'));
      const build = await vs.openPalette('Notepress: Build Site');
      assert.ok(!build.some((l) => l.includes('Build Site')), build.join(', '));
      const serve = await vs.openPalette('Notepress: Serve Site');
      assert.ok(!serve.some((l) => l.includes('Serve Site')), serve.join(', '));
    });
  });

  it('benchmark harness (smoke): the extension section reads activation times from VS Code and the bundle\'s makeup', () => {
    const rows = runBench(['extension']);
    assert.ok(rows.some((r) => r.what.startsWith('activation in code-server') && /ms$/.test(r.value) && r.ratio), JSON.stringify(rows));
    assert.ok(rows.some((r) => r.what.startsWith('bundle dist/extension.js') && /KB$/.test(r.value)));
  });
});
