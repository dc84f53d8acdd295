import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { FrontmatterCompletions } from './editing/completions';
import { NotebookDiagnostics } from './editing/diagnostics';
import { FrontmatterQuickFixes } from './editing/quickFixes';
import { registerImagePaste } from './editing/imagePaste';
import { SettingsCompletions } from './editing/settingsCompletions';
import { LinkCompletions } from './editing/linkCompletions';
import { LinkRenameParticipant } from './editing/linkRenames';
import { BacklinksView } from './sidebar/backlinksView';
import { ReadingStatus } from './editing/readingStatus';
import { NoteRenderer } from './preview/noteRenderer';
import { PreviewViewProvider } from './preview/previewViewProvider';
import type { RendererSource } from './preview/previewController';
import { NotebookTreeProvider } from './sidebar/notebookTreeProvider';
import { SiteRunner } from './site/siteRunner';
import { SiteContext } from './site/siteContext';
import { NotebookService } from './workspace/notebookService';

/** Wiring only: build the services, hand them to the features, own them all. */
export function activate(context: vscode.ExtensionContext): void {
  const service = new NotebookService();
  const siteContext = new SiteContext();
  const site = new SiteRunner(service, () => siteContext.refresh());
  const diagnostics = new NotebookDiagnostics(service);
  const tree = new NotebookTreeProvider(service, diagnostics.onDidRefresh);
  const output = vscode.window.createOutputChannel('Notepress Preview');
  const renderer = new RendererHolder(service, siteContext, (m) => output.appendLine(m));
  const preview = new PreviewViewProvider(context.extensionUri, service, renderer);
  const markdownFiles: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };
  const renames = new LinkRenameParticipant(service);
  context.subscriptions.push(
    service,
    siteContext,
    site,
    tree,
    output,
    renderer,
    preview,
    vscode.window.createTreeView(NotebookTreeProvider.viewId, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.registerWebviewViewProvider(PreviewViewProvider.viewType, preview),
    vscode.window.registerWebviewPanelSerializer(PreviewViewProvider.panelType, preview),
    diagnostics,
    new ReadingStatus(service),
    vscode.languages.registerCodeActionsProvider(markdownFiles, new FrontmatterQuickFixes(service), { providedCodeActionKinds: FrontmatterQuickFixes.kinds }),
    vscode.languages.registerCompletionItemProvider(markdownFiles, new FrontmatterCompletions(service), ...FrontmatterCompletions.triggers),
    vscode.languages.registerCompletionItemProvider(SettingsCompletions.selector, new SettingsCompletions(service), ...SettingsCompletions.triggers),
    vscode.languages.registerCodeActionsProvider(SettingsCompletions.selector, new FrontmatterQuickFixes(service), { providedCodeActionKinds: FrontmatterQuickFixes.kinds }),
    vscode.languages.registerCompletionItemProvider(markdownFiles, new LinkCompletions(service), ...LinkCompletions.triggers),
    new BacklinksView(service),
    renames,
    registerImagePaste(service),
    vscode.workspace.onDidGrantWorkspaceTrust(() => renderer.reset()),
    // Once the site's packages are installed, the preview can render with the site's own highlighter: no reload.
    siteContext.onDidChange(() => renderer.reset()),
    registerCommands(service, site, { extension: context.extension, previews: preview, refreshSite: () => siteContext.refresh() }, renames),
  );
  // Loading starts now but does not hold activation: the tree shows it when ready.
  void service.ready();
}

export function deactivate(): void {}

/**
 * The preview's renderer, made on first use. Loading VitePress's renderer runs the
 * workspace's node_modules, so it happens only in a trusted workspace; otherwise the
 * renderer falls back to plain markdown-it and the preview says so. Just after a window
 * reload the site's packages are still being looked for: the first render waits for the
 * answer rather than falling back. A reset (trust granted, VitePress installed) makes
 * the previews render again with the new renderer.
 */
class RendererHolder implements RendererSource, vscode.Disposable {
  private renderer: NoteRenderer | undefined;
  private readonly _onDidReset = new vscode.EventEmitter<void>();
  readonly onDidReset = this._onDidReset.event;
  constructor(private readonly service: NotebookService, private readonly site: SiteContext, private readonly log: (m: string) => void) {}

  get(): NoteRenderer {
    if (!this.renderer) {
      const entry = this.site.known.then(() => (vscode.workspace.isTrusted ? this.site.vitepressEntry?.fsPath : undefined));
      const folder = vscode.workspace.workspaceFolders?.[0];
      this.renderer = new NoteRenderer(this.service.root?.fsPath ?? folder?.uri.fsPath ?? '.', entry, this.log);
    }
    return this.renderer;
  }

  reset(): void {
    this.renderer = undefined;
    this._onDidReset.fire();
  }

  dispose(): void {
    this._onDidReset.dispose();
  }
}
