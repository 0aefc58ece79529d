// Small helpers for writing JSON text without building a tree: outputs may hold
// hundreds of thousands of diagnostics.
#pragma once

#include <string>
#include <string_view>

namespace reportlint::json {

// Appends `s` as a JSON string literal. Non-ASCII text stays UTF-8 (readable Chinese);
// quotes, backslashes and control characters are escaped.
void append_string(std::string& out, std::string_view s);

inline std::string quote(std::string_view s) {
  std::string out;
  append_string(out, s);
  return out;
}

}  // namespace reportlint::json
