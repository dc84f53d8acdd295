/**
 * Lighthouse 12.2.3 (the last release that runs on Node 20) with Debian's Chromium,
 * on a built site served locally: the four category scores, bytes transferred, LCP
 * and TBT, with Lighthouse's default mobile settings and simulated throttling.
 */
import { serveStatic } from '../test/helpers/staticServer';
import { summarize } from './stats';

export interface LighthouseFigures { performance: number; accessibility: number; bestPractices: number; seo: number; bytes: number; lcp: number; tbt: number }

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function lighthouseRuns(outDir: string, pages: string[], runs: number): Promise<Map<string, Record<keyof LighthouseFigures, ReturnType<typeof summarize>>>> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: (url: string, flags: object) => Promise<{ lhr: LhResult } | undefined> };
  const chromeLauncher = (await import('chrome-launcher')) as unknown as { launch(o: object): Promise<{ port: number; kill(): Promise<void> }> };
  const server = await serveStatic(outDir);
  const out = new Map<string, Record<keyof LighthouseFigures, ReturnType<typeof summarize>>>();
  try {
    for (const page of pages) {
      const samples: LighthouseFigures[] = [];
      for (let i = 0; i < runs; i++) {
        const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
        try {
          const r = await lighthouse(server.url + page, { port: chrome.port, output: 'json', logLevel: 'error' });
          if (!r) throw new Error(`Lighthouse returned nothing for ${page}`);
          const c = r.lhr.categories;
          const a = r.lhr.audits;
          samples.push({
            performance: c.performance.score * 100, accessibility: c.accessibility.score * 100,
            bestPractices: c['best-practices'].score * 100, seo: c.seo.score * 100,
            bytes: a['total-byte-weight'].numericValue, lcp: a['largest-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue,
          });
        } finally {
          await chrome.kill();
        }
      }
      const keys = Object.keys(samples[0]) as (keyof LighthouseFigures)[];
      out.set(page, Object.fromEntries(keys.map((k) => [k, summarize(samples.map((s) => s[k]))])) as Record<keyof LighthouseFigures, ReturnType<typeof summarize>>);
    }
  } finally {
    await server.close();
  }
  return out;
}

interface LhResult {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue: number }>;
}
