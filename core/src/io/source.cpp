#include "io/source.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/docx/docx_reader.hpp"
#include "reportlint/text.hpp"
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
  if (starts("%PDF")) return "是 PDF 文档，无法检查：请检查原来的 Word 文档（.docx）";
  if (starts("\xD0\xCF\x11\xE0"))
    return "是旧版 Office 文档（.doc、.wps 或 .xls），无法检查：请在 Word 或 WPS 中打开，另存为 .docx";
  if (starts("{\\rtf")) return "是 RTF 文档，无法检查：请在 Word 或 WPS 中另存为 .docx";
  if (starts("\x7F" "ELF")) return "不是文本文件，而是可执行文件或共享库";
  if (starts("\x89PNG") || starts("\xFF\xD8\xFF") || starts("GIF8")) return "不是文本文件，而是图片";
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

// Whether bytes that decode as GB18030 look like Chinese text in it: most double-byte
// characters of GBK text are GB2312's (both bytes 0xA1 or above); UTF-8 read as GBK, Big5
// or random bytes give many others. Without this, a damaged UTF-8 file would be taken
// for GBK text of rare characters.
bool looks_like_gbk(std::string_view bytes) {
  bytes = bytes.substr(0, std::size_t{1} << 20);  // the first megabyte tells
  std::size_t common = 0, other = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80 || i + 1 >= bytes.size()) {
      ++i;
      continue;
    }
    const auto t = static_cast<unsigned char>(bytes[i + 1]);
    if (t >= 0x30 && t <= 0x39) {  // a four-byte sequence: rare characters
      ++other;
      i += 4;
      continue;
    }
    (b >= 0xA1 && t >= 0xA1 ? common : other) += 1;
    i += 2;
  }
  return common > 0 && common >= 4 * other;
}

// Line and column of byte `offset` of bytes in `encoding`: the prefix decoded, then counted.
Failure located_in(std::string path, std::string_view bytes, std::size_t offset, Encoding encoding, std::string message) {
  if (encoding == Encoding::utf8) return located(std::move(path), bytes, offset, std::move(message));
  const Conversion prefix = decode_bytes(bytes.substr(0, offset), encoding);
  return located(std::move(path), prefix.bytes, prefix.bytes.size(), std::move(message));
}

void check_size(const std::string& path, std::size_t size) {
  if (size >= kMaxSourceBytes)
    throw Error({path, 0, 0, fmt::format("文件过大（{} 字节），最多支持 {} 字节", size, kMaxSourceBytes - 1)});
}

// Decoded text holds no NUL character (no draft does) and fits 32-bit offsets.
void check_text(const std::string& path, const std::string& text) {
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos)
    throw Error(located(path, text, nul, "包含 NUL 字符，不是文本文件"));
  check_size(path, text.size());
}

// The text of `bytes` in `encoding` (a byte order mark already removed): an Error for
// bytes invalid in it, or for a NUL character, which no draft holds.
std::string decode_or_fail(const std::string& path, std::string_view bytes, Encoding encoding, std::size_t shift) {
  Conversion c = decode_bytes(bytes, encoding);
  if (c.failed_at)
    throw Error(located_in(path, bytes, *c.failed_at, encoding,
                           fmt::format("不是有效的 {} 文本（字节偏移 {}）；用 --encoding 指定文件的编码",
                                       encoding_name(encoding), *c.failed_at + shift)));
  check_text(path, c.bytes);
  return std::move(c.bytes);
}

