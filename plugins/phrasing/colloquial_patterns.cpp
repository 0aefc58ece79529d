#include "colloquial_patterns.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "reportlint/text.hpp"
#include "segmenter.hpp"

namespace reportlint::phrasing {
namespace {

// Not 特: 专精特新, 特困 are written usage.
constexpr std::array<std::string_view, 7> kDegree = {"挺", "蛮", "超", "贼", "巨", "忒", "怪"};
constexpr std::array<std::string_view, 10> kParticles = {"吧", "啊", "呀", "嘛", "啦", "哦", "呗", "嘞", "咯", "哈"};
constexpr std::array<std::string_view, 12> kDialect = {"咱", "咱们", "俺", "俺们", "啥", "啥子", "咋", "咋样",
                                                      "甭", "这儿", "那儿", "哪儿"};
// Dialect characters that also start words of the dictionary (啥事, 咋回事): reported alone.
constexpr std::array<std::string_view, 5> kDialectStarts = {"咱", "俺", "啥", "咋", "甭"};
// Words of spoken praise the dictionary does not tag as adjectives (棒 is a stick to it).
constexpr std::array<std::string_view, 5> kSpokenAdjectives = {"棒", "酷", "爽", "牛", "赞"};

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool clause_end(std::string_view after) {
  return after.empty() || after.starts_with("。") || after.starts_with("！") || after.starts_with("？") ||
         after.starts_with("，") || after.starts_with("；") || after.starts_with("…") || after.starts_with("\n");
}

// Whether the character `c`, ending at byte `after` of `part`, may start a pattern, judged
// cheaply so that only pieces holding one are segmented: 的 comes in nearly every line, and
// segmentation is the cost of this rule.
bool trigger(std::string_view part, std::size_t after, char32_t c, char32_t before1, char32_t before2) {
  static constexpr std::u32string_view kAlways = U"挺蛮超贼巨忒怪咱俺啥咋甭";
  static constexpr std::u32string_view kParticles = U"吧啊呀嘛啦哦呗嘞咯哈";
  if (kAlways.find(c) != std::u32string_view::npos) return true;
  if (kParticles.find(c) != std::u32string_view::npos) return clause_end(part.substr(after));
  if (c == U'儿') return before1 == U'这' || before1 == U'那' || before1 == U'哪';
  if (c == U'的' || c == U'哒' || c == U'滴') return before1 != 0 && before1 == before2;
  return false;
}

// Clause punctuation: words never span it, so a line's segmentation is the segmentations of
// its pieces between these.
bool clause_mark(char32_t c) {
  static constexpr std::u32string_view kMarks = U"，。；！？、：…";
  return kMarks.find(c) != std::u32string_view::npos;
}

// An adjective doubled with 的, 哒 or 滴 (满满的, 棒棒哒), as one token or two: its length in
// bytes from the token's start, or 0.
std::size_t reduplicated(std::string_view word, std::string_view next) {
  auto doubled = [](std::string_view w) {
    return utf8::count_code_points(w) == 2 && w.substr(0, w.size() / 2) == w.substr(w.size() / 2);
  };
  auto suffix = [](std::string_view w) { return w == "的" || w == "哒" || w == "滴"; };
  if (doubled(word) && suffix(next)) return word.size() + next.size();
  for (std::string_view s : {"的", "哒", "滴"})
    if (word.ends_with(s) && doubled(word.substr(0, word.size() - s.size()))) return word.size();
  return 0;
}


}  // namespace

void find_colloquial(const Document& doc, const Lexicon& lexicon, std::vector<ColloquialHit>& hits) {
  const Segmenter segmenter(lexicon);
  const std::string_view text = doc.text();
  std::vector<Token> tokens;
  for (std::size_t li = 0; li < doc.lines().size(); ++li) {
    const LineKind kind = doc.outline().lines[li].kind;
    if (kind == LineKind::blank || kind == LineKind::code) continue;
    const Line& line = doc.lines()[li];
    const std::string_view content = text.substr(line.begin, line.end - line.begin);
    // Runs of the line between quotation marks are left alone: split there.
    std::size_t start = 0;
    int quoted = 0;
    auto scan_piece = [&](std::string_view part, std::size_t piece_begin, std::size_t piece_end, std::uint32_t base) {
      const std::string_view piece = part.substr(piece_begin, piece_end - piece_begin);
      segmenter.segment(piece, tokens);
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view word = piece.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
        const std::string_view next = k + 1 < tokens.size() ? piece.substr(tokens[k + 1].begin, tokens[k + 1].end - tokens[k + 1].begin) : "";
        const std::size_t end_in_part = piece_begin + tokens[k].end;
        const std::string_view after = part.substr(end_in_part);
        const TextRange range{static_cast<std::uint32_t>(base + piece_begin + tokens[k].begin), static_cast<std::uint32_t>(base + end_in_part)};
        if (one_of(word, kDegree) && !next.empty()) {
          const auto* adjective = lexicon.find(next);
          if ((adjective && adjective->freq && adjective->pos == tables::pos_adjective) || one_of(next, kSpokenAdjectives))
            hits.push_back({range, "“" + std::string(word) + std::string(next) + "”是口语说法，公文中宜用“很”“十分”“较为”等", "很"});
        } else if (one_of(word, kParticles) && k > 0 && clause_end(after)) {
          hits.push_back({range, "句末语气词“" + std::string(word) + "”是口语，公文中宜删去", ""});
        } else if (one_of(word, kDialect)) {
          hits.push_back({range, "“" + std::string(word) + "”是方言口语，公文中宜改用书面语", ""});
        } else if (word.size() > 3 && one_of(word.substr(0, 3), kDialectStarts)) {
          hits.push_back({{range.begin, range.begin + 3}, "“" + std::string(word.substr(0, 3)) + "”是方言口语，公文中宜改用书面语", ""});
        } else if (const std::size_t doubled = reduplicated(word, next); doubled && clause_end(part.substr(piece_begin + tokens[k].begin + doubled))) {
          hits.push_back({{range.begin, range.begin + static_cast<std::uint32_t>(doubled)},
                          "“" + std::string(piece.substr(tokens[k].begin, doubled)) + "”是口语叠词，公文中宜改用书面说法", ""});
        }
      }
    };
    // Splits the unquoted run [begin, end) of the line at clause punctuation and scans each
    // piece that holds a trigger.
    auto scan = [&](std::size_t begin, std::size_t end) {
      const std::string_view part = content.substr(begin, end - begin);
      const auto base = static_cast<std::uint32_t>(line.begin + begin);
      std::size_t piece_begin = 0;
      bool triggered = false;
      char32_t before1 = 0, before2 = 0;
      for (std::size_t i = 0; i <= part.size();) {
        const std::size_t at = i;
        const char32_t c = i < part.size() ? utf8::next(part, i) : U'。';
        if (i == at) ++i;  // the end
        if (clause_mark(c)) {
          if (triggered) scan_piece(part, piece_begin, at, base);
          piece_begin = std::min(i, part.size());
          triggered = false;
          before1 = before2 = 0;
          continue;
        }
        if (!triggered) triggered = trigger(part, i, c, before1, before2);
        before2 = before1;
        before1 = c;
      }
    };
    for (std::size_t i = 0; i < content.size();) {
      const std::size_t at = i;
      const char32_t c = utf8::next(content, i);
      if (c == U'“' || c == U'「') {
        if (quoted++ == 0) scan(start, at);
      } else if ((c == U'”' || c == U'」') && quoted > 0) {
        if (--quoted == 0) start = i;
      }
    }
    if (quoted == 0) scan(start, content.size());
  }
}

}  // namespace reportlint::phrasing
