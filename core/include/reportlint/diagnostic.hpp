// reportlint plugin API: what a checker reports.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reportlint/text.hpp"

namespace reportlint {

// Ordered so that a higher value is more severe.
enum class Severity : std::uint8_t { note = 1, warning = 2, error = 3 };

constexpr std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

// One replacement of a byte range of the document text.
struct Edit {
  TextRange range;
  std::string replacement;
};

// How sure a fix is, after ruff's Applicability: `--fix` applies only `safe` fixes;
// `unsafe` ones are shown as suggestions.
enum class Applicability : std::uint8_t { safe, unsafe };

// A fix is applied whole or not at all. Renumbering a run of headings is one fix of
// several edits.
struct Fix {
  std::vector<Edit> edits;
  Applicability applicability = Applicability::safe;
  std::string message;  // what the fix does, e.g. 改为“党”; empty: derived from the edits
};

// An optional value kept on the heap: most diagnostics have no fix, and a Fix is large.
// Used like std::optional: `d.fix = Fix{...}`, `if (d.fix)`, `d.fix->edits`.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) : ptr_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit, like optional
  Boxed(const Boxed& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    ptr_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  explicit operator bool() const noexcept { return ptr_ != nullptr; }
  bool has_value() const noexcept { return ptr_ != nullptr; }
  T& operator*() const noexcept { return *ptr_; }
  T* operator->() const noexcept { return ptr_.get(); }
  void reset() noexcept { ptr_.reset(); }

 private:
  std::unique_ptr<T> ptr_;
};

// Secondary location, e.g. the previous item of a sequence.
struct Note {
  std::string message;
  std::optional<TextRange> range;
};

struct Diagnostic {
  // "<plugin>.<rule>", a rule the checker declared. A checker points it at its RuleInfo
  // id; once reported, the core points it at its own copy, valid as long as the Linter
  // that produced the diagnostic. Rule ids are never allocated per diagnostic.
  std::string_view rule;
  TextRange range;             // what the carets point at
  std::string message;         // Simplified Chinese, shown to users
  Severity severity = Severity::error;  // set by the core from the configuration
  std::vector<Note> notes;
  Boxed<Fix> fix;
};

}  // namespace reportlint
