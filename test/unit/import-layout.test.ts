import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { detectLayout, ImportError, importKinds, kindFor, memoryTree, notebookKinds, planImport } from '../../extension/core/import';
import { diskTree } from '../../extension/core/node/importDisk';
import { astroCollections } from '../../extension/core/import/astroConfig';
import { DEFAULT_KINDS as KINDS } from '../../extension/core/kinds';

const fixture = (name: string) => path.join(__dirname, '../fixtures/import', name);

describe('import layout', () => {
  it('detects each fixture\'s generator from its configuration files', () => {
    assert.deepEqual(detectLayout(diskTree(fixture('astro'))), { layout: 'astro', evidence: ['astro.config.mjs', 'src/content.config.ts'] });
    assert.deepEqual(detectLayout(diskTree(fixture('hugo'))), { layout: 'hugo', evidence: ['hugo.toml'] });
    assert.deepEqual(detectLayout(diskTree(fixture('jekyll'))), { layout: 'jekyll', evidence: ['_config.yml'] });
    assert.deepEqual(detectLayout(diskTree(fixture('folder'))), { layout: 'folder', evidence: [] });
  });

  it('recognises older layouts: Hugo\'s config.toml, Astro\'s src/content/config.ts, Jekyll posts without a config', () => {
    assert.deepEqual(detectLayout(memoryTree({ 'config.toml': '', 'content/posts/a.md': '' })), { layout: 'hugo', evidence: ['config.toml'] });
    assert.deepEqual(detectLayout(memoryTree({ 'config.toml': '', 'notes/a.md': '' })).layout, 'folder', 'a config.toml alone is not Hugo');
    assert.deepEqual(detectLayout(memoryTree({ 'src/content/config.ts': '' })), { layout: 'astro', evidence: ['src/content/config.ts'] });
    assert.deepEqual(detectLayout(memoryTree({ '_posts/2024-01-01-a.md': '' })), { layout: 'jekyll', evidence: ['_posts/'] });
  });

  it('reads an Astro content config as text: names, loader folders and date fields, never commented-out code', () => {
    assert.deepEqual(astroCollections(readFileSync(path.join(fixture('astro'), 'src/content.config.ts'), 'utf8')), [
      { name: 'blog', base: 'src/content/blog', dateFields: [{ name: 'pubDate', optional: false }, { name: 'updatedDate', optional: true }] },
      { name: 'projects', base: 'src/content/projects', dateFields: [{ name: 'publishedAt', optional: false }] },
    ]);
    const legacy = `import { z, defineCollection } from 'astro:content';
const blogCollection = defineCollection({
  type: 'content',
  schema: z.object({ title: z.string(), date: z.date() }),
  // schema: z.object({ old: z.date() }),
});
export const collections = { 'blog-posts': blogCollection };`;
    assert.deepEqual(astroCollections(legacy), [{ name: 'blog-posts', dateFields: [{ name: 'date', optional: false }] }]);
  });

  it('maps collections to kinds by the documented rule, a same-named kind, or the caller\'s mapping', () => {
    const kinds = notebookKinds();
    const folderOf = (c: string, mapping?: Record<string, string>) => kindFor(c, kinds, mapping).folder;
    assert.deepEqual(['blog', 'posts', 'post', 'articles', 'notes'].map((c) => folderOf(c)), Array(5).fill('notes'));
    assert.deepEqual(['projects', 'work', 'portfolio'].map((c) => folderOf(c)), Array(3).fill('case-studies'));
    assert.deepEqual(['research', 'papers'].map((c) => folderOf(c)), ['research', 'research']);
    assert.deepEqual(['oss', 'open-source', 'contributions'].map((c) => folderOf(c)), Array(3).fill('open-source'));
    assert.equal(folderOf('recipes'), 'notes');
    assert.equal(folderOf('Case-Studies'), 'case-studies');
    assert.equal(folderOf('recipes', { recipes: 'research' }), 'research');
    assert.equal(folderOf('blog', { blog: 'case-studies' }), 'case-studies');
  });

  it('takes any kinds it is given: a notebook\'s own kind receives the collection of its name', () => {
    const kinds = [...notebookKinds(), { id: 'experiment', folder: 'experiments', dated: true, fields: ['title', 'date', 'status'] }];
    assert.equal(kindFor('experiments', kinds).id, 'experiment');
    const noNotes = [{ id: 'log', folder: 'log', dated: true, fields: ['title', 'date'] }];
    assert.equal(kindFor('blog', noNotes).id, 'log', 'without a notes kind, the first dated kind takes the rest');
  });

  it('reads the core\'s kind table: dated where `date` is required, the title field where it is not `title`', () => {
    assert.deepEqual(importKinds(KINDS).map((k) => [k.id, k.folder, k.dated, k.titleField]), [
      ['note', 'notes', true, undefined],
      ['case-study', 'case-studies', false, undefined],
      ['research', 'research', false, undefined],
      ['open-source', 'open-source', false, 'project'],
    ]);
  });

  it('refuses a mapping to a kind the notebook does not have, naming the kinds it has', () => {
    const tree = memoryTree({ 'a.md': '# A\n' });
    assert.throws(() => planImport(tree, { kinds: notebookKinds(), existing: () => undefined, mapping: { til: 'snippets' } }),
      (err: Error) => err instanceof ImportError && err.message === '"til" is mapped to "snippets", which is not a kind of this notebook (kinds: note, case-study, research, open-source)');
    assert.throws(() => planImport(tree, { kinds: [], existing: () => undefined }), /the notebook has no kinds of entry to import into/);
  });
});
