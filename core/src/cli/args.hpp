// Command-line options (contract: "Command line").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/shard.hpp"
#include "io/encoding.hpp"
#include "model/position.hpp"
#include "reportlint/diagnostic.hpp"

namespace reportlint {

enum class FailOn { error, warning, note, never };
enum class ColorMode { automatic, always, never };

struct CliOptions {
  std::vector<std::string> paths;  // files, directories, or "-" for standard input
  std::string format = "text";
  std::optional<std::string> config;
  std::optional<std::string> profile;
  FailOn fail_on = FailOn::error;
  bool fix = false;
  bool list_rules = false;
  std::optional<std::string> explain;
  bool print_config = false;
  std::vector<std::string> plugin_dirs;
  unsigned jobs = 0;  // 0: one per core
  ColorMode color = ColorMode::automatic;
  ColumnUnit column_unit = ColumnUnit::codepoint;
  std::optional<std::string> stdin_filename;
  std::optional<std::string> baseline;        // report only findings not in this file
  std::optional<std::string> write_baseline;  // record every finding in this file
  bool trust = false;                         // --trust: the project configs of this run may run code
  bool force = false;                         // --force: --fix may rewrite read-only files
  std::uint64_t max_file_size = 256ull << 20;  // --max-file-size: larger inputs are refused
  std::optional<EncodingChoice> encoding;      // --encoding: overrides the config's and detection
  std::optional<std::string> check_plugin;    // --check-plugin FILE
  std::size_t sarif_max_results = 25000;      // --sarif-max-results N (0: no limit)
  std::optional<std::string> files_from;      // --files-from FILE|-: more paths, one per line or NUL-separated
  std::optional<Shard> shard;                 // --shard K/N
  std::optional<std::uint16_t> port;         // serve: --port N (default: any free port)
  std::optional<std::string> host;            // serve: --host ADDRESS (default: loopback)
  bool open_browser = false;                  // serve: --open
  bool help = false;
  bool version = false;
};

// Throws Error (no path) for unknown options and bad values.
CliOptions parse_args(int argc, const char* const* argv);

std::string usage_text();

// True when a diagnostic of this severity makes the exit status 1.
bool fails(FailOn threshold, Severity severity);

}  // namespace reportlint
