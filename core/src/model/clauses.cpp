#include "model/clauses.hpp"

#include "reportlint/char_set.hpp"
#include "reportlint/text.hpp"

namespace reportlint {
namespace {

constexpr CharSet kClauseBreaks(U"。；：！？，;:!?, \t\u3000\u00A0");

}  // namespace

void scan_clauses(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t line,
                  std::vector<Clause>& clauses) {
  auto close_clause = [&](std::size_t start, std::size_t stop) {
    if (stop > start) clauses.push_back({{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(stop)}, line});
  };
  std::size_t clause_start = begin;
  for (std::size_t i = begin; (i = kClauseBreaks.find(text, i, end)) < end;) {
    close_clause(clause_start, i);
    i += utf8::sequence_length(static_cast<unsigned char>(text[i]));
    clause_start = i;
  }
  close_clause(clause_start, end);
}

}  // namespace reportlint
