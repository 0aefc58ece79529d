#include "io/encoding.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>

#include <iconv.h>

namespace reportlint {
namespace {

// One iconv conversion descriptor, closed on destruction. Opened per conversion: a
// descriptor keeps state and may not be shared between threads.
class Iconv {
 public:
  Iconv(const char* to, const char* from) : cd_(::iconv_open(to, from)) {}
  ~Iconv() {
    if (ok()) ::iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const noexcept { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // Converts all of `in`; stops at the first sequence iconv refuses.
  Conversion convert(std::string_view in, std::size_t growth_numerator) const {
    Conversion result;
    if (!ok()) {
      result.failed_at = 0;
      return result;
    }
    result.bytes.resize(in.size() * growth_numerator / 2 + 16);
    char* input = const_cast<char*>(in.data());
    std::size_t input_left = in.size();
    std::size_t produced = 0;
    while (input_left > 0) {
      char* output = result.bytes.data() + produced;
      std::size_t output_left = result.bytes.size() - produced;
      const std::size_t r = ::iconv(cd_, &input, &input_left, &output, &output_left);
      produced = result.bytes.size() - output_left;
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) {
        result.bytes.resize(result.bytes.size() * 2);
        continue;
      }
      // EILSEQ (invalid or unrepresentable) or EINVAL (cut off at the end).
      result.failed_at = in.size() - input_left;
      break;
    }
    result.bytes.resize(produced);
    return result;
  }

 private:
  iconv_t cd_;
};

// iconv's names. GBK is written as CP936 would be; GB18030 covers all of Unicode.
const char* iconv_name(Encoding e) noexcept {
  switch (e) {
    case Encoding::utf8: return "UTF-8";
    case Encoding::gb18030: return "GB18030";
    case Encoding::gbk: return "GBK";
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
  }
  return "UTF-8";
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  out.erase(std::remove(out.begin(), out.end(), '_'), out.end());
  out.erase(std::remove(out.begin(), out.end(), '-'), out.end());
  return out;
}

}  // namespace

std::string_view encoding_name(Encoding encoding) noexcept { return iconv_name(encoding); }

std::optional<EncodingChoice> parse_encoding(std::string_view name) {
  const std::string n = lower(name);
  if (n == "auto") return EncodingChoice{};
  if (n == "utf8") return EncodingChoice{false, Encoding::utf8};
  if (n == "gb18030") return EncodingChoice{false, Encoding::gb18030};
  if (n == "gbk" || n == "cp936" || n == "gb2312") return EncodingChoice{false, Encoding::gbk};
  if (n == "utf16le") return EncodingChoice{false, Encoding::utf16le};
  if (n == "utf16be") return EncodingChoice{false, Encoding::utf16be};
  if (n == "utf16") return EncodingChoice{false, Encoding::utf16le};  // a BOM still decides
  return std::nullopt;
}

std::string_view byte_order_mark(Encoding encoding) noexcept {
  switch (encoding) {
    case Encoding::utf8: return "\xEF\xBB\xBF";
    case Encoding::gb18030: return "\x84\x31\x95\x33";
    case Encoding::gbk: return "";
    case Encoding::utf16le: return "\xFF\xFE";
    case Encoding::utf16be: return "\xFE\xFF";
  }
  return "";
}

Conversion decode_bytes(std::string_view bytes, Encoding from) {
  if (from == Encoding::utf8) return {std::string(bytes), std::nullopt};
  // GB18030: 2 bytes become at most 3, 4 at most 4; UTF-16: 2 become at most 3.
  return Iconv("UTF-8", iconv_name(from)).convert(bytes, 3);
}

Conversion encode_text(std::string_view text, Encoding to) {
  if (to == Encoding::utf8) return {std::string(text), std::nullopt};
  // UTF-16 doubles ASCII; GB18030 never grows.
  return Iconv(iconv_name(to), "UTF-8").convert(text, 4);
}

bool can_encode(std::string_view text, Encoding encoding) {
  if (encoding != Encoding::gbk) return true;  // UTF-8, UTF-16 and GB18030 hold all of Unicode
  return !encode_text(text, encoding).failed_at;
}

std::optional<Encoding> utf16_by_zero_bytes(std::string_view bytes) noexcept {
  // In UTF-16 the zero bytes (high bytes of ASCII characters, line ends included) fall
  // mostly on one parity — not all: a character such as 一 (U+4E00) has a zero low byte.
  // UTF-8 and GB18030 text has none; binary data has them anywhere.
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == 0;
    odd += bytes[i + 1] == 0;
  }
  if (n < 8 || even + odd < 2) return std::nullopt;
  if (odd * 10 >= (even + odd) * 7) return Encoding::utf16le;
  if (even * 10 >= (even + odd) * 7) return Encoding::utf16be;
  return std::nullopt;
}

}  // namespace reportlint
