// The contract's JSON format: one document on standard output. Each diagnostic is
// written on one line, so the output stays readable and diffs well.
#include <fmt/format.h>

#include "output/formats.hpp"
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
        buffer += "{\"rule\": ";
        json::append_string(buffer, d.rule);
        buffer += ", \"plugin\": ";
        json::append_string(buffer, d.rule.substr(0, d.rule.find('.')));
        buffer.append(", \"severity\": \"").append(to_string(d.severity)).append("\", \"message\": ");
        json::append_string(buffer, d.message);
        append_range(buffer, begins.at(d.range.begin), ends.at(d.range.end));
        buffer += ", \"fixes\": [";
        if (d.fix) {
          const char* applicability = d.fix->applicability == Applicability::safe ? "safe" : "unsafe";
          for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
            const Edit& e = d.fix->edits[i];
            buffer += i ? ", {" : "{";
            append_range(buffer, others.at(e.range.begin), others.at(e.range.end), false);
            buffer += ", \"replacement\": ";
            json::append_string(buffer, e.replacement);
            fmt::format_to(std::back_inserter(buffer), ", \"applicability\": \"{}\"}}", applicability);
          }
        }
        buffer += "], \"notes\": [";
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
          buffer += i ? ", {\"message\": " : "{\"message\": ";
          json::append_string(buffer, d.notes[i].message);
          if (d.notes[i].range) append_range(buffer, others.at(d.notes[i].range->begin), others.at(d.notes[i].range->end));
          buffer += '}';
        }
        buffer += "]}";
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
  static void append_range(std::string& out, Position begin, Position end, bool leading_comma = true) {
    auto number = [&](std::uint32_t n) { out.append(fmt::format_int(n).c_str()); };
    out.append(leading_comma ? ", \"line\": " : "\"line\": ");
    number(begin.line);
    out.append(", \"column\": ");
    number(begin.column);
    out.append(", \"end_line\": ");
    number(end.line);
    out.append(", \"end_column\": ");
    number(end.column);
  }
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
