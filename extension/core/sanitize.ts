/**
 * Raw HTML in notes, made safe. htmlparser2 does the parsing; this module keeps only
 * an allowlist of tags and attributes, checks URLs, drops dangerous elements with
 * their content, and keeps the result balanced across a whole render, so that the
 * site's Vue compiler never sees an unclosed tag and the preview shows the same.
 *
 * Dropped: scripts, styles, frames, objects, forms' controls, inline SVG and MathML,
 * event handlers, `style` attributes (they can escape their box), and any URL whose
 * scheme is not http(s), mailto or tel (images may also use raster `data:` URLs).
 */
import { Parser } from 'htmlparser2';

const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
]);
/** Elements removed together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'svg', 'math',
  'textarea', 'select', 'option', 'button', 'title', 'head', 'link', 'meta', 'base', 'noembed', 'noframes', 'xmp', 'plaintext',
]);
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'col']);
const GLOBAL_ATTRS = new Set(['id', 'class', 'title', 'lang', 'dir', 'role']);
const TAG_ATTRS: Record<string, ReadonlySet<string>> = {
  a: new Set(['href', 'name', 'target']),
  img: new Set(['src', 'alt', 'width', 'height', 'loading']),
  td: new Set(['colspan', 'rowspan', 'align']),
  th: new Set(['colspan', 'rowspan', 'align', 'scope']),
  ol: new Set(['start', 'type', 'reversed']),
  li: new Set(['value']),
  details: new Set(['open']),
  time: new Set(['datetime']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  q: new Set(['cite']),
  blockquote: new Set(['cite']),
  del: new Set(['cite', 'datetime']),
  ins: new Set(['cite', 'datetime']),
};
const URL_ATTRS = new Set(['href', 'src', 'cite']);

/** True for a URL that cannot run code when followed or loaded. */
export function isSafeUrl(url: string, attr = 'href'): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(u)?.[1];
  if (!scheme) return true; // relative, `#anchor`, `/path`
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'tel') return true;
  return attr === 'src' && /^data:image\/(png|gif|jpe?g|webp|avif);/.test(u);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function keepAttr(tag: string, name: string, value: string): boolean {
  if (name.startsWith('aria-')) return true;
  if (!GLOBAL_ATTRS.has(name) && !TAG_ATTRS[tag]?.has(name)) return false;
  if (URL_ATTRS.has(name)) return isSafeUrl(value, name);
  if (name === 'target') return value === '_blank' || value === '_self';
  return true;
}

/**
 * Sanitizer state for one render: raw tags still open, so that closes that match
 * nothing are dropped and what is left open is closed at the end of its scope.
 */
export class HtmlBalancer {
  private readonly open: string[] = [];

  /** Sanitizes one raw HTML fragment (an html_block or html_inline token's content). */
  fragment(html: string): string {
    let out = '';
    let dropDepth = 0;
    const parser = new Parser(
      {
        onopentag: (name, attribs) => {
          if (dropDepth > 0 || DROP_WITH_CONTENT.has(name)) {
            if (!VOID.has(name)) dropDepth++;
            return;
          }
          if (!ALLOWED_TAGS.has(name)) return;
          let tag = `<${name}`;
          for (const [k, v] of Object.entries(attribs)) {
            if (keepAttr(name, k, v)) tag += v === '' && (k === 'open' || k === 'reversed') ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`;
          }
          // A new tab must not get a handle on this page.
          if (name === 'a' && attribs.target === '_blank') tag += ' rel="noreferrer noopener"';
          out += `${tag}>`;
          if (!VOID.has(name)) this.open.push(name);
        },
        onclosetag: (name, isImplied) => {
          if (dropDepth > 0) {
            if (!VOID.has(name)) dropDepth--;
            return;
          }
          // Implied closes are htmlparser2 finishing an element the fragment left open: the
          // element may close in a later fragment, so only explicit closes count.
          if (isImplied || VOID.has(name) || !ALLOWED_TAGS.has(name)) return;
          const at = this.open.lastIndexOf(name);
          if (at < 0) return;
          while (this.open.length > at) out += `</${this.open.pop()}>`;
        },
        ontext: (text) => {
          if (dropDepth === 0) out += escapeText(text);
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
    );
    parser.write(html);
    parser.end();
    return out;
  }

  /** How many raw tags are open: a mark to close back to. */
  get depth(): number {
    return this.open.length;
  }

  /** Closes every raw tag opened since `depth`. */
  closeTo(depth: number): string {
    let out = '';
    while (this.open.length > depth) out += `</${this.open.pop()}>`;
    return out;
  }
}

/** True for elements that are removed with their content (`<script>`, `<svg>`, ...). */
export function isDroppedTag(name: string): boolean {
  return DROP_WITH_CONTENT.has(name.toLowerCase());
}

/** Sanitizes a standalone HTML string (balanced on return). */
export function sanitizeHtml(html: string): string {
  const b = new HtmlBalancer();
  return b.fragment(html) + b.closeTo(0);
}
