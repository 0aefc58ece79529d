// The default, human format (contract "Text format"):
//
//   drafts/2024.txt:12:15: error: 未填写的占位符“xx” [placeholder.unfilled]
//      12 | 截至目前，组织中心组理论学习xx次
//         |                             ^^
//         = note: …
//         = help: …
//   1 error, 1 warning in 1 file
#include <fmt/format.h>

#include <optional>

#include "lint/fixes.hpp"
#include "output/formats.hpp"
#include "output/snippet.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

struct Style {
  const char* bold = "";
  const char* error = "";
  const char* warning = "";
  const char* note = "";
  const char* caret = "";
  const char* gutter = "";
  const char* help = "";
  const char* reset = "";
};

Style make_style(bool color) {
  if (!color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[1;34m", "\x1b[1;36m", "\x1b[0m"};
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

class TextRenderer final : public Renderer {
 public:
  TextRenderer(const RenderOptions& options, std::FILE* out)
      : options_(options), out_(out), style_(make_style(options.color)) {}

  void file(const FileReport& report) override {
    if (report.diagnostics.empty()) return;
    const Document& doc = *report.document;
    PositionMapper positions(doc, options_.column_unit);
    const std::string name = escape_name(report.path);  // no control sequence reaches the terminal
    std::optional<LineLayout> layout;
    std::size_t layout_line = static_cast<std::size_t>(-1);
    ChunkedOutput output(out_);
    std::string& buffer = output.text();
    for (const Diagnostic& d : report.diagnostics) {
      const Position at = positions.at(d.range.begin);
      const char* color = d.severity == Severity::error     ? style_.error
                          : d.severity == Severity::warning ? style_.warning
                                                            : style_.note;
      fmt::format_to(std::back_inserter(buffer), "{}{}:{}:{}:{} {}{}:{} {}{}{} [{}]\n", style_.bold, name,
                     at.line, at.column, style_.reset, color, to_string(d.severity), style_.reset, style_.bold,
                     d.message, style_.reset, d.rule);
      if (!doc.lines().empty()) {
        const std::size_t li = doc.line_at(d.range.begin);
        const Line& line = doc.lines()[li];
        if (li != layout_line) {
          layout.emplace(doc.line_text(li), doc.typed_begin(li) - line.begin);
          layout_line = li;
        }
        const std::size_t begin = std::min(d.range.begin, line.end) - line.begin;
        const std::size_t end = std::min(d.range.end, line.end) - line.begin;
        const Snippet s = layout->snippet(begin, end, options_.max_snippet_width);
        const std::string number = fmt::format("{:>5}", li + 1);
        const std::string blank(number.size(), ' ');
        fmt::format_to(std::back_inserter(buffer), "{}{} |{} {}\n", style_.gutter, number, style_.reset, s.text);
        fmt::format_to(std::back_inserter(buffer), "{}{} |{} {:{}}{}{}{}\n", style_.gutter, blank, style_.reset, "",
                       s.caret_column, style_.caret, std::string(s.caret_width, '^'), style_.reset);
        for (const Note& note : d.notes)
          fmt::format_to(std::back_inserter(buffer), "{} {}= note:{} {}\n", blank, style_.bold, style_.reset,
                         note.message);
        if (d.fix) {
          fmt::format_to(std::back_inserter(buffer), "{} {}= help:{} {}{}\n", blank, style_.help, style_.reset,
                         describe_fix(doc.text(), *d.fix),
                         d.fix->applicability == Applicability::safe ? "" : "（建议，需人工确认）");
        }
      }
      output.flush_if_full();
    }
  }

  void finish(const Summary& summary) override {
    std::string line;
    if (summary.fixes_applied)
      line += fmt::format("fixed {} in {}\n", plural(summary.fixes_applied, "problem"),
                          plural(summary.files_fixed, "file"));
    std::vector<std::string> parts;
    if (summary.errors) parts.push_back(plural(summary.errors, "error"));
    if (summary.warnings) parts.push_back(plural(summary.warnings, "warning"));
    if (summary.notes) parts.push_back(plural(summary.notes, "note"));
    if (summary.files == 0 && summary.failed)
      line += fmt::format("no file checked: {} could not be read or linted (see above)\n", plural(summary.failed, "input"));
    else if (parts.empty())
      line += fmt::format("no problems found in {}\n", plural(summary.files, "file"));
    else
      line += fmt::format("{} in {}\n", fmt::join(parts, ", "), plural(summary.files, "file"));
    if (summary.files && summary.failed)
      line += fmt::format("{} could not be read or linted (see above)\n", plural(summary.failed, "input"));
    if (summary.baselined) line += fmt::format("({} in the baseline, not shown)\n", plural(summary.baselined, "problem"));
    std::fwrite(line.data(), 1, line.size(), out_);
    std::fflush(out_);
  }

 private:
  RenderOptions options_;
  std::FILE* out_;
  Style style_;
};

}  // namespace

std::unique_ptr<Renderer> make_text_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<TextRenderer>(options, out);
}

}  // namespace reportlint
