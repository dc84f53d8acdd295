import * as vscode from 'vscode';
import { exists } from '../util/fs';
import { projectRoot, siteRootCandidates } from '../workspace/settings';

const CONFIGS = ['config.mts', 'config.ts', 'config.mjs', 'config.js'];

/** What the workspace's site needs to run, and what is missing when it cannot. */
export type SiteState =
  | { readonly ready: true; readonly project: vscode.Uri; readonly siteRoot: vscode.Uri; readonly cli: vscode.Uri }
  | { readonly ready: false; readonly project?: vscode.Uri; readonly siteRoot?: vscode.Uri; readonly missing: 'folder' | 'config' | 'install'; readonly why: string };

/**
 * Finds the notebook's site: a VitePress folder (one with `.vitepress/config.*`) and the
 * `notepress` command from the notebook's own `node_modules` (or, in Notepress's own
 * repository, its build). Nothing here runs workspace code.
 */
export async function siteState(): Promise<SiteState> {
  const project = projectRoot();
  if (!project) return { ready: false, missing: 'folder', why: 'open a folder first' };
  let siteRoot: vscode.Uri | undefined;
  for (const root of siteRootCandidates()) {
    for (const c of CONFIGS) if (!siteRoot && (await exists(vscode.Uri.joinPath(root, '.vitepress', c)))) siteRoot = root;
  }
  if (!siteRoot) {
    return { ready: false, project, missing: 'config', why: 'this folder has no site yet (no `.vitepress/config.mts`): run Create Notebook, which writes it' };
  }
  for (const cli of [vscode.Uri.joinPath(project, 'node_modules', 'notepress', 'dist', 'site', 'cli.mjs'), ...(await isNotepressItself(project) ? [vscode.Uri.joinPath(project, 'dist', 'site', 'cli.mjs')] : [])]) {
    if (await exists(cli)) return { ready: true, project, siteRoot, cli };
  }
  return { ready: false, project, siteRoot, missing: 'install', why: "the notebook's packages are not installed (`node_modules/notepress` is missing)" };
}

async function isNotepressItself(project: vscode.Uri): Promise<boolean> {
  try {
    const pkg = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(project, 'package.json')))) as { name?: string };
    return pkg.name === 'notepress';
  } catch {
    return false;
  }
}
