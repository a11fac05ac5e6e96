#!/usr/bin/env bash
# Packs this package as it would be published (npm pack, after npm run build) and installs the
# tarball into <N8N_USER_FOLDER>/.n8n/nodes the way n8n 2.40 installs a community package
# (community-packages.service downloadPackage): extract into nodes/node_modules/<name>, drop
# dev/peer/optional dependencies from its package.json, `npm install` there with n8n's flags,
# and record the package in nodes/package.json. n8n then loads it at start as
# `n8n-nodes-us-customs.<nodeName>`.
# Usage: pack-and-install.sh <N8N_USER_FOLDER> [--no-build]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USER_FOLDER="${1:?usage: pack-and-install.sh <N8N_USER_FOLDER> [--no-build]}"
BUILD=1
[ "${2:-}" = "--no-build" ] && BUILD=0
export PATH="$ROOT/node_modules/.bin:$PATH"

step() { echo "n8n-local: [$(date +%H:%M:%S)] $*"; }

if [ "$BUILD" = "1" ]; then
	step "npm run build"
	if ! BUILD_LOG="$(cd "$ROOT" && npm run build 2>&1)"; then
		echo "$BUILD_LOG" | tail -n 40 >&2
		echo "n8n-local: npm run build failed (pass --no-build to pack the dist/ that is there)" >&2
		exit 1
	fi
fi

PACK_DIR="$ROOT/.cache/pack"
mkdir -p "$PACK_DIR"
step "npm pack"
TARBALL="$(cd "$ROOT" && npm pack --pack-destination "$PACK_DIR" --silent | tail -n 1)"
TARBALL="$PACK_DIR/$TARBALL"
NAME="$(node -p "require('$ROOT/package.json').name")"
VERSION="$(node -p "require('$ROOT/package.json').version")"

NODES="$USER_FOLDER/.n8n/nodes"
TARGET="$NODES/node_modules/$NAME"
step "installing $(basename "$TARBALL") into $TARGET"
rm -rf "$TARGET"
mkdir -p "$TARGET"
tar -xzf "$TARBALL" -C "$TARGET" --strip-components=1
node -e '
	const fs = require("fs");
	const file = process.argv[1];
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(file, "utf8"));
	fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
' "$TARGET/package.json"
(cd "$TARGET" && npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow \
	--ignore-scripts=true --package-lock=false --loglevel=error >/dev/null)
node -e '
	const fs = require("fs");
	const [file, name, version] = process.argv.slice(1);
	const pkg = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { name: "installed-nodes", private: true, dependencies: {} };
	pkg.dependencies = { ...(pkg.dependencies || {}), [name]: version };
	fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
' "$NODES/package.json" "$NAME" "$VERSION"
step "installed $NAME@$VERSION ($(find "$TARGET" -type f | wc -l) files)"
