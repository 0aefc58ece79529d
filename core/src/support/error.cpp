#include "support/error.hpp"

#include <fmt/format.h>

#include "support/names.hpp"

namespace reportlint {
namespace {

std::string join(const std::vector<Failure>& failures) {
  std::string out;
  for (const Failure& f : failures) {
    if (!out.empty()) out += '\n';
    out += format_failure(f);
  }
  return out;
}

}  // namespace

std::string format_failure(const Failure& f) {
  if (f.path.empty()) return fmt::format("reportlint: error: {}", f.message);
  const std::string path = escape_name(f.path);
  if (f.line == 0) return fmt::format("{}: error: {}", path, f.message);
  if (f.column == 0) return fmt::format("{}:{}: error: {}", path, f.line, f.message);
  return fmt::format("{}:{}:{}: error: {}", path, f.line, f.column, f.message);
}

Error::Error(std::vector<Failure> failures)
    : std::runtime_error(join(failures)), failures_(std::move(failures)) {}

}  // namespace reportlint
