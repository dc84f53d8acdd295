/**
 * The notebook index as the extension keeps it: loading N notes (what the tree's lists
 * show, then every problem), the heap it holds, re-indexing one changed file, and the
 * link checks (first time, per keystroke, after a linked title changes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diskFiles, loadNotebook } from '../extension/core/node/load';
import { LinkIndex, Notebook } from '../extension/core/index';
import { writeNotebook } from '../test/helpers/generate';
import { fmt, summarize, time, timeSync } from './stats';
import { row, type Row } from './row';
export async function benchIndex(sizes: number[], runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `notepress-bench-${n}-`));
    try {
      writeNotebook(path.join(dir, 'content'), n);
      const root = path.join(dir, 'content');
      // Baseline: reading the same files with no parsing at all, the floor any index pays.
      const files = Array.from({ length: n }, (_, i) => path.join(root, `notes/note-${String(i).padStart(5, '0')}.md`));
      const readOnly: number[] = [];
      const load: number[] = [];
      const all: number[] = [];
      let heap = 0;
      for (let r = 0; r < runs; r++) {
        readOnly.push(await time(() => files.forEach((f) => readFileSync(f, 'utf8'))));
        globalThis.gc?.();
        const before = process.memoryUsage().heapUsed;
        let nb: Awaited<ReturnType<typeof loadNotebook>> | undefined;
        load.push(await time(async () => { nb = await loadNotebook(root); }));
        globalThis.gc?.(); // what the index holds, not the garbage its loading left
        heap = Math.max(heap, process.memoryUsage().heapUsed - before);
        if (nb!.size !== n) throw new Error(`loaded ${nb!.size} of ${n}`);
        // Problems are worked out on first use; the editor does it in slices after the tree shows.
        all.push(await time(() => nb!.problems()));
      }
      const l = summarize(load);
      const b = summarize(readOnly);
      const p = summarize(all);
      rows.push(row('index', `load ${n} notes: what lists show (median; min ${fmt(l.min)}, max ${fmt(l.max)})`, l.median, b.median, 'read the files only', n >= 10_000 ? { max: 1000 } : undefined));
      rows.push(row('index', `then every problem of the ${n} notes, worked out after the tree shows (median; max ${fmt(p.max)})`, p.median, l.median, 'the load'));
      rows.push(row('index', `heap held after loading ${n} notes`, heap / 1048576, undefined, '', undefined, 'MB'));
      const nb = await loadNotebook(root);
      const target = 'notes/note-00000.md';
      const text = readFileSync(path.join(root, target), 'utf8');
      const change: number[] = [];
      for (let i = 0; i < Math.max(runs, 200); i++) {
        const edited = text.replace(/^title: .*$/m, `title: "Edited ${i}"`);
        change.push(await time(() => { nb.set(target, edited); nb.list('note'); }));
      }
      const c = summarize(change);
      rows.push(row('index', `re-index one changed file among ${n}, and re-sort (p95; median ${fmt(c.median)})`, c.p95, undefined, '', { max: 5 }));
      rows.push(...benchLinks(nb, root, n, runs));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/**
 * Links: every note links to three others (a wikilink by title, a relative link to a
 * heading, a plain relative link). What the editor pays: the first check of every link
 * (in slices, so the extension host stays responsive: its target is the time until every
 * link is known), then the check after each keystroke in one note (its diagnostics
 * refresh), and after a linked note's title changes (the notes that name it are resolved again).
 */
function benchLinks(nb: Notebook, root: string, n: number, runs: number): Row[] {
  const rows: Row[] = [];
  const paths = Array.from({ length: n }, (_, i) => `notes/note-${String(i).padStart(5, '0')}.md`);
  const texts = paths.map((p) => readFileSync(path.join(root, p), 'utf8'));
  paths.forEach((p, i) => {
    const a = nb.get(paths[(i + 1) % n])!;
    const b = paths[(i + 2) % n];
    const heading = nb.links.headingsOf(b)[0]?.slug ?? '';
    nb.set(p, `${texts[i]}\nSee [[${a.title}]], [its part](./${path.posix.basename(b)}#${heading}) and [more](./${path.posix.basename(paths[(i + 3) % n])}).\n`);
  });
  const files = diskFiles(root);
  const cold: number[] = [];
  for (let r = 0; r < runs; r++) {
    const index = new LinkIndex(nb);
    cold.push(timeSync(() => index.problems(files)));
  }
  const c = summarize(cold);
  const problems = nb.linkProblems(files);
  if (problems.length) throw new Error(`the benchmark's links should all resolve: ${problems[0].message}`);
  rows.push(row('index', `check every link of ${n} notes (3 each), first time: read and resolve (median; min ${fmt(c.min)}, max ${fmt(c.max)})`, c.median, undefined, '', n >= 10_000 ? { max: 5000 } : undefined));
  const target = paths[0];
  const base = nb.get(target)!;
  const typed: number[] = [];
  for (let i = 0; i < Math.max(runs, 200); i++) {
    const edited = `---\ntitle: "${base.title}"\ndate: ${base.date}\n---\n\n${base.body} word${i}\n`;
    typed.push(timeSync(() => { nb.set(target, edited); nb.linkProblems(files); }));
  }
  const t = summarize(typed);
  rows.push(row('index', `a keystroke in one note among ${n}: re-index it and check every link again (p95; median ${fmt(t.median)})`, t.p95, undefined, '', { max: 10 }));
  const renamed: number[] = [];
  const linked = paths[1];
  const linkedText = readFileSync(path.join(root, linked), 'utf8');
  for (let i = 0; i < Math.max(runs, 50); i++) {
    renamed.push(timeSync(() => { nb.set(linked, linkedText.replace(/^title: .*$/m, `title: "Renamed ${i}"`)); nb.linkProblems(files); }));
  }
  const rn = summarize(renamed);
  rows.push(row('index', `a linked note's title changes among ${n}: its linkers resolved again, every link checked (p95; median ${fmt(rn.median)})`, rn.p95, undefined, '', { max: 10 }));
  return rows;
}
