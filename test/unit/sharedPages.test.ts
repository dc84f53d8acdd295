import { strict as assert } from 'node:assert';
import { sharedPages } from '../../docs/site/safeMarkdown';

describe('site build: one component per page for both bundles', () => {
  it('the second request for a file and text takes the first one\'s answer, even while it is pending; a third makes it again', async () => {
    const share = sharedPages();
    let made = 0;
    const make = () => new Promise<string>((resolve) => setImmediate(() => resolve(`<template>page ${++made}</template>`)));
    const [a, b] = await Promise.all([share('# A', '/c/a.md', make), share('# A', '/c/a.md', make)]);
    assert.equal(a, b);
    assert.equal(made, 1);
    assert.equal(await share('# A', '/c/a.md', make), '<template>page 2</template>');
  });

  it('does not share across files or texts', async () => {
    const share = sharedPages();
    const make = (s: string) => () => Promise.resolve(s);
    assert.equal(await share('# A', '/c/a.md', make('a')), 'a');
    assert.equal(await share('# A', '/c/b.md', make('b')), 'b');
    assert.equal(await share('# A2', '/c/a.md', make('a2')), 'a2');
  });

  it('does not share a component with a <script client> block, nor a failure', async () => {
    const share = sharedPages();
    let n = 0;
    const client = () => Promise.resolve(`<script client>x()</script><template>${++n}</template>`);
    await share('c', '/c/c.md', client);
    assert.match(String(await share('c', '/c/c.md', client)), /<template>2</);
    let tries = 0;
    const failing = () => (++tries === 1 ? Promise.reject(new Error('bad note')) : Promise.resolve('ok'));
    await assert.rejects(share('f', '/c/f.md', failing), /bad note/);
    assert.equal(await share('f', '/c/f.md', failing), 'ok');
  });
});
