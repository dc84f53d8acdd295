import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { REPO } from '../helpers/site';

const get = (url: string) => new Promise<number>((resolve) => http.get(url, (r) => { r.resume(); resolve(r.statusCode ?? 0); }).on('error', () => resolve(0)));

/** Clicks a button of the Notebook view's welcome content. */
async function welcome(vs: VSCode, label: string): Promise<void> {
  const button = vs.page.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: label }).first();
  // The activity bar icon toggles: clicking it while the view shows would hide it.
  if (!(await button.isVisible())) await vs.page.locator('.activitybar [aria-label^="Notepress"]').first().click();
  await button.waitFor({ timeout: 30_000 });
  await button.click();
}

describe('any folder becomes a notebook, in a real VS Code', function () {
  this.timeout(600_000);

  describe('from an empty folder to a built and served site (trusted)', () => {
    const h = useVSCode({ trusted: true, folder: () => mkdtempSync(path.join(os.tmpdir(), 'notepress-empty-')) });
    let vs: VSCode;
    let ws: string;
    beforeEach(() => {
      vs = h.vs();
      ws = h.ws();
    });

    it('the Notebook view offers Create Notebook and Import Existing Blog…, not five empty groups', async () => {
      await vs.page.locator('.activitybar [aria-label^="Notepress"]').first().click();
      for (const label of ['Create Notebook', 'Import Existing Blog…']) {
        await vs.page.locator('.welcome-view-content', { hasText: label }).first().waitFor({ timeout: 30_000 });
      }
      assert.equal(await vs.page.locator('.pane-body .monaco-list-row', { hasText: 'Notes' }).count(), 0);
    });

    it('Create Notebook writes the starter with the package the extension carries, installs it, and the profile\'s placeholders are problems', async () => {
      await welcome(vs, 'Create Notebook');
      // The starter's files are written one after another: wait for the whole set.
      const starter = ['content/index.md', 'package.json', '.vitepress/config.mts', '.vitepress/theme/index.ts', 'content/.notepress/notebook.yaml', '.gitignore', '.github/workflows/deploy.yml'];
      await waitFor(() => starter.every((f) => existsSync(path.join(ws, f))), 30_000, () => `the starter was not written: ${starter.filter((f) => !existsSync(path.join(ws, f))).join(', ')} missing`);
      const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
      const pkg = JSON.parse(readFileSync(path.join(ws, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
      assert.equal(pkg.dependencies.notepress, `file:vendor/notepress-${version}.tgz`);
      assert.equal(pkg.scripts.build, 'notepress build');
      assert.ok(existsSync(path.join(ws, `vendor/notepress-${version}.tgz`)));
      // The install runs in a visible task; the notebook's own `notepress` appears when it is done.
      await waitFor(() => existsSync(path.join(ws, 'node_modules/notepress/dist/site/cli.mjs')), 300_000, () => 'npm install did not finish');
      await vs.page.locator('.notifications-toasts', { hasText: 'your notebook is ready' }).waitFor({ timeout: 120_000 });
      await vs.page.keyboard.press('Control+Shift+M');
      const placeholder = vs.page.locator('.markers-panel .monaco-list-row', { hasText: '`name` still holds the starter text "Your name"' });
      await placeholder.waitFor({ timeout: 30_000 });
      assert.match(await placeholder.innerText(), /\[Ln 3, Col 7\]/);
    });

    it('New Note, then the preview renders with the site\'s highlighter: no reload after the install', async () => {
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('First measurements');
      const file = path.join(ws, 'content/notes/first-measurements.md');
      await waitFor(() => existsSync(file), 15_000, () => `${file} was not created`);
      await vs.page.locator('.tab.active', { hasText: 'first-measurements.md' }).waitFor();
      // A second note with code, written on disk, so the new editor's unsaved buffer is left alone.
      const code = path.join(ws, 'content/notes/the-loop.md');
      writeFileSync(code, '---\ntitle: The loop\ndate: 2026-06-01\n---\n\nThe loop:\n\n```rust\nfn main() { println!("hi"); }\n```\n');
      await vs.openFile('content/notes/the-loop.md');
      await vs.runCommand('Notepress: Open Site Preview to the Side');
      const frame = await vs.previewFrame();
      await frame.locator('.entry-header__title', { hasText: 'The loop' }).waitFor({ timeout: 60_000 });
      // The site's renderer loads from the notebook's own node_modules, just installed: the first import is slow.
      await frame.locator('.entry__body pre.shiki .line > span[class]').first().waitFor({ timeout: 120_000 });
      assert.equal(await frame.locator('.np-preview__notice').count(), 0, 'rendered by the site\'s own renderer');
    });

    it('Build Site builds it, and Serve Site serves it on a free port', async () => {
      await vs.runCommand('Notepress: Build Site');
      await waitFor(() => existsSync(path.join(ws, '.vitepress/dist/notes/first-measurements.html')), 180_000, () => 'the site was not built');
      await vs.page.locator('.notifications-toasts', { hasText: 'site built' }).waitFor({ timeout: 60_000 });
      await vs.runCommand('Notepress: Serve Site');
      const toast = vs.page.locator('.notifications-toasts', { hasText: 'the site is served at' });
      await toast.waitFor({ timeout: 120_000 });
      const url = /http:\/\/localhost:\d+\//.exec(await toast.innerText())?.[0];
      assert.ok(url, await toast.innerText());
      assert.equal(await get(`${url}notes/first-measurements`), 200);
    });
  });

  describe('Import Existing Blog…, in restricted mode (nothing of the workspace runs)', () => {
    let blog: string;
    const h = useVSCode({
      trusted: false,
      folder: () => {
        const base = mkdtempSync(path.join(os.tmpdir(), 'notepress-import-'));
        blog = path.join(base, 'old-blog');
        cpSync(path.join(REPO, 'test/fixtures/import/hugo'), blog, { recursive: true });
        mkdirSync(path.join(base, 'notebook'));
        return path.join(base, 'notebook');
      },
    });

    it('reads a Hugo blog into the notebook, opens the report, and shows what was not converted as a problem at its line', async () => {
      const vs = h.vs();
      const ws = h.ws();
      await welcome(vs, 'Import Existing Blog…');
      // code-server's simple file dialog: type the blog's folder, then Import.
      const input = vs.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      // The dialog fills in its starting folder a moment after it opens: type until the path holds.
      // Done when a poll finds the path still there, a poll after it was typed.
      await waitFor(async () => {
        if ((await input.inputValue()) === `${blog}/`) return true;
        await vs.setQuickInput(`${blog}/`);
        return false;
      }, 15_000, () => 'the folder could not be typed into the dialog');
      await vs.page.locator('.quick-input-widget .monaco-button', { hasText: 'Import' }).click();
      await waitFor(() => existsSync(path.join(ws, 'content/notes/my-first-post.md')), 60_000, () => 'the blog was not imported');
      assert.ok(existsSync(path.join(ws, 'content/notes/trip-to-lisbon/cover.jpg')), 'the page bundle\'s image was copied');
      // The notes are written first, then the starter's site files the folder lacks.
      await waitFor(() => existsSync(path.join(ws, '.vitepress/config.mts')), 30_000, () => 'the site files the folder lacked were not added');
      await vs.page.locator('.tab.active', { hasText: 'import-report.md' }).waitFor({ timeout: 30_000 });
      await vs.page.keyboard.press('Control+Shift+M');
      const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'Hugo shortcode `{{< figure' });
      await problem.waitFor({ timeout: 30_000 });
      assert.match(await problem.innerText(), /\[Ln 13, Col 1\]/);
    });
  });
});
