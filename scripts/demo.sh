#!/usr/bin/env bash
# README command 1: install what is missing, build the release bundle, serve the demo on http://127.0.0.1:8080/.
# Trunk sends the headers in Trunk.toml's [serve.headers] (Access-Control-Allow-Origin: *, which the
# iframe embed needs inside WordPress's sandbox) and application/wasm for the wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve --release "$@"
