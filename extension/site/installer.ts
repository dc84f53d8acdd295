import * as vscode from 'vscode';

/**
 * Runs `npm install` in the notebook's folder as a visible task (its output in a
 * terminal), with a progress notification until it ends. npm runs the packages' install
 * scripts, which are workspace code: only in a trusted workspace. Arguments are an
 * array, never a shell string.
 */
export async function runNpm(project: vscode.Uri, args: readonly string[], title: string): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Notepress: installing packages runs code from the internet and this workspace. Trust the workspace first.');
    return false;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const task = new vscode.Task(
    { type: 'notepress', command: 'install' }, vscode.TaskScope.Workspace, title, 'notepress',
    new vscode.ProcessExecution(npm, [...args], { cwd: project.fsPath }),
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Notepress: ${title}…`, cancellable: true }, async (_p, token) => {
    const execution = await vscode.tasks.executeTask(task);
    const cancel = token.onCancellationRequested(() => execution.terminate());
    const code = await new Promise<number | undefined>((resolve) => {
      const done = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution !== execution) return;
        done.dispose();
        resolve(e.exitCode);
      });
    });
    cancel.dispose();
    if (code !== 0) void vscode.window.showErrorMessage(`Notepress: \`npm ${args.join(' ')}\` failed${code === undefined ? '' : ` (exit ${code})`}; its output is in the terminal "${title}".`);
    return code === 0;
  });
}

/** The install that makes a notebook's site runnable. */
export function installNotebook(project: vscode.Uri): Promise<boolean> {
  return runNpm(project, ['install', '--no-audit', '--no-fund'], "installing the notebook's packages");
}
