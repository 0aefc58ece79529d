// JSON Lines: one diagnostic per line, the contract's diagnostic object with its file's
// "path" first — for streams too long to hold as one document, for shards to concatenate,
// and for grep and jq. No summary line: the exit status and standard error say the rest.
#include "output/formats.hpp"
#include "output/json_diagnostic.hpp"
#include "output/json_writer.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

class JsonlRenderer final : public Renderer {
 public:
  JsonlRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {}

  void file(const FileReport& report) override {
    if (!report.document || report.diagnostics.empty()) return;
    PositionMapper begins(*report.document, options_.column_unit);
    PositionMapper ends(*report.document, options_.column_unit);
    PositionMapper others(*report.document, options_.column_unit);
    std::string path;
    json::append_string(path, escape_name(report.path));
    ChunkedOutput output(out_);
    for (const Diagnostic& d : report.diagnostics) {
      std::string& buffer = output.text();
      const std::size_t object = buffer.size();
      append_diagnostic_json(buffer, d, begins, ends, others);
      buffer.insert(object + 1, "\"path\": " + path + ", ");  // after the object's '{'
      buffer += '\n';
      output.flush_if_full();
    }
  }

  void finish(const Summary&) override { std::fflush(out_); }

 private:
  RenderOptions options_;
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<Renderer> make_jsonl_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<JsonlRenderer>(options, out);
}

}  // namespace reportlint
