/**
 * A Content-Security-Policy for the built site: the second wall behind the sanitizer.
 * Each page gets it as the first element of its `<head>` (a `<meta http-equiv>`), with
 * the sha256 hash of each of VitePress's own inline scripts on that page; nothing else
 * inline runs: no event handler, no `javascript:` URL, no injected `<script>`.
 * Hosts that can send headers should send the same policy (see `headerPolicy`, written
 * to `_headers` at the end of the build), which also covers what a `<meta>` cannot
 * (`frame-ancestors`).
 */
import { createHash } from 'node:crypto';

/** Inline scripts the browser runs (not `src`, not JSON data blocks). */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>([^]*?)<\/script>/gi;

/**
 * The one inline `<style>` the site's own code adds: VueUse's colour-mode switch turns
 * transitions off for a moment while the theme changes (`disableTransition`).
 */
const NO_TRANSITION = '*,*::before,*::after{-webkit-transition:none!important;-moz-transition:none!important;-o-transition:none!important;-ms-transition:none!important;transition:none!important}';
const NO_TRANSITION_HASH = createHash('sha256').update(NO_TRANSITION).digest('base64');

/** The policy for a page whose inline scripts have these hashes. */
export function policy(hashes: Iterable<string>): string {
  const scripts = [...new Set(hashes)].sort().map((h) => `'sha256-${h}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    // Shiki colours code through `style` attributes; the only inline `<style>` is NO_TRANSITION.
    `style-src 'self' 'sha256-${NO_TRANSITION_HASH}'`,
    "style-src-attr 'unsafe-inline'",
    // Notes may show images and video from the web and raster `data:` images; the build
    // itself writes small local media as `data:` URLs.
    "img-src 'self' https: data:",
    "media-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The sha256 (base64) of each inline script of a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((m) => createHash('sha256').update(m[1]).digest('base64'));
}

/**
 * Puts the page's policy first in its `<head>`, and adds its hashes to `seen` (for the
 * hosts' header, which must allow the scripts of every page).
 */
export function withCsp(html: string, seen?: Set<string>): string {
  const hashes = inlineScriptHashes(html);
  hashes.forEach((h) => seen?.add(h));
  return html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`);
}

/** The policy as a host sends it for every page, in the `_headers` form Netlify and Cloudflare Pages read. */
export function headerPolicy(hashes: Iterable<string>): string {
  return `/*\n  Content-Security-Policy: ${policy(hashes)}; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`;
}
