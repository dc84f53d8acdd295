import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { previewCsp } from './previewCsp';

/** Where the preview may load files from: the extension's own media and the content folder (images beside notes). */
export function previewResourceRoots(extensionUri: vscode.Uri, contentRoot: vscode.Uri | undefined): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), ...(contentRoot ? [contentRoot] : [])];
}

/**
 * The preview page: the site theme's own CSS, one script with a fresh nonce, and a
 * Content-Security-Policy that allows nothing else (previewCsp.ts).
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', name));
  const csp = previewCsp(webview.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('vars.css')}">
<link rel="stylesheet" href="${media('prose.css')}">
<link rel="stylesheet" href="${media('code.css')}">
<link rel="stylesheet" href="${media('entry.css')}">
<link rel="stylesheet" href="${media('preview.css')}">
<title>Notepress Preview</title>
</head>
<body>
<main class="np-preview" id="np-preview" aria-live="off">
  <p class="np-preview__empty">Open a note to preview it.</p>
</main>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
}
