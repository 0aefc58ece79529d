#include "io/source.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <algorithm>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/error.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

// Line and column (code points) of byte `offset`, for error messages.
Failure located(std::string path, std::string_view bytes, std::size_t offset, std::string message) {
  std::uint32_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == '\n' || (b == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if ((b & 0xC0) != 0x80) {
      ++column;
    }
  }
  return Failure{std::move(path), line, column, std::move(message)};
}

// A name for well-known binary formats, so the error says what the file is.
const char* binary_format(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("PK\x03\x04")) return "ZIP 压缩包（例如 Word .docx 文档）";
  if (starts("%PDF")) return "PDF 文档";
  if (starts("\xD0\xCF\x11\xE0")) return "旧版 Office 文档（.doc/.xls）";
  if (starts("\x7F" "ELF")) return "可执行文件或共享库";
  if (starts("\x89PNG") || starts("\xFF\xD8\xFF") || starts("GIF8")) return "图片";
  return nullptr;
}

// UTF-16 without a byte order mark: its zero bytes (the high byte of ASCII characters,
// line ends included) fall almost all on one parity — in UTF-8 text there are none, in
// binary data they fall anywhere.
const char* utf16_without_bom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == 0;
    odd += bytes[i + 1] == 0;
  }
  if (n < 8 || even + odd < 2) return nullptr;
  if (odd * 10 >= (even + odd) * 9) return "UTF-16LE";
  if (even * 10 >= (even + odd) * 9) return "UTF-16BE";
  return nullptr;
}

// Offset of the first byte that is not valid UTF-8 or is NUL, or `size` when all are
// fine. One pass, no decoding: ASCII eight bytes at a time, then each sequence checked
// by its lead byte (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t first_invalid(const unsigned char* data, std::size_t size) {
  std::size_t i = 0;
  while (i < size) {
    if (data[i] < 0x80 && i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      const bool ascii = (word & 0x8080808080808080ull) == 0;
      const bool has_zero = ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) != 0;
      if (ascii && !has_zero) {
        i += 8;
        continue;
      }
    }
    // A run of common three-byte characters (U+1000–CFFF, U+E000–FFFF), bounds checked
    // once per character.
    while (i + 3 <= size && data[i] >= 0xE1 && data[i] <= 0xEF && data[i] != 0xED &&
           (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80)
      i += 3;
    while (i < size && data[i] < 0x80 && data[i] != 0) ++i;  // ASCII between Chinese characters
    if (i >= size) break;
    const unsigned char b = data[i];
    auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
      return i + k < size && data[i + k] >= lo && data[i + k] <= hi;
    };
    if (b < 0x80) {
      if (b == 0) return i;
      i += 1;
    } else if (b >= 0xE1 && b <= 0xEF && b != 0xED) {  // most of Chinese text
      if (!cont(1) || !cont(2)) return i;
      i += 3;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (!cont(1)) return i;
      i += 2;
    } else if (b == 0xE0 || b == 0xED) {
      if (!(b == 0xE0 ? cont(1, 0xA0, 0xBF) : cont(1, 0x80, 0x9F)) || !cont(2)) return i;
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      const bool second = b == 0xF0 ? cont(1, 0x90, 0xBF) : b == 0xF4 ? cont(1, 0x80, 0x8F) : cont(1);
      if (!second || !cont(2) || !cont(3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return size;
}

}  // namespace

SourceText decode_source(std::string path, std::string bytes) {
  if (bytes.size() >= kMaxSourceBytes)
    throw Error({path, 0, 0, fmt::format("文件过大（{} 字节），最多支持 {} 字节", bytes.size(), kMaxSourceBytes - 1)});
  // What follows a UTF-8 byte order mark is judged as the same bytes without it, so that
  // decoding what was decoded gives the same answer (the fuzzer found "BOM %PDF").
  const std::string_view content = std::string_view(bytes).substr(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0);
  if (const char* format = binary_format(content))
    throw Error({path, 0, 0, fmt::format("不是文本文件，而是{}；请先另存为 UTF-8 纯文本", format)});
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    throw Error({path, 0, 0, "是 UTF-16 编码的文本，暂不支持；请另存为 UTF-8"});
  if (const char* utf16 = utf16_without_bom(bytes))
    throw Error({path, 0, 0, fmt::format("看起来是没有字节顺序标记（BOM）的 {} 文本，暂不支持；请另存为 UTF-8", utf16)});

  SourceText source;
  source.path = std::move(path);
  source.had_bom = bytes.starts_with("\xEF\xBB\xBF");
  if (source.had_bom) bytes.erase(0, 3);
  const std::size_t shift = source.had_bom ? 3 : 0;

  const std::size_t bad = first_invalid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  if (bad < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[bad]);
    if (b == 0)
      throw Error(located(source.path, bytes, bad,
                          fmt::format("包含 NUL 字节（字节偏移 {}），不是文本文件", bad + shift)));
    throw Error(located(source.path, bytes, bad,
                        fmt::format("不是有效的 UTF-8 文本（字节偏移 {} 处的字节 0x{:02X}）；"
                                    "如果是 GBK/GB18030 编码，请先转换为 UTF-8",
                                    bad + shift, b)));
  }
  source.text = std::move(bytes);
  return source;
}

SourceText read_source_file(const std::string& path, std::uint64_t max_bytes) {
  // O_NONBLOCK: a FIFO put where a draft was expected must not hang the run.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw Error({path, 0, 0, fmt::format("无法读取：{}", describe_path_error(errno))});
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw Error({path, 0, 0, fmt::format("无法读取：{}", describe_path_error(errno))});
  if (S_ISDIR(st.st_mode)) throw Error({path, 0, 0, "是目录，不是文件"});
  if (!S_ISREG(st.st_mode)) throw Error({path, 0, 0, "不是普通文件（设备、管道或套接字），不会读取"});
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes)
    throw Error({path, 0, 0, fmt::format("文件过大（{} 字节），超过上限 {} 字节（--max-file-size）", size, max_bytes)});
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error({path, 0, 0, fmt::format("读取失败：{}", describe_path_error(errno))});
    if (n == 0) break;  // shorter than it was: read what there is
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  const FileSnapshot snapshot = snapshot_of(fd, bytes);
  SourceText source = decode_source(path, std::move(bytes));
  source.snapshot = snapshot;
  return source;
}

std::string read_standard_input(const std::string& shown, std::uint64_t max_bytes) {
  std::string bytes;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error({shown, 0, 0, fmt::format("读取标准输入失败：{}", std::strerror(errno))});
    if (n == 0) return bytes;
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes)
      throw Error({shown, 0, 0, fmt::format("标准输入超过上限 {} 字节（--max-file-size），停止读取", max_bytes)});
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

std::string to_source_bytes(const SourceText& source, std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size() + 3);
  if (source.had_bom) bytes += "\xEF\xBB\xBF";
  bytes += text;
  return bytes;
}

}  // namespace reportlint
