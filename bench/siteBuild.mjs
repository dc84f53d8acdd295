/**
 * One VitePress build in a fresh process, for `bench/site.ts` and `bench/baseline.ts`:
 * prints the build's wall time, its CPU time (user + system, all of the process's
 * threads: steadier than wall time on a busy machine) and the process's peak resident
 * memory as JSON. Run as `node bench/siteBuild.mjs <vitepress root> <outDir>`.
 *
 * Plain JavaScript on purpose: run through tsx, every build paid for tsx's module hooks
 * and the source maps it turns on, about 3 s of wall time and 5 s of CPU at 200 notes,
 * which a reader running `notepress build` (or Astro, measured the same way) never pays.
 */
import { performance } from 'node:perf_hooks';

const [root, outDir] = process.argv.slice(2);
try {
  const { build } = await import('vitepress');
  const t = performance.now();
  const cpu = process.cpuUsage();
  await build(root, { outDir });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  // maxRSS is in kilobytes: the high-water mark of the whole process.
  process.stdout.write(`\n${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`);
} catch (e) {
  console.error(e);
  process.exit(1);
}
