import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

describe('core purity', () => {
  it('imports neither vscode nor vue', () => {
    const dir = path.join(__dirname, '../../extension/core');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 10);
    const offenders = files.filter((f) => /(from\s+|require\(|import\()\s*['"](vscode|vue|vitepress)['"/]/.test(readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
