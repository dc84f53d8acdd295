// markdown-it-emoji ships no types; only its `full` plugin is used (as VitePress uses it).
declare module 'markdown-it-emoji' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a markdown-it plugin, whichever typings' form
  export const full: (md: any, options?: Record<string, unknown>) => void;
}
