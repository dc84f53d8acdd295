import { strict as assert } from 'node:assert';
import { Notebook } from '../../extension/core/notebook';
import { HOME_LIMIT, pageFacts } from '../../docs/.vitepress/pages';

describe('site page facts', () => {
  it('the home page lists the newest notes up to its limit and counts them all, so it stays small at any size', () => {
    const nb = new Notebook();
    nb.set('index.md', '---\nrole: Engineer\ntagline: Notes.\n---\n');
    for (let i = 1; i <= 25; i++) nb.set(`notes/n${i}.md`, `---\ntitle: Note ${i}\ndate: 2026-01-${String(i).padStart(2, '0')}\n---\n\nBody.\n`);
    const facts = pageFacts(nb, 'index.md')!.np;
    assert.equal(facts.view, 'home');
    if (facts.view !== 'home') return;
    assert.equal(facts.notes.length, HOME_LIMIT);
    assert.equal(facts.totals.notes, 25);
    assert.deepEqual(facts.notes.slice(0, 2).map((n) => n.title), ['Note 25', 'Note 24']);
    assert.equal(facts.totals.research, 0);
  });
});
