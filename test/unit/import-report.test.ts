import { strict as assert } from 'node:assert';
import { formatReportItem, memoryTree, notebookKinds, planImport, renderReport, validateForNotebook } from '../../extension/core/import';

describe('import report', () => {
  const blog = memoryTree({
    '_config.yml': 'title: Ops notes\nauthor: Sam\n',
    '_posts/2024-05-01-pager.md': '---\ntitle: "Pager duty"\n---\n\n{% include chart.html %}\n',
    '_posts/2024-05-02-broken.md': '---\ntitle: "Broken\n---\n',
    'about.md': '---\ntitle: About\n---\n',
  });
  const plan = planImport(blog, { kinds: notebookKinds(), existing: () => undefined, validate: validateForNotebook });

  it('skips a post it cannot read and reports the problem at the blog\'s file, line and column', () => {
    assert.deepEqual(plan.writes.map((w) => w.path), ['notes/pager.md', 'index.md']);
    assert.deepEqual(plan.report.map((r) => formatReportItem(r, { source: '/home/sam/blog', content: 'content' })), [
      'content/notes/pager.md:6:1: warning: Liquid tag `{% include chart.html %}` is kept as text: paste the text of the included file',
      '/home/sam/blog/_posts/2024-05-02-broken.md:2:8: error: invalid YAML: Missing closing "quote',
    ]);
  });

  it('renders a markdown file whose links open each note at its line', () => {
    const result = { written: ['notes/pager.md', 'index.md'], unchanged: [], conflicts: [], failed: [], reportPath: '.notepress/import-report.md' };
    assert.equal(renderReport(plan, result, { source: '/home/sam/blog', content: 'content' }), `# Import report

From \`/home/sam/blog\` (Jekyll: _config.yml) into \`content\`.

- 1 entry and the profile planned, 0 files to copy
- 2 written, 0 already imported, 0 kept because they differ, 0 failed
- 2 markdown files of the blog not imported

## To check

- [notes/pager.md:6:1](<../notes/pager.md#L6>): warning: Liquid tag \`{% include chart.html %}\` is kept as text: paste the text of the included file
- \`/home/sam/blog/_posts/2024-05-02-broken.md:2:8\`: error: invalid YAML: Missing closing "quote

## Not imported

- \`/home/sam/blog/_posts/2024-05-02-broken.md:1\`: it cannot be read; see the report
- \`/home/sam/blog/about.md:1\`: a page, not a post

## Written

- [notes/pager.md](<../notes/pager.md>) from \`/home/sam/blog/_posts/2024-05-01-pager.md\`
- [index.md](<../index.md>) from \`/home/sam/blog/_config.yml\`
`);
  });

  it('gives the same plan for the same blog, which is how a second run recognises its own files', () => {
    assert.deepEqual(planImport(blog, { kinds: notebookKinds(), existing: () => undefined, validate: validateForNotebook }), plan);
  });
});
