import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { LAB_SETTINGS } from '../fixtures/kinds';
import { DEFAULT_TABLE, parseEntry, parseNotebookConfig, today } from '../../extension/core/index';

/**
 * A kind declared in `.notepress/notebook.yaml`, with no code changed: the editor's tree,
 * New Entry, diagnostics, completion, quick fixes and preview all follow it. Restricted
 * mode: the settings are data, so none of this needs a trusted workspace.
 */
describe('a kind of the notebook\'s own, in a real VS Code (restricted mode)', function () {
  this.timeout(300_000);
  const h = useVSCode({
    trusted: false,
    prepare: (ws) => {
      mkdirSync(path.join(ws, 'content/.notepress'), { recursive: true });
      writeFileSync(path.join(ws, 'content/.notepress/notebook.yaml'), LAB_SETTINGS);
      mkdirSync(path.join(ws, 'content/lab'));
      writeFileSync(path.join(ws, 'content/lab/wal-sizing.md'), '---\ntitle: WAL sizing\nstatus: measured\narea: storage\ndate: 2026-06-10\n---\n\nNumbers.\n');
    },
  });
  let vs: VSCode;
  let ws: string;
  beforeEach(() => {
    vs = h.vs();
    ws = h.ws();
  });

  it('the tree has the kind\'s group, its entries grouped by status', async () => {
    const lab = vs.treeRow('Lab');
    await lab.waitFor({ timeout: 30_000 });
    const groups = (await vs.page.locator('.pane-body .monaco-list-row[aria-level="1"]').allInnerTexts()).map((g) => g.trim());
    assert.deepEqual(groups.slice(0, 5), ['Notes', 'Case studies', 'Research', 'Open source', 'Lab'], 'the settings\' order, the new kind after the defaults');
    // The kind's group is last, below the fold while the Preview view shares the side bar.
    await vs.revealTreeRow('measured');
    await vs.revealTreeRow('WAL sizing');
  });

  it('New Entry… asks which kind, then the title and the status, and writes a valid entry', async () => {
    await vs.runCommand('Notepress: New Entry…');
    const kind = vs.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Lab note' }).first();
    await kind.waitFor({ timeout: 15_000 });
    await kind.click();
    await vs.typeInInput('Cache warmup');
    const status = vs.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'running' }).first();
    await status.waitFor({ timeout: 15_000 });
    await status.click();
    const file = path.join(ws, 'content/lab/cache-warmup.md');
    await waitFor(() => existsSync(file), 15_000, () => `${file} was not created`);
    const config = parseNotebookConfig(LAB_SETTINGS);
    const entry = parseEntry('lab/cache-warmup.md', readFileSync(file, 'utf8'), config.kinds.spec('lab'));
    assert.deepEqual(entry.problems, []);
    assert.deepEqual([entry.title, entry.data.status, entry.date], ['Cache warmup', 'running', today()]);
    assert.ok(DEFAULT_TABLE.get('lab') === undefined, 'the kind came from the settings alone');
  });

  it('a status outside its values is a problem at its line, completion offers the values, and a quick fix sets one', async () => {
    const rel = 'content/lab/wal-sizing.md';
    await vs.openFile(rel);
    // Line 3 is `status: measured`: make it `status: paused`.
    await vs.goToLineEnd(3);
    for (let i = 0; i < 'measured'.length; i++) await vs.page.keyboard.press('Backspace');
    await vs.page.keyboard.type('paused');
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.press('Control+Shift+M');
    const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: '`status` must be one of `planned`, `running`, `measured`, `written up`' });
    await problem.waitFor({ timeout: 15_000 });
    assert.match(await problem.innerText(), /\[Ln 3, Col 9\]/);
    // Completion at the value offers the kind's values.
    await vs.goToLineEnd(3);
    for (let i = 0; i < 'paused'.length; i++) await vs.page.keyboard.press('Backspace');
    await vs.page.keyboard.press('Control+Space');
    const suggestion = vs.page.locator('.suggest-widget .monaco-list-row[aria-label^="written up"]').first();
    await suggestion.waitFor({ timeout: 10_000 });
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.type('paused');
    await problem.waitFor({ timeout: 15_000 });
    await vs.goToLineEnd(3);
    await vs.quickFix('Set `status` to "planned"');
    await problem.waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('a mistyped key in the settings file is a problem at its line, and the quick fix writes the intended key', async () => {
    const settings = path.join(ws, 'content/.notepress/notebook.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('    label: Lab note', '    lable: Lab note'));
    await vs.openFile('content/.notepress/notebook.yaml');
    await vs.page.keyboard.press('Control+Shift+M');
    const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'unknown setting of kind `lab` `lable`: did you mean `label`?' });
    await problem.waitFor({ timeout: 30_000 });
    assert.match(await problem.innerText(), /\[Ln 4, Col 5\]/);
    await vs.goToLineEnd(4);
    await vs.page.keyboard.press('Home');
    await vs.quickFix('Change to `label`');
    await problem.waitFor({ state: 'detached', timeout: 30_000 });
    await vs.page.keyboard.press('Control+S');
    await waitFor(() => /^ {4}label: Lab note$/m.test(readFileSync(settings, 'utf8')), 10_000, () => 'the fix was not saved');
  });

  it('the preview shows the entry\'s header as the site does, status label included', async () => {
    await vs.openFile('content/lab/cache-warmup.md');
    await vs.runCommand('Notepress: Open Site Preview to the Side');
    const frame = await vs.previewFrame();
    await frame.locator('.entry-header__title', { hasText: 'Cache warmup' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.entry-header__kind').innerText(), 'Lab / running');
    assert.equal(await frame.locator('.entry-header__label').innerText(), 'running');
  });
});
