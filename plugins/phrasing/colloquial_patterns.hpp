// Spoken register by pattern, for phrasing.colloquial: what a list of words cannot hold.
// Dictionaries mark register per sense — 《现代汉语词典》 with 〈口〉 (spoken) and 〈方〉
// (dialect), CC-CEDICT with (coll.), (dialect), (slang) — and those labels fall mostly on a
// few grammatical classes, which is what the patterns match, over the dictionary's word
// segmentation so that the same characters inside a written word stay clean:
//
//   degree      a spoken degree adverb standing alone before an adjective: 挺好, 蛮多, 超棒,
//               贼快, 巨难, 忒大, 怪好的, 特棒 (not 挺进, 超过, 巨大, 特色: one word each)
//   particle    a modal particle ending a clause: 好吧。 行啊！ 是嘛。 来啦。 (吗 and 呢 are
//               left alone: written questions use them)
//   dialect     dialect pronouns and question words: 咱, 俺, 啥, 咋, 甭, 这儿, 那儿, 哪儿
//   reduplicated an adjective doubled with 的/哒/滴 ending a clause: 满满的。 棒棒哒。
//
// Quoted speech (“…”) is the speaker's own and is left alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lexicon.hpp"
#include "reportlint/document.hpp"

namespace reportlint::phrasing {

struct ColloquialHit {
  TextRange range;          // what to change
  std::string message;      // Simplified Chinese
  std::string replacement;  // a written form, "" when none fits every context
};

// Appends the hits in `doc`, in order.
void find_colloquial(const Document& doc, const Lexicon& lexicon, std::vector<ColloquialHit>& hits);

}  // namespace reportlint::phrasing
