// Display width of characters in a terminal, for placing carets under Chinese text.
#pragma once

#include <cstddef>
#include <string_view>

namespace reportlint {

// 2 for East Asian Wide/Fullwidth, 0 for combining and format characters, else 1.
// Control characters count 1: renderers print a visible stand-in for them.
int display_width(char32_t cp) noexcept;

// Sum of display_width() over the code points of UTF-8 text.
std::size_t display_width(std::string_view utf8) noexcept;

}  // namespace reportlint
