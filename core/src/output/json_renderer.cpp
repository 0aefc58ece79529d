// The contract's JSON format: one document on standard output. Each diagnostic is
// written on one line, so the output stays readable and diffs well.
#include <fmt/format.h>

#include "output/formats.hpp"
#include "output/json_diagnostic.hpp"
#include "output/json_writer.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

class JsonRenderer final : public Renderer {
 public:
  JsonRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {
    std::string head = fmt::format("{{\n  \"version\": 1,\n  \"tool\": {{\"name\": \"reportlint\", \"version\": {}}},\n",
                                   json::quote(options.tool_version));
    if (options.column_unit != ColumnUnit::codepoint)
      head += fmt::format("  \"column_unit\": {},\n", json::quote(to_string(options.column_unit)));
    head += "  \"files\": [";
    write(head);
  }

  void file(const FileReport& report) override {
    ChunkedOutput output(out_);
    std::string& buffer = output.text();
    buffer += first_file_ ? "\n" : ",\n";
    first_file_ = false;
    buffer += "    {\"path\": ";
    json::append_string(buffer, escape_name(report.path));  // valid UTF-8, whatever the name
    buffer += ",\n     \"diagnostics\": [";
    if (report.document) {
      PositionMapper begins(*report.document, options_.column_unit);
      PositionMapper ends(*report.document, options_.column_unit);
      PositionMapper others(*report.document, options_.column_unit);
      bool first = true;
      for (const Diagnostic& d : report.diagnostics) {
        buffer += first ? "\n       " : ",\n       ";
        first = false;
        append_diagnostic_json(buffer, d, begins, ends, others);
        output.flush_if_full();
      }
      if (!first) buffer += "\n     ";
    }
    buffer += "]}";
  }

  void finish(const Summary& summary) override {
    std::string tail = first_file_ ? "],\n" : "\n  ],\n";
    fmt::format_to(std::back_inserter(tail),
                   "  \"summary\": {{\"files\": {}, \"errors\": {}, \"warnings\": {}, \"notes\": {}", summary.files,
                   summary.errors, summary.warnings, summary.notes);
    if (summary.fixes_applied) fmt::format_to(std::back_inserter(tail), ", \"fixes_applied\": {}", summary.fixes_applied);
    if (summary.baselined) fmt::format_to(std::back_inserter(tail), ", \"baselined\": {}", summary.baselined);
    tail += "}\n}\n";
    write(tail);
    std::fflush(out_);
  }

 private:
  void write(std::string_view s) { std::fwrite(s.data(), 1, s.size(), out_); }

  RenderOptions options_;
  std::FILE* out_;
  bool first_file_ = true;
};

}  // namespace

std::unique_ptr<Renderer> make_json_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<JsonRenderer>(options, out);
}

}  // namespace reportlint
