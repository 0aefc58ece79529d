// phrasing.duplicate-word — a word of two or three characters typed twice in a row:
// 社区社区工作者, 工作人员人员. Reduplication is Chinese grammar, not a typo, and stays
// clean: single characters (常常, 村村, 人人), numbers and measure words (一步一步, 一个一个),
// verbs tried out (研究研究, 讨论讨论), vivid adjectives (雪白雪白) and sound words (哗啦哗啦).
//
// Nor is a doubled pair that is really the seam of two words: 产业创业创新 reads 产业|创业|
// 创新, not 业创 twice. The document itself tells the readings apart: where the pair read
// the other way round (创业) occurs elsewhere in it more often than the doubled pair (业创),
// the words are the other way round and nothing is reported; 社区社区工作者 stays a finding,
// since 社区 is everywhere and 区社 nowhere.
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::phrasing {
namespace {

// First characters of words whose repetition is a counted series: 一步一步, 每年每年.
constexpr CharSet kCountingStarts(U"一二三四五六七八九十两几每各个");

// Two-character words that are reduplicated on purpose (ABAB).
constexpr std::string_view kReduplicable[] = {
    "研究", "讨论", "商量", "考虑", "学习", "休息", "打听", "整理", "锻炼", "了解", "检查", "分析", "琢磨",
    "活动", "交流", "沟通", "调查", "比较", "清理", "打扫", "收拾", "准备", "介绍", "练习", "思考", "体验",
    "尝试", "放松", "熟悉", "关心", "帮助", "照顾", "看看", "走走", "聊聊", "雪白", "通红", "笔直", "冰凉",
    "火热", "碧绿", "漆黑", "滚烫", "金黄", "湛蓝", "乌黑", "雪亮", "透亮", "哗啦", "叮咚", "扑通", "嘀嗒",
    "轰隆", "咕噜", "哗哗", "嘻嘻", "哈哈", "呵呵", "咚咚", "滴答", "叽喳", "啪嗒", "扑哧", "高兴", "热闹",
    "暖和", "凉快", "舒服", "明白", "商议", "议论", "合计", "掂量", "溜达", "比划", "打量", "意思"};

bool reduplicable(std::string_view word) {
  for (std::string_view w : kReduplicable)
    if (w == word) return true;
  return false;
}

class DuplicateWord final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    const Outline& o = doc.outline();
    std::vector<TextRange> doubled;  // each: the word and its copy
    for (std::uint32_t li = 0; li < o.lines.size(); ++li) {
      const LineKind kind = o.lines[li].kind;
      if (kind == LineKind::blank || kind == LineKind::code) continue;
      const std::size_t end = doc.lines()[li].end;
      // Chinese characters are three bytes: a doubled word of n characters is 3n bytes
      // followed by the same 3n bytes. Eight-byte loads compare them without a call.
      for (std::size_t i = o.lines[li].content_begin; i < end;) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t step = utf8::sequence_length(lead);
        std::size_t length = 0;
        if (lead >= 0xE0 && lead < 0xF0) {
          // The last byte of the first character rejects almost every position.
          if (i + 18 <= end && text[i + 2] == text[i + 11] && same_bytes(text, i, i + 9, 9) && word_typed_twice(text, i, 3))
            length = 9;
          else if (i + 12 <= end && text[i + 2] == text[i + 8] && same_bytes(text, i, i + 6, 6) && word_typed_twice(text, i, 2))
            length = 6;
        }
        const TextRange both{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 2 * length)};
        if (!length || doc.is_verbatim(both)) {
          i += step;
          continue;
        }
        doubled.push_back(both);
        i += 2 * length;
      }
    }
    if (doubled.empty()) return;

    const PairCounts pairs = count_pairs(doc, doubled);
    for (const TextRange both : doubled) {
      const std::uint32_t length = both.size() / 2;
      if (length == 6 && seam_of_two_words(text, both.begin, pairs)) continue;
      const std::string_view word = text.substr(both.begin, length);
      const TextRange second{both.begin + length, both.end};
      Diagnostic d = diagnostic(second, "“" + std::string(word) + "”重复了一次");
      d.fix = Fix{{Edit{second, ""}}, Applicability::unsafe, "删去重复的“" + std::string(word) + "”"};
      sink.report(std::move(d));
    }
  }

 private:
  // How often pairs of adjacent Chinese characters occur in the document's prose: only the
  // pairs AB and BA of each doubled two-character word ABAB, so memory follows the
  // findings, not the document.
  using PairCounts = std::unordered_map<std::uint64_t, std::uint32_t>;
  static std::uint64_t pair_key(char32_t a, char32_t b) { return static_cast<std::uint64_t>(a) << 21 | b; }

  static PairCounts count_pairs(const Document& doc, const std::vector<TextRange>& doubled) {
    PairCounts counts;
    for (const TextRange both : doubled) {
      if (both.size() != 12) continue;
      std::size_t i = both.begin;
      const char32_t a = utf8::next(doc.text(), i), b = utf8::next(doc.text(), i);
      counts.emplace(pair_key(a, b), 0);
      counts.emplace(pair_key(b, a), 0);
    }
    if (counts.empty()) return counts;
    for_each_prose_line(doc, [&](std::uint32_t, std::uint32_t begin, std::uint32_t end) {
      const std::string_view line = doc.text().substr(begin, end - begin);
      char32_t previous = 0;
      for (std::size_t i = 0; i < line.size();) {
        const char32_t c = utf8::next(line, i);
        if (!chars::is_han(c)) {
          previous = 0;
          continue;
        }
        if (previous)
          if (const auto it = counts.find(pair_key(previous, c)); it != counts.end()) ++it->second;
        previous = c;
      }
    });
    return counts;
  }

  // ABAB at `at` is the seam of two words (…A|BA|B…) when BA occurs elsewhere in the
  // document more often than AB: this ABAB holds AB twice and BA once.
  static bool seam_of_two_words(std::string_view text, std::size_t at, const PairCounts& pairs) {
    std::size_t i = at;
    const char32_t a = utf8::next(text, i), b = utf8::next(text, i);
    auto count = [&](char32_t x, char32_t y) {
      const auto it = pairs.find(pair_key(x, y));
      return it == pairs.end() ? 0u : it->second;
    };
    const std::uint32_t ab = count(a, b), ba = count(b, a);
    return ba - std::min(ba, 1u) > ab - std::min(ab, 2u);
  }

  // text[a, a + n) == text[b, b + n) for n ≤ 16.
  static bool same_bytes(std::string_view text, std::size_t a, std::size_t b, std::size_t n) {
    if (b + 16 > text.size()) return text.compare(a, n, text, b, n) == 0;
    std::uint64_t x[2], y[2];
    std::memcpy(x, text.data() + a, 16);
    std::memcpy(y, text.data() + b, 16);
    const std::uint64_t low = n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
    const std::uint64_t high = n <= 8 ? 0 : n >= 16 ? ~0ull : (1ull << (8 * (n - 8))) - 1;
    return ((x[0] ^ y[0]) & low) == 0 && ((x[1] ^ y[1]) & high) == 0;
  }

  // text[i, i + 3n) — n characters — is a word repeated by mistake.
  static bool word_typed_twice(std::string_view text, std::size_t i, std::size_t n) {
    char32_t first = 0;
    for (std::size_t k = 0, j = i; k < n; ++k) {
      const char32_t c = utf8::next(text, j);
      if (!chars::is_han(c) || j - i != 3 * (k + 1)) return false;
      if (k == 0) first = c;
      else if (c == first && n == 2) return false;  // 常常常常, 哈哈哈哈
    }
    if (kCountingStarts.contains(first)) return false;
    return !(n == 2 && reduplicable(text.substr(i, 6)));
  }
};

REPORTLINT_RULE(DuplicateWord, "phrasing.duplicate-word", warning, sometimes, "词语重复（社区社区工作者）");

}  // namespace
}  // namespace reportlint::phrasing
