import * as vscode from 'vscode';
import { Problem, referenceProblems } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';

/**
 * Every problem in the notebook as diagnostics, open files or not, as a compiler
 * reports a whole project: a broken note shows in the Problems panel before anyone
 * opens it or builds the site. Refreshed as the notebook changes (edits are debounced
 * there). Open notes also get the checks that read the disk (images, chart data);
 * dead links are checked everywhere, as the build checks them.
 */
export class NotebookDiagnostics extends Disposable {
  static readonly source = 'notepress';

  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('notepress'));
  private readonly _onDidRefresh = this._register(new vscode.EventEmitter<void>());
  /** Fires when every file's problems have been worked out and published. */
  readonly onDidRefresh = this._onDidRefresh.event;

  constructor(private readonly service: NotebookService) {
    super();
    this._register(service.onDidChange(() => void this.refresh()));
    // A chart's data file or an image changed: the notes that use it may have gained or lost problems.
    this._register(service.onDidChangeFile(() => void this.refresh()));
    this._register(vscode.workspace.onDidOpenTextDocument(() => void this.refresh()));
    this._register(vscode.workspace.onDidCloseTextDocument(() => void this.refresh()));
    void service.ready().then(() => this.refresh());
  }

  private generation = 0;

  /**
   * Problems are worked out on first use (see the core's `parseEntry`): the first refresh
   * of a large notebook does it in slices, giving the extension host a turn between them,
   * and a newer refresh makes an older one stop. Links are read in slices the same way.
   */
  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const byFile = new Map<string, Problem[]>();
    const add = (p: Problem) => {
      const list = byFile.get(p.file);
      if (list) list.push(p);
      else byFile.set(p.file, [p]);
    };
    const nb = this.service.notebook;
    const paths = nb.paths();
    for (let i = 0; i < paths.length; i += 200) {
      for (const p of paths.slice(i, i + 200)) nb.problemsOf(p).forEach(add);
      if (paths.length > 200) await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.generation) return;
    }
    nb.config.problems.forEach(add);
    // Links that lead nowhere: a note's edits can break or mend links in other notes.
    await nb.links.ready();
    if (generation !== this.generation || this.isDisposed) return;
    nb.linkProblems(this.service.files).forEach(add);
    for (const doc of vscode.workspace.textDocuments) {
      const rel = this.service.relPath(doc.uri);
      const entry = rel === undefined || doc.isClosed ? undefined : this.service.notebook.get(rel);
      if (entry) referenceProblems(entry, this.service.files).forEach(add);
    }
    this.collection.clear();
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [rel, problems] of byFile) {
      const uri = this.service.uriOf(rel);
      if (uri) entries.push([uri, problems.map(toDiagnostic)]);
    }
    this.collection.set(entries);
    this._onDidRefresh.fire();
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
