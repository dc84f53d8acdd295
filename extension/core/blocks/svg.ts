/**
 * A renderer's SVG, rebuilt inside a small safe subset: the elements and attributes of
 * {@link DIAGRAM_SVG_ALLOWLIST} and nothing else. Colours leave the drawing: a fill or
 * stroke of `var(--_name)` becomes the class `np-fill-name` or `np-stroke-name`, which
 * the theme colours for light and dark (docs/.vitepress/theme/styles/prose.css). No
 * `style` attribute, `<style>` element, link, script, event handler or foreign content
 * can survive, whatever the renderer emits.
 */
import { Parser } from 'htmlparser2';

const PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-linejoin', 'stroke-linecap', 'stroke-dasharray'] as const;
const MARKERS = ['marker-start', 'marker-end'] as const;

/**
 * Everything a drawn diagram may contain, for the page sanitizer's configuration: the
 * elements, the attributes of each (`*`: on every element), and the only values some
 * attributes take. Any other element is dropped with its content; any other attribute
 * is dropped.
 */
export const DIAGRAM_SVG_ALLOWLIST = {
  elements: ['svg', 'g', 'defs', 'marker', 'title', 'desc', 'path', 'line', 'polyline', 'polygon', 'rect', 'circle', 'ellipse', 'text', 'tspan'],
  attributes: {
    '*': ['class'],
    svg: ['xmlns', 'viewBox', 'width', 'height', 'aria-labelledby'],
    title: ['id'],
    desc: ['id'],
    marker: ['id', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient'],
    g: ['transform'],
    path: ['d', ...PAINT],
    line: ['x1', 'y1', 'x2', 'y2', ...PAINT, ...MARKERS],
    polyline: ['points', ...PAINT, ...MARKERS],
    polygon: ['points', ...PAINT],
    rect: ['x', 'y', 'width', 'height', 'rx', 'ry', ...PAINT],
    circle: ['cx', 'cy', 'r', ...PAINT],
    ellipse: ['cx', 'cy', 'rx', 'ry', ...PAINT],
    text: ['x', 'y', 'dy', 'text-anchor', 'font-size', 'font-weight', 'font-style'],
    tspan: ['x', 'y', 'dy', 'font-weight', 'font-style'],
  },
  values: {
    fill: ['none'],
    stroke: ['none'],
    'marker-start': ['url(#<id of a marker in the same svg>)'],
    'marker-end': ['url(#<id of a marker in the same svg>)'],
  },
} as const;

const ELEMENTS: ReadonlySet<string> = new Set(DIAGRAM_SVG_ALLOWLIST.elements);
const ATTRS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(DIAGRAM_SVG_ALLOWLIST.attributes).map(([tag, names]) => [tag, new Set<string>(names)]),
);
/** Attributes whose value is numbers: rounded to two decimals, which no one sees and which halves their length. */
const NUMERIC = /^(x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|dy|width|height|points|d|viewBox|transform|refX|refY|markerWidth|markerHeight|stroke-width|font-size)$/;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const round = (v: string) => v.replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2))));

export interface SvgFrame {
  /** Prefix of every id, unique in the page (`np-diagram-1`). */
  readonly id: string;
  /** Read by screen readers in place of the drawing. */
  readonly title: string;
  readonly desc: string;
  readonly className: string;
}

/** Rebuilds `svg` inside the allowlist, with a `<title>` and `<desc>` that name it. */
export function safeSvg(svg: string, frame: SvgFrame): string {
  let out = '';
  let drop = 0;
  let root = true;
  const ids = new Set<string>();
  for (const m of svg.matchAll(/<marker\b[^>]*\bid="([^"]+)"/g)) ids.add(m[1]);
  const parser = new Parser({
    onopentag(name, attribs) {
      if (drop > 0 || !ELEMENTS.has(name) || name === 'title' || name === 'desc') {
        drop++;
        return;
      }
      const allowed = ATTRS[name];
      const classes = attribs.class ? attribs.class.split(/\s+/).filter((c) => /^[\w-]+$/.test(c)).map((c) => `np-d-${c}`) : [];
      let tag = `<${name}`;
      for (const [k, raw] of Object.entries(attribs)) {
        const colour = (k === 'fill' || k === 'stroke') && /^var\(--_?([\w-]+)\)$/.exec(raw.trim());
        if (colour) classes.push(`np-${k}-${colour[1]}`);
        if (k === 'class' || !allowed?.has(k)) continue;
        let v = NUMERIC.test(k) ? round(raw) : raw;
        if (k === 'fill' || k === 'stroke') {
          if (v !== 'none') continue;
        } else if (k === 'marker-start' || k === 'marker-end') {
          const ref = /^url\(#([\w-]+)\)$/.exec(v);
          if (!ref || !ids.has(ref[1])) continue;
          v = `url(#${frame.id}-${ref[1]})`;
        } else if (k === 'id') {
          v = `${frame.id}-${v}`;
        }
        tag += ` ${k}="${esc(v)}"`;
      }
      if (root) {
        root = false;
        classes.unshift(frame.className);
        // No `role="img"`: Vue's compiler keeps an element with `role` out of its static
        // HTML, which would put the whole drawing into the page's JavaScript.
        tag += ` aria-labelledby="${frame.id}-title ${frame.id}-desc"`;
      }
      if (classes.length) tag += ` class="${esc(classes.join(' '))}"`;
      out += `${tag}>`;
      if (name === 'svg') out += `<title id="${frame.id}-title">${esc(frame.title)}</title><desc id="${frame.id}-desc">${esc(frame.desc)}</desc>`;
    },
    onclosetag(name) {
      if (drop > 0) drop--;
      else out += `</${name}>`;
    },
    ontext(text) {
      // Whitespace between elements is the renderer's indentation, not content.
      if (drop === 0 && text.trim()) out += esc(text);
    },
  }, { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true });
  parser.write(svg);
  parser.end();
  return out;
}
