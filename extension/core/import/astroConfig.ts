/**
 * What an Astro content config (`src/content.config.ts`, or `src/content/config.ts`
 * before Astro 5) says about its collections, read as text. It is the user's code:
 * running it would execute the blog's dependencies, so it is only ever scanned.
 */

export interface AstroCollection {
  /** The collection's name, as exported in `collections`. */
  readonly name: string;
  /** The folder its glob loader reads, relative to the project (Astro 5); undefined for the legacy `src/content/<name>/`. */
  readonly base?: string;
  /** Fields its schema declares as dates (`z.date()`, `z.coerce.date()`), in schema order, optional or not. */
  readonly dateFields: readonly { readonly name: string; readonly optional: boolean }[];
}

/** The collections a config declares; empty when none can be read from it. */
export function astroCollections(source: string): AstroCollection[] {
  const text = stripComments(source);
  const defined = new Map<string, string>();
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*=\s*defineCollection\s*\(/g)) {
    defined.set(m[1], balanced(text, m.index + m[0].length - 1));
  }
  const exported = /export\s+const\s+collections\s*=\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  const out: AstroCollection[] = [];
  for (const raw of exported.split(',')) {
    const m = /^\s*(?:(['"]?)([\w$-]+)\1\s*:\s*)?([\w$]+)\s*$/.exec(raw);
    if (!m) continue;
    const name = m[2] ?? m[3];
    const body = defined.get(m[3]) ?? '';
    const base = /\bbase\s*:\s*(['"`])([^'"`]+)\1/.exec(body)?.[2];
    const dateFields = [...body.matchAll(/([\w$]+)\s*:\s*z\s*\.\s*(?:coerce\s*\.\s*)?date\s*\(\s*\)(\s*\.\s*optional\s*\(\s*\))?/g)]
      .map((d) => ({ name: d[1], optional: !!d[2] }));
    out.push({ name, ...(base ? { base: base.replace(/^\.\//, '').replace(/\/+$/, '') } : {}), dateFields });
  }
  return out;
}

/** Removes `//` and `/* *\/` comments (commented-out schemas are common), leaving strings alone. */
function stripComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? ' ');
}

/** The text from an opening parenthesis to its match (or to the end), skipping strings. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}
