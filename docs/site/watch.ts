/**
 * In `vitepress dev`, keeps the notebook index current one file at a time and reloads
 * the page, so lists, tags and headers follow the files as they are written. A change
 * to the settings file reloads the whole notebook: kinds may have changed.
 */
import * as path from 'node:path';
import type { Plugin } from 'vite';
import { CONFIG_PATH, Notebook } from '../../extension/core/index';
import { loadFile } from '../../extension/core/node/load';

export function watchContent(notebook: Notebook, contentDir: string): Plugin {
  return {
    name: 'notepress:watch-content',
    configureServer(server) {
      server.watcher.on('all', async (event, file) => {
        const rel = path.relative(contentDir, file).split(path.sep).join('/');
        if (rel.startsWith('..')) return;
        if (rel === CONFIG_PATH) {
          server.config.logger.info('notepress: the notebook settings changed; restart the dev server to apply new kinds', { timestamp: true });
          return;
        }
        if (!notebook.kinds.classify(rel)) return;
        if (event === 'unlink') notebook.delete(rel);
        else if (event === 'add' || event === 'change') await loadFile(notebook, contentDir, rel);
        else return;
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
