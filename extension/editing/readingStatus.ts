import * as vscode from 'vscode';
import { formatReadingTime } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';

/** The active note's reading time and word count in the status bar. */
export class ReadingStatus extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('notepress.reading', vscode.StatusBarAlignment.Right, 100));

  constructor(private readonly service: NotebookService) {
    super();
    this.item.name = 'Notepress: reading time';
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(service.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const rel = doc ? this.service.relPath(doc.uri) : undefined;
    const entry = rel ? this.service.notebook.get(rel) : undefined;
    if (!entry) {
      this.item.hide();
      return;
    }
    const { words, codeWords, minutes } = entry.reading;
    this.item.text = `$(book) ${formatReadingTime(minutes)} · ${words.toLocaleString('en-US')} words`;
    this.item.tooltip = `${words} words of prose and ${codeWords} of code; prose is read at 200 words a minute, code at half weight.`;
    this.item.show();
  }
}
