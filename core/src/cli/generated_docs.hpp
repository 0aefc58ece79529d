// What `reportlint completions SHELL` and `reportlint manpage` print: shell completions
// and the man page, generated from the option table (cli/option_table.hpp), so they can
// never disagree with --help. The build writes them into the install tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reportlint {

// The completion script for bash, zsh or fish; nullopt for another shell.
std::optional<std::string> shell_completions(std::string_view shell);

// The man page, reportlint(1), in groff's man macros.
std::string man_page(std::string_view version, std::string_view homepage);

}  // namespace reportlint
