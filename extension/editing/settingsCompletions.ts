import * as vscode from 'vscode';
import { CONFIG_KEYS, CONFIG_PATH } from '../core/index';
import { NotebookService } from '../workspace/notebookService';

const TYPES = ['text', 'date', 'list', 'boolean', 'url', 'number', 'enum'];

/**
 * Completions in the notebook's settings file (`.notepress/notebook.yaml`): its keys at
 * each level, field types, and the notebook's kind ids and page names where a list
 * takes them. The path from the top key to the cursor is read from the indentation.
 */
export class SettingsCompletions implements vscode.CompletionItemProvider {
  static readonly selector: vscode.DocumentSelector = { scheme: 'file', pattern: `**/${CONFIG_PATH}` };
  static readonly triggers = [' ', ':', '-', '['];

  constructor(private readonly service: NotebookService) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    if (this.service.relPath(doc.uri) !== CONFIG_PATH) return undefined;
    const line = doc.lineAt(pos.line).text.slice(0, pos.character);
    const indent = /^\s*/.exec(line)![0].length;
    const parents = this.parents(doc, pos.line, indent);
    const kinds = this.service.notebook.kinds.all.map((k) => k.id);
    // After `key: `, the key whose value is typed; in a list (`- ` or `[a, `), an item.
    const key = /^\s*(?:-\s*)?([A-Za-z_-]+):\s+\S*$/.exec(line)?.[1];
    const item = !key && /^\s*(?:-\s+|.*\[\s*|.*,\s*)[\w-]*$/.test(line);
    const keys = (table: Readonly<Record<string, string>>) => Object.entries(table).map(([k, doc]) => {
      const c = new vscode.CompletionItem(k, vscode.CompletionItemKind.Property);
      c.insertText = new vscode.SnippetString(`${k}: $0`);
      c.documentation = new vscode.MarkdownString(doc);
      return c;
    });
    const words = (list: string[], detail: string) => list.map((w) => Object.assign(new vscode.CompletionItem(w, vscode.CompletionItemKind.Value), { detail }));
    const [top, , section] = parents;
    const inFields = top === 'kinds' && section === 'fields';
    if (key === 'type' || (key && inFields && parents.length === 3)) return words(TYPES, 'field type');
    if (key === 'sort') return words(['date', 'order'], 'sort');
    if (key === 'style') return words(['cards', 'list'], 'home section style');
    if (key === 'kind' || (item && top === 'home')) return words(kinds, 'kind of this notebook');
    if (item && top === 'nav') return words([...kinds, ...this.service.notebook.pages().map((p) => p.path.replace(/\.md$/, ''))], 'kind or page');
    if (key || item) return undefined;
    if (!parents.length) return keys(CONFIG_KEYS.top);
    if (top === 'kinds' && parents.length === 2) return keys(CONFIG_KEYS.kind);
    if (inFields && parents.length === 4) return keys(CONFIG_KEYS.field);
    if (top === 'home') return keys(CONFIG_KEYS.home);
    return undefined;
  }

  /** The keys enclosing a line, outermost first: `kinds`, `lab`, `fields`, `status`. */
  private parents(doc: vscode.TextDocument, line: number, indent: number): string[] {
    const out: string[] = [];
    let limit = indent;
    for (let l = line - 1; l >= 0 && limit > 0; l--) {
      const text = doc.lineAt(l).text;
      const m = /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):/.exec(text);
      if (!m || !text.trim() || text.trim().startsWith('#')) continue;
      if (m[1].length < limit) {
        out.unshift(m[2]);
        limit = m[1].length;
      }
    }
    return out;
  }
}