SourceText decode_text(std::string path, std::string bytes, const EncodingChoice& choice) {
  SourceText source;
  source.path = std::move(path);
  bool guessed_utf16 = false;
  std::optional<Conversion> detected;  // the GB18030 decoding detection made, kept
  // A byte order mark decides, whatever was chosen.
  for (const Encoding e : {Encoding::utf8, Encoding::utf16le, Encoding::utf16be, Encoding::gb18030}) {
    const std::string_view bom = byte_order_mark(e);
    if (!bytes.starts_with(bom)) continue;
    source.encoding = e;
    source.had_bom = true;
    break;
  }
  if (!source.had_bom) {
    if (!choice.detect) {
      source.encoding = choice.encoding;
    } else if (const auto utf16 = utf16_by_zero_bytes(bytes)) {
      source.encoding = *utf16;
      guessed_utf16 = true;
    } else {
      const std::size_t bad = first_invalid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
      if (bad < bytes.size() && bytes[bad] == 0)
        throw Error(located(source.path, bytes, bad, fmt::format("包含 NUL 字节（字节偏移 {}），不是文本文件", bad)));
      if (bad < bytes.size()) {
        // Not UTF-8: GB18030, the encoding of Chinese Windows text (GBK, GB2312) — if it
        // decodes; else say both.
        if (!looks_like_gbk(bytes) || (detected = decode_bytes(bytes, Encoding::gb18030))->failed_at)
          throw Error(located(source.path, bytes, bad,
                              fmt::format("既不是有效的 UTF-8 文本（字节偏移 {} 处的字节 0x{:02X}），也不像 GB18030/GBK 文本；"
                                          "用 --encoding 指定文件的编码",
                                          bad, static_cast<unsigned char>(bytes[bad]))));
        source.encoding = Encoding::gb18030;
      }
    }
  }
  const std::size_t shift = source.had_bom ? byte_order_mark(source.encoding).size() : 0;
  const std::string_view content = std::string_view(bytes).substr(shift);
  if (source.encoding == Encoding::utf8) {
    const std::size_t bad = first_invalid(reinterpret_cast<const unsigned char*>(content.data()), content.size());
    if (bad < content.size()) {
      const auto b = static_cast<unsigned char>(content[bad]);
      if (b == 0)
        throw Error(located(source.path, content, bad, fmt::format("包含 NUL 字节（字节偏移 {}），不是文本文件", bad + shift)));
      throw Error(located(source.path, content, bad,
                          fmt::format("不是有效的 UTF-8 文本（字节偏移 {} 处的字节 0x{:02X}）；"
                                      "如果是其他编码，用 --encoding 指定",
                                      bad + shift, b)));
    }
    check_size(source.path, content.size());
    bytes.erase(0, shift);
    source.text = std::move(bytes);
    return source;
  }
  if (detected) {
    source.text = std::move(detected->bytes);
    check_text(source.path, source.text);
  } else {
    source.text = decode_or_fail(source.path, content, source.encoding, shift);
  }
  bytes.erase(0, shift);
  source.encoded = std::make_shared<const std::string>(std::move(bytes));
  if (guessed_utf16) {
    // Told by zero bytes alone: text has no control characters but tabs and line ends.
    const auto control = std::find_if(source.text.begin(), source.text.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    });
    if (control != source.text.end())
      throw Error({source.path, 0, 0, "包含 NUL 字节，不是文本文件（也不像没有字节顺序标记的 UTF-16 文本）"});
  }
  return source;
}

bool is_zip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06"); }

