import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

describe('import boundary', () => {
  const dir = path.join(__dirname, '../../extension/core/import');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const importing = (re: RegExp) => files.filter((f) => re.test(readFileSync(path.join(dir, f), 'utf8')));

  it('imports neither vscode, vue nor vitepress', () => {
    assert.ok(files.length >= 10);
    assert.deepEqual(importing(/(from\s+|require\(|import\()\s*['"](vscode|vue|vitepress)['"/]/), []);
  });

  it('touches the disk in one file only', () => {
    assert.deepEqual(importing(/['"](node:)?fs(\/promises)?['"]/), ['disk.ts']);
  });
});
