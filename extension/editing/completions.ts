import * as vscode from 'vscode';
import { splitFile } from '../core/index';
import { NotebookService } from '../workspace/notebookService';

/**
 * In frontmatter: field names of the file's kind (with their documentation) at the
 * start of a line, and the notebook's own tags, categories and series as values.
 */
export class FrontmatterCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = [' ', ',', '[', '-'];

  constructor(private readonly service: NotebookService) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const rel = this.service.relPath(doc.uri);
    const kinds = this.service.notebook.kinds;
    const role = rel ? kinds.classify(rel) : undefined;
    if (!role || role.role === 'section' || role.role === 'unsupported') return undefined;
    const fm = splitFile(rel!, doc.getText()).frontmatter;
    const offset = doc.offsetAt(pos);
    if (!fm || offset < fm.start || offset > fm.end) return undefined;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const nb = this.service.notebook;

    const valueField = this.fieldOf(doc, pos.line, before);
    if (valueField) {
      const spec = role.role === 'entry' ? role.kind.fields.find((f) => f.name === valueField) : undefined;
      // An enum offers its values; a text or list field the values the notebook already uses.
      const offered = spec && role.role === 'entry' && spec.name !== role.kind.titleField && spec.name !== 'summary' && (spec.type === 'text' || spec.type === 'list' || spec.type === 'names');
      // Values this file alone uses are left out: the word being typed is not a suggestion.
      const values = spec?.type === 'enum' ? [...(spec.values ?? [])] : offered ? nb.values(valueField, rel) : [];
      return values.map((v) => {
        const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.Value);
        item.detail = spec?.type === 'enum' ? `a value ${valueField} allows` : `used in this notebook (${valueField})`;
        return item;
      });
    }
    if (/^[A-Za-z_-]*$/.test(before)) {
      const present = new Set(doc.getText(new vscode.Range(doc.positionAt(fm.start), doc.positionAt(fm.end))).split(/\r?\n/).map((l) => /^([A-Za-z_-]+):/.exec(l)?.[1]).filter(Boolean));
      return kinds.fieldsFor(role.role === 'entry' ? role.kind.id : role.role).filter((f) => !present.has(f.name)).map((f) => {
        const item = new vscode.CompletionItem(f.name, vscode.CompletionItemKind.Property);
        item.insertText = new vscode.SnippetString(`${f.name}: $0`);
        item.detail = `${f.required ? 'required' : 'optional'} · ${f.type}`;
        item.documentation = new vscode.MarkdownString(f.doc);
        return item;
      });
    }
    return undefined;
  }

  /** The field whose value the cursor is in: `tags: [a, |` or a `- |` item under `tags:`. */
  private fieldOf(doc: vscode.TextDocument, line: number, before: string): string | undefined {
    const inline = /^([A-Za-z_-]+):\s*(.*)$/.exec(before);
    if (inline) return inline[1];
    if (/^\s*-\s*[^:]*$/.test(before)) {
      for (let l = line - 1; l >= 0; l--) {
        const m = /^([A-Za-z_-]+):\s*$/.exec(doc.lineAt(l).text);
        if (m) return m[1];
        if (!/^\s*-/.test(doc.lineAt(l).text)) break;
      }
    }
    return undefined;
  }
}
