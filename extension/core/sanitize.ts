/**
 * The one boundary between a note and a page: sanitize-html applied to the final HTML of
 * a note, whatever markdown-it plugin produced it, with the allowlist of allowlist.ts.
 * It parses the whole body at once, so tags are balanced across it (a stray close is
 * dropped, an unclosed element is closed at the end), and writes back only allowlisted
 * elements and attributes, with every text and attribute value escaped.
 *
 * On top of sanitize-html's own checks, this module knows the context of each element
 * (SVG and MathML elements only inside `<svg>`/`<math>`, with their own attributes and
 * camelCase names), checks every URL the way browsers read it, keeps only local media
 * the bundler may import (see MEDIA_EXTENSIONS), and restricts `style` to two patterns.
 */
import sanitize from 'sanitize-html';
import {
  ATTR_VALUES, DATA_IMAGE, DROP_WITH_CONTENT, GLOBAL_ATTRS, HTML_TAGS, LINK_SCHEMES, MATH_ATTRS, MATH_TAGS, MEDIA_EXTENSIONS,
  STYLE_PATTERNS, SVG_ATTRS, SVG_TAGS,
} from './allowlist';

/** Tag names as the HTML parser leaves them (lower case) → as SVG spells them. */
const SVG_CASE = new Map([...SVG_TAGS, ...SVG_ATTRS].filter((n) => n !== n.toLowerCase()).map((n) => [n.toLowerCase(), n]));
const SVG_TAG_SET = new Set(SVG_TAGS);
const SVG_ATTR_SET = new Set(SVG_ATTRS);
const MATH_TAG_SET = new Set(MATH_TAGS);
const MATH_ATTR_SET = new Set(MATH_ATTRS);
// Every element is renamed by `transform` to an allowed name, so sanitize-html never takes
// its own path for disallowed tags (which leaves a renamed tag's name behind for the next
// element at the same depth); these two are then removed by `exclusiveFilter`.
const DROP = 'np-drop';
const UNWRAP = 'np-unwrap';

/** True for a URL that cannot run code when followed or loaded. `data:` is allowed only for raster images (`image`). */
export function isSafeUrl(url: string, kind: 'link' | 'image' = 'link'): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(u)?.[1];
  if (!scheme) return true; // relative, `#anchor`, `/path`, `//host/path`
  if (LINK_SCHEMES.includes(scheme)) return true;
  return kind === 'image' && DATA_IMAGE.test(u);
}

/**
 * A local media path the bundler may import: no scheme, not protocol-relative, not a
 * package (`~x`, `@x`) or a bare fragment, no query (`?raw`, `?url` change what Vite
 * imports), and a media file extension. Returns the decoded path, or undefined when
 * `src` is not local (a web or data URL: nothing to import).
 * Throws nothing; `ok: false` marks a local path that must not reach the page.
 */
export function localMedia(src: string): { ok: true; path: string } | { ok: false } | undefined {
  const s = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(s) || /^[\\/]{2}/.test(s)) return undefined;
  let path = s.replace(/#.*$/, '');
  try {
    path = decodeURI(path);
  } catch { /* keep as written */ }
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const ok = path !== '' && !/^[~@#]/.test(path) && !/[?\\\u0000-\u001f]/.test(path) && ext !== undefined && MEDIA_EXTENSIONS.includes(ext);
  return ok ? { ok, path } : { ok: false };
}

/** The candidates of a `srcset` value, split as browsers do (a URL may hold commas). */
function srcsetCandidates(value: string): { url: string; rest: string }[] {
  const out: { url: string; rest: string }[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++;
    if (i >= value.length) break;
    let j = i;
    while (j < value.length && !/\s/.test(value[j])) j++;
    let url = value.slice(i, j);
    let rest = '';
    i = j;
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const end = value.indexOf(',', i);
      rest = value.slice(i, end < 0 ? value.length : end).trim();
      i = end < 0 ? value.length : end + 1;
    }
    out.push({ url, rest });
  }
  return out;
}

/** The URLs of a `srcset` value. */
export function srcsetUrls(value: string): string[] {
  return srcsetCandidates(value).map((c) => c.url);
}

/**
 * A local path as the bundler must see it: `a.png` is a package name to it, so a path
 * that does not start with `./`, `../` or `/` gets `./` (as VitePress does for markdown
 * images). The path means the same in the page.
 */
function asImport(url: string): string {
  const u = url.trim();
  return localMedia(u)?.ok && !/^(\.{1,2}\/|\/)/.test(u) ? `./${u}` : u;
}

