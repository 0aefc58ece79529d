// `reportlint serve`: a page in the browser for people who write in Word or WPS and never
// open a terminal. The server binds to loopback, keeps uploads in memory only, reads no
// project configuration and serves no file from disk: the page itself is compiled in.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "lint/linter.hpp"

namespace reportlint::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port
  bool open_browser = false;
  std::uint64_t max_file_bytes = std::uint64_t{20} << 20;
  LinterOptions linter;
  // The rule's page, as --explain prints it (the command line owns its wording).
  std::function<std::string(const Linter&, std::string_view rule)> explain;
};

// Serves until SIGINT or SIGTERM; returns the exit status. Throws Error when it cannot
// start (the port is taken, the installation is broken).
int run_serve(ServeOptions options);

}  // namespace reportlint::serve
