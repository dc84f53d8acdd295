import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/site';
import { notebookKinds, planImport, validateForNotebook } from '../../extension/core/import/index';
import { diskExisting, diskTree } from '../../extension/core/node/importDisk';
import { splitFile } from '../../extension/core/frontmatter';

/** Runs a command in a folder, as a person would in a terminal; fails with its output. */
function run(cwd: string, cmd: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, timeout: 300_000 });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}) in ${cwd}:\n${out}`);
  return out;
}

/** Every file under a folder, relative, with `/`. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/')).sort();
}

/**
 * The package as a user gets it: `npm pack`, then in an empty folder outside this
 * repository the README's commands. The registry is reached for the package's own
 * dependencies (npm's cache makes that quick); `notepress` itself comes from the tarball.
 */
describe('the notepress package, from its packed tarball, in an empty folder', function () {
  this.timeout(600_000);
  let tmp: string;
  let tarball: string;
  let base: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'notepress-pkg-'));
    const packed = run(REPO, 'npm', ['pack', '--pack-destination', tmp, '--silent']).trim().split('\n').pop()!;
    tarball = path.join(tmp, packed);
    base = path.join(tmp, 'my-notes');
    mkdirSync(base);
    run(base, 'npm', ['init', '-y']);
    run(base, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** The import's plan into an empty notebook: what the command wrote, and what its report says. */
  const plan0 = (blog: string) => planImport(diskTree(blog), { kinds: notebookKinds(), validate: validateForNotebook, existing: diskExisting(path.join(tmp, 'empty')) });

  it('npx notepress init, then npx notepress build, gives the starter notebook\'s site', () => {
    const init = run(base, 'npx', ['notepress', 'init']);
    assert.match(init, /created content\/index\.md/);
    assert.match(init, /added to package\.json \(scripts\.dev, scripts\.build, scripts\.preview, scripts\.check\)/);
    const pkg = JSON.parse(readFileSync(path.join(base, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(pkg.dependencies.notepress, `file:${path.relative(base, tarball)}`, 'the dependency npm wrote is kept');
    const build = run(base, 'npx', ['notepress', 'build']);
    // The starter's fill-in text is pointed at, as warnings, and the site is built all the same.
    assert.match(build, /content\/index\.md:3:7: warning: `name` still holds the starter text "Your name"/);
    const dist = path.join(base, '.vitepress/dist');
    for (const f of ['index.html', '404.html', 'notes/index.html', 'sitemap.xml', 'og/index.png']) assert.ok(existsSync(path.join(dist, f)), f);
    assert.ok(!existsSync(path.join(dist, 'notes/welcome.html')), 'the starter note is a draft');
    assert.match(readFileSync(path.join(dist, 'index.html'), 'utf8'), /What you do, in one line/);
    // A second init changes nothing and says so.
    assert.match(run(base, 'npx', ['notepress', 'init']), /kept {4}content\/index\.md \(already there\)/);
  });

  for (const blog of ['astro', 'hugo', 'jekyll']) {
    it(`npx notepress import brings the ${blog} fixture in, and the build keeps every body, date and image`, () => {
      const dir = path.join(tmp, `from-${blog}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `from-${blog}`, private: true, type: 'module', dependencies: { notepress: `file:${tarball}` } }));
      symlinkSync(path.join(base, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const source = path.join(REPO, 'test/fixtures/import', blog);
      const copy = path.join(tmp, `${blog}-source`);
      cpSync(source, copy, { recursive: true });
      const before = files(copy).map((f) => [f, readFileSync(path.join(copy, f)).toString('base64')]).join();
      const out = run(dir, 'npx', ['notepress', 'import', copy]);
      assert.match(out, new RegExp(`^notepress: ${blog} blog in `, 'm'));
      assert.equal(files(copy).map((f) => [f, readFileSync(path.join(copy, f)).toString('base64')]).join(), before, 'the blog is only read');
      // What the report says must be fixed stops the build, at its line; the user fixes it, as here.
      const errors = plan0(copy).report.filter((r) => r.severity === 'error');
      if (errors.length) {
        const failed = spawnSync('npx', ['notepress', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.notEqual(failed.status, 0);
        for (const e of errors) {
          assert.ok(failed.stderr.includes(`content/${e.file}:${e.line}:${e.column}: error:`), `${e.file}:${e.line}: ${failed.stderr}`);
          const file = path.join(dir, 'content', e.file);
          const lines = readFileSync(file, 'utf8').split('\n');
          // A missing field is written at the line named (the closing `---`); a broken image's line is removed.
          const field = /^missing `(\w+)`/.exec(e.message)?.[1];
          if (field) lines.splice(e.line - 1, 0, `${field}: Engineer`);
          else lines.splice(e.line - 1, 1);
          writeFileSync(file, lines.join('\n'));
        }
      }
      run(dir, 'npx', ['notepress', 'build']);
      const dist = path.join(dir, '.vitepress/dist');
      // What the plan wrote is what was built: each entry has its page, its date and its words.
      const plan = plan0(copy);
      const entries = plan.writes.filter((w) => w.kind);
      assert.ok(entries.length >= 3, `${entries.length} entries`);
      for (const w of entries) {
        const split = splitFile(w.path, w.text);
        if (/^draft: true$/m.test(w.text)) continue;
        const html = readFileSync(path.join(dist, w.path.replace(/\.md$/, '.html')), 'utf8');
        const date = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(w.text)?.[1];
        if (date) assert.ok(html.includes(`datetime="${date}"`), `${w.path}: its date`);
        const words = split.body.split('\n').find((l) => /^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(l.trim()))?.trim().split(/\s+/).slice(0, 4).join(' ');
        if (words) assert.ok(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').includes(words), `${w.path}: "${words}"`);
        for (const m of html.matchAll(/<img[^>]+src="([^"]+)"/g)) {
          if (/^(https?:)?\/\//.test(m[1]) || m[1].startsWith('data:')) continue;
          assert.ok(existsSync(path.join(dist, decodeURI(m[1]).replace(/^\//, ''))), `${w.path}: image ${m[1]}`);
        }
      }
    });
  }
});
