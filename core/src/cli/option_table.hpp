// Every command-line option, once: --help, the man page and the shell completions are
// generated from this table, and the parser looks options up in it (a mistyped one gets a
// "did you mean").
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace reportlint {

// What an option's value is, for completion and for telling a value from a path.
enum class ValueKind { none, choice, file, directory, rule, number, text };

struct OptionSpec {
  std::string_view name;                      // "--format"
  std::string_view alias;                     // another spelling ("-j", "--colour"), or ""
  ValueKind kind = ValueKind::none;
  std::string_view placeholder;               // "FILE", "N"; for a choice, the choices are shown
  std::span<const std::string_view> choices;  // the allowed values of a choice
  std::string_view help;                      // Simplified Chinese; '\n' starts a continuation line
  bool shown = true;                          // listed in --help and the man page
};

std::span<const OptionSpec> option_table();

// The option spelled `name` (or its alias), or null.
const OptionSpec* find_option(std::string_view name);

// The option nearest to a mistyped `name` (at most two edits away, or a unique prefix),
// or null.
const OptionSpec* nearest_option(std::string_view name);

// How the option is written in help: "--format text|gcc|…", "-j N".
std::string option_synopsis(const OptionSpec& option);

// The subcommands, as help lists them.
struct SubcommandSpec {
  std::string_view name;
  std::string_view arguments;
  std::string_view help;
};
std::span<const SubcommandSpec> subcommand_table();

}  // namespace reportlint
