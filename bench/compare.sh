#!/bin/sh
# Side by side: reportlint, ripgrep (the physical limit for finding literals) and textlint
# with the rules a user would pick instead (prh with reportlint's phrase packs, no-todo).
# From a clean clone: installs ripgrep from Debian and textlint from npm (pinned by
# bench/textlint/package-lock.json), builds reportlint, runs bench/compare.py, which writes
# docs/performance.md.
#
#   bench/compare.sh [--quick]      # --quick: fewer repetitions, smaller corpora
set -eu
cd "$(dirname "$0")/.."
REPORTLINT_NO_TEST_CLIENTS=1 scripts/install-deps
for p in ripgrep time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
# A Node.js from elsewhere (NodeSource, nvm) brings its own npm; otherwise Debian's.
command -v node >/dev/null 2>&1 || missing="${missing:-} nodejs"
command -v npm >/dev/null 2>&1 || missing="${missing:-} npm"
if [ -n "${missing:-}" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
npm ci --prefix bench/textlint --no-audit --no-fund --loglevel=error
cmake --preset release >/dev/null
cmake --build --preset release
exec python3 bench/compare.py "$@"
