// Findings about the configuration itself: [[ignore]] entries that suppressed nothing in
// the whole run. They are diagnostics of the config file (its path, line and column), so
// every output format, the summary, --fail-on and baselines see them like any other.
#pragma once

#include <memory>
#include <vector>

#include "lint/linter.hpp"
#include "output/renderer.hpp"
#include "support/error.hpp"

namespace reportlint {

// One report per config file with a stale [[ignore]] entry, once per configuration in
// use, after every input was linted. A config file that cannot be read again is a failure.
std::vector<FileReport> config_file_reports(const std::vector<std::shared_ptr<const Linter>>& linters,
                                            std::vector<Failure>& failures);

}  // namespace reportlint
