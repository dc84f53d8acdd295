import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { BROKEN, DISK_PROBLEMS, writeCorpus, writeDamagedNotebook } from '../fixtures/corpus';
import { DEFAULT_TABLE, parseEntry } from '../../extension/core/index';

/** `notes/x.md:3:7: error: message` → its parts. */
function parts(line: string): { file: string; line: number; column: number; message: string } {
  const m = /^(.+?):(\d+):(\d+): error: (.*)$/.exec(line)!;
  return { file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] };
}

/** The Problems panel, filtered to one file: the text of each problem row. */
async function problemRows(vs: VSCode, filter: string): Promise<string[]> {
  const input = vs.page.getByPlaceholder(/^Filter \(e\.g\./).first();
  await input.fill(filter);
  await vs.page.waitForTimeout(600);
  return vs.page.locator('.markers-panel .monaco-list-row[aria-level="2"]').allInnerTexts();
}

/** Errors and warnings as the status bar counts them, across the workspace. */
async function problemCounts(vs: VSCode): Promise<{ errors: number; warnings: number }> {
  // The item reads "⊗ 15 ⚠ 0": the icons are glyphs, the numbers text, errors first.
  const text = await vs.page.locator('[id="status.problems"]').first().innerText().catch(() => '');
  const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
  return { errors: errors ?? NaN, warnings: warnings ?? NaN };
}

describe('bad and hostile input corpus: the extension in a real VS Code', function () {
  this.timeout(300_000);

  describe('a notebook holding the corpus', () => {
    const h = useVSCode({
      trusted: true,
      prepare: (ws) => {
        writeCorpus(path.join(ws, 'content'), { loop: true });
        writeFileSync(path.join(ws, 'content/notes/existing-title.md'), '---\ntitle: Existing title\ndate: 2026-04-01\n---\n\nWords that must survive.\n');
      },
    });
    let vs: VSCode;
    let ws: string;
    beforeEach(() => {
      vs = h.vs();
      ws = h.ws();
    });

    it('shows every problem of every broken file in the Problems panel at its line and column, without opening any', async () => {
      await vs.page.keyboard.press('Escape');
      await vs.page.keyboard.press('Control+Shift+M');
      const expected = BROKEN.flatMap((c) => c.problems).filter((p) => !DISK_PROBLEMS.has(p));
      await waitFor(async () => (await problemCounts(vs)).errors === expected.length, 30_000, () => `expected ${expected.length} errors`);
      for (const c of BROKEN) {
        const rows = await problemRows(vs, path.posix.basename(c.file));
        for (const p of c.problems.filter((x) => !DISK_PROBLEMS.has(x)).map(parts)) {
          assert.ok(rows.some((r) => r.includes(p.message) && r.includes(`[Ln ${p.line}, Col ${p.column}]`)), `${c.file}: ${p.message} at ${p.line}:${p.column}\n${rows.join('\n')}`);
        }
      }
      // A chart's missing data file is found once the note is open (that check reads the disk).
      await vs.openFile('content/notes/chart-bad-data.md');
      await vs.page.keyboard.press('Control+Shift+M');
      const disk = parts([...DISK_PROBLEMS][0]);
      await waitFor(async () => (await problemRows(vs, 'chart-bad-data')).some((r) => r.includes(disk.message) && r.includes(`[Ln ${disk.line}, Col ${disk.column}]`)), 15_000, () => 'the missing data file is not reported');
      await problemRows(vs, '');
    });

    it('the tree marks broken entries, lists the valid ones, and follows no symbolic link', async () => {
      await vs.showNotebook();
      // The tree draws only the rows in view: groups are folded to bring the ones checked into it.
      const group = (label: string, level: number) => vs.page.locator(`.pane-body .monaco-list-row[aria-level="${level}"]`)
        .filter({ has: vs.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
      await vs.treeRow('Windows line endings').waitFor({ timeout: 15_000 });
      await group('2026', 2).click();
      const broken = vs.treeRow('Impossible date');
      await broken.waitFor();
      assert.match(await broken.innerText(), /1 problem/);
      assert.equal(await broken.locator('.codicon-warning').count(), 1);
      await group('Notes', 1).click();
      // `notes/loop` points back at the content folder: nothing is listed twice.
      await vs.treeRow('Redis clone').waitFor();
      assert.equal(await vs.page.locator('.pane-body .monaco-list-row', { hasText: 'Redis clone' }).count(), 1);
      await group('Notes', 1).click();
      await group('2026', 2).click();
      await vs.treeRow('Windows line endings').waitFor();
    });

    it('New Note makes a safe file inside notes/ from titles that attack paths and shells, or refuses them', async () => {
      const made: [string, string][] = [
        ['../../etc/passwd', 'etc-passwd.md'], ['a/b', 'a-b.md'], ['CON', 'con-note.md'], ['.hidden', 'hidden.md'],
        ['$(touch /tmp/notepress-pwned)', 'touch-tmp-notepress-pwned.md'], ['`touch /tmp/notepress-pwned-2`', 'touch-tmp-notepress-pwned-2.md'],
        ['नमस्ते दुनिया', 'नमस्ते-दुनिया.md'], ['long '.repeat(60).trim(), `${'long-'.repeat(16).slice(0, -1)}.md`],
      ];
      const notes = path.join(ws, 'content/notes');
      const before = new Set(readdirSync(notes));
      for (const [title, name] of made) {
        await vs.runCommand('Notepress: New Note');
        await vs.typeInInput(title);
        const file = path.join(notes, name);
        await waitFor(() => existsSync(file), 15_000, () => `${name} was not created for ${JSON.stringify(title)}`);
        const e = parseEntry(`notes/${name}`, readFileSync(file, 'utf8'), DEFAULT_TABLE.spec('note'));
        assert.deepEqual(e.problems, [], title);
        assert.equal(e.title, title);
      }
      assert.equal(existsSync('/tmp/notepress-pwned'), false, 'nothing ran');
      assert.equal(existsSync('/tmp/notepress-pwned-2'), false, 'nothing ran');
      assert.equal(existsSync(path.join(ws, 'etc')), false);
      assert.equal(existsSync(path.join(ws, 'content/notes/a')), false);
      // Titles with nothing to name a file after are refused in the prompt, with the reason.
      for (const [title, reason] of [['🚀🔥', 'needs at least one letter or digit'], ['   ', 'Type a title']]) {
        await vs.runCommand('Notepress: New Note');
        const input = vs.page.locator('.quick-input-widget input');
        await vs.setQuickInput(title, 30_000);
        await vs.page.locator('.quick-input-widget .quick-input-message', { hasText: reason }).waitFor({ timeout: 10_000 });
        await input.press('Enter');
        await vs.page.waitForTimeout(500);
        await vs.page.keyboard.press('Escape');
      }
      const added = readdirSync(notes).filter((f) => !before.has(f));
      assert.deepEqual(added.sort(), made.map(([, n]) => n).sort());
    });

    it('a title whose file already exists gets the next free name; the existing file is untouched', async () => {
      const existing = path.join(ws, 'content/notes/existing-title.md');
      const text = readFileSync(existing, 'utf8');
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('Existing title');
      await waitFor(() => existsSync(path.join(ws, 'content/notes/existing-title-2.md')), 15_000, () => 'existing-title-2.md was not created');
      assert.equal(readFileSync(existing, 'utf8'), text);
    });

    it('a read-only folder: New gives a clear message, writes nothing, and the extension keeps working', async function () {
      const dir = path.join(ws, 'content/research');
      const restore = makeReadOnly(dir);
      if (!restore) this.skip();
      try {
        const before = readdirSync(dir);
        await vs.runCommand('Notepress: New Research Entry');
        await vs.typeInInput('Cannot be written');
        const toast = vs.page.locator('.notifications-toasts .notification-toast', { hasText: 'could not create content/research/cannot-be-written.md' });
        await toast.waitFor({ timeout: 15_000 });
        assert.match(await toast.innerText(), /read-only|permission denied/);
        assert.deepEqual(readdirSync(dir), before);
      } finally {
        restore!();
      }
      await vs.page.keyboard.press('Escape');
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('Still working');
      await waitFor(() => existsSync(path.join(ws, 'content/notes/still-working.md')), 15_000, () => 'New Note failed after the read-only folder');
    });

    it('a note deleted while previewed: the preview says so, the tree drops it; one renamed while open reappears under its new name', async () => {
      await vs.openFile('content/notes/crlf.md');
      await vs.runCommand('Notepress: Open Site Preview to the Side');
      const frame = await vs.previewFrame();
      await frame.locator('.entry-header__title', { hasText: 'Windows line endings' }).waitFor({ timeout: 30_000 });
      unlinkSync(path.join(ws, 'content/notes/crlf.md'));
      await frame.locator('.np-preview__empty', { hasText: 'notes/crlf.md was deleted or moved on disk' }).waitFor({ timeout: 15_000 });
      // Exactly this title: "Windows line endings and a bad date" is another note of the corpus.
      const row = vs.page.locator('.pane-body .monaco-list-row .label-name', { hasText: /(?:^|· )Windows line endings$/ });
      await waitFor(async () => (await row.count()) === 0, 15_000, () => 'the tree still lists the deleted note');

      await vs.openFile('content/notes/only-frontmatter.md');
      await frame.locator('.entry-header__title', { hasText: 'Only frontmatter' }).waitFor({ timeout: 30_000 });
      renameSync(path.join(ws, 'content/notes/only-frontmatter.md'), path.join(ws, 'content/notes/renamed-on-disk.md'));
      await frame.locator('.np-preview__empty', { hasText: 'notes/only-frontmatter.md was deleted or moved on disk' }).waitFor({ timeout: 15_000 });
      await vs.showNotebook();
      const tab = vs.page.locator('.tab.active', { hasText: 'renamed-on-disk.md' });
      // The tree redraws as the watcher reports the rename: click once it has settled, again if a redraw took the click.
      await waitFor(async () => {
        await vs.page.waitForTimeout(1000);
        await (await vs.revealTreeRow('Only frontmatter')).click({ timeout: 5000 }).catch(() => undefined);
        return tab.isVisible({ timeout: 2000 }).catch(() => false);
      }, 30_000, () => 'the renamed note did not open from the tree');
    });
  });

  describe('scale with damage: 10,000 notes, 1% broken', () => {
    const h = useVSCode({ trusted: true, prepare: (ws) => void writeDamagedNotebook(path.join(ws, 'content')) });

    it('reports all 100 broken notes as problems, and New Note still answers', async () => {
      const vs = h.vs();
      await waitFor(async () => (await problemCounts(vs)).errors === 100, 120_000, () => 'the 100 broken notes were not all reported');
      await vs.page.keyboard.press('Control+Shift+M');
      const rows = await problemRows(vs, 'gen-00042');
      assert.ok(rows.some((r) => r.includes('"2026-02-30" is not a real date') && r.includes('[Ln 3, Col 7]')), rows.join('\n'));
      await vs.runCommand('Notepress: New Note');
      await vs.typeInInput('After ten thousand');
      await waitFor(() => existsSync(path.join(h.ws(), 'content/notes/after-ten-thousand.md')), 15_000, () => 'New Note did not answer');
    });
  });
});

/**
 * Makes a folder read-only for this process: a read-only tmpfs mounted over it (root
 * ignores permission bits), or its mode bits (anyone else). Returns how to undo it, or
 * undefined when neither is possible here.
 */
function makeReadOnly(dir: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  const saved = mkdtempSync(path.join(os.tmpdir(), 'notepress-ro-'));
  cpSync(dir, saved, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]).status !== 0) {
    rmSync(saved, { recursive: true, force: true });
    return undefined;
  }
  mkdirSync(dir, { recursive: true });
  cpSync(saved, dir, { recursive: true });
  if (spawnSync('mount', ['-o', 'remount,ro', dir]).status !== 0) {
    spawnSync('umount', ['-l', dir]);
    return undefined;
  }
  return () => {
    spawnSync('umount', ['-l', dir]);
    rmSync(saved, { recursive: true, force: true });
  };
}
