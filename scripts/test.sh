#!/usr/bin/env bash
# README command 2: install what is missing, then run every tier and print the counts.
# Tiers: rustfmt, clippy (host and wasm, -D warnings), native cargo tests, wasm-bindgen-test in
# headless Chromium, the release bundle build, the end-to-end specs against dist/ once per engine
# (Chromium through Playwright, Firefox ESR and WebKitGTK through e2e/support/engines), the npm
# package (scripts/pack.mjs) and the integrations that use it (integrations/specs/: Vite, webpack,
# Eleventy, Hugo, WordPress; fresh projects installed from the npm registry through npm's cache).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true CHROMEDRIVER=/usr/bin/chromedriver

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
declare -a summary=()
passed=0 failed=0 status=0

# run NAME COMMAND...: runs a tier, keeps its output, records pass/fail counts parsed by count_NAME.
run() {
  local name=$1; shift
  printf '\n\033[1m== %s\033[0m  (%s)\n' "$name" "$*"
  local start=$SECONDS
  "$@" 2>&1 | tee "$log/$name.txt"
  local rc=${PIPESTATUS[0]}
  local p f
  read -r p f < <(count "$name")
  passed=$((passed + p)) failed=$((failed + f))
  if [ "$rc" -ne 0 ]; then status=1; [ "$f" -eq 0 ] && failed=$((failed + 1)) && f=1; fi
  summary+=("$(printf '%-12s %4s passed %3s failed  %4ss  %s%s' "$name" "$p" "$f" $((SECONDS - start)) "$([ "$rc" -eq 0 ] && echo ok || echo FAILED)" "$(skips "$name")")")
}

# Counts from each runner's own summary lines.
count() {
  local f="$log/$1.txt"
  case "$1" in
    native|browser) awk '/^test result:/ {p += $4; f += $6} END {print p+0, f+0}' "$f" ;;
    e2e*|integrations) awk '/^# pass/ {p = $3} /^# fail/ {f = $3} END {print p+0, f+0}' "$f" ;;
    *) echo 1 0 ;;
  esac
}

# Tests node --test reports as skipped or todo (an engine that cannot do something, a known bug).
skips() {
  case "$1" in
    e2e*) awk '/^# skipped/ {s = $3} /^# todo/ {t = $3} END {if (s + t) printf "  (%d skipped, %d todo)", s, t}' "$log/$1.txt" ;;
  esac
}

run fmt       cargo fmt --all -- --check
run clippy    cargo clippy --all-targets --locked -- -D warnings
run clippy-wasm cargo clippy --target wasm32-unknown-unknown --no-default-features --features csr,editor --lib --tests --locked -- -D warnings
run native    cargo test --locked
run browser   cargo test --target wasm32-unknown-unknown --no-default-features --features csr --test browser --locked
run bundle    trunk build --release
# The test-only bundle (feature test-hooks: payloads that force a panic) for the isolation specs.
run bundle-hooks trunk build --release=true --dist target/dist-hooks tests/e2e-hooks.html
# The end-to-end specs once per engine, one engine at a time (the machine has two cores);
# DEALDIFF_ENGINE selects it (e2e/support/browser.mjs).
for engine in chromium firefox webkit; do
  run "e2e-$engine" env DEALDIFF_ENGINE="$engine" node --test e2e/
done
# The npm package from dist/ (prints the tarball's size), then the specs that install it.
run package   node scripts/pack.mjs --quiet
# `dealdiff render`/`oembed` from this tree: the native tier's cargo test built target/debug/dealdiff.
run integrations env DEALDIFF_CLI="$PWD/target/debug/dealdiff" node --test integrations/specs/

printf '\n\033[1m== summary\033[0m\n'
printf '%s\n' "${summary[@]}"
echo "wasm: $(stat -c %s dist/dealdiff_bg.wasm 2>/dev/null) bytes, $(gzip -9c dist/dealdiff_bg.wasm 2>/dev/null | wc -c) gzipped"
echo "npm package: $(stat -c %s target/npm/dealdiff-*.tgz 2>/dev/null) bytes (npm pack)"
echo "$passed passed, $failed failed"
exit $status
