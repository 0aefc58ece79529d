-- End-to-end test of `reportlint lsp` with Neovim's built-in LSP client (Debian 12's
-- Neovim 0.7), headless:
--   REPORTLINT=/path/to/reportlint DRAFT=/tmp/x/草稿.txt nvim --headless --clean -c 'luafile lsp_test.lua'
-- Attaches the server exactly as docs/editors.md shows, waits for the diagnostics of the
-- draft, checks where they are, applies the quick fix for 截止目前 and waits for it to go.
-- Exits 0 on success; on failure prints why and exits 1.
local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  local reportlint = os.getenv('REPORTLINT')
  local draft = os.getenv('DRAFT')
  assert(reportlint and draft, 'REPORTLINT and DRAFT must be set')

  -- The set-up of docs/editors.md (Neovim 0.7).
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'text', 'markdown' },
    callback = function(args)
      local id = vim.lsp.start_client({
        name = 'reportlint',
        cmd = { reportlint, 'lsp' },
        root_dir = vim.fn.getcwd(),
      })
      vim.lsp.buf_attach_client(args.buf, id)
    end,
  })

  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  vim.bo.filetype = 'text'
  local buf = vim.api.nvim_get_current_buf()

  local function find(rule)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == rule then return d end
    end
  end

  if not vim.wait(10000, function() return find('placeholder.unfilled') ~= nil end, 50) then
    fail('no diagnostics from reportlint')
  end
  -- Neovim gives 0-based lines and byte columns: line 2 is "😀开展“邻里守望”活动xx次。",
  -- and xx starts after 4 + 6*3 + 3*2 ... bytes: compute it from the text itself.
  local unfilled = find('placeholder.unfilled')
  local line = vim.api.nvim_buf_get_lines(buf, unfilled.lnum, unfilled.lnum + 1, false)[1]
  if line:sub(unfilled.col + 1, unfilled.end_col) ~= 'xx' then
    fail(('the placeholder range [%d, %d) of line %d is %q'):format(unfilled.col, unfilled.end_col, unfilled.lnum, line))
  end
  if unfilled.severity ~= vim.diagnostic.severity.ERROR then fail('severity is not ERROR') end

  -- The quick fix for 截止目前, applied through the client.
  local misused = find('phrasing.misused')
  if not misused then fail('截止目前 is not reported') end
  vim.api.nvim_win_set_cursor(0, { misused.lnum + 1, misused.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, misused.lnum) }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local applied = false
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if not applied and action.title:find('phrasing.misused', 1, true) then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        applied = true
      end
    end
  end
  if not applied then fail('no code action for phrasing.misused') end
  if not vim.api.nvim_buf_get_lines(buf, misused.lnum, misused.lnum + 1, false)[1]:find('截至目前', 1, true) then
    fail('the edit was not applied')
  end
  if not vim.wait(10000, function() return find('phrasing.misused') == nil end, 50) then
    fail('the fixed finding is still reported')
  end
end)

if not ok then fail(tostring(err)) end
io.stdout:write('ok - Neovim: diagnostics, byte columns, code action\n')
vim.cmd('qall!')
