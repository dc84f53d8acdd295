import { posix } from 'node:path';
import * as vscode from 'vscode';
import { filesOfUrl, Heading, readLinks, resolveLink, splitFile } from '../core/index';
import { NotebookService } from '../workspace/notebookService';

/**
 * Links to other notes as you type them: after `](` the notebook's notes and pages by
 * title, inserting the relative path (`../research/x.md`); after `[[` the same, inserting
 * the name the wikilink resolves by (the title, else the file name, else the path); after
 * `#` in either, the target's headings (the anchor for a link, the text for a wikilink).
 */
export class LinkCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = ['(', '[', '#', '/'];

  constructor(private readonly service: NotebookService) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const rel = this.service.relPath(doc.uri);
    if (!rel || !this.service.notebook.kinds.classify(rel)) return undefined;
    const split = splitFile(rel, doc.getText());
    // Frontmatter has its own completions.
    if (pos.line < split.bodyLine - 1) return undefined;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const after = doc.lineAt(pos.line).text.slice(pos.character);
    const own = () => readLinks(split.body, split.bodyLine).headings;

    const wiki = /\[\[([^[\]|#]*)(#[^[\]|]*)?$/.exec(before);
    if (wiki) {
      const close = after.startsWith(']]') ? '' : ']]';
      if (wiki[2] !== undefined) {
        const targets = wiki[1].trim() ? this.service.notebook.links.wikilinkTargets(wiki[1]) : [rel];
        if (targets.length !== 1) return undefined;
        const headings = targets[0] === rel ? own() : this.service.notebook.links.headingsOf(targets[0]);
        return this.headingItems(headings, this.range(pos, wiki[2].length - 1), (h) => h.text, close);
      }
      return this.noteItems(rel, this.range(pos, wiki[1].length), (path, title) => this.wikiName(path, title) + close);
    }

    const link = /\]\(\s*<?([^()\s<>]*)$/.exec(before);
    if (!link) return undefined;
    const typed = link[1];
    const hash = typed.indexOf('#');
    if (hash >= 0) {
      const pathPart = typed.slice(0, hash);
      const target = pathPart ? filesOfUrl(resolveLink(rel, pathPart)).find((c) => this.service.notebook.links.note(c)) : rel;
      if (!target) return undefined;
      const headings = target === rel ? own() : this.service.notebook.links.headingsOf(target);
      return this.headingItems(headings, this.range(pos, typed.length - hash - 1), (h) => h.slug, '');
    }
    return this.noteItems(rel, this.range(pos, typed.length), (path) => posix.relative(posix.dirname(rel), path));
  }

  private range(pos: vscode.Position, typed: number): vscode.Range {
    return new vscode.Range(pos.translate(0, -typed), pos);
  }

  /** Every note and page but this one, by title. */
  private noteItems(rel: string, range: vscode.Range, insert: (path: string, title: string) => string): vscode.CompletionItem[] {
    const links = this.service.notebook.links;
    return links.paths().filter((p) => p !== rel).map((path) => {
      const note = links.note(path)!;
      const item = new vscode.CompletionItem({ label: note.title, description: path }, vscode.CompletionItemKind.File);
      item.insertText = insert(path, note.title);
      item.filterText = `${note.title} ${item.insertText}`;
      item.sortText = note.title.toLowerCase();
      item.range = range;
      if (note.draft) item.detail = 'draft: not published';
      return item;
    });
  }

  private headingItems(headings: readonly Heading[], range: vscode.Range, insert: (h: Heading) => string, suffix: string): vscode.CompletionItem[] {
    return headings.map((h, i) => {
      const item = new vscode.CompletionItem({ label: h.text, description: `#${h.slug}` }, vscode.CompletionItemKind.Reference);
      item.insertText = insert(h) + suffix;
      item.filterText = `${h.text} ${h.slug}`;
      item.sortText = String(i).padStart(5, '0');
      item.range = range;
      return item;
    });
  }

  /** The shortest name a wikilink finds the note by alone: its title, its file name, or its path. */
  private wikiName(path: string, title: string): string {
    const links = this.service.notebook.links;
    const stem = posix.basename(path).replace(/\.md$/, '');
    for (const name of [title, stem]) if (!/[[\]|#]/.test(name) && links.wikilinkTargets(name).length === 1) return name;
    return path.replace(/\.md$/, '');
  }
}
