// GitHub Actions workflow commands, one per diagnostic (contract: "SARIF and GitHub
// formats"), which the Actions runner turns into annotations on the pull request:
//   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
// Notes become ::notice. Values are escaped as the runner expects: % \r \n in the
// message, and also : and , in properties.
#include <fmt/format.h>

#include "output/formats.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "notice";
  }
  return "notice";
}

class GithubRenderer final : public Renderer {
 public:
  GithubRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {}

  void file(const FileReport& report) override {
    if (report.diagnostics.empty()) return;
    PositionMapper begins(*report.document, options_.column_unit), ends(*report.document, options_.column_unit);
    const std::string file = escape(escape_name(report.path), true);
    ChunkedOutput output(out_);
    for (const Diagnostic& d : report.diagnostics) {
      const Position b = begins.at(d.range.begin), e = ends.at(d.range.end);
      fmt::format_to(std::back_inserter(output.text()), "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                     command_of(d.severity), file, b.line, b.column, e.line, e.column, escape(d.rule, true),
                     escape(d.message, false));
      output.flush_if_full();
    }
  }

  void finish(const Summary&) override { std::fflush(out_); }

 private:
  RenderOptions options_;
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<Renderer> make_github_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<GithubRenderer>(options, out);
}

}  // namespace reportlint
