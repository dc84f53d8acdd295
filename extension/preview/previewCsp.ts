/**
 * The preview page's Content-Security-Policy, apart from `vscode` so the tests can load
 * the real policy: nothing but the extension's own stylesheets and one script with a
 * fresh nonce. `style-src-attr 'unsafe-inline'` lets Shiki's per-token colour attributes
 * through (the sanitizer keeps no other `style`); `<style>` elements and every script
 * without the nonce stay blocked. Note HTML is sanitized before it gets here, and would
 * be inert anyway.
 *
 * @param cspSource the webview's `cspSource` (where its own files and the note's images are served from)
 */
export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    "style-src-attr 'unsafe-inline'",
    `img-src ${cspSource} https: data:`,
    `media-src ${cspSource} https:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
