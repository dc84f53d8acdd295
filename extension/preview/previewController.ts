import * as vscode from 'vscode';
import { escapeHtml, filesOfUrl, headerFacts, parseEntry, parsePage, renderHeader, resolveLink } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';
import type { FromWebview, ToWebview } from './messages';
import { NoteRenderer } from './noteRenderer';
import { previewHtml, previewResourceRoots } from './previewHtml';
import { exists } from '../util/fs';

/** Where the preview gets its renderer, and when that changes (trust granted, VitePress installed). */
export interface RendererSource {
  get(): NoteRenderer;
  readonly onDidReset: vscode.Event<void>;
}

/**
 * Owns one webview (the sidebar view or a panel) and keeps it showing the active
 * note: re-rendered on every edit with no debounce, at most one render in flight and
 * the newest text rendered next, so a stale render is never shown after a newer one.
 * Nothing is rendered before the notebook is loaded (its settings say which files are
 * entries, so the header would be missing). A webview that loads again (shown after
 * being hidden, or after a window reload) shows the active note, else the note it
 * showed before, never a blank page.
 */
export class PreviewController extends Disposable {
  private version = 0;
  private shownVersion = 0;
  private rendering = false;
  private pending: vscode.TextDocument | undefined;
  private current: vscode.Uri | undefined;
  private ready = false;
  private syncingFromPreview = 0;
  /** Content-relative files the shown note's charts read, so a change to one re-renders it. */
  private dataFiles = new Set<string>();
  /** The backlinks the shown render ends with. */
  private shownBacklinks = '';

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    private readonly service: NotebookService,
    private readonly renderer: RendererSource,
  ) {
    super();
    webview.options = { enableScripts: true, localResourceRoots: previewResourceRoots(extensionUri, service.root) };
    webview.html = previewHtml(webview, extensionUri);
    this._register(webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)));
    // A new renderer (VitePress just installed, trust granted): the shown note again, highlighted, without waiting for an edit.
    this._register(renderer.onDidReset(() => {
      const doc = this.currentDocument();
      if (doc) this.request(doc);
    }));
    this._register(vscode.window.onDidChangeActiveTextEditor((e) => void this.follow(e?.document)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (this.current && e.document.uri.toString() === this.current.toString()) this.request(e.document);
    }));
    // The shown note deleted or renamed on disk: say so, rather than keep showing it as if saved.
    this._register(service.onDidChange(() => {
      const rel = this.current && this.service.relPath(this.current);
      if (!rel || !this.current || this.service.notebook.get(rel) || this.service.notebook.problemsOf(rel).length) return;
      const uri = this.current;
      void exists(uri).then((there) => {
        if (there || uri.toString() !== this.current?.toString()) return;
        const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed);
        this.showEmpty(`${rel} was deleted or moved on disk.${open ? ' Its editor still holds the text: save it to keep it.' : ''}`);
      });
    }));
    // Another note began or stopped linking here: the "Linked from" list at the end changes.
    this._register(service.onDidChange(() => {
      const rel = this.current && this.service.relPath(this.current);
      if (!rel || this.backlinksKey(rel) === this.shownBacklinks) return;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.current?.toString());
      if (doc) this.request(doc);
    }));
    this._register(service.onDidChangeFile((rel) => {
      if (!this.dataFiles.has(rel)) return;
      const doc = this.currentDocument();
      if (doc) this.request(doc);
    }));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (!this.current || e.textEditor.document.uri.toString() !== this.current.toString()) return;
      if (Date.now() < this.syncingFromPreview) return;
      const line = e.visibleRanges[0]?.start.line;
      if (line !== undefined) this.post({ type: 'scrollToLine', line });
    }));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => {
      if (this.current?.toString() === d.uri.toString() && !vscode.window.visibleTextEditors.some((e) => e.document === d)) {
        void vscode.workspace.fs.stat(d.uri).then(undefined, () => this.showEmpty('The note was deleted.'));
      }
    }));
  }

  /** Shows a document if it is a note of the notebook; false when it is not (or there is none). */
  async follow(doc: vscode.TextDocument | undefined): Promise<boolean> {
    if (!doc) return false;
    // The content folder is known once the notebook is loaded: just after a window reload it is not yet.
    await this.service.ready();
    const rel = this.service.relPath(doc.uri);
    if (rel === undefined || !rel.endsWith('.md') || doc.isClosed) return false;
    this.current = doc.uri;
    this.request(doc);
    return true;
  }

  /**
   * What a webview that has just loaded shows: the active note; else the note this
   * controller showed (its page was reloaded when it became visible again); else the
   * note the webview's own state remembers (`restored`, after a window reload); else
   * a note visible in an editor.
   */
  private async showFirst(restored: string | undefined): Promise<void> {
    if (await this.follow(vscode.window.activeTextEditor?.document)) return;
    if (await this.follow(this.currentDocument())) return;
    // The state is the page's own, but checked as any path: a note of this content folder, or nothing.
    const uri = restored !== undefined ? this.service.uriOf(restored) : undefined;
    if (uri && this.service.relPath(uri) === restored && (await exists(uri)) && (await this.follow(await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined)))) return;
    for (const e of vscode.window.visibleTextEditors) if (await this.follow(e.document)) return;
  }

  /** The open document of the shown note, unsaved edits included. */
  private currentDocument(): vscode.TextDocument | undefined {
    const uri = this.current?.toString();
    return uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
  }

  private request(doc: vscode.TextDocument): void {
    this.pending = doc;
    if (!this.rendering) void this.drain();
  }

  private async drain(): Promise<void> {
    this.rendering = true;
    try {
      while (this.pending) {
        const doc = this.pending;
        this.pending = undefined;
        await this.renderNow(doc, ++this.version);
      }
    } finally {
      this.rendering = false;
    }
  }

  private async renderNow(doc: vscode.TextDocument, version: number): Promise<void> {
    const rel = this.service.relPath(doc.uri);
    if (rel === undefined) return;
    const text = doc.getText();
    try {
      const reads = new Set<string>();
      const readFile = (target: string): string | undefined => {
        reads.add(target);
        return this.service.files.read(target);
      };
      const backlinks = this.backlinksKey(rel);
      const { html, exact } = await this.renderer.get().render(text, { absPath: doc.uri.fsPath, relPath: rel }, { sourceLines: true, readFile, notebook: this.service.notebook });
      this.shownBacklinks = backlinks;
      this.dataFiles = reads;
      // A newer render may have been requested and shown meanwhile: never go backwards.
      if (version < this.shownVersion || doc.uri.toString() !== this.current?.toString()) return;
      this.shownVersion = version;
      // The header from the live text, as the body is: the index lags the last keystroke.
      const role = this.service.notebook.kinds.classify(rel);
      const entry = role?.role === 'entry' ? parseEntry(rel, text, role.kind) : undefined;
      const page = role?.role === 'page' ? parsePage(rel, text) : undefined;
      const header = entry && role?.role === 'entry' ? renderHeader(headerFacts(entry, role.kind))
        : page ? `<h1 class="entry-header__title">${escapeHtml(page.title)}</h1>` : undefined;
      const root = this.service.root!;
      const imageBase = `${this.webview.asWebviewUri(vscode.Uri.joinPath(doc.uri, '..')).toString()}/`;
      const publicBase = `${this.webview.asWebviewUri(vscode.Uri.joinPath(root, 'public')).toString()}/`;
      this.post({ type: 'update', version, path: rel, header, problems: (entry ?? page)?.problems.length ?? 0, html, exact, imageBase, publicBase });
    } catch (err) {
      this.showEmpty(`The note could not be rendered: ${(err as Error).message}`);
    }
  }

  private backlinksKey(rel: string): string {
    return this.service.notebook.links.backlinks(rel, { published: true }).map((b) => `${b.url}\u0000${b.title}`).join('\n');
  }

  private showEmpty(message: string): void {
    this.post({ type: 'empty', message });
  }

  private onMessage(m: FromWebview): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        void this.showFirst(m.path);
        break;
      case 'copy':
        void vscode.env.clipboard.writeText(m.text);
        break;
      case 'openLink':
        void this.openLink(m.href);
        break;
      case 'revealLine': {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.current?.toString());
        if (!editor) return;
        this.syncingFromPreview = Date.now() + 300;
        const pos = new vscode.Position(Math.max(0, m.line), 0);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
        break;
      }
    }
  }

  /** Internal links open the note they point to; web links open in the browser; nothing else is followed. */
  private async openLink(href: string): Promise<void> {
    if (/^https?:\/\//i.test(href) || /^mailto:/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href));
      return;
    }
    const root = this.service.root;
    if (!root || !this.current || href.startsWith('#')) return;
    // The core's rule both ways: the link as a site path, then the files that path may be.
    const from = this.service.relPath(this.current) ?? '';
    for (const candidate of filesOfUrl(resolveLink(from, href))) {
      const uri = vscode.Uri.joinPath(root, ...candidate.split('/'));
      if (await exists(uri)) {
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
        return;
      }
    }
  }

  private post(m: ToWebview): void {
    if (this.ready || m.type === 'update') void this.webview.postMessage(m);
  }
}
