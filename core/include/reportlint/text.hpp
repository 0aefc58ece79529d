// reportlint plugin API: byte ranges and UTF-8 helpers.
//
// Every text a checker sees is valid UTF-8 (the core rejects anything else before
// building a document), so the decoders here need no error handling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace reportlint {

// A half-open range of byte offsets into Document::text().
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  constexpr std::uint32_t size() const noexcept { return end - begin; }
  constexpr bool empty() const noexcept { return begin == end; }
  constexpr bool contains(std::uint32_t offset) const noexcept {
    return begin <= offset && offset < end;
  }
  constexpr bool overlaps(TextRange other) const noexcept {
    return begin < other.end && other.begin < end;
  }
  friend constexpr bool operator==(TextRange, TextRange) = default;
};

namespace utf8 {

// Length of the sequence introduced by lead byte `b` (1 for ASCII and stray bytes).
constexpr std::size_t sequence_length(unsigned char b) noexcept {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0) == 0x80; }

// Decodes the code point starting at `s[i]` and advances `i` past it.
inline char32_t next(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  const std::size_t n = sequence_length(b0);
  char32_t cp = n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return cp;
}

// Decodes the code point ending just before `s[i]` and moves `i` back to its start.
inline char32_t prev(std::string_view s, std::size_t& i) noexcept {
  std::size_t start = i - 1;
  while (start > 0 && is_continuation(static_cast<unsigned char>(s[start]))) --start;
  std::size_t j = start;
  const char32_t cp = next(s, j);
  i = start;
  return cp;
}

// The code point at `s[i]`, or 0 at the end of `s`.
inline char32_t at(std::string_view s, std::size_t i) noexcept {
  return i < s.size() ? next(s, i) : 0;
}

// The code point ending at `s[i]`, or 0 at the start of `s`.
inline char32_t before(std::string_view s, std::size_t i) noexcept {
  return i > 0 ? prev(s, i) : 0;
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline std::size_t count_code_points(std::string_view s) noexcept {
  // Eight bytes at a time: one bit per byte that is not a continuation byte (10xxxxxx),
  // summed into the top byte by the multiplication.
  std::size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    n += static_cast<std::size_t>(((((~w >> 7) | (w >> 6)) & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) n += !is_continuation(static_cast<unsigned char>(s[i]));
  return n;
}

}  // namespace utf8

// Character classes used across checkers. They describe Chinese running text, not
// Unicode in general: "han" is a Chinese character, "cjk punctuation" a full-width mark.
namespace chars {

constexpr bool is_ascii_letter(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_ascii_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char32_t c) noexcept { return is_ascii_letter(c) || is_ascii_digit(c); }

constexpr bool is_han(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

// Full-width punctuation and symbols of Chinese text: 、。「」《》（）【】〔〕，：；！？ etc.,
// plus the quotes and dashes Chinese text uses although Unicode calls them ambiguous.
constexpr bool is_cjk_punctuation(char32_t c) noexcept {
  return (c >= 0x3000 && c <= 0x303F && c != 0x3007) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0x2018 || c == 0x2019 || c == 0x201C ||
         c == 0x201D || c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x2013;
}

constexpr bool is_cjk(char32_t c) noexcept { return is_han(c) || is_cjk_punctuation(c); }

constexpr bool is_space(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

// 一 … 九, 十, 〇/零, 两, 百, 千 — the characters of a Chinese numeral.
constexpr int han_digit(char32_t c) noexcept {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
constexpr bool is_han_numeral(char32_t c) noexcept {
  return han_digit(c) >= 0 || c == U'十' || c == U'百' || c == U'千' || c == U'万';
}

// Sentence- and clause-final marks after which a new clause begins.
constexpr bool is_clause_end(char32_t c) noexcept {
  switch (c) {
    case U'。': case U'；': case U'：': case U'！': case U'？': case U'，':
    case ';': case ':': case '!': case '?': case ',':
      return true;
    default:
      return false;
  }
}

}  // namespace chars
// `s` shortened to about `keep` code points for a message: its start and end with "……"
// between, so a finding on a 2 MB run of xx does not print the run. Unchanged when short.
inline std::string shorten_for_message(std::string_view s, std::size_t keep = 60) {
  if (s.size() <= keep * 3 || utf8::count_code_points(s) <= keep) return std::string(s);
  std::size_t head = 0, tail = s.size();
  for (std::size_t k = 0; k < keep * 2 / 3; ++k) utf8::next(s, head);
  for (std::size_t k = 0; k < keep / 3; ++k) utf8::prev(s, tail);
  return std::string(s.substr(0, head)) + "……" + std::string(s.substr(tail));
}

// `s` without the spaces at its end (ASCII, ideographic and no-break spaces, tabs).
inline std::string_view trim_end_spaces(std::string_view s) {
  while (!s.empty()) {
    std::size_t i = s.size();
    if (!chars::is_space(utf8::prev(s, i))) break;
    s = s.substr(0, i);
  }
  return s;
}

}  // namespace reportlint
