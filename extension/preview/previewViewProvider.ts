import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';
import { PreviewController, RendererSource } from './previewController';

/**
 * The preview's two places: the "Preview" view in the Notepress sidebar, and panels
 * beside the editor. Both come back after a window reload: VS Code restores the view
 * itself, and the panels through this class as their `WebviewPanelSerializer`; each
 * webview keeps the note it showed in its own state and asks for it again.
 */
export class PreviewViewProvider extends Disposable implements vscode.WebviewViewProvider, vscode.WebviewPanelSerializer {
  static readonly viewType = 'notepress.preview';
  /** The panels' type; package.json activates the extension on it (`onWebviewPanel:`) so they can be restored. */
  static readonly panelType = 'notepress.previewPanel';
  private view: PreviewController | undefined;
  private readonly panels = new Set<PreviewController>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly service: NotebookService, private readonly renderer: RendererSource) {
    super();
    this._register({ dispose: () => {
      this.view?.dispose();
      this.panels.forEach((p) => p.dispose());
    } });
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view?.dispose();
    const controller = new PreviewController(view.webview, this.extensionUri, this.service, this.renderer);
    this.view = controller;
    view.onDidDispose(() => {
      controller.dispose();
      if (this.view === controller) this.view = undefined;
    });
  }

  /** Opens the preview in a panel beside the note. */
  openToSide(): void {
    const panel = vscode.window.createWebviewPanel(PreviewViewProvider.panelType, 'Site Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    this.adopt(panel);
  }

  /** A panel from before a window reload: its webview's state says which note it showed. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'notepress.svg');
    const controller = new PreviewController(panel.webview, this.extensionUri, this.service, this.renderer);
    this.panels.add(controller);
    panel.onDidDispose(() => {
      controller.dispose();
      this.panels.delete(controller);
    });
  }
}
