// VitePress's virtual module of its local search index (typed by VitePress only for its default theme).
declare module '@localSearchIndex' {
  const index: Record<string, () => Promise<{ default: string }>>;
  export default index;
}
