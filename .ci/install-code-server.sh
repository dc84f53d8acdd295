#!/usr/bin/env bash
# Installs code-server (VS Code 1.100 on Node 20) into .cache/code-server, outside the
# project's dependencies: it is a test tool of ~400 MB that only the real-VS-Code tests use.
# Its @vscode/ripgrep dependency downloads `rg` from GitHub at install time, which this
# machine cannot reach, so Debian's rg is placed in the cache that installer reads first.
set -euo pipefail
VERSION=4.100.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/.cache/code-server"
if [ -x "$DEST/node_modules/.bin/code-server" ] && grep -q "\"version\": \"$VERSION\"" "$DEST/node_modules/code-server/package.json" 2>/dev/null; then
  echo "code-server $VERSION already in $DEST"; exit 0
fi
command -v rg >/dev/null || { echo "ripgrep is missing: apt-get install -y ripgrep libkrb5-dev" >&2; exit 1; }
TMP=${TMPDIR:-/tmp}
CACHE="$TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$CACHE"
STAGE=$(mktemp -d)
cp "$(command -v rg)" "$STAGE/rg"
tar -czf "$CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$STAGE" rg
rm -rf "$STAGE"
mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > package.json
export npm_config_unsafe_perm=true npm_config_yes=true
# code-server's own postinstall builds its native parts; npm 11 runs install scripts only when allowed.
npm install --no-audit --no-fund --no-save --foreground-scripts --dangerously-allow-all-scripts "code-server@$VERSION" >"$DEST/install.log" 2>&1 || {
  tail -40 "$DEST/install.log" >&2; exit 1; }
"$DEST/node_modules/.bin/code-server" --version
