import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { urlOf } from '../core/index';
import { freePort } from '../core/node/net';
import { Disposable } from '../util/dispose';
import { parseBuildLine } from '../util/paths';
import { NotebookService } from '../workspace/notebookService';
import { contentDirSetting } from '../workspace/settings';
import { siteState, SiteState } from './siteProject';
import { installNotebook } from './installer';

const TRUST_MESSAGE = 'Notepress: building and serving the site runs code from this workspace (VitePress and its config). Trust the workspace to use it.';

/**
 * Runs the notebook's own `notepress` command (from its node_modules): `build` with
 * progress and its problems in the Problems panel, `dev` as a task. Processes are
 * spawned with argument arrays, never a shell string, and only in trusted workspaces.
 * When the site cannot run yet, the commands say what is missing and offer the fix.
 */
export class SiteRunner extends Disposable {
  private readonly output = this._register(vscode.window.createOutputChannel('Notepress'));
  private readonly buildProblems = this._register(vscode.languages.createDiagnosticCollection('notepress-build'));
  private serve: { execution: vscode.TaskExecution; port: number } | undefined;

  constructor(private readonly service: NotebookService, private readonly onInstalled: () => void) {
    super();
    this._register(vscode.tasks.onDidEndTask((e) => {
      if (e.execution === this.serve?.execution) this.serve = undefined;
    }));
  }

  /** The site, ready to run; otherwise says what is missing and offers the fix (installing), then tries again. */
  private async ready(): Promise<Extract<SiteState, { ready: true }> | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(TRUST_MESSAGE);
      return undefined;
    }
    const state = await siteState();
    if (state.ready) return state;
    if (state.missing === 'install' && state.project) {
      const install = 'Install';
      if ((await vscode.window.showWarningMessage(`Notepress: ${state.why}.`, install)) !== install) return undefined;
      if (!(await installNotebook(state.project))) return undefined;
      this.onInstalled();
      const again = await siteState();
      return again.ready ? again : undefined;
    }
    const create = 'Create Notebook';
    if (state.missing === 'config' && (await vscode.window.showWarningMessage(`Notepress: ${state.why}.`, create)) === create) {
      await vscode.commands.executeCommand('notepress.createNotebook');
    } else if (state.missing === 'folder') void vscode.window.showWarningMessage(`Notepress: ${state.why}.`);
    return undefined;
  }

  private args(site: Extract<SiteState, { ready: true }>, command: string, ...rest: string[]): string[] {
    return [site.cli.fsPath, command, site.project.fsPath, '--content', contentDirSetting(), ...rest];
  }

  /** Builds the site; its problems go to the Problems panel, its output to the "Notepress" channel. */
  async build(): Promise<boolean> {
    const site = await this.ready();
    if (!site) return false;
    this.buildProblems.clear();
    this.output.clear();
    this.output.appendLine(`$ notepress build --content ${contentDirSetting()}`);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Notepress: building the site', cancellable: true },
      (_progress, token) => new Promise<boolean>((resolve) => {
        const child = spawn(process.execPath, this.args(site, 'build'), {
          cwd: site.project.fsPath,
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
          detached: process.platform !== 'win32',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const problems = new Map<string, vscode.Diagnostic[]>();
        let pending = '';
        const onData = (chunk: Buffer) => {
          const text = pending + chunk.toString('utf8');
          const lines = text.split(/\r?\n/);
          pending = lines.pop() ?? '';
          for (const line of lines) this.onLine(line, site.project, problems);
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        const cancel = token.onCancellationRequested(() => kill(child));
        child.on('error', (err) => this.output.appendLine(`Notepress: could not start the build: ${err.message}`));
        child.on('close', (code) => {
          cancel.dispose();
          if (pending) this.onLine(pending, site.project, problems);
          this.buildProblems.clear();
          for (const [file, diags] of problems) {
            // The notebook's own checks already report content problems as they happen;
            // the build's copy of one would only show it twice.
            const uri = vscode.Uri.file(file);
            const live = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'notepress');
            const fresh = diags.filter((d) => !live.some((l) => l.message === d.message && l.range.start.line === d.range.start.line));
            if (fresh.length) this.buildProblems.set(uri, fresh);
          }
          const ok = code === 0;
          this.output.appendLine(ok ? 'Notepress: site built.' : `Notepress: the build failed (exit ${code ?? 'killed'}).`);
          if (ok) void vscode.window.showInformationMessage('Notepress: site built.');
          else if (!token.isCancellationRequested) {
            void vscode.window.showErrorMessage(`Notepress: the site build failed${problems.size ? '; see the Problems panel' : ''}.`, 'Show Output')
              .then((pick) => pick && this.output.show());
          }
          resolve(ok);
        });
      }),
    );
  }

  private onLine(line: string, cwd: vscode.Uri, problems: Map<string, vscode.Diagnostic[]>): void {
     
    const clean = line.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
    this.output.appendLine(clean);
    const p = parseBuildLine(clean);
    if (!p) return;
    const file = p.file.startsWith('/') ? p.file : vscode.Uri.joinPath(cwd, p.file).fsPath;
    const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
    const d = new vscode.Diagnostic(new vscode.Range(pos, pos), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    d.source = 'notepress build';
    problems.set(file, [...(problems.get(file) ?? []), d]);
  }

  /** Starts `notepress dev` as a task (once), on the set port or the next free one, and opens the current note's page. */
  async serveSite(): Promise<void> {
    const site = await this.ready();
    if (!site) return;
    if (!this.serve) {
      const port = await freePort(vscode.workspace.getConfiguration('notepress').get<number>('devServerPort', 5173));
      const task = new vscode.Task(
        { type: 'notepress', command: 'serve' }, vscode.TaskScope.Workspace, 'Serve Site', 'notepress',
        new vscode.ProcessExecution(process.execPath, this.args(site, 'dev', '--port', String(port)), {
          cwd: site.project.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' },
        }),
      );
      task.isBackground = true;
      this.serve = { execution: await vscode.tasks.executeTask(task), port };
      if (!(await waitForServer(port, 60_000))) {
        void vscode.window.showErrorMessage(`Notepress: the dev server did not answer on port ${port}; see the Serve Site terminal.`);
        return;
      }
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const rel = active ? this.service.relPath(active) : undefined;
    const page = rel && this.service.notebook.kinds.classify(rel) ? urlOf(rel) : '/';
    const url = `http://localhost:${this.serve.port}${encodeURI(page)}`;
    void vscode.window.showInformationMessage(`Notepress: the site is served at http://localhost:${this.serve.port}/`);
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }

  override dispose(): void {
    this.serve?.execution.terminate();
    super.dispose();
  }
}

function kill(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // The build spawns workers; killing the group stops them all.
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

function waitForServer(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => (Date.now() > deadline ? resolve(false) : setTimeout(attempt, 300)));
      req.on('timeout', () => req.destroy());
    };
    attempt();
  });
}
