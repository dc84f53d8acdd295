/**
 * The rules of RSS 2.0 (the RSS Advisory Board's specification) and Atom 1.0 (RFC 4287)
 * that a feed of notes can break, checked on the parsed XML: required elements and
 * their counts, date formats, the elements each level may hold, and the namespaces of
 * extension elements. The XML's own well-formedness (entities, namespace prefixes) is
 * checked apart, by a strict XML parser (Chromium's DOMParser). Each rule names the spec's
 * section, so a failure reads as what the spec says.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+( \(.+\))?$/;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
};

const kids = (el: Element) => el.children.filter((n): n is Element => DomUtils.isTag(n));
const named = (el: Element, name: string) => kids(el).filter((k) => k.name === name);
const text = (el: Element | undefined) => (el ? DomUtils.textContent(el).trim() : '');

/** Every child must be allowed; prefixed ones must use a prefix the root binds to the expected namespace. */
function checkChildren(el: Element, allowed: readonly string[], ns: Record<string, string>, where: string, out: string[]): void {
  for (const k of kids(el)) {
    const [prefix, local] = k.name.includes(':') ? k.name.split(':') : ['', k.name];
    if (!prefix) {
      if (!allowed.includes(local)) out.push(`${where}: <${k.name}> is not an element of ${where}`);
    } else if (!ns[prefix]) out.push(`${where}: <${k.name}> uses the undeclared prefix "${prefix}"`);
  }
}

function count(el: Element, name: string, min: number, max: number, where: string, out: string[]): Element[] {
  const found = named(el, name);
  if (found.length < min || found.length > max) out.push(`${where}: <${name}> appears ${found.length} times (${min === max ? `exactly ${min}` : `${min} to ${max === Infinity ? 'many' : max}`} allowed)`);
  return found;
}

function namespaces(root: Element): Record<string, string> {
  return Object.fromEntries(Object.entries(root.attribs).filter(([k]) => k.startsWith('xmlns:')).map(([k, v]) => [k.slice(6), v]));
}

/** What breaks RSS 2.0 in this feed; empty when nothing does. */
export function rssProblems(xml: string): string[] {
  const out: string[] = [];
  const root = kids(parseDocument(xml, { xmlMode: true }) as unknown as Element)[0];
  if (root?.name !== 'rss' || root.attribs.version !== '2.0') return ['the root element must be <rss version="2.0">'];
  const ns = namespaces(root);
  for (const [prefix, uri] of Object.entries(ns)) if (NS[prefix as keyof typeof NS] && NS[prefix as keyof typeof NS] !== uri) out.push(`xmlns:${prefix} must be ${NS[prefix as keyof typeof NS]}`);
  const [channel] = count(root, 'channel', 1, 1, 'rss', out);
  if (!channel) return out;
  // "Required channel elements" and "Optional channel elements".
  for (const name of ['title', 'link', 'description']) count(channel, name, 1, 1, 'channel', out);
  checkChildren(channel, ['title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate', 'category', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays', 'item'], ns, 'channel', out);
  for (const name of ['pubDate', 'lastBuildDate']) for (const d of named(channel, name)) if (!RFC822.test(text(d))) out.push(`channel: <${name}> "${text(d)}" is not an RFC 822 date`);
  named(channel, 'item').forEach((item, i) => {
    const where = `item ${i + 1}`;
    // "Elements of <item>": all optional, but at least one of title or description.
    if (!named(item, 'title').length && !named(item, 'description').length) out.push(`${where}: needs a <title> or a <description>`);
    checkChildren(item, ['title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source'], ns, where, out);
    for (const name of ['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source']) count(item, name, 0, 1, where, out);
    for (const a of named(item, 'author')) if (!EMAIL.test(text(a))) out.push(`${where}: <author> "${text(a)}" is not an e-mail address`);
    for (const d of named(item, 'pubDate')) if (!RFC822.test(text(d))) out.push(`${where}: <pubDate> "${text(d)}" is not an RFC 822 date`);
    for (const l of named(item, 'link')) if (!ABSOLUTE.test(text(l))) out.push(`${where}: <link> "${text(l)}" is not a URL`);
    for (const g of named(item, 'guid')) {
      const permalink = g.attribs.isPermaLink ?? 'true';
      if (!['true', 'false'].includes(permalink)) out.push(`${where}: <guid isPermaLink> must be true or false`);
      if (permalink === 'true' && !ABSOLUTE.test(text(g))) out.push(`${where}: <guid> is a permalink but "${text(g)}" is not a URL`);
    }
  });
  return out;
}

/** What breaks Atom 1.0 (RFC 4287) in this feed; empty when nothing does. */
export function atomProblems(xml: string): string[] {
  const out: string[] = [];
  const root = kids(parseDocument(xml, { xmlMode: true }) as unknown as Element)[0];
  if (root?.name !== 'feed' || root.attribs.xmlns !== NS.atom) return [`the root element must be <feed xmlns="${NS.atom}">`];
  const ns = namespaces(root);
  const dates = (el: Element, where: string) => {
    for (const name of ['updated', 'published']) for (const d of named(el, name)) if (!RFC3339.test(text(d))) out.push(`${where}: <${name}> "${text(d)}" is not an RFC 3339 date-time (3.3)`);
  };
  const links = (el: Element, where: string) => {
    for (const l of named(el, 'link')) if (!l.attribs.href) out.push(`${where}: <link> needs an href (4.2.7.1)`);
  };
  // 4.1.1: the feed's elements and how many of each.
  checkChildren(root, ['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry'], ns, 'feed', out);
  for (const name of ['id', 'title', 'updated']) count(root, name, 1, 1, 'feed', out);
  for (const name of ['generator', 'icon', 'logo', 'rights', 'subtitle']) count(root, name, 0, 1, 'feed', out);
  for (const a of named(root, 'author')) count(a, 'name', 1, 1, 'feed author', out);
  dates(root, 'feed');
  links(root, 'feed');
  const feedAuthor = named(root, 'author').length > 0;
  named(root, 'entry').forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    // 4.1.2: the entry's elements and how many of each.
    checkChildren(entry, ['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated'], ns, where, out);
    for (const name of ['id', 'title', 'updated']) count(entry, name, 1, 1, where, out);
    for (const name of ['content', 'published', 'rights', 'source', 'summary']) count(entry, name, 0, 1, where, out);
    if (!feedAuthor && !named(entry, 'author').length) out.push(`${where}: needs an <author>, as the feed has none (4.1.1)`);
    const content = named(entry, 'content')[0];
    if (!content && !named(entry, 'link').some((l) => (l.attribs.rel ?? 'alternate') === 'alternate')) out.push(`${where}: needs a <link rel="alternate"> or a <content> (4.1.2)`);
    if (content && !['text', 'html', 'xhtml', undefined].includes(content.attribs.type) && !/^[^/\s]+\/[^/\s]+$/.test(content.attribs.type)) out.push(`${where}: <content type> "${content.attribs.type}" (4.1.3.1)`);
    for (const t of [...named(entry, 'title'), ...named(entry, 'summary')]) if (t.attribs.type && !['text', 'html', 'xhtml'].includes(t.attribs.type)) out.push(`${where}: <${t.name} type> "${t.attribs.type}" (3.1.1)`);
    for (const id of named(entry, 'id')) if (!ABSOLUTE.test(text(id))) out.push(`${where}: <id> "${text(id)}" is not an IRI (4.2.6)`);
    dates(entry, where);
    links(entry, where);
  });
  return out;
}
