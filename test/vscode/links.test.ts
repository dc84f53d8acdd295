import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { runContextMenuItem } from '../helpers/menus';

const note = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

// Each test has notes of its own, so that none depends on another having run.
describe('links in a real VS Code', function () {
  this.timeout(240_000);
  const h = useVSCode({
    trusted: true,
    prepare: (dir) => {
      const write = (rel: string, text: string) => writeFileSync(path.join(dir, 'content', rel), text);
      write('notes/wombat-cache.md', note('Wombat cache', '2026-03-01', 'Least recently used first.\n\n## Eviction\n\nBy age.'));
      write('notes/quokka-ledger.md', note('Quokka ledger', '2026-03-02', 'The cache is [[Wombat cache]]; see [its eviction](./wombat-cache.md#eviction).'));
      write('research/numbat-index.md', '---\ntitle: Numbat index\n---\n\nAn index.\n');
      write('research/bilby-notes.md', '---\ntitle: Bilby notes\n---\n\nNotes.\n');
      write('notes/bandicoot-queue.md', note('Bandicoot queue', '2026-03-04', 'A queue.'));
      write('notes/potoroo-log.md', note('Potoroo log', '2026-03-05', 'Feeds [[Bandicoot queue]] through [the queue](./bandicoot-queue.md).'));
    },
  });
  let vs: VSCode;
  let ws: string;
  beforeEach(() => {
    vs = h.vs();
    ws = h.ws();
  });

  /** The rows of the "Linked From" view (collapsed until first opened), as `title · description`. */
  const linkedFrom = async () => {
    const header = vs.page.locator('.pane-header', { hasText: 'Linked From' });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const rows = vs.page.locator('.pane', { has: header }).locator('.monaco-list-row');
    return rows.evaluateAll((rs) => rs.map((r) => `${r.querySelector('.label-name')?.textContent ?? ''} · ${r.querySelector('.label-description')?.textContent ?? ''}`));
  };

  it('the sidebar\'s Linked From lists the notes that link to the open note', async () => {
    await vs.openFile('content/notes/wombat-cache.md');
    await waitFor(async () => (await linkedFrom()).length > 0, 30_000, () => 'Linked From stayed empty');
    assert.deepEqual(await linkedFrom(), ['Quokka ledger · notes/quokka-ledger.md']);
  });

  it('completes a link to another note by title, inserting its relative path; the new link shows in Linked From unsaved', async () => {
    await vs.openFile('content/research/numbat-index.md');
    await vs.goToLineEnd(5);
    await vs.page.keyboard.type(' Built on [the cache](');
    await vs.page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await vs.page.keyboard.type('womb');
    await vs.page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'Wombat cache' }).waitFor({ timeout: 10_000 });
    await vs.page.keyboard.press('Enter');
    await vs.page.locator('.monaco-editor .view-line', { hasText: 'Built on [the cache](../notes/wombat-cache.md)' }).waitFor({ timeout: 10_000 });
    // Not saved yet, and already listed where it links.
    await vs.openFile('content/notes/wombat-cache.md');
    await waitFor(async () => (await linkedFrom()).includes('Numbat index · research/numbat-index.md'), 30_000, () => 'Numbat index is not in Linked From');
    await vs.openFile('content/research/numbat-index.md');
    await vs.page.keyboard.press('Control+S');
    await waitFor(() => readFileSync(path.join(ws, 'content/research/numbat-index.md'), 'utf8').includes('An index. Built on [the cache](../notes/wombat-cache.md)'), 10_000, () => 'not saved');
  });

  it('a dead link appears in the Problems panel at its line as it is typed, and goes when it is fixed', async () => {
    await vs.openFile('content/research/bilby-notes.md');
    await vs.goToLineEnd(5);
    await vs.page.keyboard.type(' See [gone](./gone.md');
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.press('Control+Shift+M');
    const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'link "./gone.md" leads to no page (looked for research/gone.md)' });
    await problem.waitFor({ timeout: 20_000 });
    assert.match(await problem.innerText(), /\[Ln 5, Col 19\]/);
    // Pointed at a note that exists: the problem goes.
    await vs.goToLineEnd(5);
    for (let i = 0; i < 'gone.md)'.length; i++) await vs.page.keyboard.press('Backspace');
    await vs.page.keyboard.type('numbat-index.md)');
    await problem.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('Rename from the tree shows the changes to links first, then renames the note and updates the links in other notes', async () => {
    const row = await vs.revealTreeRow('Bandicoot queue');
    const input = vs.page.locator('.quick-input-widget input');
    // A menu opened while the tree refreshes passes no row: retry until the input shows this note's title.
    for (let attempt = 0; attempt < 5 && (await input.inputValue().catch(() => '')) !== 'Bandicoot queue'; attempt++) {
      if (await runContextMenuItem(vs.page, row, /^Rename/)) await input.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    assert.equal(await input.inputValue(), 'Bandicoot queue');
    await vs.typeInInput('Bandicoot stack');
    // VS Code asks before applying the link edits that come with the move; Show Preview lists them.
    const dialog = vs.page.locator('.monaco-dialog-box', { hasText: 'Notepress' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Show Preview' }).click();
    const panel = vs.page.locator('.monaco-workbench .part.panel');
    await panel.locator('.monaco-list-row', { hasText: 'potoroo-log.md' }).waitFor({ timeout: 30_000 });
    // Nothing is written until Apply.
    const log = path.join(ws, 'content/notes/potoroo-log.md');
    assert.ok(readFileSync(log, 'utf8').includes('Feeds [[Bandicoot queue]] through [the queue](./bandicoot-queue.md).'));
    assert.ok(existsSync(path.join(ws, 'content/notes/bandicoot-queue.md')));
    // The file's row shows first, its two changes a moment later.
    const changes = panel.locator('.monaco-list-row', { hasText: 'through' });
    await waitFor(async () => (await changes.count()) >= 2, 15_000, () => 'the two link changes were not listed');
    assert.equal(await changes.count(), 2);
    await panel.getByRole('button', { name: 'Apply', exact: true }).click();
    const renamed = path.join(ws, 'content/notes/bandicoot-stack.md');
    await waitFor(() => existsSync(renamed) && !existsSync(path.join(ws, 'content/notes/bandicoot-queue.md')), 20_000, () => 'the file was not renamed');
    await waitFor(() => readFileSync(log, 'utf8').includes('Feeds [[Bandicoot stack]] through [the queue](./bandicoot-stack.md).'), 20_000, () => readFileSync(log, 'utf8'));
    assert.match(readFileSync(renamed, 'utf8'), /^title: Bandicoot stack$/m);
  });
});
