import * as vscode from 'vscode';
import { Problem, referenceProblems } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';

/** Problems of open content files as diagnostics, refreshed as the notebook changes (edits are debounced there). */
export class NotebookDiagnostics extends Disposable {
  static readonly source = 'notepress';
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('notepress'));

  constructor(private readonly service: NotebookService) {
    super();
    this._register(service.onDidChange(() => this.refresh()));
    // A chart's data file or an image changed: the notes that use it may have gained or lost problems.
    this._register(service.onDidChangeFile(() => this.refresh()));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.refreshDoc(d)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    this._register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.collection.delete(u))));
    void service.ready().then(() => this.refresh());
  }

  private refresh(): void {
    for (const doc of vscode.workspace.textDocuments) this.refreshDoc(doc);
  }

  private refreshDoc(doc: vscode.TextDocument): void {
    const rel = this.service.relPath(doc.uri);
    if (rel === undefined || doc.isClosed) return;
    const entry = this.service.notebook.get(rel);
    // Open notes only: the checks of referenced files read the disk.
    const onDisk = entry ? referenceProblems(entry, this.service.files) : [];
    this.collection.set(doc.uri, [...this.service.notebook.problemsOf(rel), ...onDisk].map((p) => toDiagnostic(p)));
  }
}

export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const start = new vscode.Position(p.line - 1, p.column - 1);
  const end = new vscode.Position(p.endLine - 1, Math.max(p.endColumn - 1, p.endLine === p.line ? p.column : 0));
  const d = new vscode.Diagnostic(new vscode.Range(start, end), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = NotebookDiagnostics.source;
  d.code = p.field ? `${p.code}:${p.field}` : p.code;
  return d;
}
