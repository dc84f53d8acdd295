/**
 * One VitePress build in a fresh process, for `bench/site.ts`: prints the build's
 * wall time, its CPU time (user + system, all of the process's threads: steadier than wall
 * time on a busy machine) and the process's peak resident memory as JSON. Run as
 * `node --import tsx bench/siteBuild.ts <vitepress root> <outDir>`.
 */
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  const [root, outDir] = process.argv.slice(2);
  const { build } = await import('vitepress');
  const t = performance.now();
  const cpu = process.cpuUsage();
  await build(root, { outDir });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  // maxRSS is in kilobytes: the high-water mark of the whole process.
  process.stdout.write(`\n${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
