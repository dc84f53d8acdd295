import { strict as assert } from 'node:assert';
import { GITIGNORE_LINES, mergeGitignore, mergePackageJson, starterFiles } from '../../extension/core/starter';
import { Notebook } from '../../extension/core/notebook';
import { parseNotebookConfig } from '../../extension/core/notebookConfig';

describe('starter', () => {
  it('writes a notebook whose only problems are the placeholders to fill in, as warnings at their lines', () => {
    const files = starterFiles({ date: '2026-11-25' });
    assert.deepEqual(files.map((f) => f.path), ['content/index.md', 'content/.notepress/notebook.yaml', 'content/notes/welcome.md', 'content/[notepress].md', 'content/[notepress].paths.mts', '.vitepress/config.mts', '.vitepress/theme/index.ts', '.github/workflows/deploy.yml']);
    const settings = files.find((f) => f.path.endsWith('notebook.yaml'))!.text;
    const nb = new Notebook(parseNotebookConfig(settings));
    for (const f of files.filter((x) => x.path.startsWith('content/'))) nb.set(f.path.slice('content/'.length), f.text);
    assert.deepEqual(nb.problems().map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.field ?? ''}`), [
      'index.md:3:7 warning name', 'index.md:4:7 warning role', 'index.md:5:10 warning tagline', 'index.md:11:10 warning links.url', 'index.md:12:6 warning url', 'index.md:15:1 warning ',
    ]);
    assert.equal(nb.drafts().length, 1, 'the welcome note is a draft: nothing of the starter is published unnoticed');
  });
  it('adds what package.json lacks and changes nothing else', () => {
    const created = mergePackageJson(undefined, { name: 'My Notes', dependency: '^0.1.0' });
    assert.ok(created && 'text' in created);
    assert.deepEqual(JSON.parse(created.text), { name: 'my-notes', private: true, type: 'module', scripts: { dev: 'notepress dev', build: 'notepress build', preview: 'notepress preview', check: 'notepress check' }, dependencies: { notepress: '^0.1.0' } });
    const existing = '{"name":"x","version":"1.0.0","scripts":{"build":"make"},"dependencies":{"notepress":"file:../notepress-0.1.0.tgz"}}';
    const merged = mergePackageJson(existing, { name: 'x', dependency: '^0.1.0' });
    assert.ok(merged && 'text' in merged);
    assert.deepEqual(merged.added, ['scripts.dev', 'scripts.preview', 'scripts.check']);
    assert.deepEqual(JSON.parse(merged.text).scripts.build, 'make', 'an existing script is kept');
    assert.deepEqual(JSON.parse(merged.text).dependencies.notepress, 'file:../notepress-0.1.0.tgz', 'an existing dependency is kept');
    assert.equal(mergePackageJson(merged.text, { name: 'x', dependency: '^0.1.0' }), undefined, 'a second run changes nothing');
    const broken = mergePackageJson('{oops', { name: 'x', dependency: '1' });
    assert.ok(broken && 'error' in broken && /^package\.json is not valid JSON \(.+\); fix it and run again$/.test(broken.error), JSON.stringify(broken));
  });
  it('appends only the .gitignore lines that are missing', () => {
    assert.equal(mergeGitignore(undefined), `${GITIGNORE_LINES.join('\n')}\n`);
    assert.equal(mergeGitignore('node_modules\n.env'), 'node_modules\n.env\n.vitepress/dist/\n.vitepress/cache/\n');
    assert.equal(mergeGitignore(`${GITIGNORE_LINES.join('\n')}\n`), undefined);
  });
});
