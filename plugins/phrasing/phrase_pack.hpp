// Phrase packs: TOML files of words and phrases a 公文 should not contain, each with what
// to write instead (configs/phrasing/*.toml for the built-in ones).
//
//   [pack]
//   rule = "misused"                    # the rule entries belong to, unless they say
//   [sources]
//   yibiao = "GF 1001-2001《第一批异形词整理表》"
//   [[entry]]
//   id = "jiezhi-mubiao"                # unique among the loaded packs; `disable` names it
//   match = "[截止]{num}月底"            # [..] marks what is reported and replaced
//   replace = ["截至"]                  # the first is the fix; more are alternatives
//   certain = true                      # the fix is applied by --fix
//   except = ["截止日期"]               # longer phrases in which the match is correct
//   not_after = ["习近平"]              # the match is correct right after these
//   not_before = ["代"]                 # the match is correct right before these (重迭代: 迭代)
//   defined_by = ["习近平新时代……思想"]  # correct once the document has written one of these
//   unless_author = ["习近平"]          # correct in a document by this author (its byline)
//   message = "…"                       # {found} and {replace} are filled in
//   source = "yibiao"                   # a key of [sources], or the source itself
//
// Slots in `match`: {num} one to sixteen characters of a number (digits, x placeholders,
// 〇一二…十百千万); {unit} none to four Chinese characters, after {num} (人, 万元, 人次);
// {text} one to twenty Chinese characters. A match starts with text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/options.hpp"

namespace reportlint::phrasing {

// One piece of a `match`: literal text or a slot.
struct Segment {
  enum class Kind : std::uint8_t { literal, number, text, unit } kind = Kind::literal;
  std::string literal;
};

struct Entry {
  std::string id;
  std::string rule;  // "misused": the entry is reported by phrasing.misused
  std::vector<Segment> pattern;  // pattern[0] is a non-empty literal
  // The reported part: bytes [mark_begin, mark_end) of the literal pattern[mark_segment];
  // mark_segment < 0 reports the whole match.
  int mark_segment = -1;
  std::size_t mark_begin = 0, mark_end = 0;
  std::string message;
  std::vector<std::string> replace;
  bool certain = false;
  std::vector<std::string> except;
  std::vector<std::string> not_after;
  std::vector<std::string> not_before;  // the match is the start of another word: 光采|购 → 采购
  // A short form is the document's own once it has given a full form (defined_by) earlier,
  // or when the document is by the person the full form names (unless_author: a line of
  // the document's head, such as 国务院总理　李克强 or 习　近　平, ends with the name).
  std::vector<std::string> defined_by;
  std::vector<std::string> unless_author;
  std::string source;
  std::string written;  // `match` as written, for messages
};

// The rules a pack entry may name, and the message each uses when the entry has none.
struct PackRule {
  std::string_view name;             // "misused"
  std::string_view default_message;  // with {found} and {replace}
};
std::span<const PackRule> pack_rules();

class PackSet {
 public:
  // Loads the packs of the `packs` option (default: every built-in pack) and of
  // `extra_packs`, less the entries named in `disable`. Problems are reported through
  // `options` with file, line and column.
  static PackSet load(OptionReader& options);

  const std::vector<Entry>& entries() const noexcept { return entries_; }

 private:
  std::vector<Entry> entries_;
};

// Parses a `match` into segments and the marked part; an error message on failure.
std::string parse_pattern(std::string_view written, Entry& entry);

}  // namespace reportlint::phrasing
