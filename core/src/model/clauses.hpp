// The clauses of running text, the one split of lines every prose checker reads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "reportlint/outline.hpp"

namespace reportlint {

// Appends the clauses of text[begin, end), the content of line `line`: the runs between
// clause breaks (。；：！？， and spaces), empty runs left out.
void scan_clauses(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t line,
                  std::vector<Clause>& clauses);

}  // namespace reportlint
