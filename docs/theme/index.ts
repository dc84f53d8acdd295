/**
 * The Notepress theme for VitePress: a thin Layout that switches on the facts each page
 * carries (`pageData.np`, computed at build time by the site config), small typed
 * components, and one set of CSS variables. A notebook's `.vitepress/theme/index.ts` is
 * `export { default } from 'notepress/theme'`.
 */
import type { Theme } from 'vitepress';
import Layout from './Layout.vue';
import './styles/vars.css';
import './styles/base.css';
import './styles/prose.css';
import './styles/code.css';
import './styles/entry.css';

export default { Layout } satisfies Theme;
