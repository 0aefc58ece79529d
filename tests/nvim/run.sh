#!/bin/sh
# Runs lsp_test.lua in a headless Neovim against REPORTLINT (the first argument) on a
# fresh draft with Chinese text and a character outside the BMP.
set -eu
reportlint=$1
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '2023年工作总结\n😀开展“邻里守望”活动xx次。\n截止目前，D员带头完成任务。\n' > "$dir/草稿.txt"
cd "$dir"
REPORTLINT=$reportlint DRAFT="$dir/草稿.txt" timeout 120 nvim --headless --clean -c "luafile $here/lsp_test.lua"
