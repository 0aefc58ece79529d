// One factory per output format; each lives in its own file.
#pragma once

#include <cstdio>
#include <memory>

#include "output/renderer.hpp"

namespace reportlint {

std::unique_ptr<Renderer> make_text_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_gcc_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_json_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_jsonl_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_github_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_sarif_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_gitlab_renderer(const RenderOptions& options, std::FILE* out);
std::unique_ptr<Renderer> make_rdjson_renderer(const RenderOptions& options, std::FILE* out);

}  // namespace reportlint
