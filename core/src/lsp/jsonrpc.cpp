#include "lsp/jsonrpc.hpp"

#include <charconv>
#include <string_view>

namespace reportlint::lsp {
namespace {

constexpr std::size_t kMaxHeaderLine = 1024;
constexpr std::size_t kMaxBody = std::size_t{256} << 20;  // 256 MiB: a draft never comes near

// One header line without its \r\n; nullopt at end of stream.
std::optional<std::string> read_header_line(std::FILE* in, bool& too_long) {
  std::string line;
  for (int c; (c = std::fgetc(in)) != EOF;) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    line += static_cast<char>(c);
    if (line.size() > kMaxHeaderLine) {
      too_long = true;
      return line;
    }
  }
  if (line.empty()) return std::nullopt;
  return line;
}

}  // namespace

Incoming read_message(std::FILE* in) {
  Incoming result;
  std::optional<std::size_t> length;
  bool any_header = false;
  while (true) {
    bool too_long = false;
    const auto line = read_header_line(in, too_long);
    if (!line) {
      result.status = any_header ? ReadStatus::bad_framing : ReadStatus::end_of_stream;
      result.problem = "消息头不完整";
      return result;
    }
    if (too_long) {
      result.status = ReadStatus::bad_framing;
      result.problem = "消息头过长";
      return result;
    }
    if (line->empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    const std::string_view header(*line);
    const std::size_t colon = header.find(':');
    if (colon == std::string_view::npos) {
      result.status = ReadStatus::bad_framing;
      result.problem = "无效的消息头：" + *line;
      return result;
    }
    std::string name(header.substr(0, colon));
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name == "content-length") {
      std::string_view value = header.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n > kMaxBody) {
        result.status = ReadStatus::bad_framing;
        result.problem = "无效的 Content-Length：" + std::string(value);
        return result;
      }
      length = n;
    }
  }
  if (!length) {
    result.status = ReadStatus::bad_framing;
    result.problem = "缺少 Content-Length";
    return result;
  }
  result.body.resize(*length);
  if (std::fread(result.body.data(), 1, *length, in) != *length) {
    result.status = ReadStatus::bad_framing;
    result.problem = "消息体不完整";
    return result;
  }
  result.status = ReadStatus::message;
  return result;
}

void write_message(std::FILE* out, const nlohmann::json& message) {
  write_message_text(out, message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_message_text(std::FILE* out, std::string_view body) {
  std::fprintf(out, "Content-Length: %zu\r\n\r\n", body.size());
  std::fwrite(body.data(), 1, body.size(), out);
  std::fflush(out);
}

}  // namespace reportlint::lsp
