#include "support/names.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace reportlint {

std::size_t printable_sequence(std::string_view s, std::size_t i) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x20 || b == 0x7F) return 0;
  if (b < 0x80) return 1;
  const std::size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  char32_t cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  const char32_t least = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F)) return 0;
  return n;
}

std::string escape_name(std::string_view name) {
  bool clean = true;
  for (std::size_t i = 0; i < name.size() && clean;) {
    const std::size_t n = printable_sequence(name, i);
    clean = n > 0;
    i += n;
  }
  if (clean) return std::string(name);
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    if (const std::size_t n = printable_sequence(name, i); n > 0 && name[i] != '\\') {
      out.append(name.substr(i, n));
      i += n;
    } else if (name[i] == '\\') {
      out += "\\\\";
      ++i;
    } else {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(name[i]));
      ++i;
    }
  }
  return out;
}

std::string describe_path_error(int error) {
  switch (error) {
    case ENOENT: return "文件或目录不存在";
    case EACCES: case EPERM: return "没有权限（文件本身或上级目录不可访问）";
    case ELOOP: return "符号链接形成了循环";
    case ENAMETOOLONG: return "路径太长";
    case ENOTDIR: return "路径中的一段不是目录";
    case EMFILE: case ENFILE: return "打开的文件太多";
    case EIO: return "读写错误（I/O）";
    default: return std::strerror(error);
  }
}

}  // namespace reportlint
