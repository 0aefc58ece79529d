// Reading: bytes of a file → UTF-8 text for the document model, and back.
//
// Readers are kept apart from the model so that other encodings and formats can feed
// the same Document: a reader produces the text and what is needed to write it back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "io/atomic_write.hpp"

namespace reportlint {

struct SourceText {
  std::string path;      // as given on the command line
  std::string text;      // valid UTF-8 without NUL bytes, byte order mark removed
  bool had_bom = false;  // written back by to_source_bytes()
  std::optional<FileSnapshot> snapshot;  // a file's identity and content when read
};

// Largest file accepted: positions are 32-bit byte offsets. --max-file-size lowers it
// (default 256 MiB), so a runaway input (/dev/zero on standard input) ends with an error.
inline constexpr std::uint64_t kMaxSourceBytes = std::uint64_t{1} << 30;
inline constexpr std::uint64_t kDefaultMaxFileBytes = std::uint64_t{256} << 20;

// Validates `bytes` as a text file. Throws Error naming `path` (with line:column and the
// byte offset) for invalid UTF-8, NUL bytes, binary formats and UTF-16.
SourceText decode_source(std::string path, std::string bytes);

// Reads and decodes a regular file of at most `max_bytes`. Throws Error naming the file,
// and saying why, when it cannot be read.
SourceText read_source_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxFileBytes);

// Reads all of standard input, at most `max_bytes`. Throws Error (naming `shown`) past that
// or on a read error.
std::string read_standard_input(const std::string& shown, std::uint64_t max_bytes = kDefaultMaxFileBytes);

// The bytes to write when `text` replaces the content of `source`.
std::string to_source_bytes(const SourceText& source, std::string_view text);

}  // namespace reportlint
