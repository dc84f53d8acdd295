/**
 * The messages between the extension and the preview webview. Types only: both sides
 * import this file with `import type`, so nothing of it is bundled twice.
 */


export type ToWebview =
  | {
      readonly type: 'update'; readonly version: number; readonly path: string;
      /** The entry header's HTML, made by the core's `renderHeader` from the live text: the site's own markup. */
      readonly header: string | undefined;
      /** How many problems the note has (a line under the header points to the Problems panel). */
      readonly problems: number;
      readonly html: string; readonly exact: boolean;
      /** Webview URIs, ending in `/`, that relative and root-relative image paths resolve against: the note's folder and the content folder's `public/`. */
      readonly imageBase: string; readonly publicBase: string;
    }
  | { readonly type: 'empty'; readonly message: string }
  | { readonly type: 'scrollToLine'; readonly line: number };

export type FromWebview =
  /** The page has loaded; `path` is the content-relative note it showed before (its webview state), if any. */
  | { readonly type: 'ready'; readonly path?: string }
  /** A code block's Copy button: the extension writes the text to the clipboard. */
  | { readonly type: 'copy'; readonly text: string }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'revealLine'; readonly line: number };
