/**
 * `notepress import <blog> [folder]`: an Astro, Hugo or Jekyll blog, or a folder of
 * markdown, brought into the notebook's content folder. The blog is only read; nothing
 * in the notebook is overwritten; a second run writes nothing. Then the starter's site
 * files the project lacks are added, as `notepress init` would.
 */
import * as path from 'node:path';
import { formatReportItem, notebookKinds, validateFor } from '../../extension/core/import/index';
import { importFolder } from '../../extension/core/node/importDisk';
import { loadConfig } from '../../extension/core/node/load';
import { initNotebook } from './init';
import type { Project } from './project';

export async function importBlog(blog: string, p: Project, o: { version: string; log: (s: string) => void }): Promise<number> {
  const config = await loadConfig(p.contentDir);
  const roots = { source: path.relative(p.dir, blog) || '.', content: path.relative(p.dir, p.contentDir) || '.' };
  const { plan, result } = await importFolder(blog, p.contentDir, { kinds: notebookKinds(config.kinds), validate: validateFor(config.kinds) }, roots);
  const entries = plan.writes.filter((w) => w.kind).length;
  o.log(`notepress: ${plan.layout} blog in ${roots.source} (${plan.evidence.join(', ')}): ${entries} entr${entries === 1 ? 'y' : 'ies'} planned; `
    + `${result.written.length} files written, ${result.unchanged.length} already imported, ${result.conflicts.length} kept as they were\n`);
  for (const item of plan.report) o.log(`${formatReportItem(item, roots)}\n`);
  for (const c of result.conflicts) o.log(`${path.join(roots.content, c.path)}: kept, not overwritten (${c.reason}); not imported: ${c.from}\n`);
  for (const f of result.failed) o.log(`${path.join(roots.content, f.path)}: error: ${f.message}\n`);
  if (result.reportPath) o.log(`notepress: the report is in ${path.join(roots.content, result.reportPath)}\n`);
  const init = await initNotebook(p, { version: o.version, log: () => undefined });
  return result.failed.length || init ? 1 : 0;
}
