import * as vscode from 'vscode';
import { attachmentFolder, attachmentName, IMAGE_TYPES, isImageName, imageLink } from '../core/index';
import { NotebookService } from '../workspace/notebookService';

/** One image of a paste or drop: already in the content folder (linked), or a file to save there. */
type Source = { readonly name: string | undefined; readonly mime: string | undefined } & (
  | { readonly kind: 'file'; readonly file: vscode.DataTransferFile }
  | { readonly kind: 'uri'; readonly uri: vscode.Uri }
);

/**
 * Pasting or dropping an image into a note saves it in the note's attachment folder
 * (the core's `attachmentFolder`: `notes/kafka-lag/` for `notes/kafka-lag.md`) under a
 * safe name no file has yet, and inserts `![](./kafka-lag/plot.png)` with the cursor in
 * the alt text. An image dragged from the Explorer that is already in the content folder
 * is linked where it is; one from elsewhere is copied in, because the site reads nothing
 * outside the content folder. The file is written by the same workspace edit as the
 * link (one undo) and never over an existing file.
 *
 * VS Code's markdown extension offers its own image edit for the same paste; it yields
 * to edits of the kind `markdown.link.image.attachment` (its code says so), and ours is
 * a sub-kind of it, so ours is applied first in notes and the paste widget still offers
 * VS Code's. Outside the content folder this provider offers nothing.
 */
export class ImagePasteProvider implements vscode.DocumentPasteEditProvider, vscode.DocumentDropEditProvider {
  static readonly kind = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image', 'attachment', 'notepress');
  /** Files from the OS or the clipboard, images by type, and resources dragged from the Explorer. */
  static readonly mimeTypes = ['files', 'text/uri-list', ...Object.keys(IMAGE_TYPES)];

  constructor(private readonly service: NotebookService) {}

  async provideDocumentPasteEdits(doc: vscode.TextDocument, _ranges: readonly vscode.Range[], data: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const planned = await this.plan(doc, data, token);
    if (!planned) return undefined;
    const edit = new vscode.DocumentPasteEdit(planned.snippet, planned.title, ImagePasteProvider.kind);
    edit.additionalEdit = planned.edit;
    return [edit];
  }

  async provideDocumentDropEdits(doc: vscode.TextDocument, _position: vscode.Position, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const planned = await this.plan(doc, data, token);
    if (!planned) return undefined;
    const edit = new vscode.DocumentDropEdit(planned.snippet, planned.title, ImagePasteProvider.kind);
    edit.additionalEdit = planned.edit;
    return edit;
  }

  private async plan(doc: vscode.TextDocument, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<{ snippet: vscode.SnippetString; edit: vscode.WorkspaceEdit; title: string } | undefined> {
    await this.service.ready();
    const noteRel = this.service.relPath(doc.uri);
    if (noteRel === undefined || !noteRel.endsWith('.md')) return undefined;
    const sources = await this.sources(data);
    if (!sources?.length || token.isCancellationRequested) return undefined;
    const folderRel = attachmentFolder(noteRel);
    const folder = folderRel ? this.service.uriOf(folderRel)! : this.service.root!;
    const taken = new Set<string>(await vscode.workspace.fs.readDirectory(folder).then((entries) => entries.map(([n]) => n), () => []));
    const edit = new vscode.WorkspaceEdit();
    const snippet = new vscode.SnippetString();
    let saved = 0;
    for (const [i, s] of sources.entries()) {
      const inside = s.kind === 'uri' ? this.service.relPath(s.uri) : undefined;
      let target = inside;
      if (target === undefined) {
        const name = attachmentName(s.name, s.mime, taken);
        if (!name) return undefined;
        taken.add(name);
        target = folderRel ? `${folderRel}/${name}` : name;
        const contents = s.kind === 'file' ? s.file : await vscode.workspace.fs.readFile(s.uri);
        edit.createFile(this.service.uriOf(target)!, { overwrite: false, ignoreIfExists: false, contents });
        saved++;
      }
      if (i > 0) snippet.appendText('\n\n');
      snippet.appendText('![').appendPlaceholder('').appendText(`](${imageLink(noteRel, target)})`);
    }
    const title = saved ? `Save ${saved === 1 ? 'the image' : `${saved} images`} in ${folderRel || 'the content folder'}/ and link ${saved === 1 ? 'it' : 'them'}` : 'Link the image in the notebook';
    return { snippet, edit, title };
  }

  /** The images in a paste or drop, or undefined when anything in it is not an image (then another provider's edit fits better). */
  private async sources(data: vscode.DataTransfer): Promise<Source[] | undefined> {
    const uriList = await data.get('text/uri-list')?.asString();
    if (uriList) {
      const uris = uriList.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => vscode.Uri.parse(l));
      // Dragged from the Explorer (or, on the desktop, from the OS), every file has a URI:
      // links to notes or other files are another provider's to make.
      if (uris.length) return uris.every((u) => isImageName(u.path)) ? uris.map((uri): Source => ({ kind: 'uri', uri, name: uri.path.split('/').pop(), mime: undefined })) : undefined;
    }
    const out: Source[] = [];
    data.forEach((item, mime) => {
      const file = item.asFile();
      if (!file) return;
      out.push({ kind: 'file', file, name: file.name, mime: mime.toLowerCase() in IMAGE_TYPES ? mime : undefined });
    });
    if (!out.length || out.some((s) => !attachmentName(s.name, s.mime, []))) return undefined;
    return out;
  }
}

/** Registers the provider for paste and drop into markdown files (it offers edits only in the content folder). */
export function registerImagePaste(service: NotebookService): vscode.Disposable {
  const provider = new ImagePasteProvider(service);
  const selector: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };
  return vscode.Disposable.from(
    vscode.languages.registerDocumentPasteEditProvider(selector, provider, { providedPasteEditKinds: [ImagePasteProvider.kind], pasteMimeTypes: ImagePasteProvider.mimeTypes }),
    vscode.languages.registerDocumentDropEditProvider(selector, provider, { providedDropEditKinds: [ImagePasteProvider.kind], dropMimeTypes: ImagePasteProvider.mimeTypes }),
  );
}
