// reviewdog's Diagnostic Format as one JSON document (rdjson), which reviewdog turns into
// review comments with suggested changes: every finding with its path from the
// repository's root, a range in lines and UTF-8 byte columns (both from 1, the end
// exclusive, as the format defines), the rule as code, and a fix as suggestions.
#include <nlohmann/json.hpp>

#include "output/formats.hpp"
#include "output/relative_path.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

using json = nlohmann::ordered_json;

std::string_view severity_of(Severity s) {
  switch (s) {
    case Severity::error: return "ERROR";
    case Severity::warning: return "WARNING";
    case Severity::note: return "INFO";
  }
  return "INFO";
}

class RdjsonRenderer final : public Renderer {
 public:
  RdjsonRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {}

  void file(const FileReport& report) override {
    if (report.diagnostics.empty()) return;
    PositionMapper begins(*report.document, ColumnUnit::byte), ends(*report.document, ColumnUnit::byte);
    auto range = [&](TextRange r) {
      const Position b = begins.at(r.begin), e = ends.at(r.end);
      return json{{"start", {{"line", b.line}, {"column", b.column}}}, {"end", {{"line", e.line}, {"column", e.column}}}};
    };
    const std::string path = escape_name(relative_to(options_.base_directory, report.path));
    ChunkedOutput output(out_);
    for (const Diagnostic& d : report.diagnostics) {
      json diagnostic = {{"message", d.message},
                         {"location", {{"path", path}, {"range", range(d.range)}}},
                         {"severity", severity_of(d.severity)},
                         {"code", {{"value", d.rule}}}};
      if (d.fix) {
        json suggestions = json::array();
        for (const Edit& e : d.fix->edits) suggestions.push_back({{"range", range(e.range)}, {"text", e.replacement}});
        diagnostic["suggestions"] = std::move(suggestions);
      }
      if (first_) output.text() += head();
      else output.text() += ",\n";
      first_ = false;
      output.text() += diagnostic.dump(-1, ' ', false, json::error_handler_t::replace);
      output.flush_if_full();
    }
  }

  void finish(const Summary&) override {
    const std::string end = (first_ ? head() : std::string()) + "\n]}\n";
    std::fwrite(end.data(), 1, end.size(), out_);
    std::fflush(out_);
  }

 private:
  // The document's start; the diagnostics are streamed after it.
  std::string head() const {
    json source = {{"name", "reportlint"}};
    if (!options_.homepage.empty()) source["url"] = options_.homepage;
    return "{\"source\": " + source.dump() + ",\n\"diagnostics\": [\n";
  }


  RenderOptions options_;
  std::FILE* out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Renderer> make_rdjson_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<RdjsonRenderer>(options, out);
}

}  // namespace reportlint
