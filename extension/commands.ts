import * as vscode from 'vscode';
import { newEntry } from './commands/newEntry';
import { createNotebook } from './commands/createNotebook';
import { importBlog } from './commands/importBlog';
import { deleteEntry, EntryArg, renameEntry, revealEntry } from './commands/entryActions';
import { NotebookService } from './workspace/notebookService';
import { SiteRunner } from './site/siteRunner';
import type { PreviewViewProvider } from './preview/previewViewProvider';
import { LinkRenameParticipant } from './editing/linkRenames';

/** Every command id the extension contributes; package.json lists the same ids. */
export const enum CommandId {
  /** Ask which kind, then the title, and create the entry from its template. */
  NewEntry = 'notepress.newEntry',
  /** Ask for a title and create a note from its template. */
  NewNote = 'notepress.newNote',
  NewCaseStudy = 'notepress.newCaseStudy',
  NewResearch = 'notepress.newResearch',
  NewOpenSource = 'notepress.newOpenSource',
  /** Write the starter notebook (content, site config, package.json, workflow) and install its packages. */
  CreateNotebook = 'notepress.createNotebook',
  /** Read an Astro, Hugo or Jekyll blog (or a folder of markdown) into the notebook. */
  ImportBlog = 'notepress.importBlog',
  /** Check again whether the site can run (after an install outside the editor). */
  RefreshSite = 'notepress.refreshSite',
  /** Run `vitepress build`; problems go to the Problems panel. Trusted workspaces only. */
  BuildSite = 'notepress.buildSite',
  /** Run `vitepress dev` once and open the current page. Trusted workspaces only. */
  ServeSite = 'notepress.serveSite',
  /** Reload the notebook from disk. */
  Refresh = 'notepress.refresh',
  RevealEntry = 'notepress.revealEntry',
  /** Rename an entry's title and file; links to it in other notes are updated in the same edit, after a preview. */
  RenameEntry = 'notepress.renameEntry',
  DeleteEntry = 'notepress.deleteEntry',
  /** Show the Preview view in the Notepress sidebar ("Show Site Preview in the Sidebar"). */
  OpenPreview = 'notepress.openPreview',
  /** Open the preview in a panel beside the editor ("Open Site Preview to the Side"). */
  OpenPreviewToSide = 'notepress.openPreviewToSide',
}

export function registerCommands(service: NotebookService, site: SiteRunner, preview: {
  extension: vscode.ExtensionContext['extension']; previews: PreviewViewProvider; refreshSite: () => Promise<void>;
}, renames: LinkRenameParticipant): vscode.Disposable {
  const kinds: [CommandId, string][] = [
    [CommandId.NewNote, 'note'], [CommandId.NewCaseStudy, 'case-study'], [CommandId.NewResearch, 'research'], [CommandId.NewOpenSource, 'open-source'],
  ];
  return vscode.Disposable.from(
    ...kinds.map(([id, kind]) => vscode.commands.registerCommand(id, (title?: unknown) => newEntry(service, kind, typeof title === 'string' ? title : undefined))),
    vscode.commands.registerCommand(CommandId.NewEntry, (kind?: unknown, title?: unknown) =>
      newEntry(service, typeof kind === 'string' ? kind : undefined, typeof title === 'string' ? title : undefined)),
    vscode.commands.registerCommand(CommandId.CreateNotebook, () => createNotebook(service, preview.extension)),
    vscode.commands.registerCommand(CommandId.ImportBlog, (folder?: unknown) => importBlog(service, preview.extension, folder instanceof vscode.Uri ? folder : undefined)),
    vscode.commands.registerCommand(CommandId.RefreshSite, () => preview.refreshSite()),
    vscode.commands.registerCommand(CommandId.BuildSite, () => site.build()),
    vscode.commands.registerCommand(CommandId.ServeSite, () => site.serveSite()),
    vscode.commands.registerCommand(CommandId.Refresh, () => service.reload()),
    vscode.commands.registerCommand(CommandId.RevealEntry, (arg: EntryArg) => revealEntry(service, arg)),
    vscode.commands.registerCommand(CommandId.RenameEntry, (arg: EntryArg) => renameEntry(service, arg, renames)),
    vscode.commands.registerCommand(CommandId.DeleteEntry, (arg: EntryArg) => deleteEntry(service, arg)),
    vscode.commands.registerCommand(CommandId.OpenPreview, () => vscode.commands.executeCommand('notepress.preview.focus')),
    vscode.commands.registerCommand(CommandId.OpenPreviewToSide, () => preview.previews.openToSide()),
  );
}
