-- End-to-end test of `reportlint lsp` with Neovim's built-in LSP client (Debian 12's
-- Neovim 0.7), headless:
--   PATH=/dir/of/reportlint:$PATH EDITORS_MD=docs/editors.md DRAFT=/tmp/x/草稿.txt \
--     nvim --headless --clean -c 'luafile lsp_test.lua'
-- Runs the set-up of docs/editors.md exactly as written (the block after
-- `<!-- recipe: neovim -->`), waits for the diagnostics of the draft, checks where they
-- are, applies the quick fix for 截止目前 asked for from the end of its line, applies the
-- join of a broken line from a normal-mode cursor, and follows a .reportlint.toml written
-- on disk (Neovim 0.7 has no file watcher: the server notices it).
-- Exits 0 on success; on failure prints why and exits 1.
local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

-- The fenced block after `<!-- recipe: NAME -->` in `file`.
local function recipe(file, name)
  local text = table.concat(vim.fn.readfile(file), '\n')
  local at = text:find('<!-- recipe: ' .. name .. ' -->', 1, true)
  assert(at, file .. ' has no recipe ' .. name)
  local body = text:find('\n', text:find('```', at, true), true) + 1
  return text:sub(body, text:find('\n```', body, true))
end

local ok, err = pcall(function()
  local draft = os.getenv('DRAFT')
  assert(draft and os.getenv('EDITORS_MD'), 'DRAFT and EDITORS_MD must be set')
  assert(loadstring(recipe(os.getenv('EDITORS_MD'), 'neovim')))()

  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  -- Neovim detects *.txt as text, which starts the recipe's client. Setting the type again
  -- would fire FileType a second time and attach a second server, whose initialisation
  -- a request may then wait for (the flaky 10-second timeouts under load).
  if vim.bo.filetype ~= 'text' then vim.bo.filetype = 'text' end
  local buf = vim.api.nvim_get_current_buf()

  local function find(rule)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == rule then return d end
    end
  end

  if not vim.wait(10000, function() return find('placeholder.unfilled') ~= nil end, 50) then
    fail('no diagnostics from reportlint')
  end
  local clients = vim.tbl_count(vim.lsp.buf_get_clients(buf))
  if clients ~= 1 then fail(('%d language servers attached to the draft, not one'):format(clients)) end
  -- Neovim gives 0-based lines and byte columns: line 4 is "（一）😀开展“邻里守望”活动xx次。".
  local unfilled = find('placeholder.unfilled')
  local line = vim.api.nvim_buf_get_lines(buf, unfilled.lnum, unfilled.lnum + 1, false)[1]
  if line:sub(unfilled.col + 1, unfilled.end_col) ~= 'xx' then
    fail(('the placeholder range [%d, %d) of line %d is %q'):format(unfilled.col, unfilled.end_col, unfilled.lnum, line))
  end
  if unfilled.severity ~= vim.diagnostic.severity.ERROR then fail('severity is not ERROR') end

  -- Code actions as `:lua vim.lsp.buf.code_action()` asks for them, from the cursor; the
  -- one whose title mentions `rule` is applied.
  local function apply_action(rule, cursor)
    vim.api.nvim_win_set_cursor(0, cursor)
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
    for _, response in pairs(responses or {}) do
      for _, action in ipairs(response.result or {}) do
        if action.title:find(rule, 1, true) then
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
          return true
        end
      end
    end
    return false
  end

  -- The quick fix for 截止目前, from the last character of its line.
  local misused = find('phrasing.misused')
  if not misused then fail('截止目前 is not reported') end
  local misused_line = vim.api.nvim_buf_get_lines(buf, misused.lnum, misused.lnum + 1, false)[1]
  if not apply_action('phrasing.misused', { misused.lnum + 1, #misused_line - 1 }) then
    fail('no code action for phrasing.misused from the end of its line')
  end
  if not vim.api.nvim_buf_get_lines(buf, misused.lnum, misused.lnum + 1, false)[1]:find('截至目前', 1, true) then
    fail('the edit was not applied')
  end
  if not vim.wait(10000, function() return find('phrasing.misused') == nil end, 50) then
    fail('the fixed finding is still reported')
  end

  -- A line broken mid-sentence: its join sits past the last character, where a
  -- normal-mode cursor cannot go; asked for from the line's first character.
  if not vim.wait(10000, function() return find('structure.broken-paragraph') ~= nil end, 50) then
    fail('the broken line is not reported')
  end
  local broken = find('structure.broken-paragraph')
  local lines_before = vim.api.nvim_buf_line_count(buf)
  if not apply_action('structure.broken-paragraph', { broken.lnum + 1, 0 }) then
    fail('no join offered from the start of the broken line')
  end
  if vim.api.nvim_buf_line_count(buf) ~= lines_before - 1 then fail('the lines were not joined') end

  -- A config written on disk turns a rule off; the server notices and re-lints.
  vim.fn.writefile({ '[rules]', '"placeholder.unfilled" = "off"' }, vim.fn.fnamemodify(draft, ':h') .. '/.reportlint.toml')
  if not vim.wait(15000, function() return find('placeholder.unfilled') == nil end, 100) then
    fail('the new .reportlint.toml was not applied')
  end
end)

if not ok then fail(tostring(err)) end
io.stdout:write('ok - Neovim: the documented set-up, byte columns, code actions from the line, config reload\n')
vim.cmd('qall!')
