/**
 * The messages between the extension and the preview webview. Types only: both sides
 * import this file with `import type`, so nothing of it is bundled twice.
 */

/** What the preview shows above the body, as the site's entry page does. */
export interface PreviewHeader {
  readonly kind: string;
  readonly title: string;
  readonly meta: string;
  readonly datetime?: string;
  readonly tags: readonly string[];
  readonly problems: number;
}

export type ToWebview =
  | {
      readonly type: 'update'; readonly version: number; readonly path: string; readonly header: PreviewHeader | undefined; readonly html: string; readonly exact: boolean;
      /** Webview URIs, ending in `/`, that relative and root-relative image paths resolve against: the note's folder and the content folder's `public/`. */
      readonly imageBase: string; readonly publicBase: string;
    }
  | { readonly type: 'empty'; readonly message: string }
  | { readonly type: 'scrollToLine'; readonly line: number };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'revealLine'; readonly line: number };
