import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';

const note = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

describe('links in a real VS Code', function () {
  this.timeout(240_000);
  const h = useVSCode({
    trusted: true,
    prepare: (dir) => {
      writeFileSync(path.join(dir, 'content/notes/wombat-cache.md'), note('Wombat cache', '2026-03-01', 'Least recently used first.\n\n## Eviction\n\nBy age.'));
      writeFileSync(path.join(dir, 'content/notes/quokka-ledger.md'), note('Quokka ledger', '2026-03-02', 'The cache is [[Wombat cache]]; see [its eviction](./wombat-cache.md#eviction).'));
      writeFileSync(path.join(dir, 'content/research/numbat-index.md'), '---\ntitle: Numbat index\n---\n\nAn index.\n');
    },
  });
  let vs: VSCode;
  let ws: string;
  beforeEach(() => {
    vs = h.vs();
    ws = h.ws();
  });

  /** The rows of the "Linked From" view. */
  const linkedFrom = () => vs.page.locator('.pane', { has: vs.page.locator('.pane-header', { hasText: 'Linked From' }) }).locator('.monaco-list-row');

  it('the sidebar\'s Linked From lists the notes that link to the open note', async () => {
    await vs.openFile('content/notes/wombat-cache.md');
    await waitFor(async () => (await linkedFrom().allInnerTexts()).some((t) => t.includes('Quokka ledger')), 30_000, () => 'Quokka ledger is not in Linked From');
    assert.deepEqual((await linkedFrom().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()), ['Quokka ledger notes/quokka-ledger.md']);
  });

  it('completes a link to another note by title, inserting its relative path; the new link shows in Linked From unsaved', async () => {
    await vs.openFile('content/research/numbat-index.md');
    await vs.goToLineEnd(5);
    await vs.page.keyboard.type(' Built on [the cache](');
    const suggestion = vs.page.locator('.suggest-widget .monaco-list-row', { hasText: 'Wombat cache' }).first();
    await suggestion.waitFor({ timeout: 15_000 });
    await vs.page.keyboard.type('womb');
    await vs.page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'Wombat cache' }).waitFor();
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.type(').');
    await vs.page.locator('.monaco-editor .view-line', { hasText: 'Built on [the cache](../notes/wombat-cache.md).' }).waitFor({ timeout: 10_000 });
    // Not saved, and already a backlink.
    await vs.openFile('content/notes/wombat-cache.md');
    await waitFor(async () => (await linkedFrom().allInnerTexts()).some((t) => t.includes('Numbat index')), 30_000, () => `Linked From: ${'' + 'no Numbat index'}`);
    await vs.openFile('content/research/numbat-index.md');
    await vs.page.keyboard.press('Control+S');
    await waitFor(() => readFileSync(path.join(ws, 'content/research/numbat-index.md'), 'utf8').includes('An index. Built on [the cache](../notes/wombat-cache.md).'), 10_000, () => 'not saved');
  });

  it('a dead link appears in the Problems panel at its line as it is typed', async () => {
    await vs.openFile('content/research/numbat-index.md');
    await vs.goToLineEnd(5);
    await vs.page.keyboard.type(' And [gone](./gone.md).');
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.press('Control+Shift+M');
    const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'link "./gone.md" leads to no page (looked for research/gone.md)' });
    await problem.waitFor({ timeout: 20_000 });
    const col = 'An index. Built on [the cache](../notes/wombat-cache.md). And [gone]('.length + 1;
    assert.match(await problem.innerText(), new RegExp(`\\[Ln 5, Col ${col}\\]`));
    await vs.page.keyboard.press('Control+Z');
    await problem.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('Rename from the tree shows the changes to links first, then renames the note and updates the links in other notes', async () => {
    const row = await vs.revealTreeRow('Wombat cache');
    const dialogInput = vs.page.locator('.quick-input-widget input');
    // VS Code's menus ignore a click that lands just after they open; retry until the input shows.
    for (let attempt = 0; attempt < 4 && !(await dialogInput.isVisible()); attempt++) {
      await vs.page.keyboard.press('Escape');
      await row.click({ button: 'right' });
      const item = vs.page.locator('.context-view .action-item', { hasText: /^Rename/ }).first();
      await item.waitFor();
      await vs.page.waitForTimeout(300);
      await item.click();
      await dialogInput.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await vs.typeInInput('Wombat store');
    // The refactor preview lists the changes; nothing is written until Apply.
    const apply = vs.page.getByRole('button', { name: 'Apply', exact: true });
    await apply.waitFor({ timeout: 30_000 });
    const ledger = path.join(ws, 'content/notes/quokka-ledger.md');
    assert.ok(readFileSync(ledger, 'utf8').includes('[[Wombat cache]]'));
    assert.ok(existsSync(path.join(ws, 'content/notes/wombat-cache.md')));
    await apply.click();
    const renamed = path.join(ws, 'content/notes/wombat-store.md');
    await waitFor(() => existsSync(renamed) && !existsSync(path.join(ws, 'content/notes/wombat-cache.md')), 20_000, () => 'the file was not renamed');
    await waitFor(() => readFileSync(ledger, 'utf8').includes('The cache is [[Wombat store]]; see [its eviction](./wombat-store.md#eviction).'), 20_000, () => readFileSync(ledger, 'utf8'));
    assert.match(readFileSync(renamed, 'utf8'), /^title: Wombat store$/m);
  });
});
