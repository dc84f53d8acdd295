import * as vscode from 'vscode';
import { aliasFix, firstHeading, ProblemCode, repairDate, setFieldEdit, splitFile, TextEdit, today } from '../core/index';
import { NotebookService } from '../workspace/notebookService';
import { NotebookDiagnostics } from './diagnostics';

/**
 * Quick fixes where the fix is clear; each edits only what it is about and leaves the
 * rest of the YAML as written. A problem that carries its replacement (a settings key
 * mistyped, a `...` that should be `---`) is fixed by it.
 */
export class FrontmatterQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: NotebookService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const text = doc.getText();
    const rel = this.service.relPath(doc.uri);
    // The core's problems of this file, to find a diagnostic's replacement (diagnostics come back as copies).
    const problems = rel ? this.service.notebook.problemsOf(rel) : [];
    for (const d of ctx.diagnostics) {
      if (d.source !== NotebookDiagnostics.source || typeof d.code !== 'string') continue;
      const [code, field] = d.code.split(':');
      const apply = (title: string, edits: readonly TextEdit[], preferred = false) => {
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        for (const e of edits) a.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
        a.diagnostics = [d];
        a.isPreferred = preferred;
        actions.push(a);
      };
      const fix = (title: string, key: string, value: string, preferred = false) => {
        const edit = setFieldEdit(text, key, value);
        if (edit) apply(title, [edit], preferred);
      };
      const replacement = problems.find((p) => p.line === d.range.start.line + 1 && p.column === d.range.start.character + 1 && p.message === d.message)?.replacement;
      if (replacement !== undefined) {
        apply(`Change to \`${replacement}\``, [{ start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end), text: replacement }], true);
        continue;
      }
      if (code === ProblemCode.MissingField) {
        // A blog's name for the field (`pubDate`) comes first: the value is already written.
        const alias = aliasFix(text, field);
        if (alias) apply(`Rename \`${alias.alias}\` to \`${field}\``, alias.edits, true);
      }
      if (code === ProblemCode.InvalidDate || (code === ProblemCode.MissingField && (field === 'date' || field === 'updated'))) {
        const written = code === ProblemCode.InvalidDate ? doc.getText(d.range).replace(/^["']|["']$/g, '') : '';
        const repaired = written ? repairDate(written) : undefined;
        if (repaired) fix(`Change the date to ${repaired}`, field, repaired, true);
        fix(`Use today's date (${today()})`, field, today(), !repaired && !actions.some((a) => a.isPreferred));
      } else if (code === ProblemCode.MissingField && field === 'title') {
        const heading = firstHeading(splitFile('', text).body);
        if (heading) fix(`Take the title from the first heading: "${heading}"`, 'title', heading, !actions.length);
      } else if (code === ProblemCode.MissingField || code === ProblemCode.UnknownValue) {
        // An enum's values, or the values the notebook already uses for the field (a case study's category).
        const role = rel ? this.service.notebook.kinds.classify(rel) : undefined;
        const spec = role?.role === 'entry' ? role.kind.fields.find((f) => f.name === field) : undefined;
        const values = spec?.type === 'enum' ? spec.values ?? [] : spec?.type === 'text' ? this.service.notebook.values(field, rel) : [];
        for (const v of values.slice(0, 8)) fix(`Set \`${field}\` to "${v}"`, field, v);
      }
    }
    return actions;
  }
}
