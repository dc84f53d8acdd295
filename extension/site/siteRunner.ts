import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { urlOf } from '../core/index';
import { Disposable } from '../util/dispose';
import { parseBuildLine } from '../util/paths';
import { NotebookService } from '../workspace/notebookService';
import { siteRoot } from '../workspace/settings';
import { exists } from '../util/fs';

const TRUST_MESSAGE = 'Notepress: building and serving the site runs code from this workspace (VitePress and its config). Trust the workspace to use it.';

/**
 * Runs VitePress from the workspace's own node_modules: `build` with progress and
 * problems, `dev` as a task. Processes are spawned with argument arrays, never a
 * shell string, and only in trusted workspaces.
 */
export class SiteRunner extends Disposable {
  private readonly output = this._register(vscode.window.createOutputChannel('Notepress'));
  private readonly buildProblems = this._register(vscode.languages.createDiagnosticCollection('notepress-build'));
  private serve: { execution: vscode.TaskExecution; port: number } | undefined;

  constructor(private readonly service: NotebookService) {
    super();
    this._register(vscode.tasks.onDidEndTask((e) => {
      if (e.execution === this.serve?.execution) this.serve = undefined;
    }));
  }

  private async vitepress(): Promise<{ bin: vscode.Uri; site: vscode.Uri; cwd: vscode.Uri } | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const site = siteRoot();
    if (!folder || !site) return undefined;
    const bin = vscode.Uri.joinPath(folder.uri, 'node_modules', 'vitepress', 'bin', 'vitepress.js');
    if (!(await exists(bin))) {
      void vscode.window.showErrorMessage('Notepress: VitePress is not installed in this workspace. Run `npm install` first.');
      return undefined;
    }
    return { bin, site, cwd: folder.uri };
  }

  /** Builds the site; its problems go to the Problems panel, its output to the "Notepress" channel. */
  async build(): Promise<boolean> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(TRUST_MESSAGE);
      return false;
    }
    const vp = await this.vitepress();
    if (!vp) return false;
    this.buildProblems.clear();
    this.output.clear();
    this.output.appendLine(`$ vitepress build ${vscode.workspace.asRelativePath(vp.site)}`);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Notepress: building the site', cancellable: true },
      (_progress, token) => new Promise<boolean>((resolve) => {
        const child = spawn(process.execPath, [vp.bin.fsPath, 'build', vp.site.fsPath], {
          cwd: vp.cwd.fsPath,
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '0' },
          detached: process.platform !== 'win32',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const problems = new Map<string, vscode.Diagnostic[]>();
        let pending = '';
        const onData = (chunk: Buffer) => {
          const text = pending + chunk.toString('utf8');
          const lines = text.split(/\r?\n/);
          pending = lines.pop() ?? '';
          for (const line of lines) this.onLine(line, vp.cwd, problems);
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        const cancel = token.onCancellationRequested(() => kill(child));
        child.on('error', (err) => {
          this.output.appendLine(`Notepress: could not start VitePress: ${err.message}`);
        });
        child.on('close', (code) => {
          cancel.dispose();
          if (pending) this.onLine(pending, vp.cwd, problems);
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
    this.output.appendLine(line);
    const p = parseBuildLine(line);
    if (!p) return;
    const file = p.file.startsWith('/') ? p.file : vscode.Uri.joinPath(cwd, p.file).fsPath;
    const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
    const d = new vscode.Diagnostic(new vscode.Range(pos, pos), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    d.source = 'notepress build';
    problems.set(file, [...(problems.get(file) ?? []), d]);
  }

  /** Starts `vitepress dev` as a task (once) and opens the current note's page. */
  async serveSite(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(TRUST_MESSAGE);
      return;
    }
    if (!this.serve) {
      const vp = await this.vitepress();
      if (!vp) return;
      const port = vscode.workspace.getConfiguration('notepress').get<number>('devServerPort', 5173);
      const task = new vscode.Task(
        { type: 'notepress', command: 'serve' }, vscode.TaskScope.Workspace, 'Serve Site', 'notepress',
        new vscode.ProcessExecution(process.execPath, [vp.bin.fsPath, 'dev', vp.site.fsPath, '--port', String(port), '--strictPort'], {
          cwd: vp.cwd.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' },
        }),
      );
      task.isBackground = true;
      this.serve = { execution: await vscode.tasks.executeTask(task), port };
      if (!(await waitForServer(port, 30_000))) {
        void vscode.window.showErrorMessage(`Notepress: the dev server did not answer on port ${port}; see the Serve Site terminal.`);
        return;
      }
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const rel = active ? this.service.relPath(active) : undefined;
    const page = rel ? urlOf(rel) : '/';
    await vscode.env.openExternal(vscode.Uri.parse(`http://localhost:${this.serve.port}${encodeURI(page)}`));
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

