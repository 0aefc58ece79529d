// Character encodings of plain-text drafts: UTF-8, GB18030 (and its subset GBK), UTF-16.
// Conversion is glibc's iconv; detection is ours, and conservative: valid UTF-8 is always
// UTF-8, a byte order mark decides, UTF-16 shows itself by its zero bytes, and only then
// is GB18030 tried, which Chinese Windows text (GBK, GB2312) decodes as.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reportlint {

enum class Encoding : std::uint8_t { utf8, gb18030, gbk, utf16le, utf16be };

// "UTF-8", "GB18030", "GBK", "UTF-16LE", "UTF-16BE": for messages and iconv.
std::string_view encoding_name(Encoding encoding) noexcept;

// What --encoding and the config's `encoding` accept: "auto" (detect), or a name, any case:
// utf-8/utf8, gb18030, gbk/cp936/gb2312, utf-16le, utf-16be, utf-16 (by its BOM, else LE).
struct EncodingChoice {
  bool detect = true;
  Encoding encoding = Encoding::utf8;
  friend bool operator==(const EncodingChoice&, const EncodingChoice&) = default;
};
std::optional<EncodingChoice> parse_encoding(std::string_view name);

// The byte order mark written for an encoding ("" for GBK, which has none).
std::string_view byte_order_mark(Encoding encoding) noexcept;

// A conversion's result: the converted bytes, or the offset in the input of the first
// byte sequence that is invalid (decoding) or of the first character the target encoding
// cannot represent (encoding).
struct Conversion {
  std::string bytes;
  std::optional<std::size_t> failed_at;
};

// bytes in `from` → UTF-8.
Conversion decode_bytes(std::string_view bytes, Encoding from);
// UTF-8 → bytes in `to`.
Conversion encode_text(std::string_view text, Encoding to);

// Whether `text` (UTF-8) can be written in `encoding`.
bool can_encode(std::string_view text, Encoding encoding);

// UTF-16 without a byte order mark, told by where its zero bytes fall; nullopt otherwise.
std::optional<Encoding> utf16_by_zero_bytes(std::string_view bytes) noexcept;

}  // namespace reportlint
