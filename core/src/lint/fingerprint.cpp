#include "lint/fingerprint.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "reportlint/text.hpp"

namespace reportlint {

FingerprintParts fingerprint_parts(const Document& document, const Diagnostic& diagnostic) {
  const std::string_view text = document.text();
  const Line& line = document.lines()[document.line_at(diagnostic.range.begin)];
  std::size_t begin = diagnostic.range.begin, end = std::min<std::size_t>(diagnostic.range.end, line.end);
  end = std::max(end, begin);
  std::size_t before = begin;
  for (std::size_t n = 0; n < kFingerprintContext && before > line.begin; ++n) utf8::prev(text, before);
  std::size_t after = end;
  for (std::size_t n = 0; n < kFingerprintContext && after < line.end; ++n) utf8::next(text, after);
  return {text.substr(before, begin - before), text.substr(begin, end - begin), text.substr(end, after - end)};
}

std::string fingerprint(const Document& document, const Diagnostic& diagnostic) {
  const FingerprintParts parts = fingerprint_parts(document, diagnostic);
  std::uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&](std::string_view s) {
    for (const unsigned char c : s) hash = (hash ^ c) * 0x100000001b3ull;
    hash = (hash ^ 0xFF) * 0x100000001b3ull;  // a separator no UTF-8 text holds
  };
  mix(diagnostic.rule);
  if (diagnostic.range.begin == diagnostic.range.end) {
    mix(diagnostic.message);
  } else {
    mix(parts.before);
    mix(parts.flagged);
    mix(parts.after);
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace reportlint
