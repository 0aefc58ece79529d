#include "unicode/width.hpp"

#include <algorithm>
#include <iterator>

#include "reportlint/text.hpp"

namespace reportlint {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

#include "unicode/width_table.inc"

template <std::size_t N>
bool in_table(const CodePointRange (&table)[N], char32_t cp) noexcept {
  auto it = std::upper_bound(std::begin(table), std::end(table), cp,
                             [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return it != std::begin(table) && cp <= std::prev(it)->last;
}

}  // namespace

int display_width(char32_t cp) noexcept {
  if (cp < 0x300) return cp == 0xAD ? 0 : 1;       // Latin, controls: no table lookup
  if (cp >= 0x4E00 && cp <= 0x9FFF) return 2;     // CJK Unified Ideographs, the common case
  if (in_table(kZeroWidth, cp)) return 0;
  return in_table(kWide, cp) ? 2 : 1;
}

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += static_cast<std::size_t>(display_width(utf8::next(utf8, i)));
  return width;
}

}  // namespace reportlint
