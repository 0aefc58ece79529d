// docs/editors.md's Emacs and Vim recipes, run exactly as written in the editors
// themselves (emacs --batch, vim -es): each must put the cursor on the flagged characters
// of a Chinese line in a file whose name has Chinese characters and a space.
#include <gtest/gtest.h>

#include <cstdlib>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;
using test::contains;
using test::doc_recipe;
using test::kBinary;
using test::kSourceDir;
using test::read_file;
using test::run_process;
using test::RunOptions;
using test::TempDir;

constexpr const char* kDraftName = "草稿 一.txt";
// 截止目前 is the 7th character: a column unit that counts anything else lands elsewhere.
constexpr const char* kDraft = "全年截止目前完成投资。\n";
constexpr const char* kFlagged = "截止目前完成投资。";

// The program's path on PATH, or "" (run_process does not search PATH).
std::string which(const char* program) {
  const auto r = run_process({"/bin/sh", "-c", std::string("command -v ") + program});
  return r.status == 0 ? r.out.substr(0, r.out.find('\n')) : std::string();
}
bool have(const char* program) { return !which(program).empty(); }

RunOptions in(const TempDir& dir) {
  RunOptions options;
  options.cwd = dir.path();
  options.env = {{"HOME", dir.path().string()},
                 {"PATH", kBinary.parent_path().string() + ":" + std::getenv("PATH")}};
  return options;
}

TEST(Editors, EmacsCompileLandsOnTheFinding) {
  if (!have("emacs")) GTEST_SKIP() << "emacs not installed (scripts/install-deps installs emacs-nox)";
  TempDir dir;
  dir.write(kDraftName, kDraft);
  const fs::path init = dir.write("init.el", doc_recipe("docs/editors.md", "emacs-compile"));
  // What M-x compile does with the recipe's command and the file name added.
  const std::string drive = R"((progn
  (compile (concat compile-command "\"草稿 一.txt\""))
  (while (get-buffer-process "*compilation*") (accept-process-output nil 0.1))
  (first-error)
  (with-current-buffer (find-buffer-visiting "草稿 一.txt")
    (princ (buffer-substring (point) (line-end-position))))))";
  const auto r = run_process({which("emacs"), "--batch", "-q", "-l", init.string(), "--eval", drive}, in(dir));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, kFlagged) << r.err;
}

TEST(Editors, EmacsEglotShowsTheFindingInPlace) {
  if (!have("emacs")) GTEST_SKIP() << "emacs not installed (scripts/install-deps installs emacs-nox, elpa-eglot)";
  TempDir dir;
  dir.write(kDraftName, kDraft);
  const fs::path init = dir.write("init.el", doc_recipe("docs/editors.md", "emacs-eglot"));
  // Interactive Emacs activates the installed packages before init.el and runs
  // post-command-hook after each command (where eglot-ensure connects); batch mode does
  // neither by itself.
  const std::string drive = R"((progn
  (find-file "草稿 一.txt")
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) 30)))
    (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
      (accept-process-output nil 0.1)))
  (dolist (d (flymake-diagnostics))
    (princ (format "%s|%s\n" (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                   (flymake-diagnostic-text d))))))";
  const auto r = run_process(
      {which("emacs"), "--batch", "-q", "--eval", "(package-activate-all)", "-l", init.string(), "--eval", drive}, in(dir));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "截止目前|")) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "[phrasing.misused]")) << r.out;
}

// Runs Vim on the draft with `vimrc`, then `commands` (a Vim script that writes its
// answer to at.txt), and returns at.txt.
std::string run_vim(const TempDir& dir, const std::string& vimrc, const std::string& commands) {
  const fs::path rc = dir.write("vimrc", "set nocompatible\nfiletype plugin on\n" + vimrc);
  const fs::path drive = dir.write("drive.vim", commands + "\nqall!\n");
  const auto r = run_process({which("vim"), "-N", "-u", rc.string(), "-i", "NONE", "-es", "-S", drive.string(), kDraftName}, in(dir));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  return fs::exists(dir.path() / "at.txt") ? read_file(dir.path() / "at.txt") : std::string();
}

TEST(Editors, VimMakeLandsOnTheFinding) {
  if (!have("vim")) GTEST_SKIP() << "vim not installed";
  TempDir dir;
  dir.write(kDraftName, kDraft);
  const std::string at = run_vim(dir, doc_recipe("docs/editors.md", "vim-make"),
                                 "silent make\ncfirst\ncall writefile([strpart(getline('.'), col('.') - 1)], 'at.txt')");
  EXPECT_EQ(at, std::string(kFlagged) + "\n");
}

TEST(Editors, VimAleLandsOnTheFinding) {
  if (!have("vim") || !fs::exists("/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale"))
    GTEST_SKIP() << "vim-ale not installed (scripts/install-deps installs it)";
  TempDir dir;
  dir.write(kDraftName, kDraft);
  const std::string at = run_vim(dir, doc_recipe("docs/editors.md", "vim-ale"), R"(set filetype=text
ALELint
for i in range(150)
  if !empty(getloclist(0)) | break | endif
  sleep 100m
endfor
lfirst
call writefile([strpart(getline('.'), col('.') - 1)], 'at.txt'))");
  EXPECT_EQ(at, std::string(kFlagged) + "\n");
}

}  // namespace
}  // namespace reportlint
