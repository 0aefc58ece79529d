// What keeps `reportlint serve` local: the page answers only requests that reached it by
// a name of this machine, and only from its own pages. A DNS-rebinding attack reaches
// 127.0.0.1 under a foreign name (Host: evil.example:8080); a cross-site form posts from
// a foreign page (Origin: https://evil.example). Both get 403.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportlint::serve {

class RequestGuard {
 public:
  // `bound` is the address the server listens on (127.0.0.1, or --host).
  RequestGuard(std::string bound, std::uint16_t port);

  // The Host header names this server: localhost, 127.0.0.1, [::1] or the bound address,
  // with this port.
  bool host_allowed(std::string_view host) const;
  // No Origin (a navigation, curl) or this server's own origin.
  bool origin_allowed(std::string_view origin) const;

 private:
  std::vector<std::string> hosts_;  // "127.0.0.1:8080", "localhost:8080", …
};

}  // namespace reportlint::serve
