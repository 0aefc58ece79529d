// reportlint plugin API: limits on TOML input, checked before toml++ parses it.
//
// toml++ nests its recursion along a dotted key: `a.a.a.…` with a hundred thousand parts
// exhausts the stack. Configs, phrase packs and profiles come from projects reportlint
// does not control, so every TOML file is checked here first and refused with a position.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace reportlint {

inline constexpr std::size_t kMaxTomlBytes = std::size_t{16} << 20;  // a 5,000-entry pack is about 1 MB
inline constexpr std::size_t kMaxTomlKeyParts = 64;

struct TomlLimitViolation {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::string_view message;  // Simplified Chinese
};

// The first place where `text` is beyond the limits: too large, or a key of more than
// kMaxTomlKeyParts dotted parts. Strings and comments are skipped; a run of dots outside
// them between two separators (= , { } [ ] and line ends) is a dotted key, since a number
// or a time has at most one.
inline std::optional<TomlLimitViolation> toml_limits_violation(std::string_view text) {
  if (text.size() > kMaxTomlBytes) return TomlLimitViolation{1, 1, "TOML 文件过大（超过 16 MB）"};
  std::uint32_t line = 1, column = 1, dots = 0;
  char quote = 0;            // inside a string: its quote character
  bool triple = false;       // … a multi-line one
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      column = 1;
      comment = false;
      if (!triple) quote = 0;
      dots = 0;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    if (comment) continue;
    if (quote) {
      if (c == '\\' && quote == '"' && i + 1 < text.size() && text[i + 1] != '\n') {
        ++i;  // an escaped character
        continue;
      }
      if (c != quote) continue;
      if (!triple) {
        quote = 0;
      } else if (text.substr(i, 3) == (quote == '"' ? std::string_view("\"\"\"") : std::string_view("'''"))) {
        i += 2;
        quote = 0;
        triple = false;
      }
      continue;
    }
    switch (c) {
      case '#': comment = true; break;
      case '"': case '\'':
        quote = c;
        triple = text.substr(i, 3) == (c == '"' ? "\"\"\"" : "'''");
        if (triple) i += 2;
        break;
      case '=': case ',': case '{': case '}': case '[': case ']': dots = 0; break;
      case '.':
        if (++dots >= kMaxTomlKeyParts) return TomlLimitViolation{line, column, "键的层级太多（点号分隔的部分超过 64 个）"};
        break;
      default: break;
    }
  }
  return std::nullopt;
}

// Reads and parses a TOML file within the limits; throws toml::parse_error (with the file
// and position) for a file beyond them, as for one that does not parse.
inline toml::table parse_toml_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (const auto v = toml_limits_violation(text))
    throw toml::parse_error(std::string(v->message).c_str(), toml::source_position{v->line, v->column},
                            std::make_shared<const std::string>(path));
  return toml::parse(text, path);
}

}  // namespace reportlint
