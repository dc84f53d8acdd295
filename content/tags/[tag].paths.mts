// One page per tag. VitePress finds dynamic routes only inside the content folder, so
// this stub lives here; the site config publishes the tag list on `globalThis` when it
// loads (same process), which keeps this file free of paths into the theme.
type TagPaths = () => Promise<{ params: Record<string, string> }[]>;

export default {
  paths: () => ((globalThis as { __notepressTagPaths?: TagPaths }).__notepressTagPaths?.() ?? []),
};
