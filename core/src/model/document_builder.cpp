#include "model/document_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "model/outline_builder.hpp"
#include "model/verbatim.hpp"

namespace reportlint {
namespace {

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 64 + 1);
  std::size_t begin = 0;
  const char* data = text.data();
  const std::size_t size = text.size();
  const bool has_cr = std::memchr(data, '\r', size) != nullptr;
  while (begin < size) {
    // memchr finds '\n' fast; a '\r' before it (CRLF, or CR-only files) ends the line earlier.
    const void* nl = std::memchr(data + begin, '\n', size - begin);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : size;
    const void* cr = has_cr ? std::memchr(data + begin, '\r', end - begin) : nullptr;
    std::size_t next;
    if (cr) {
      end = static_cast<std::size_t>(static_cast<const char*>(cr) - data);
      next = end + 1 < size && data[end + 1] == '\n' ? end + 2 : end + 1;
    } else {
      next = nl ? end + 1 : end;
    }
    lines.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                     static_cast<std::uint32_t>(next)});
    begin = next;
  }
  return lines;
}

}  // namespace

DocumentFormat format_for_path(std::string_view path) {
  auto ends_with = [&](std::string_view ext) {
    if (path.size() < ext.size()) return false;
    return std::equal(ext.begin(), ext.end(), path.end() - static_cast<std::ptrdiff_t>(ext.size()),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  return ends_with(".md") || ends_with(".markdown") ? DocumentFormat::markdown : DocumentFormat::plain_text;
}

Document DocumentBuilder::build(std::string path, std::string text, DocumentFormat format,
                                std::vector<LineOrigin> origins) {
  Document doc;
  doc.path_ = std::move(path);
  doc.format_ = format;
  doc.text_ = std::move(text);
  doc.lines_ = split_lines(doc.text_);
  if (origins.size() == doc.lines_.size()) {
    // Never past the line's end, whatever the reader said.
    for (std::size_t li = 0; li < origins.size(); ++li)
      origins[li].generated = std::min(origins[li].generated, doc.lines_[li].end - doc.lines_[li].begin);
    doc.origins_ = std::move(origins);
  }

  std::vector<bool> code_lines(doc.lines_.size(), false);
  if (format == DocumentFormat::markdown) {
    find_fenced_code(doc.text_, doc.lines_, code_lines);
    find_markdown_verbatim(doc.text_, doc.lines_, code_lines, doc.verbatim_);
  }
  find_links(doc.text_, doc.verbatim_);
  normalize_ranges(doc.verbatim_);
  // Lines wholly inside a verbatim range (a multi-line comment) are not prose either.
  for (std::size_t li = 0; li < doc.lines_.size(); ++li) {
    const Line& line = doc.lines_[li];
    if (code_lines[li] || line.begin == line.end) continue;
    auto it = std::upper_bound(doc.verbatim_.begin(), doc.verbatim_.end(), line.begin,
                               [](std::uint32_t o, const TextRange& r) { return o < r.begin; });
    if (it != doc.verbatim_.begin() && std::prev(it)->begin <= line.begin && std::prev(it)->end >= line.end)
      code_lines[li] = true;
  }
  for (std::size_t li = 0; li < doc.lines_.size(); ++li) {
    if (code_lines[li] && format == DocumentFormat::markdown) {
      const Line& line = doc.lines_[li];
      if (line.begin < line.end) doc.verbatim_.push_back({line.begin, line.end});
    }
  }
  normalize_ranges(doc.verbatim_);
  doc.outline_ = build_outline(doc.text_, doc.lines_, code_lines, format, doc.origins_);
  return doc;
}

}  // namespace reportlint
