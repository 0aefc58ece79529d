// The page `reportlint serve` shows: plain HTML, CSS and JavaScript from core/src/serve/page/,
// compiled into the binary (cmake/EmbedFiles.cmake), so nothing is fetched at run time and
// nothing is served from disk.
#pragma once

#include <span>
#include <string_view>

namespace reportlint::serve::page {

struct File {
  std::string_view path;  // "/", "/app.js"
  std::string_view type;  // its Content-Type
  std::string_view content;
};

std::span<const File> files();

}  // namespace reportlint::serve::page
