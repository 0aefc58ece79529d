#include "output/renderer.hpp"

#include "output/formats.hpp"

namespace reportlint {

std::unique_ptr<Renderer> make_renderer(std::string_view format, const RenderOptions& options, std::FILE* out) {
  if (format == "text") return make_text_renderer(options, out);
  if (format == "gcc") return make_gcc_renderer(options, out);
  if (format == "json") return make_json_renderer(options, out);
  if (format == "jsonl") return make_jsonl_renderer(options, out);
  if (format == "sarif") return make_sarif_renderer(options, out);
  if (format == "gitlab") return make_gitlab_renderer(options, out);
  if (format == "rdjson") return make_rdjson_renderer(options, out);
  if (format == "github") return make_github_renderer(options, out);
  return nullptr;
}

std::vector<std::string_view> renderer_names() { return {"text", "gcc", "json", "jsonl", "sarif", "github", "gitlab", "rdjson"}; }

}  // namespace reportlint
