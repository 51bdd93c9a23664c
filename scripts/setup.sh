#!/usr/bin/env bash
# Installs what building and testing dealdiff needs, skipping whatever is already there at the right version.
# Sources: rustup (target, components), apt-get (Chromium, ChromeDriver, Firefox ESR, WebKitGTK's driver, Xvfb,
# Hugo, php-cli), cargo install (Trunk, wasm-bindgen-cli), npm (binaryen's wasm-opt, esbuild, playwright-core,
# puppeteer-core, axe-core). Nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # = the wasm-bindgen pin in Cargo.toml
TRUNK_VERSION=0.22.1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# apt-get that waits for another apt or dpkg run to let go of its locks (up to 10 minutes for
# dpkg's, and three tries a minute apart for the package lists').
apt_get() {
  local try
  for try in 1 2 3; do
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@" && return 0
    [ "$try" = 3 ] || { say "apt-get $1 failed; trying again in a minute (another apt-get may hold the lock)"; sleep 60; }
  done
  return 1
}
# The packages among "$@" that dpkg does not have installed.
not_installed() { for p in "$@"; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "rustup component add $component"
    rustup component add "$component"
  fi
done

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "apt-get install chromium chromium-driver"
  apt_get update -qq
  apt_get install -y -qq chromium chromium-driver
fi
# The e2e tier's other engines: Firefox ESR (driven by puppeteer-core over WebDriver BiDi) and
# WebKitGTK (WebKitWebDriver and the MiniBrowser of libwebkit2gtk-4.1-0), which needs an X display.
engines=$(not_installed firefox-esr webkit2gtk-driver xvfb xauth)
if [ -n "$engines" ]; then
  say "apt-get install" $engines
  apt_get update -qq
  # shellcheck disable=SC2086 # a list of package names
  apt_get install -y -qq $engines
fi

# Hugo builds the site in the Hugo integration spec (Debian's package: 0.111); php-cli runs the
# WordPress block's render.php in its spec.
if ! command -v hugo >/dev/null || ! command -v php >/dev/null; then
  say "apt-get install hugo php-cli"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo php-cli
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi

# npm ci only when node_modules does not match the lockfile (less optional packages for other
# platforms, such as esbuild's binaries for other systems, which npm never installs here).
npm_in_sync() {
  node -e '
    const want = require("./package-lock.json").packages, have = require("./node_modules/.package-lock.json").packages;
    delete want[""];
    const fits = (p) => !p.optional || ((!p.os || p.os.includes(process.platform)) && (!p.cpu || p.cpu.includes(process.arch)));
    for (const k of Object.keys(want)) if (!fits(want[k])) delete want[k];
    const v = (p) => JSON.stringify(Object.keys(p).sort().map((k) => [k, p[k].version]));
    process.exit(v(want) === v(have) ? 0 : 1);' 2>/dev/null
}
if ! npm_in_sync; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready: $(rustc --version | cut -d' ' -f1-2), trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(wasm-opt --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null | cut -d' ' -f1-2), $(firefox-esr --version 2>/dev/null | cut -d' ' -f2-3), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null | cut -d- -f1), $(hugo version 2>/dev/null | cut -d' ' -f1-2 | cut -d+ -f1)"
