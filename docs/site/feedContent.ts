/**
 * An entry's full text for the feeds, taken from the page the build has just written:
 * the body VitePress rendered through the one markdown setup (so already sanitized, and
 * highlighted once), with what only works on the site taken out and every address made
 * absolute, since a feed reader shows it away from the site.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { absoluteHref, escapeHtml, pageFile } from '../../extension/core/index';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** The class the theme gives an entry's rendered body (docs/theme/components/EntryPage.vue). */
const BODY_CLASS = 'entry__body';
/** The site's controls: a heading's `#` link, a code block's copy button and language label. */
const SITE_ONLY = (el: Element) =>
  hasClass(el, 'header-anchor') || (el.name === 'button' && hasClass(el, 'copy')) || (el.name === 'span' && hasClass(el, 'lang'));

/**
 * The body of the built page of `url`, ready for a feed; undefined when the build wrote
 * no such page. `siteUrl` is the site's public address.
 */
export async function feedHtml(outDir: string, siteUrl: string, url: string): Promise<string | undefined> {
  let html: string;
  try {
    html = await fs.readFile(path.join(outDir, pageFile(url)), 'utf8');
  } catch {
    return undefined;
  }
  const doc = parseDocument(html);
  const body = DomUtils.findOne((el) => hasClass(el, BODY_CLASS), doc.children);
  if (!body) return undefined;
  // VitePress wraps the rendered markdown in one <div> of its own.
  const only = body.children.filter((n) => !(n.type === 'text' && !n.data.trim()));
  const root = only.length === 1 && DomUtils.isTag(only[0]) && only[0].name === 'div' ? only[0] : body;
  const page = absoluteHref(siteUrl, url, '');
  for (const el of DomUtils.findAll(() => true, root.children)) {
    if (SITE_ONLY(el)) {
      DomUtils.removeElement(el);
      continue;
    }
    for (const name of Object.keys(el.attribs)) if (name.startsWith('data-v-')) delete el.attribs[name];
    for (const name of ['href', 'src']) if (el.attribs[name] !== undefined) el.attribs[name] = absoluteHref(siteUrl, url, el.attribs[name]);
  }
  // Charts and diagrams are SVG coloured by the site's stylesheet, which a reader does not
  // load (most drop SVG anyway): a link to the page stands in for the drawing. A chart
  // keeps its caption and its data table.
  for (const svg of DomUtils.findAll((el) => el.name === 'svg' && isFigure(el.parent), root.children)) {
    const title = DomUtils.findOne((el) => el.name === 'title', svg.children);
    const label = (title ? DomUtils.textContent(title).trim() : '') || 'Drawing';
    const stand = parseDocument(`<p><a href="${escapeHtml(page)}">${escapeHtml(label)}: see it drawn on the site</a></p>`).children[0];
    DomUtils.replaceElement(svg, stand);
  }
  // `utf8` escapes only what must be (& < > " '), which also keeps `]]>` out of the XML feeds' CDATA.
  return DomUtils.getInnerHTML(root, { encodeEntities: 'utf8' }).trim();
}

function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

function isFigure(node: Node['parent']): boolean {
  return !!node && DomUtils.isTag(node) && node.name === 'figure' && (hasClass(node, 'np-chart') || hasClass(node, 'np-diagram'));
}
