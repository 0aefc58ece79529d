// `reportlint --check-plugin FILE`: tries a plugin in a child process, so that one that
// crashes, aborts, hangs or calls exit() is reported instead of taking reportlint with it.
#pragma once

#include <filesystem>

#include "lint/linter.hpp"

namespace reportlint {

// Loads `file` alone, configures it with no options and runs it on a few sample drafts,
// all in a child process. Prints what it found; returns 0 when the plugin passed, 1 when
// it failed in any way (the reason on stderr).
int check_plugin_command(const std::filesystem::path& file, const LinterOptions& options);

}  // namespace reportlint
