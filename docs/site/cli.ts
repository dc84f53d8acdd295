#!/usr/bin/env node
/**
 * `notepress`: start a notebook, check it, build it, serve it, bring a blog into it.
 * Thin: each command calls the functions the site config, the editor and the tests
 * call. Problems print as `path:line:column: severity: message`; failures exit 1 with
 * a sentence, never a stack trace (`--debug` shows one).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { getNotebook } from './notebook';
import { checkNotebook, LinkPolicy, reportProblems } from './check';
import { project, Project } from './project';
import { serveStatic } from './serve';
import { initNotebook } from './init';

const HELP = `notepress: engineering notes, previewed in VS Code, published as a VitePress site.

Usage: notepress <command> [folder] [options]

  init [folder]            start a notebook in folder (default: here); never overwrites a file
  dev [folder]             serve the site while you write, reloading on change
  build [folder]           check the notebook, then build the site into .vitepress/dist
  preview [folder]         serve the built site
  check [folder]           check the notebook; print every problem as path:line:column
  import <blog> [folder]   bring an Astro, Hugo or Jekyll blog (or a folder of markdown) into folder

Options:
  --port <n>               port for dev and preview (the next free one if taken)
  --host <address>         address to listen on (default 127.0.0.1)
  --content <dir>          the content folder, relative to folder (default: content)
  --out <dir>              where build writes the site (default: .vitepress/dist)
  --debug                  show stack traces
  -v, --version            print the version
  -h, --help               print this help
`;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function check(p: Project, o: { links?: LinkPolicy } = {}): Promise<boolean> {
  const nb = await getNotebook(p.contentDir);
  const result = await checkNotebook(nb, p.contentDir, { repair: true, ...o });
  return reportProblems(result.problems, p.contentDir);
}

async function build(p: Project, outDir: string | undefined): Promise<number> {
  // Dead links are checked by the site's config, which knows its `ignoreDeadLinks`.
  if (!(await check(p, { links: { skip: true } }))) return 1;
  const { build: vitepressBuild } = await import('vitepress');
  await vitepressBuild(p.siteRoot, outDir ? { outDir } : {});
  return 0;
}

async function dev(p: Project, port: number | undefined, host: string | undefined): Promise<number> {
  await check(p);
  const { createServer } = await import('vitepress');
  const server = await createServer(p.siteRoot, { port: port ?? 5173, host: host ?? '127.0.0.1' });
  await server.listen();
  server.printUrls();
  return new Promise(() => undefined);
}

async function preview(p: Project, port: number | undefined, host: string | undefined): Promise<number> {
  const out = path.join(p.siteRoot, '.vitepress', 'dist');
  const { url } = await serveStatic(out, port ?? 4173, host);
  process.stdout.write(`notepress: serving ${path.relative(process.cwd(), out) || '.'} at ${url}\n`);
  return new Promise(() => undefined);
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, content: { type: 'string' }, out: { type: 'string' },
      debug: { type: 'boolean' }, version: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 1;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  const cwd = process.cwd();
  const folder = command === 'import' ? rest[1] : rest[0];
  const p = project(folder ?? '.', values.content);
  // The site config finds the content folder the same way; the command's choice wins.
  process.env.NOTEPRESS_CONTENT = p.contentDir;
  process.chdir(p.dir);
  switch (command) {
    case 'init':
      return initNotebook(p, { version: version(), log: (s) => process.stdout.write(s) });
    case 'check':
      return (await check(p)) ? 0 : 1;
    case 'build':
      return build(p, values.out && path.resolve(cwd, values.out));
    case 'dev':
      return dev(p, port, values.host);
    case 'preview':
      return preview(p, port, values.host);
    case 'import': {
      if (!rest[0]) throw new UsageError('name the blog folder to import: notepress import <blog> [folder]');
      const { importBlog } = await import('./importCommand');
      return importBlog(path.resolve(cwd, rest[0]), p, { version: version(), log: (s) => process.stdout.write(s) });
    }
    default:
      throw new UsageError(`unknown command "${command}"; run notepress --help`);
  }
}

class UsageError extends Error {}

/** Strips terminal colour codes from a message (VitePress colours its errors). */
function plain(s: string): string {
   
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as Error;
    process.stderr.write(`notepress: ${plain(e?.message ?? String(err)).split('\n')[0]}\n`);
    if (debug && e?.stack) process.stderr.write(`${plain(e.stack)}\n`);
    process.exit(1);
  },
);