bool has_extension(std::string_view path, std::string_view ext) {
  if (path.size() < ext.size()) return false;
  return std::equal(ext.begin(), ext.end(), path.end() - static_cast<std::ptrdiff_t>(ext.size()),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace

SourceText decode_source(std::string path, std::string bytes, const ReadOptions& options) {
  if (bytes.size() >= kMaxSourceBytes)
    throw Error({path, 0, 0, fmt::format("文件过大（{} 字节），最多支持 {} 字节", bytes.size(), kMaxSourceBytes - 1)});
  if (is_zip(bytes)) {
    docx::WordText word = docx::read_docx(path, std::move(bytes));
    check_size(path, word.text.size());
    // The XML parser passes bytes through: text that is no UTF-8 (or holds NUL) is refused
    // here, as for a text file, at its paragraph.
    const std::size_t bad = first_invalid(reinterpret_cast<const unsigned char*>(word.text.data()), word.text.size());
    if (bad < word.text.size())
      throw Error(located(path, word.text, bad, "Word 文档的文字中有无效的 UTF-8 字节或 NUL 字符，文档可能已损坏"));
    SourceText source;
    source.path = std::move(path);
    source.kind = SourceKind::word;
    source.text = std::move(word.text);
    source.origins = std::move(word.origins);
    source.word = std::move(word.package);
    return source;
  }
  if (has_extension(path, ".docx"))
    throw Error({path, 0, 0, "不是有效的 .docx 文件（不是 ZIP 压缩包）；请在 Word 或 WPS 中重新另存为 .docx"});
  // A byte order mark is no part of a file's signature (the fuzzer found "BOM %PDF").
  const std::string_view content = std::string_view(bytes).substr(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0);
  if (const char* format = binary_format(content)) throw Error({path, 0, 0, format});
  return decode_text(std::move(path), std::move(bytes), options.encoding);
}

SourceText read_source_file(const std::string& path, const ReadOptions& options) {
  const std::uint64_t max_bytes = options.max_bytes;
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
  SourceText source = decode_source(path, std::move(bytes), options);
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

std::string source_bytes(const SourceText& source) {
  if (source.kind == SourceKind::word) return source.word->archive;
  std::string bytes(source.had_bom ? byte_order_mark(source.encoding) : std::string_view());
  if (source.encoding == Encoding::utf8) return bytes + source.text;
  Conversion c = encode_text(source.text, source.encoding);
  if (c.failed_at)
    throw Error({source.path, 0, 0, fmt::format("无法用 {} 编码写回（文字偏移 {}）", encoding_name(source.encoding), *c.failed_at)});
  return bytes + c.bytes;
}

bool writes_back_exactly(const SourceText& source) {
  if (!source.encoded) return true;
  if (!source.round_trips) {
    // Fixes are written by encoding the whole text again: only where that gives back the
    // bytes read is everything outside the fixes sure to stay as it was. Compared a
    // megabyte at a time (the encodings are stateless), not as a second copy of the file.
    const std::string_view text = source.text, original = *source.encoded;
    std::size_t at = 0, compared = 0;
    bool same = true;
    while (same && at < text.size()) {
      std::size_t end = std::min(text.size(), at + (std::size_t{1} << 20));
      while (end < text.size() && utf8::is_continuation(static_cast<unsigned char>(text[end]))) ++end;
      const Conversion chunk = encode_text(text.substr(at, end - at), source.encoding);
      same = !chunk.failed_at && original.substr(compared, chunk.bytes.size()) == chunk.bytes;
      compared += chunk.bytes.size();
      at = end;
    }
    source.round_trips = same && compared == original.size();
  }
  return *source.round_trips;
}

std::string edit_obstacle(const SourceText& source, const Document& document, const Edit& edit) {
  if (source.kind == SourceKind::word) return docx::edit_obstacle(*source.word, document, edit);
  if (!writes_back_exactly(source))
    return fmt::format("这个文件的 {} 编码不能原样写回（有非标准的字节序列），为免改动其他文字，不自动修复",
                       encoding_name(source.encoding));
  if (!can_encode(edit.replacement, source.encoding))
    return fmt::format("“{}”无法用文件的 {} 编码写出", shorten_for_message(edit.replacement), encoding_name(source.encoding));
  return {};
}

SourceText apply_source_edits(const SourceText& source, const std::vector<Edit>& edits) {
  if (source.kind == SourceKind::word) {
    SourceText fixed = decode_source(source.path, docx::apply_edits(*source.word, source.text, edits));
    fixed.snapshot = source.snapshot;
    return fixed;
  }
  SourceText fixed = source;
  fixed.text.clear();
  fixed.text.reserve(source.text.size());
  std::size_t cursor = 0;
  for (const Edit& e : edits) {
    fixed.text.append(source.text, cursor, e.range.begin - cursor);
    fixed.text += e.replacement;
    cursor = e.range.end;
  }
  fixed.text.append(source.text, cursor, std::string::npos);
  return fixed;
}

}  // namespace reportlint
