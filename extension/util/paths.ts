/**
 * Pure path helpers between workspace URIs and content-relative paths. Kept free of
 * `vscode` so they are unit-tested without it.
 */

/** The content-relative path of a file path under `root`, or undefined when it is outside. */
export function relativeTo(root: string, file: string): string | undefined {
  const r = root.replace(/\/+$/, '');
  if (!file.startsWith(`${r}/`)) return undefined;
  const rel = file.slice(r.length + 1);
  return rel.split('/').some((s) => s === '..' || s === '.' || s === '') ? undefined : rel;
}

/** `Jun 1, 2026 · 8 min read`, or what of it is known. */
export function describeEntry(dateLabel: string | undefined, minutes: number, problems: number): string {
  const parts = [dateLabel, `${minutes} min read`].filter(Boolean);
  if (problems) parts.unshift(`${problems} problem${problems === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** One `path:line:column: severity: message` line of build output, as the site build prints it. */
export interface BuildProblemLine { file: string; line: number; column: number; severity: 'error' | 'warning'; message: string }

export function parseBuildLine(line: string): BuildProblemLine | undefined {
   
  const m = /^(.+?):(\d+):(\d+): (error|warning): (.*)$/.exec(line.replace(/\u001b\[[0-9;]*m/g, '').trim());
  if (!m) return undefined;
  return { file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4] as 'error' | 'warning', message: m[5] };
}
