/**
 * A profile (`index.md`) seeded from the blog's own configuration: its title,
 * author, description and address. Configuration that is code (`astro.config.mjs`,
 * `src/consts.ts`) is read as text, never run.
 */
import { Document, parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Layout, SourceTree } from './types';

export interface ProfileSeed {
  readonly text: string;
  /** The files it was read from, for the report. */
  readonly from: string;
}

interface SiteFacts { title?: string; author?: string; description?: string; url?: string }

const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json',
  'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/hugo.yaml', 'config/_default/config.yaml'];

/**
 * The profile the blog's configuration suggests: `name` is the author (else the site's
 * title), `role` the site's title when there is an author, `tagline` the description,
 * `url` the site's address. Undefined when the configuration names nothing.
 */
export function profileSeed(files: SourceTree, layout: Layout): ProfileSeed | undefined {
  const read = (p: string) => {
    const bytes = files.paths.includes(p) ? files.read(p) : undefined;
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  };
  const found = layout === 'jekyll' ? jekyll(read) : layout === 'hugo' ? hugo(read) : layout === 'astro' ? astro(files, read) : undefined;
  if (!found) return undefined;
  const { facts, from } = found;
  const profile: Record<string, string> = {};
  const name = facts.author ?? facts.title;
  if (name) profile.name = name;
  if (facts.author && facts.title) profile.role = facts.title;
  if (facts.description) profile.tagline = facts.description;
  if (facts.url && /^https?:\/\/\S+$/.test(facts.url)) profile.url = facts.url;
  if (!profile.name && !profile.tagline) return undefined;
  return { text: `---\n${new Document(profile).toString({ lineWidth: 0 })}---\n`, from };
}

type Reader = (p: string) => string | undefined;

function jekyll(read: Reader): { facts: SiteFacts; from: string } | undefined {
  const from = ['_config.yml', '_config.yaml'].find((p) => read(p) !== undefined);
  const data = from ? safely(() => parseYaml(read(from) as string)) : undefined;
  if (!from || !isRecord(data)) return undefined;
  const url = text(data.url);
  return { from, facts: { title: text(data.title), author: person(data.author), description: text(data.description), url: url ? `${url.replace(/\/$/, '')}${text(data.baseurl) ?? ''}` : undefined } };
}

function hugo(read: Reader): { facts: SiteFacts; from: string } | undefined {
  const from = HUGO_CONFIGS.find((p) => read(p) !== undefined);
  if (!from) return undefined;
  const source = read(from) as string;
  const data = safely(() => (from.endsWith('.toml') ? parseToml(source) : from.endsWith('.json') ? JSON.parse(source) : parseYaml(source)));
  if (!isRecord(data)) return undefined;
  const params = isRecord(data.params) ? data.params : {};
  return { from, facts: {
    title: text(data.title), author: person(params.author) ?? person(data.author),
    description: text(params.description) ?? text(data.description), url: text(data.baseURL ?? data.baseurl),
  } };
}

function astro(files: SourceTree, read: Reader): { facts: SiteFacts; from: string } | undefined {
  const consts = ['src/consts.ts', 'src/consts.js', 'src/config.ts'].find((p) => read(p) !== undefined);
  const config = files.paths.find((p) => /^astro\.config\.(mjs|js|ts|mts|cjs|cts)$/.test(p));
  const constText = consts ? (read(consts) as string) : '';
  const constant = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(['"\`])(.*?)\\1`).exec(constText)?.[2];
  const url = config ? /\bsite\s*:\s*(['"`])(.*?)\1/.exec(read(config) ?? '')?.[2] : undefined;
  const facts = { title: constant('SITE_TITLE'), author: constant('SITE_AUTHOR'), description: constant('SITE_DESCRIPTION'), url };
  const from = [consts, config].filter(Boolean).join(', ');
  return from ? { facts, from } : undefined;
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : undefined;
}

/** An author written as a name or as `{ name: ... }`. */
function person(v: unknown): string | undefined {
  return text(v) ?? (isRecord(v) ? text(v.name) : undefined);
}
