// The built-in packs' entries that change one character (截止目前 → 截至目前): the pairs of
// characters writers confuse, for the generator, and the cases of the leave-one-out
// measurement (bench/typo_recall).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reportlint::phrasing::tables {

struct OneCharacterEntry {
  std::string id;
  std::string rule;                      // "misused" or "variant"
  std::vector<std::uint32_t> written;    // the match, code points
  std::vector<std::uint32_t> meant;      // the first replacement applied
  std::size_t position = 0;              // the character that differs
};

// Entries of rule misused or variant whose literal match (its [..] mark applied) and first
// replacement differ in exactly one Chinese character. Throws std::runtime_error for a
// pack that does not parse.
std::vector<OneCharacterEntry> one_character_entries(const std::vector<std::string>& pack_files);

// UTF-8 → code points, and back.
std::vector<std::uint32_t> code_points(const std::string& s);
std::string to_utf8(const std::vector<std::uint32_t>& cps);

}  // namespace reportlint::phrasing::tables
