// Test helpers: running the reportlint binary, temporary directories, fixture paths.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lint/linter.hpp"
#include "reportlint/document.hpp"

namespace reportlint::test {

namespace fs = std::filesystem;

inline const fs::path kSourceDir = REPORTLINT_SOURCE_DIR;
inline const fs::path kBuildDir = REPORTLINT_BUILD_DIR;
inline const fs::path kBinary = REPORTLINT_BINARY;
inline const fs::path kTestPluginDir = REPORTLINT_TEST_PLUGIN_DIR;
inline const fs::path kSharedDir = REPORTLINT_SHARED_DIR;
inline const fs::path kBuiltinPluginDir = kBuildDir / "lib" / "reportlint" / "plugins";
inline const fs::path kDataDir = kBuildDir / "share" / "reportlint";

struct ProcessResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string input;                          // standard input
  fs::path cwd;                               // empty: inherit
  std::map<std::string, std::string> env;     // added to (or replacing in) the environment
};

// Runs `args` (args[0] is the program) and collects both output streams.
ProcessResult run_process(const std::vector<std::string>& args, const RunOptions& options = {});

// Runs the reportlint binary with `args`.
ProcessResult run_reportlint(const std::vector<std::string>& args, const RunOptions& options = {});

// Runs the reportlint binary as the unprivileged user `nobody`, whom file permissions bind
// (they do not bind root). Empty result (status -1) when this process cannot switch users
// (not root, no setpriv) or `nobody` cannot reach the binary (a checkout in a directory
// only its owner may enter): check can_run_as_nobody() and skip.
bool can_run_as_nobody();
// Runs `command` as `nobody` (through setpriv; the caller checks can_run_as_nobody()).
ProcessResult run_as_nobody(const std::vector<std::string>& command, const RunOptions& options = {});
ProcessResult run_reportlint_as_nobody(const std::vector<std::string>& args, const RunOptions& options = {});

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  // Writes `content` to path()/name (creating directories) and returns the full path.
  fs::path write(const std::string& name, const std::string& content) const;

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path);

// The code block of a documented recipe, exactly as the document shows it: the fenced
// block after the line `<!-- recipe: NAME -->` in `doc` (a path under the source tree).
// Fails the test (and returns "") when the document has no such recipe.
std::string doc_recipe(const fs::path& doc, const std::string& name);

// Runs `script` with /bin/sh -e in `cwd`, with `env` added to the environment.
ProcessResult run_shell(const std::string& script, const fs::path& cwd,
                        const std::map<std::string, std::string>& env = {});

// A Linter over the built-in plugins and builtin:default (or `config_file`).
std::shared_ptr<const Linter> builtin_linter(const fs::path& config_file = {});

// Builds a document the way the CLI does.
Document make_document(std::string text, std::string path = "test.txt");

// Whether `haystack` contains `needle`, and how many times (for output checks).
inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}
inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace reportlint::test
