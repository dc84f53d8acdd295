import { strict as assert } from 'node:assert';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { makeWorkspace, REPO } from './site';
import { waitFor } from './wait';

export const CODE_SERVER = path.join(REPO, '.cache/code-server/node_modules/.bin/code-server');
export const VSIX = path.join(REPO, 'dist/notepress.vsix');

/** Builds the .vsix exactly as `npm run package` does, once per test run. */
let packaged = false;
export function ensureVsix(): void {
  if (packaged && existsSync(VSIX)) return;
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  packaged = true;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface CodeServerOptions {
  /** The folder to open. */
  folder: string;
  /** Open the folder trusted (workspace trust off) or in restricted mode. */
  trusted: boolean;
  settings?: Record<string, unknown>;
}

/**
 * A real VS Code (code-server 4.100, VS Code 1.100) with the packaged extension
 * installed, driven through Chromium. Started in its own process group, and the whole
 * group is killed on close: extension hosts and file watchers outlive the main process.
 */
export class VSCode {
  private constructor(
    private readonly proc: ChildProcess,
    private readonly dirs: string[],
    readonly browser: Browser,
    readonly page: Page,
    readonly folder: string,
  ) {}

  static async start(o: CodeServerOptions): Promise<VSCode> {
    if (!existsSync(CODE_SERVER)) throw new Error(`code-server is not installed: run bash .ci/install-code-server.sh (expected ${CODE_SERVER})`);
    ensureVsix();
    const base = mkdtempSync(path.join(os.tmpdir(), 'notepress-vscode-'));
    const ext = path.join(base, 'extensions');
    const user = path.join(base, 'user-data');
    mkdirSync(path.join(user, 'User'), { recursive: true });
    writeFileSync(path.join(user, 'User/settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': !o.trusted,
      'security.workspace.trust.startupPrompt': 'never',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'chat.commandCenter.enabled': false,
      'files.simpleDialog.enable': true,
      'window.confirmBeforeClose': 'never',
      'git.enabled': false,
      'editor.wordWrap': 'off',
      '[markdown]': { 'editor.wordWrap': 'off', 'editor.quickSuggestions': { other: false, comments: false, strings: false } },
      'editor.wordBasedSuggestions': 'off',
      'git.openRepositoryInParentFolders': 'never',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...o.settings,
    }, null, 2));
    const install = spawnSync(CODE_SERVER, ['--install-extension', VSIX, '--extensions-dir', ext, '--user-data-dir', user], { encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
    const port = await freePort();
    const proc = spawn(CODE_SERVER, [
      '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', '--extensions-dir', ext, '--user-data-dir', user, o.folder,
    ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PASSWORD: undefined } });
    let log = '';
    proc.stdout?.on('data', (d) => (log += d));
    proc.stderr?.on('data', (d) => (log += d));
    await waitFor(() => log.includes('HTTP server listening'), 30_000, () => `code-server did not start:\n${log}`);
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const vs = new VSCode(proc, [base], browser, page, o.folder);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(o.folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The workbench is interactive once the status bar and activity bar are drawn.
    await page.locator('.statusbar').waitFor();
    await page.locator('.activitybar').waitFor();
    return vs;
  }

  /** Runs a command from the palette by its title, as a person would: F1, type, pick the row. */
  async runCommand(title: string): Promise<void> {
    await this.openPalette(title);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
  }

  /** Opens the palette with `title` typed; returns the visible row labels. */
  async openPalette(title: string): Promise<string[]> {
    const input = this.page.locator('.quick-input-widget input');
    // The workbench can take focus back just after the palette opens (an editor or
    // the tree finishing its own update), closing it; then the whole step is retried.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('F1');
        await this.setQuickInput(`>${title}`);
        await this.page.waitForTimeout(400);
        if ((await input.isVisible()) && (await input.inputValue()) === `>${title}`) break;
      } catch (err) {
        if (attempt >= 5) throw err;
      }
      if (attempt >= 5) throw new Error(`the command palette did not stay open for "${title}"`);
    }
    return this.page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
  }

  /** Answers the open input box. */
  async typeInInput(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await this.setQuickInput(text, 30_000);
    await this.page.waitForTimeout(200);
    await input.press('Enter');
  }

  /** Shows the Notepress sidebar and waits until the Notebook tree has drawn its groups. */
  async showNotebook(): Promise<void> {
    // The activity bar icon toggles: clicking it while the view shows would hide it.
    if (await this.treeRow('Notes').isVisible().catch(() => false)) return;
    await this.page.locator('.activitybar [aria-label^="Notepress"]').first().click();
    // A large notebook (the 10,000-note corpus) is read before the tree draws its groups.
    await this.treeRow('Notes').waitFor({ timeout: 90_000 });
  }

  treeRow(text: string) {
    return this.page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  }

  /** Scrolls the Notebook tree until a row is drawn (the tree draws only rows in view); returns it. */
  async revealTreeRow(text: string) {
    const row = this.treeRow(text);
    const list = this.page.locator('.pane-body .monaco-list').first();
    // Down a screen at a time, then back up: the row is above or below what shows.
    for (const dy of [...Array(12).fill(250), ...Array(24).fill(-250)]) {
      if (await row.isVisible().catch(() => false)) return row;
      await list.hover();
      await this.page.mouse.wheel(0, dy);
      await this.page.waitForTimeout(200);
    }
    if (await row.isVisible().catch(() => false)) return row;
    throw new Error(`the tree row "${text}" did not appear`);
  }

  /** The frame of the Notepress preview (a webview: an iframe inside an iframe). */
  async previewFrame(timeoutMs = 30_000): Promise<import('playwright-core').Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const f of this.page.frames()) {
        if (await f.$('#np-preview').catch(() => null)) return f;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error('the Notepress preview did not appear');
  }

  /**
   * Sets the side bar's width by dragging its sash, as a person would (VS Code's default is
   * 300 px at this window size, but a layout kept from an earlier run may differ); returns
   * the width it ends up with.
   */
  async setSidebarWidth(width: number): Promise<number> {
    const sidebar = this.page.locator('.part.sidebar');
    for (let attempt = 0; attempt < 3; attempt++) {
      const box = (await sidebar.boundingBox())!;
      if (Math.round(box.width) === width) break;
      const edge = box.x + box.width;
      const y = box.y + box.height / 2;
      await this.page.mouse.move(edge, y);
      await this.page.mouse.down();
      await this.page.mouse.move(edge + width - box.width, y, { steps: 5 });
      await this.page.mouse.up();
    }
    return Math.round((await sidebar.boundingBox())!.width);
  }

  /**
   * Every Notepress preview showing, with where its webview sits: `sidebar` for the
   * Preview view, `editor` for a panel beside the editor. (A webview is an iframe drawn
   * over its part, not inside it, so the part is told by position.)
   */
  async previewFrames(): Promise<{ frame: import('playwright-core').Frame; place: 'sidebar' | 'editor' }[]> {
    const sidebar = await this.page.locator('.part.sidebar').boundingBox().catch(() => null);
    const out: { frame: import('playwright-core').Frame; place: 'sidebar' | 'editor' }[] = [];
    for (const f of this.page.frames()) {
      // Frames come and go while the workbench loads or reloads: one that goes is skipped.
      const box = await f.$('#np-preview').then((el) => (el ? f.frameElement().then((e) => e.boundingBox()) : null)).catch(() => null);
      if (!box || box.width === 0) continue;
      out.push({ frame: f, place: sidebar && box.x < sidebar.x + sidebar.width ? 'sidebar' : 'editor' });
    }
    return out;
  }

  /** Opens a file of the workspace in an editor through Quick Open. */
  async openFile(rel: string): Promise<void> {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(rel) }).first();
    const tab = this.page.locator('.tab.active', { hasText: path.basename(rel) });
    // As with the palette: the workbench can take focus back just after Quick Open opens
    // (a new editor or the tree settling), closing it, and a file search started while
    // the workspace is still being read can come back empty; then the step is retried.
    // The row is clicked rather than Enter pressed, for the same reason the path is not
    // typed: a key goes wherever the focus is by then, which may be the open editor.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+P');
        await this.setQuickInput(rel);
        await row.click({ timeout: 10_000 });
        await tab.waitFor({ timeout: 10_000 });
        return;
      } catch (err) {
        if (attempt >= 4) throw err;
      }
    }
  }

  /**
   * Puts `value` in the open quick input as if typed, without typing: Playwright's `fill`
   * focuses the input and then inserts text wherever the focus is, and when the workbench
   * takes the focus back in between, the text lands in the open editor.
   */
  async setQuickInput(value: string, timeout = 3000): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout });
    await input.evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }

  /** Puts the cursor at the end of a 1-based line of the active editor. */
  async goToLineEnd(line: number): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await this.setQuickInput(`:${line}`, 30_000);
    await input.press('Enter');
    await this.page.keyboard.press('End');
  }

  /**
   * Applies a quick fix at the cursor by its title: Ctrl+. then the keyboard, because the
   * action widget puts a pointer block over itself while it opens.
   */
  async quickFix(title: string): Promise<void> {
    const fix = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    const none = this.page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
    // Diagnostics follow an edit 150 ms later; asked before, VS Code says there is nothing. Ask again until the fix shows.
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      const shown = await Promise.race([fix.waitFor({ timeout: 10_000 }).then(() => true), none.waitFor({ timeout: 10_000 }).then(() => false)]).catch(() => false);
      if (shown) break;
      if (attempt >= 5) throw new Error(`the quick fix "${title}" was not offered`);
      await this.page.keyboard.press('Escape');
      await none.waitFor({ state: 'hidden' }).catch(() => undefined);
    }
    for (let i = 0; i < 12 && !((await fix.getAttribute('class')) ?? '').includes('focused'); i++) await this.page.keyboard.press('ArrowDown');
    assert.ok(((await fix.getAttribute('class')) ?? '').includes('focused'), `the quick fix "${title}" could not be chosen`);
    await this.page.keyboard.press('Enter');
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(REPO, '.cache', `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.proc.pid) {
      try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

// The suites that drive VS Code import it from here with the rest.
export { waitFor };

/**
 * Mocha hooks for a suite that drives one code-server: a fresh workspace (with the
 * site, so Build Site runs), the Notebook shown, a screenshot of each failure in
 * `.cache/`, and everything removed afterwards. Returns accessors for the tests.
 */
export function useVSCode(o: {
  trusted: boolean;
  prepare?: (ws: string) => void;
  /** Another folder to open (an empty one, a blog); then the Notebook tree is not waited for. */
  folder?: () => string;
  settings?: Record<string, unknown>;
}): { vs: () => VSCode; ws: () => string } {
  let ws: string | undefined;
  let vs: VSCode | undefined;
  before(async () => {
    ws = o.folder ? o.folder() : makeWorkspace({ site: true });
    o.prepare?.(ws);
    vs = await VSCode.start({ folder: ws, trusted: o.trusted, ...(o.settings ? { settings: o.settings } : {}) });
    if (!o.folder) await vs.showNotebook();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await vs?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await vs?.close();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });
  return { vs: () => vs!, ws: () => ws! };
}
