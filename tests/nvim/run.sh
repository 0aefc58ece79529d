#!/bin/sh
# Runs lsp_test.lua in a headless Neovim with REPORTLINT (the first argument) on PATH, on a
# fresh draft with Chinese text, a character outside the BMP and a line broken mid-sentence.
set -eu
reportlint=$1
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '2023年工作总结\n\n一、存在问题\n（一）😀开展“邻里守望”活动xx次。\n（二）老旧小区基础设施仍有短板，雨污分流、\n停车设施等问题群众反映较多。\n截止目前，D员带头完成任务。\n' > "$dir/草稿.txt"
cd "$dir"
PATH=$(dirname "$reportlint"):$PATH EDITORS_MD="$here/../../docs/editors.md" DRAFT="$dir/草稿.txt" \
  timeout 120 nvim --headless --clean -c "luafile $here/lsp_test.lua"
