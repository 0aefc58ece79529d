// Output formats. A renderer receives each file's report in input order, then the
// summary; it writes to one stream and knows no rule by name.
#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic_list.hpp"
#include "model/position.hpp"
#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

struct FileReport {
  std::string path;                          // as given on the command line
  std::shared_ptr<const Document> document;  // null when the file could not be read
  DiagnosticList diagnostics;                // sorted by position
  std::size_t fixes_applied = 0;
};

struct Summary {
  std::size_t files = 0;
  std::size_t failed = 0;  // inputs that could not be read or linted (each reported on stderr)
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t fixes_applied = 0;
  std::size_t files_fixed = 0;
  std::size_t baselined = 0;  // findings left out because the baseline has them
};

// A rule as reports describe it (SARIF lists every rule of the loaded plugins).
struct RuleDescription {
  std::string id;
  std::string summary;
  std::string doc;  // Markdown
  Severity default_severity = Severity::warning;
  bool opt_in = false;  // off unless a configuration names it
};

struct RenderOptions {
  ColumnUnit column_unit = ColumnUnit::codepoint;
  bool color = false;
  std::size_t max_snippet_width = 100;  // display columns of source shown per diagnostic
  std::string tool_version;
  std::vector<RuleDescription> rules;  // of every configuration in use, sorted by id
  std::filesystem::path base_directory;  // relative paths are relative to this (SARIF's %SRCROOT%)
  std::string homepage;                  // the project's home page (SARIF informationUri, rdjson source url)
  std::size_t sarif_max_results = 25000;  // GitHub refuses a run with more; 0: no limit
};

// Output gathered in a string and written in pieces of about 64 KiB: one write for many
// diagnostics, and memory bounded however many a file has. The rest is written when it
// goes out of scope.
class ChunkedOutput {
 public:
  explicit ChunkedOutput(std::FILE* out) : out_(out) {}
  ChunkedOutput(const ChunkedOutput&) = delete;
  ChunkedOutput& operator=(const ChunkedOutput&) = delete;
  ~ChunkedOutput() { flush(); }

  std::string& text() noexcept { return text_; }
  // Writes what is gathered once it is a chunk's worth.
  void flush_if_full() {
    if (text_.size() > kChunk) flush();
  }
  void flush() {
    std::fwrite(text_.data(), 1, text_.size(), out_);
    text_.clear();
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 16;
  std::FILE* out_;
  std::string text_;
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual void file(const FileReport& report) = 0;
  virtual void finish(const Summary& summary) = 0;
};

// Formats of the contract: text, gcc, json, sarif, github. Returns nullptr for an unknown name.
std::unique_ptr<Renderer> make_renderer(std::string_view format, const RenderOptions& options, std::FILE* out);

// The names make_renderer() accepts.
std::vector<std::string_view> renderer_names();

}  // namespace reportlint
