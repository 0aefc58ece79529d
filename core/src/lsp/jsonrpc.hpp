// JSON-RPC 2.0 messages over a byte stream with the Language Server Protocol's framing:
//   Content-Length: N\r\n\r\n<N bytes of JSON>
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace reportlint::lsp {

enum class ReadStatus { message, end_of_stream, bad_framing };

struct Incoming {
  ReadStatus status = ReadStatus::end_of_stream;
  std::string body;     // the JSON text, when status is message
  std::string problem;  // what was wrong with the framing
};

// Reads one framed message. Headers other than Content-Length are accepted and ignored.
Incoming read_message(std::FILE* in);

// Writes one framed message and flushes.
void write_message(std::FILE* out, const nlohmann::json& message);
// The same for a message already written as JSON text (large ones are, without a tree).
void write_message_text(std::FILE* out, std::string_view body);

// JSON-RPC error codes used by the server.
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
inline constexpr int invalid_after_shutdown = -32600;
}  // namespace error_code

}  // namespace reportlint::lsp
