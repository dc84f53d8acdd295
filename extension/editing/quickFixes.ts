import * as vscode from 'vscode';
import { firstHeading, ProblemCode, repairDate, setFieldEdit, splitFile, today } from '../core/index';
import { NotebookService } from '../workspace/notebookService';
import { NotebookDiagnostics } from './diagnostics';

/** Quick fixes where the fix is clear; each edits one value in place and leaves the rest of the YAML as written. */
export class FrontmatterQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: NotebookService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const text = doc.getText();
    for (const d of ctx.diagnostics) {
      if (d.source !== NotebookDiagnostics.source || typeof d.code !== 'string') continue;
      const [code, field] = d.code.split(':');
      const fix = (title: string, key: string, value: string, preferred = false) => {
        const edit = setFieldEdit(text, key, value);
        if (!edit) return;
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.text);
        a.diagnostics = [d];
        a.isPreferred = preferred;
        actions.push(a);
      };
      if (code === ProblemCode.InvalidDate || (code === ProblemCode.MissingField && (field === 'date' || field === 'updated'))) {
        const written = code === ProblemCode.InvalidDate ? doc.getText(d.range).replace(/^["']|["']$/g, '') : '';
        const repaired = written ? repairDate(written) : undefined;
        if (repaired) fix(`Change the date to ${repaired}`, field, repaired, true);
        fix(`Use today's date (${today()})`, field, today(), !repaired);
      } else if (code === ProblemCode.MissingField && field === 'title') {
        const heading = firstHeading(splitFile('', text).body);
        if (heading) fix(`Take the title from the first heading: "${heading}"`, 'title', heading, true);
      } else if (code === ProblemCode.MissingField && field === 'category') {
        for (const c of this.service.notebook.values('category')) fix(`Set the category to "${c}"`, 'category', c);
      }
    }
    return actions;
  }
}
