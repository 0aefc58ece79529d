// What to lint: the paths given, with directories expanded.
#pragma once

#include <string>
#include <vector>

#include "support/error.hpp"

namespace reportlint {

struct Input {
  std::string path;  // as the user will see it: given path, or given directory + relative path
  bool is_stdin = false;
};

// Expands each directory into the .txt and .md files below it (sorted; entries whose name
// starts with '.' are skipped, as are symbolic links to directories). Files named
// explicitly are taken whatever their extension. Paths that do not exist become failures.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths, std::vector<Failure>& failures);

}  // namespace reportlint
