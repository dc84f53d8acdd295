import { strict as assert } from 'node:assert';
import { readCsv } from '../../extension/core/chart/data';
import { parseChart } from '../../extension/core/chart/index';

/** Rows and problems of a CSV text, read in place. */
function read(text: string, crlf = false) {
  const problems: string[] = [];
  const t = readCsv(text, 1, (line, col, len, m) => problems.push(`${line}:${col}+${len}: ${m}`), crlf);
  return { columns: t?.columns, rows: t?.rows.map((r) => [r.line, r.text, ...r.cells]), problems };
}

describe('chart data (CSV and TSV)', () => {
  it('reads a data file\'s CRLF lines, numbering them as an editor does, skipping blank and # lines', () => {
    assert.deepEqual(read('t,v\r\n\r\n# note\r\n0,1\r\n1, "2" \r\n', true), {
      columns: ['t', 'v'], rows: [[4, '0,1', '0', '1'], [5, '1, "2" ', '1', '2']], problems: [],
    });
    // A lone CR is not a line end.
    assert.deepEqual(read('t,v\r0,1\r', true).rows, []);
  });
  it('keeps a CR inside an inline line, and trims it from the cell', () => {
    assert.deepEqual(read('t,v\r\n0,1\r\n').rows, [[2, '0,1\r', '0', '1']]);
  });
  it('reads TSV when the header has tabs and no commas', () => {
    assert.deepEqual(read('a\tb\n1\t2\n'), { columns: ['a', 'b'], rows: [[2, '1\t2', '1', '2']], problems: [] });
  });
  it('reports ragged rows and an unclosed quote at their line and column', () => {
    assert.deepEqual(read('a,b\n\n1,2,3\n4,5').problems, ['3:1+5: this row has 3 cells; the header has 2']);
    assert.deepEqual(read('a,b\n1, "2').problems, ['2:4+1: a quoted cell is never closed']);
  });
  it('names the data file\'s own line and column through a byte-order mark and CRLF', () => {
    const files: Record<string, string> = { 'notes/lag.csv': '\uFEFFt,v\r\n# c\r\n0,1\r\n1,x\r\n' };
    const p = parseChart('data: ./lag.csv', { file: 'notes/a.md', line: 10, read: (t) => files[t] });
    assert.deepEqual(p.problems.map((x) => `${x.line}:${x.column}: ${x.message}`), ['10:7: notes/lag.csv:4:3: "x" in column "v" is not a number']);
  });
});
