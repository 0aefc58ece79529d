// Reading: bytes of a file → UTF-8 text for the document model, and back.
//
// Readers are kept apart from the model so that other encodings and formats can feed
// the same Document: a reader produces the text and what is needed to write it back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reportlint {

struct SourceText {
  std::string path;      // as given on the command line
  std::string text;      // valid UTF-8 without NUL bytes, byte order mark removed
  bool had_bom = false;  // written back by to_source_bytes()
};

// Largest file accepted: positions are 32-bit byte offsets.
inline constexpr std::uint64_t kMaxSourceBytes = std::uint64_t{1} << 30;

// Validates `bytes` as a text file. Throws Error naming `path` (with line:column and the
// byte offset) for invalid UTF-8, NUL bytes, binary formats and UTF-16.
SourceText decode_source(std::string path, std::string bytes);

// Reads and decodes a file. Throws Error when it cannot be read.
SourceText read_source_file(const std::string& path);

// The bytes to write when `text` replaces the content of `source`.
std::string to_source_bytes(const SourceText& source, std::string_view text);

}  // namespace reportlint
