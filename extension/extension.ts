import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { FrontmatterCompletions } from './editing/completions';
import { NotebookDiagnostics } from './editing/diagnostics';
import { FrontmatterQuickFixes } from './editing/quickFixes';
import { registerImagePaste } from './editing/imagePaste';
import { SettingsCompletions } from './editing/settingsCompletions';
import { ReadingStatus } from './editing/readingStatus';
import { NoteRenderer } from './preview/noteRenderer';
import { PreviewViewProvider } from './preview/previewViewProvider';
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
  const preview = new PreviewViewProvider(context.extensionUri, service, () => renderer.get());
  const markdownFiles: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };
  context.subscriptions.push(
    service,
    siteContext,
    site,
    tree,
    output,
    preview,
    vscode.window.createTreeView(NotebookTreeProvider.viewId, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.registerWebviewViewProvider(PreviewViewProvider.viewType, preview),
    diagnostics,
    new ReadingStatus(service),
    vscode.languages.registerCodeActionsProvider(markdownFiles, new FrontmatterQuickFixes(service), { providedCodeActionKinds: FrontmatterQuickFixes.kinds }),
    vscode.languages.registerCompletionItemProvider(markdownFiles, new FrontmatterCompletions(service), ...FrontmatterCompletions.triggers),
    vscode.languages.registerCompletionItemProvider(SettingsCompletions.selector, new SettingsCompletions(service), ...SettingsCompletions.triggers),
    vscode.languages.registerCodeActionsProvider(SettingsCompletions.selector, new FrontmatterQuickFixes(service), { providedCodeActionKinds: FrontmatterQuickFixes.kinds }),
    registerImagePaste(service),
    vscode.workspace.onDidGrantWorkspaceTrust(() => renderer.reset()),
    // Once the site's packages are installed, the preview can render with the site's own highlighter: no reload.
    siteContext.onDidChange(() => renderer.reset()),
    registerCommands(service, site, { extension: context.extension, extensionUri: context.extensionUri, renderer: () => renderer.get(), refreshSite: () => siteContext.refresh() }),
  );
  // Loading starts now but does not hold activation: the tree shows it when ready.
  void service.ready();
}

export function deactivate(): void {}

/**
 * The preview's renderer, made on first use. Loading VitePress's renderer runs the
 * workspace's node_modules, so it happens only in a trusted workspace; otherwise the
 * renderer falls back to plain markdown-it and the preview says so.
 */
class RendererHolder {
  private renderer: NoteRenderer | undefined;
  constructor(private readonly service: NotebookService, private readonly site: SiteContext, private readonly log: (m: string) => void) {}

  get(): NoteRenderer {
    if (!this.renderer) {
      const entry = vscode.workspace.isTrusted ? this.site.vitepressEntry : undefined;
      const folder = vscode.workspace.workspaceFolders?.[0];
      this.renderer = new NoteRenderer(this.service.root?.fsPath ?? folder?.uri.fsPath ?? '.', entry?.fsPath, this.log);
    }
    return this.renderer;
  }

  reset(): void {
    this.renderer = undefined;
  }
}
