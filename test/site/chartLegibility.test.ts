import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../helpers/builtSite';

const CHART_NOTE = '/notes/kafka-log-segments-and-consumer-lag';

/** What a figure shows: which drawing, at what size, and its smallest text as rendered. */
interface Seen {
  /** Class of each chart drawing that is displayed with a size. */
  visible: string[];
  figureWidth: number;
  /** Smallest axis text in CSS px: its font size in SVG units times the drawing's scale. */
  svgText: number;
  /** Height of that text's box on screen, in CSS px. */
  svgTextBox: number;
  /** Smallest text of the caption, legend and data summary, in CSS px. */
  htmlText: number;
  /** The reused marks' box against the compact plot's width, when the compact drawing shows. */
  marksWidth?: number;
  plotWidth?: number;
  viewBox: string;
  font: number;
}

function look(page: Page): Promise<Seen> {
  return page.locator('.entry__body figure.np-chart').evaluate((figure) => {
    const drawings = [...figure.querySelectorAll<SVGSVGElement>('svg.np-chart-svg, svg.np-chart-svg-compact')];
    const shown = drawings.filter((s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 0);
    const svg = shown[0];
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    let svgText = Infinity;
    let svgTextBox = Infinity;
    let font = Infinity;
    for (const t of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(t).fontSize);
      font = Math.min(font, size);
      if (size * scale < svgText) {
        svgText = size * scale;
        svgTextBox = t.getBoundingClientRect().height;
      }
    }
    let htmlText = Infinity;
    for (const e of figure.querySelectorAll<HTMLElement>('figcaption *, summary')) {
      if (e.closest('svg') || !e.textContent?.trim() || e.getBoundingClientRect().width === 0) continue;
      htmlText = Math.min(htmlText, parseFloat(getComputedStyle(e).fontSize));
    }
    const use = svg.querySelector('use');
    const base = svg.querySelector('.np-chart-baseline');
    return {
      visible: shown.map((s) => s.getAttribute('class')!), figureWidth: figure.getBoundingClientRect().width,
      svgText, svgTextBox, htmlText, font, viewBox: svg.getAttribute('viewBox')!,
      marksWidth: use ? use.getBoundingClientRect().width : undefined,
      plotWidth: use && base ? base.getBoundingClientRect().width : undefined,
    };
  });
}

describe('chart legibility at phone, sidebar and desktop widths (VitePress build in Chromium)', function () {
  this.timeout(180_000);
  const site = useBuiltSite({ prefix: 'chart' });

  async function open(width: number, height: number): Promise<Page> {
    const page = await site.browser().newPage({ viewport: { width, height } });
    await page.goto(site.url() + CHART_NOTE);
    return page;
  }

  it('on a 360 px phone: only the compact drawing, its axis text 11 px or more, its marks drawn in its plot', async () => {
    const page = await open(360, 740);
    const seen = await look(page);
    assert.deepEqual(seen.visible, ['np-chart-svg-compact'], JSON.stringify(seen));
    assert.ok(seen.svgText >= 11, `axis text renders at ${seen.svgText.toFixed(2)} px`);
    assert.ok(seen.svgTextBox >= 11, `axis text box is ${seen.svgTextBox.toFixed(2)} px tall`);
    assert.ok(seen.htmlText >= 11, `caption or legend text at ${seen.htmlText} px`);
    // The <use> copy of the regular marks spans the compact plot (the lines run from 0 s to 600 s).
    assert.ok(seen.marksWidth! > 0.95 * seen.plotWidth! && seen.marksWidth! < 1.05 * seen.plotWidth!, JSON.stringify(seen));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.close();
  });

  it('in a 300 px column (the editor\'s sidebar): the compact drawing, text 11 px or more', async () => {
    const page = await open(1280, 800);
    // The container query follows the figure's own width, whatever the viewport.
    await page.locator('.entry__body figure.np-chart').evaluate((f) => ((f as HTMLElement).style.width = '300px'));
    const seen = await look(page);
    assert.equal(seen.figureWidth, 300);
    assert.deepEqual(seen.visible, ['np-chart-svg-compact'], JSON.stringify(seen));
    assert.ok(seen.svgText >= 11, `axis text renders at ${seen.svgText.toFixed(2)} px`);
    assert.ok(seen.svgTextBox >= 11, `axis text box is ${seen.svgTextBox.toFixed(2)} px tall`);
    assert.ok(seen.htmlText >= 11, `caption or legend text at ${seen.htmlText} px`);
    await page.close();
  });

  it('on a 1280 px desktop: only the regular drawing, as before (640 by 320, 12-unit text), 11 px or more', async () => {
    const page = await open(1280, 800);
    const seen = await look(page);
    assert.deepEqual(seen.visible, ['np-chart-svg'], JSON.stringify(seen));
    assert.equal(seen.viewBox, '0 0 640 320');
    assert.equal(seen.font, 12);
    assert.ok(seen.svgText >= 11, `axis text renders at ${seen.svgText.toFixed(2)} px`);
    assert.ok(seen.htmlText >= 11, `caption or legend text at ${seen.htmlText} px`);
    // One data table for both drawings.
    assert.equal(await page.locator('.entry__body figure.np-chart table').count(), 1);
    await page.close();
  });
});
