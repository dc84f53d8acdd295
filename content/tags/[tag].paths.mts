// One page per tag, from the notebook index. VitePress only finds dynamic routes
// inside the content folder, so this stub lives here and the logic in the theme.
export { default } from '../../docs/.vitepress/tags.paths.mjs';
