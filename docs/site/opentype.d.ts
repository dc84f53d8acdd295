/** The part of opentype.js (which ships no types) that `ogImage.ts` uses: which characters a font has. */
declare module 'opentype.js' {
  interface Font { hasChar(ch: string): boolean }
  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font };
  export default opentype;
}
