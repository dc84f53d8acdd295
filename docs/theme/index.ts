import type { Theme } from 'vitepress';
import Layout from './Layout.vue';
import './styles/vars.css';
import './styles/base.css';
import './styles/prose.css';

export default { Layout } satisfies Theme;
