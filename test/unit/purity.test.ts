import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// ESLint enforces the same boundaries on every file (eslint.config.mjs); this test keeps
// the core's two rules visible where the core's tests are.
describe('core purity', () => {
  const dir = path.join(__dirname, '../../extension/core');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const importing = (re: RegExp) => files.filter((f) => re.test(readFileSync(path.join(dir, f), 'utf8'))).sort();

  it('imports neither vscode, vue nor vitepress, in any folder', () => {
    assert.ok(files.length >= 40);
    assert.deepEqual(importing(/(from\s+|require\(|import\()\s*['"](vscode|vue|vitepress)['"/]/), []);
  });

  it('touches the disk only in node/', () => {
    assert.deepEqual(importing(/['"](node:)?fs(\/promises)?['"]/).filter((f) => !f.startsWith('node/')), []);
  });
});
