#include "serve/request_guard.hpp"

#include <algorithm>
#include <cctype>

namespace reportlint::serve {
namespace {

// Host names are case-insensitive; the rest of the comparison is exact.
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

RequestGuard::RequestGuard(std::string bound, std::uint16_t port) {
  std::string suffix = ":";
  suffix.append(std::to_string(port));
  std::vector<std::string> names = {"localhost", "127.0.0.1", "[::1]"};
  if (bound.find(':') != std::string::npos && !bound.starts_with('[')) {  // IPv6: [::1]:8080
    std::string bracketed(1, '[');
    bracketed.append(bound).push_back(']');
    bound = std::move(bracketed);
  }
  if (bound != "0.0.0.0" && bound != "[::]") names.push_back(lower(bound));
  for (std::string& n : names) hosts_.push_back(std::move(n.append(suffix)));
}

bool RequestGuard::host_allowed(std::string_view host) const {
  return std::find(hosts_.begin(), hosts_.end(), lower(host)) != hosts_.end();
}

bool RequestGuard::origin_allowed(std::string_view origin) const {
  if (origin.empty()) return true;
  constexpr std::string_view kScheme = "http://";
  if (!origin.starts_with(kScheme)) return false;
  return host_allowed(origin.substr(kScheme.size()));
}

}  // namespace reportlint::serve
