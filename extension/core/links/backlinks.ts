/**
 * "Linked from": the end of an entry's page lists the published notes and pages that
 * link to it. Made as markdown-it tokens appended to the entry's body, so the site's
 * link rule treats each as any link, and the list is part of the page's static HTML:
 * VitePress keeps it out of the JavaScript the page loads, and the preview shows the same.
 */
import type { Notebook } from '../notebook';

/** markdown-it's Token constructor, as `state.Token` gives it. */
type TokenCtor = new (type: string, tag: string, nesting: number) => {
  attrSet(name: string, value: string): void;
  content: string;
  block: boolean;
  level: number;
  children: unknown[] | null;
};

export const BACKLINKS_TITLE = 'Linked from';

/** The tokens of an entry's "Linked from" list; none when nothing published links to it, or when `path` is not an entry. */
export function backlinkTokens(Token: TokenCtor, nb: Notebook, path: string): InstanceType<TokenCtor>[] {
  const entry = nb.get(path);
  if (!entry) return [];
  const from = nb.links.backlinks(path, { published: true });
  if (!from.length) return [];
  const block = (type: string, tag: string, nesting: number, level: number, attrs: [string, string][] = []) => {
    const t = new Token(type, tag, nesting);
    t.block = true;
    t.level = level;
    for (const [k, v] of attrs) t.attrSet(k, v);
    return t;
  };
  const inline = (level: number, children: InstanceType<TokenCtor>[]) => {
    const t = new Token('inline', '', 0);
    t.level = level;
    t.children = children;
    return t;
  };
  const text = (s: string) => {
    const t = new Token('text', '', 0);
    t.content = s;
    return t;
  };
  const out = [
    block('np_backlinks_open', 'nav', 1, 0, [['class', 'np-backlinks'], ['aria-labelledby', 'np-backlinks-title']]),
    block('np_backlinks_title_open', 'h2', 1, 1, [['id', 'np-backlinks-title'], ['class', 'np-backlinks__title']]),
    inline(2, [text(BACKLINKS_TITLE)]),
    block('np_backlinks_title_close', 'h2', -1, 1),
    block('bullet_list_open', 'ul', 1, 1),
  ];
  for (const b of from) {
    const open = new Token('link_open', 'a', 1);
    open.attrSet('href', b.url);
    out.push(block('list_item_open', 'li', 1, 2), inline(3, [open, text(b.title), new Token('link_close', 'a', -1)]), block('list_item_close', 'li', -1, 2));
  }
  out.push(block('bullet_list_close', 'ul', -1, 1), block('np_backlinks_close', 'nav', -1, 0));
  return out;
}
