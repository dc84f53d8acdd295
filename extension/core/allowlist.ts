/**
 * What a note's HTML may hold, as data: the one place the allowlist is written. The
 * sanitizer (sanitize.ts) applies it to the final HTML of every note, and the README's
 * safety section describes it. Everything not listed here is removed.
 */

/** Attributes every HTML element may carry (plus `aria-*`). */
export const GLOBAL_ATTRS = ['id', 'class', 'title', 'lang', 'dir', 'role', 'tabindex'] as const;

/** HTML elements and their own attributes. */
export const HTML_TAGS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'name', 'target', 'rel'],
  abbr: [], address: [], article: [], aside: [], b: [], bdi: [], bdo: [], blockquote: ['cite'], br: [],
  caption: [], cite: [], code: [], col: ['span'], colgroup: ['span'], data: ['value'], dd: [], del: ['cite', 'datetime'],
  details: ['open'], dfn: [], div: ['align'], dl: [], dt: [], em: [], figcaption: [], figure: [], footer: [],
  h1: ['align'], h2: ['align'], h3: ['align'], h4: ['align'], h5: ['align'], h6: ['align'], header: [], hgroup: [], hr: [], i: [],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'align'], ins: ['cite', 'datetime'], kbd: [],
  li: ['value'], mark: [], nav: [], ol: ['start', 'type', 'reversed'], p: ['align'], picture: [], pre: [], q: ['cite'],
  rp: [], rt: [], ruby: [], s: [], samp: [], section: [], small: [], source: ['src', 'srcset', 'sizes', 'media', 'type', 'width', 'height'],
  span: ['style'], strong: [], sub: [], summary: [], sup: [], table: ['align'], tbody: [], td: ['colspan', 'rowspan', 'align', 'style'],
  tfoot: [], th: ['colspan', 'rowspan', 'align', 'scope', 'abbr', 'style'], thead: [], time: ['datetime'], tr: ['align'], u: [], ul: [],
  var: [], video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsinline', 'preload'], wbr: [],
  // VitePress's own markup: the copy button of code blocks, and a code group's tabs.
  button: ['title'], input: ['type', 'name', 'checked'], label: ['for', 'data-title'],
};

/**
 * Inline SVG (our charts, diagrams, and a note's own drawings): shapes, text, gradients,
 * markers, clipping and a few filters. Not: `<style>`, `<script>`, `<foreignObject>`,
 * animation (`animate`, `set`, ...), `<image>`, `<feImage>`, event handlers, `style`.
 * `href` only as a `#fragment` on `<use>` and `<textPath>`; `<a>` links are checked like HTML's.
 */
export const SVG_TAGS: readonly string[] = [
  'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'title', 'desc',
  'defs', 'symbol', 'use', 'marker', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'a',
  'filter', 'feBlend', 'feColorMatrix', 'feComposite', 'feDropShadow', 'feFlood', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
];

export const SVG_ATTRS: readonly string[] = [
  'id', 'class', 'role', 'tabindex', 'lang', 'focusable', 'xmlns', 'version', 'viewBox', 'preserveAspectRatio', 'width', 'height',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'pathLength', 'transform',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'color', 'display', 'visibility', 'overflow', 'clip-rule',
  'font-family', 'font-size', 'font-style', 'font-weight', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'baseline-shift',
  'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'startOffset', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'markerUnits', 'marker-start', 'marker-mid', 'marker-end',
  'clip-path', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits', 'patternUnits', 'patternContentUnits', 'patternTransform',
  'filter', 'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'values', 'type',
  'k1', 'k2', 'k3', 'k4', 'radius', 'flood-color', 'flood-opacity', 'vector-effect', 'shape-rendering', 'text-rendering', 'paint-order',
  'href', 'xlink:href', 'target',
];

/** MathML Core's presentation elements (for math rendered to MathML), without `maction`, `annotation-xml` and `mglyph`. */
export const MATH_TAGS: readonly string[] = [
  'math', 'mi', 'mn', 'mo', 'ms', 'mspace', 'mtext', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom',
  'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'mtable', 'mtr', 'mtd',
  'semantics', 'annotation',
];

export const MATH_ATTRS: readonly string[] = [
  'id', 'class', 'dir', 'display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathcolor', 'mathbackground', 'mathsize',
  'fence', 'form', 'largeop', 'lspace', 'rspace', 'maxsize', 'minsize', 'movablelimits', 'separator', 'stretchy', 'symmetric',
  'accent', 'accentunder', 'linethickness', 'columnspan', 'rowspan', 'depth', 'height', 'width', 'voffset', 'alttext', 'encoding',
  'intent', 'arg', 'xmlns',
];

/** Removed together with everything inside them; any other element not listed is removed and its text kept. */
export const DROP_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'template', 'textarea', 'select', 'option', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe', 'frame',
  'frameset', 'object', 'embed', 'applet', 'plaintext', 'head', 'title', 'foreignobject', 'annotation-xml', 'maction', 'mglyph',
  'malignmark', 'animate', 'animatemotion', 'animatetransform', 'animatecolor', 'set', 'image', 'feimage', 'handler', 'listener',
];

/** URL schemes a link may use; anything else (`javascript:`, `data:`, `vbscript:`, `file:` ...) is removed. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/** `data:` URLs an image may use: raster formats only (an SVG image is a document). */
export const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|avif);/i;

/**
 * Local media a page may show. VitePress's Vue compiler turns the local `src` of
 * `<img>`, `<source>` and `<video>` (and `poster`) into a bundler import, so only
 * files that are media by their extension are kept: `<img src="./x.js">` would
 * otherwise run x.js in the build and in the browser.
 */
export const MEDIA_EXTENSIONS: readonly string[] = [
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'mp4', 'webm', 'ogv', 'mov', 'm4v',
];

/** The only `style` values kept: Shiki's colour variables on code spans, and a table cell's alignment. */
export const STYLE_PATTERNS: Readonly<Record<string, RegExp>> = {
  span: /^(?:--shiki-(?:light|dark)(?:-bg|-font-style|-font-weight|-text-decoration)?:(?:#[0-9a-fA-F]{3,8}|[a-z-]+|\d{3})(?:;|$))+$/,
  td: /^text-align:(?:left|right|center)$/,
  th: /^text-align:(?:left|right|center)$/,
};

/** Values an enumerated attribute may take (anything else removes the attribute). */
export const ATTR_VALUES: Readonly<Record<string, RegExp>> = {
  target: /^_(?:blank|self)$/,
  dir: /^(?:ltr|rtl|auto)$/i,
  tabindex: /^-?[01]$/,
  align: /^(?:left|right|center|justify|middle|top|bottom)$/i,
  loading: /^(?:lazy|eager)$/,
  preload: /^(?:none|metadata|auto)$/,
  scope: /^(?:row|col|rowgroup|colgroup)$/,
  span: /^\d{1,4}$/, colspan: /^\d{1,4}$/, rowspan: /^\d{1,4}$/, start: /^-?\d{1,9}$/, value: /^-?\d{1,9}$/,
  lang: /^[a-zA-Z0-9-]{1,35}$/,
};
