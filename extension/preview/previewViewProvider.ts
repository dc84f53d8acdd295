import * as vscode from 'vscode';
import { NotebookService } from '../workspace/notebookService';
import { NoteRenderer } from './noteRenderer';
import { PreviewController } from './previewController';

/** The "Preview" webview view in the Notepress sidebar. */
export class PreviewViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'notepress.preview';
  private controller: PreviewController | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly service: NotebookService, private readonly renderer: () => NoteRenderer) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.controller?.dispose();
    this.controller = new PreviewController(view.webview, this.extensionUri, this.service, this.renderer);
    view.onDidDispose(() => {
      this.controller?.dispose();
      this.controller = undefined;
    });
  }

  dispose(): void {
    this.controller?.dispose();
  }
}

/** Opens the preview in an editor-area panel beside the note. */
export function openPreviewToSide(extensionUri: vscode.Uri, service: NotebookService, renderer: () => NoteRenderer): vscode.Disposable {
  const panel = vscode.window.createWebviewPanel('notepress.previewPanel', 'Notepress Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true,
    retainContextWhenHidden: false,
  });
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'notepress.svg');
  const controller = new PreviewController(panel.webview, extensionUri, service, renderer);
  panel.onDidDispose(() => controller.dispose());
  return panel;
}
