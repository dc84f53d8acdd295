import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useVSCode, VSCode, waitFor } from '../helpers/codeServer';
import { REPO } from '../helpers/site';

const PNG = readFileSync(path.join(REPO, 'media/icon.png'));
const NOTE = 'content/notes/redis-single-threaded-event-loop.md';
const FOLDER = 'content/notes/redis-single-threaded-event-loop';

/** Width and height of a PNG, from its header: Chromium re-encodes a clipboard image, so bytes are not compared. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** Puts a PNG on the system clipboard through Chromium's clipboard API, as a screenshot tool leaves it. */
async function copyImage(vs: VSCode, bytes: Buffer): Promise<void> {
  await vs.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(vs.page.url()).origin });
  const result = await vs.page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([data], { type: 'image/png' }) })]);
    return (await navigator.clipboard.read())[0]?.types.join(',');
  }, bytes.toString('base64'));
  assert.equal(result, 'image/png');
}

/** Drops a file from outside the editor onto the end of the active editor, Shift held (VS Code's gesture for "into the text"). */
async function dropFile(vs: VSCode, name: string, bytes: Buffer): Promise<void> {
  const editor = (await vs.page.locator('.editor-group-container.active .monaco-editor').first().boundingBox())!;
  await vs.page.evaluate(async ({ b64, name, x, y }) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
    const init = { bubbles: true, cancelable: true, composed: true, dataTransfer: data, clientX: x, clientY: y, shiftKey: true };
    document.elementFromPoint(x, y)!.dispatchEvent(new DragEvent('dragenter', init));
    document.elementFromPoint(x, y)!.dispatchEvent(new DragEvent('dragover', init));
    document.elementFromPoint(x, y)!.dispatchEvent(new DragEvent('drop', init));
  }, { b64: bytes.toString('base64'), name, x: editor.x + 200, y: editor.y + editor.height - 30 });
}

/** Saves the active editor and returns its file's text once written. */
async function saved(vs: VSCode, rel: string, contains: string): Promise<string> {
  await vs.page.keyboard.press('Control+S');
  let text = '';
  await waitFor(() => (text = readFileSync(path.join(vs.folder, rel), 'utf8')).includes(contains), 15_000, () => `${rel} does not contain ${contains}:\n${text}`);
  return text;
}

describe('image paste and drop into a note, in a real VS Code (restricted mode)', function () {
  this.timeout(300_000);
  const h = useVSCode({
    trusted: false,
    prepare: (ws) => writeFileSync(path.join(ws, 'outside.md'), '# Not a note\n\n'),
  });
  let vs: VSCode;
  let ws: string;
  beforeEach(() => {
    vs = h.vs();
    ws = h.ws();
  });

  async function endOfNote(rel: string): Promise<void> {
    await vs.openFile(rel);
    await vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await vs.page.keyboard.press('Control+End');
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.press('Enter');
  }

  it('a PNG pasted from the clipboard is saved in the note\'s folder, linked, and shown by the preview; the next paste takes the next name', async () => {
    await endOfNote(NOTE);
    await copyImage(vs, PNG);
    await vs.page.keyboard.press('Control+V');
    await waitFor(() => existsSync(path.join(ws, FOLDER, 'image.png')), 15_000, () => 'the pasted image was not saved');
    assert.deepEqual(pngSize(path.join(ws, FOLDER, 'image.png')), [128, 128]);
    // The cursor waits in the alt text.
    await vs.page.keyboard.type('first plot');
    await saved(vs, NOTE, '![first plot](./redis-single-threaded-event-loop/image.png)');
    const frame = await vs.previewFrame();
    const img = frame.locator('.entry__body img[alt="first plot"]');
    await img.waitFor({ timeout: 30_000 });
    await frame.waitForFunction(() => (document.querySelector('.entry__body img[alt="first plot"]') as HTMLImageElement | null)?.naturalWidth === 128, undefined, { timeout: 15_000 });

    await vs.page.keyboard.press('End');
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.press('Control+V');
    await waitFor(() => existsSync(path.join(ws, FOLDER, 'image-2.png')), 15_000, () => 'the second image was not saved');
    const text = await saved(vs, NOTE, '![](./redis-single-threaded-event-loop/image-2.png)');
    assert.ok(text.includes('![first plot](./redis-single-threaded-event-loop/image.png)'), 'the first link stays');
    assert.deepEqual(readdirSync(path.join(ws, FOLDER)).sort(), ['image-2.png', 'image.png']);
  });

  it('an image dropped from outside the editor is saved under its own name, made a slug', async () => {
    await endOfNote('content/notes/kafka-log-segments-and-consumer-lag.md');
    await dropFile(vs, 'Latency Plot (p99).png', PNG);
    const saved_ = path.join(ws, 'content/notes/kafka-log-segments-and-consumer-lag/latency-plot-p99.png');
    await waitFor(() => existsSync(saved_), 15_000, () => 'the dropped image was not saved');
    assert.deepEqual(readFileSync(saved_), PNG);
    await saved(vs, 'content/notes/kafka-log-segments-and-consumer-lag.md', '![](./kafka-log-segments-and-consumer-lag/latency-plot-p99.png)');
  });

  it('a missing image is a problem as you type, at its line and column; pasted images are not', async () => {
    await endOfNote(NOTE);
    await vs.page.keyboard.type('![gone](./missing-plot.png)');
    await vs.page.keyboard.press('Control+Shift+M');
    const problem = vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'image "./missing-plot.png" does not exist' });
    await problem.waitFor({ timeout: 15_000 });
    assert.match(await problem.innerText(), /\(looked for notes\/missing-plot\.png\)/);
    // The line the link was typed on, as the editor's status bar gives it.
    const line = /Ln (\d+)/.exec(await vs.page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText())?.[1];
    assert.match(await problem.innerText(), new RegExp(`\\[Ln ${line}, Col 9\\]`));
    assert.equal(await vs.page.locator('.markers-panel .monaco-list-row', { hasText: 'redis-single-threaded-event-loop/image' }).count(), 0);
    await vs.page.keyboard.press('Control+Z');
  });

  it('outside the content folder Notepress offers nothing: VS Code\'s own paste applies', async () => {
    await endOfNote('outside.md');
    await copyImage(vs, PNG);
    await vs.page.keyboard.press('Control+V');
    // VS Code's markdown extension copies a pasted image beside the document.
    await waitFor(() => existsSync(path.join(ws, 'image.png')), 15_000, () => 'VS Code\'s paste did not save the image');
    assert.ok(!existsSync(path.join(ws, 'outside')), 'no folder named after the file');
  });
});
