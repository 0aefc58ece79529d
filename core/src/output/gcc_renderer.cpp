// One line per diagnostic for Vim's errorformat and Emacs' compilation mode:
//   PATH:LINE:COLUMN: SEVERITY: MESSAGE [RULE]
// No colour, no snippet, no summary: the line grammar must stay parseable.
#include <fmt/format.h>

#include "output/formats.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

class GccRenderer final : public Renderer {
 public:
  GccRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {}

  void file(const FileReport& report) override {
    if (report.diagnostics.empty()) return;
    PositionMapper positions(*report.document, options_.column_unit);
    const std::string name = escape_name(report.path);
    ChunkedOutput output(out_);
    std::string& buffer = output.text();
    for (const Diagnostic& d : report.diagnostics) {
      const Position at = positions.at(d.range.begin);
      // Appended piece by piece: a file can have hundreds of thousands of these lines.
      buffer.append(name).append(":").append(std::string_view(fmt::format_int(at.line).c_str())).append(":");
      buffer.append(std::string_view(fmt::format_int(at.column).c_str())).append(": ").append(to_string(d.severity));
      buffer.append(": ").append(d.message).append(" [").append(d.rule).append("]\n");
      output.flush_if_full();
    }
  }

  void finish(const Summary&) override { std::fflush(out_); }

 private:
  RenderOptions options_;
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<Renderer> make_gcc_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<GccRenderer>(options, out);
}

}  // namespace reportlint