const MEDIA_ATTRS: Readonly<Record<string, readonly string[]>> = { img: ['src', 'srcset'], source: ['src', 'srcset'], video: ['src', 'poster'] };
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'srcset', 'poster', 'cite']);
// `url(#id)` is the only reference a presentation attribute may hold: no external resource.
const URL_FN = /url\s*\(/i;
const LOCAL_URL_FN = /^url\(\s*(['"]?)#[\w.:-]+\1\s*\)$/;

type Ns = 'html' | 'svg' | 'math';
/** sanitize-html 2.18's options, with the ones its published typings lack. */
type Options = sanitize.IOptions & {
  allowedEmptyAttributes?: string[];
  onOpenTag?: (name: string, attribs: sanitize.Attributes) => void;
  onCloseTag?: (name: string, isImplied: boolean) => void;
};

/** Keeps or drops one attribute of a kept element; returns the value to keep, or undefined. */
function keepAttr(ns: Ns, tag: string, name: string, value: string): string | undefined {
  if (ns === 'svg') {
    if (!SVG_ATTR_SET.has(name) && !name.startsWith('aria-')) return undefined;
    if (name === 'href' || name === 'xlink:href') {
      if (tag === 'a') return isSafeUrl(value) ? value : undefined;
      return /^#[\w.:-]+$/.test(value.trim()) && (tag === 'use' || tag === 'textPath') ? value : undefined;
    }
    if (URL_FN.test(value) && !LOCAL_URL_FN.test(value.trim())) return undefined;
    return value;
  }
  if (ns === 'math') return MATH_ATTR_SET.has(name) ? value : undefined;
  if (!(GLOBAL_ATTRS as readonly string[]).includes(name) && !(Object.hasOwn(HTML_TAGS, tag) && HTML_TAGS[tag].includes(name)) && !name.startsWith('aria-')) return undefined;
  if (name === 'style') return Object.hasOwn(STYLE_PATTERNS, tag) && STYLE_PATTERNS[tag].test(value.trim().replace(/;$/, '')) ? value.trim() : undefined;
  const pattern = ATTR_VALUES[name];
  if (pattern && !pattern.test(value.trim())) return undefined;
  if ((name === 'width' || name === 'height') && !/^\d+(\.\d+)?%?$/.test(value.trim())) return undefined;
  if (name === 'type') return tag === 'ol' ? (/^[1aAiI]$/.test(value) ? value : undefined) : tag === 'input' ? value : /^[\w.+-]+\/[\w.+-]+$/.test(value) ? value : undefined;
  if (Object.hasOwn(MEDIA_ATTRS, tag) && MEDIA_ATTRS[tag].includes(name)) {
    const urls = name === 'srcset' ? srcsetUrls(value) : [value];
    const kind = name === 'poster' || tag !== 'video' ? 'image' : 'link';
    if (!urls.length || !urls.every((u) => isSafeUrl(u, kind) && localMedia(u)?.ok !== false)) return undefined;
    // Vue's compiler splits a srcset at every comma: a URL holding one would become a bogus import.
    // And a candidate has at most one descriptor, a width or a density.
    if (name === 'srcset' && srcsetCandidates(value).some((c) => (c.url.includes(',') && !/^data:/i.test(c.url)) || !/^(\d+w|\d+(\.\d+)?x)?$/.test(c.rest))) return undefined;
    return name === 'srcset' ? srcsetCandidates(value).map((c) => asImport(c.url) + (c.rest ? ` ${c.rest}` : '')).join(', ') : asImport(value);
  }
  if (URL_ATTRS.has(name)) return isSafeUrl(value) ? value : undefined;
  return value;
}

/**
 * sanitize-html's options, closed over the element context of one call: `open` mirrors
 * htmlparser2's stack of open elements, so each element knows whether it is inside
 * `<svg>` or `<math>`.
 */
function options(o: { sourceLines: boolean }, open: string[], seen: { text?: (text: string) => void }): Options {
  const inside = (tag: string) => open.lastIndexOf(tag, open.length - 2) >= 0;
  const transform = (name: string, attribs: sanitize.Attributes): sanitize.Tag => {
    const lower = name.toLowerCase();
    const ns: Ns = inside('svg') ? 'svg' : inside('math') ? 'math' : 'html';
    if (DROP_WITH_CONTENT.includes(lower) && !(lower === 'title' && ns === 'svg')) return { tagName: DROP, attribs: {} };
    const tag = ns === 'svg' ? SVG_CASE.get(lower) ?? lower : lower;
    // The element's own namespace: `<svg>` and `<math>` open theirs.
    const own: Ns = tag === 'svg' ? 'svg' : tag === 'math' ? 'math' : ns;
    const known = ns === 'svg' ? SVG_TAG_SET.has(tag) : ns === 'math' ? MATH_TAG_SET.has(tag) : Object.hasOwn(HTML_TAGS, tag) || tag === 'svg' || tag === 'math';
    // Form controls only as VitePress writes them: a code group's radio tabs, a code block's copy button.
    const control = (tag === 'input' && attribs.type !== 'radio') || (tag === 'button' && !/(^|\s)copy(\s|$)/.test(attribs.class ?? ''));
    if (!known || control) return { tagName: UNWRAP, attribs: {} };
    const kept: sanitize.Attributes = {};
    for (const [raw, value] of Object.entries(attribs)) {
      const lowerName = raw.toLowerCase();
      const attr = own === 'svg' ? SVG_CASE.get(lowerName) ?? lowerName : lowerName;
      if (attr === 'data-line' && o.sourceLines && /^\d+$/.test(value)) kept[attr] = value;
      const v = keepAttr(own, tag, attr, value);
      if (v !== undefined && !(attr in kept)) kept[attr] = v;
    }
    // A new tab must not get a handle on this page.
    if (tag === 'a' && kept.target === '_blank' && !/\bnoreferrer\b/.test(kept.rel ?? '')) kept.rel = 'noreferrer noopener';
    return { tagName: tag, attribs: kept };
  };
  const allowedTags = [...Object.keys(HTML_TAGS), ...SVG_TAGS, ...MATH_TAGS, DROP, UNWRAP];
  const attrNames = [...GLOBAL_ATTRS, ...Object.values(HTML_TAGS).flat(), ...SVG_ATTRS, ...MATH_ATTRS, 'aria-*', ...(o.sourceLines ? ['data-line'] : [])];
  return {
    allowedTags,
    allowedAttributes: { '*': [...new Set(attrNames)] },
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: [...LINK_SCHEMES, 'data'], source: [...LINK_SCHEMES, 'data'], video: [...LINK_SCHEMES, 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'xlink:href', 'src', 'cite', 'poster'],
    allowProtocolRelative: true,
    // Written `name=""` when empty; other empty attributes are written bare (`open`, `checked`).
    allowedEmptyAttributes: ['alt', 'href', 'src', 'title', 'value'],
    nonBooleanAttributes: [],
    selfClosing: ['img', 'br', 'hr', 'col', 'source', 'input', 'wbr'],
    disallowedTagsMode: 'discard',
    nonTextTags: [...DROP_WITH_CONTENT],
    exclusiveFilter: (frame) => ((frame as { name?: string }).name === DROP ? true : (frame as { name?: string }).name === UNWRAP ? 'excludeTag' : false),
    parseStyleAttributes: false,
    parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
    // Text arrives escaped and is written as returned; only BlockSlots looks at it (see below).
    textFilter: (text) => (seen.text?.(text), text),
    onOpenTag: (name) => void open.push(name.toLowerCase()),
    onCloseTag: () => void open.pop(),
    transformTags: { '*': transform },
  };
}

/**
 * Sanitizes the final HTML of a note (or any HTML a note's text produced).
 * `sourceLines` keeps the preview's numeric `data-line` attributes.
 */
export function sanitizeHtml(html: string, o: { sourceLines?: boolean } = {}): string {
  return run(html, o);
}

/**
 * sanitizeHtml, with `text` shown each text node as it is written (escaped) and the
 * elements open around it (lower-case names as parsed). For blockSlots.ts.
 */
export function sanitizeHtmlSeeingText(html: string, o: { sourceLines?: boolean }, text: (text: string, open: readonly string[]) => void): string {
  return run(html, o, text);
}

function run(html: string, o: { sourceLines?: boolean }, text?: (text: string, open: readonly string[]) => void): string {
  // Built once: sanitizing is synchronous, so one stack of open elements per option set
  // is enough, emptied before each call (a render of a note is one call).
  const key = o.sourceLines === true ? 1 : 0;
  const built = (OPTIONS[key] ??= { open: [], seen: {}, options: undefined as unknown as Options });
  built.options ??= options({ sourceLines: key === 1 }, built.open, built.seen);
  built.open.length = 0;
  built.seen.text = text && ((t) => text(t, built.open));
  try {
    return sanitize(html, built.options);
  } finally {
    built.seen.text = undefined;
  }
}

const OPTIONS: { open: string[]; seen: { text?: (text: string) => void }; options: Options }[] = [];
