// Errors that stop reportlint (exit status 2). Each names the file it concerns and,
// where there is one, the line and column, so editors and CI can jump to it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace reportlint {

struct Failure {
  std::string path;          // empty for errors not tied to a file (usage errors)
  std::uint32_t line = 0;    // 1-based; 0 when unknown
  std::uint32_t column = 0;  // 1-based code points; 0 when unknown
  std::string message;       // Simplified Chinese
};

// "path:line:column: error: message", dropping the parts that are unknown.
std::string format_failure(const Failure& failure);

// One or more failures found together (a config file may have several bad keys).
class Error : public std::runtime_error {
 public:
  explicit Error(Failure failure) : Error(std::vector<Failure>{std::move(failure)}) {}
  explicit Error(std::vector<Failure> failures);
  const std::vector<Failure>& failures() const noexcept { return failures_; }

 private:
  std::vector<Failure> failures_;
};

}  // namespace reportlint
