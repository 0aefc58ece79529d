// structure.duplicate-content — a whole sentence of 20 or more characters that appears
// again in the same report: a highlights section copied from the summary, a paragraph
// pasted twice.
//
// Text is compared clause by clause (the outline's clauses: they end at ，。；！？：, spaces
// and line ends), so a passage is a run of whole clauses. It counts when, in both copies,
// it holds a whole sentence — from a sentence start (a paragraph start or 。！？；) to its
// own final mark — of at least `min_chars` characters, and it is not made only of stock
// phrases. Official texts repeat set formulations on purpose (高举……伟大旗帜, 完整、准确、
// 全面贯彻新发展理念, the 三个代表 wording, a report's title in its closing words), but
// always inside sentences of their own: a clause-level copy is style, a sentence-level
// copy is a paste. Stock phrases (以习近平新时代中国特色社会主义思想为指导…) and the
// `stock_phrases` option cover the sentences drafts repeat whole. Reports of a
// compilation are not compared with each other.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "reportlint/plugin.hpp"

namespace reportlint::structure {

REPORTLINT_OPTION_RANGE(min_chars, "20", "重复的完整句子的最少字数", 8, 1000);
REPORTLINT_OPTION(stock_phrases, strings, "[]", "追加的套话：只由套话组成的句子不视为重复");
namespace {

constexpr std::string_view kStockPhrases[] = {
    "以习近平新时代中国特色社会主义思想为指导", "全面贯彻落实党的二十大精神", "深入学习贯彻党的二十大精神",
    "切实保障人民群众生命财产安全", "坚持稳中求进工作总基调", "在市委、市政府的坚强领导下",
    "在县委、县政府的坚强领导下", "在区委、区政府的坚强领导下", "不断增强人民群众获得感、幸福感、安全感",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”", "深刻领悟“两个确立”的决定性意义"};

struct Run {
  TextRange range;
  std::uint32_t line;
  TextRange source;
  std::uint32_t source_line;
};

constexpr std::size_t kMinStartChars = 4;    // a run starts at a clause of at least this many characters
constexpr std::size_t kMaxCopiesTried = 64;  // the nearest earlier copies of a clause compared, so time stays linear
constexpr std::uint32_t kNone = ~0u;
constexpr std::size_t kMaxProbes = 64;  // slots of the clause table tried before giving up

// A hash of the clause's length and of eight bytes at its start, middle and end: cheap,
// and clauses that agree on all of these but differ are rare (the table compares the
// text anyway, and bounds its probing so that even those cannot make it slow).
std::size_t clause_hash(std::string_view text) {
  std::uint64_t head = 0, middle = 0, tail = 0;
  if (text.size() >= 8) {  // fixed-size copies compile to single loads
    std::memcpy(&head, text.data(), 8);
    std::memcpy(&middle, text.data() + (text.size() - 8) / 2, 8);
    std::memcpy(&tail, text.data() + text.size() - 8, 8);
  } else {
    for (const char c : text) head = head << 8 | static_cast<unsigned char>(c);
  }
  std::uint64_t h = (head * 0x9E3779B97F4A7C15ULL) ^ (middle * 0xC2B2AE3D27D4EB4FULL) ^
                    ((tail + text.size()) * 0xBF58476D1CE4E5B9ULL);
  h ^= h >> 31;
  return static_cast<std::size_t>(h);
}

constexpr bool is_sentence_end(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '!' || c == '?' || c == ';';
}

// The clauses of one report, [first, first + count) of the outline's, as the rule sees them.
class ReportClauses {
 public:
  ReportClauses(const Document& doc, std::size_t first, std::size_t count)
      : doc_(doc), clauses_(doc.outline().clauses), first_(first), count_(count) {}

  std::size_t size() const { return count_; }
  const Clause* data() const { return clauses_.data() + first_; }
  std::string_view text(std::size_t i) const { return doc_.slice(clauses_[first_ + i].range); }
  TextRange range(std::size_t i) const { return clauses_[first_ + i].range; }
  std::uint32_t line(std::size_t i) const { return clauses_[first_ + i].line; }
  // The clause opens a sentence: it starts its paragraph's text or follows 。！？；.
  bool starts_sentence(std::size_t i) const {
    const TextRange r = range(i);
    const std::uint32_t line_begin = doc_.lines()[line(i)].begin;
    if (r.begin <= line_begin) return true;
    std::size_t at = r.begin;
    char32_t c = 0;
    do {
      c = utf8::prev(doc_.text(), at);
    } while (at > line_begin && chars::is_space(c));
    return chars::is_space(c) || is_sentence_end(c);
  }
  // The clause is followed by its sentence's final mark.
  bool ends_sentence(std::size_t i) const {
    const TextRange r = range(i);
    return r.end < doc_.lines()[line(i)].end && is_sentence_end(utf8::at(doc_.text(), r.end));
  }
  // Runs do not cross paragraphs: a heading is not its body, nor one paragraph the next.
  bool same_paragraph(std::size_t a, std::size_t b) const {
    const std::uint32_t la = line(a), lb = line(b);
    if (la == lb) return true;
    const auto& paragraphs = doc_.outline().paragraphs;
    const auto it = std::lower_bound(paragraphs.begin(), paragraphs.end(), la,
                                     [](const Paragraph& p, std::uint32_t l) { return p.last_line < l; });
    return it != paragraphs.end() && it->first_line <= la && lb <= it->last_line;
  }

 private:
  const Document& doc_;
  const std::vector<Clause>& clauses_;
  std::size_t first_, count_;
};

// The clauses of a report with at least kMinStartChars characters, by text: for each,
// the latest clause seen with the same text. Open addressing, reused across reports.
class ClauseIndex {
 public:
  void reset(std::size_t clauses) {
    std::size_t capacity = 16;
    while (capacity < clauses * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
  }
  // Records clause `index` and returns the previous clause with the same text, or kNone
  // (also when kMaxProbes slots did not settle it, which only crafted text can cause).
  std::uint32_t insert(const ReportClauses& clauses, std::uint32_t index, std::string_view text) {
    const std::size_t hash = clause_hash(text);
    std::size_t at = hash & mask_;
    for (std::size_t probes = 0; probes < kMaxProbes; ++probes, at = (at + 1) & mask_) {
      Slot& slot = slots_[at];
      if (slot.index == kNone) {
        slot = {hash, index};
        return kNone;
      }
      if (slot.hash == hash && clauses.text(slot.index) == text) {
        const std::uint32_t previous = slot.index;
        slot.index = index;
        return previous;
      }
    }
    return kNone;
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t index = kNone;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

class DuplicateContent final : public Rule {
 public:
  void configure(OptionReader& options) override {
    min_chars_ = static_cast<std::size_t>(options.get_int("min_chars", 20, 8, 1000));
    for (std::string_view p : kStockPhrases) stock_.emplace_back(p);
    for (auto& item : options.get_strings("stock_phrases")) stock_.push_back(std::move(item.value));
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    std::vector<std::uint32_t> previous;  // the clause before it with the same text, or kNone
    ClauseIndex index;
    std::vector<Run> runs;
    auto first = o.clauses.begin();
    for (const SubDocument& report : o.documents) {
      // The outline's clauses are in line order: those of this report follow the last one's.
      while (first != o.clauses.end() && first->line < report.begin_line) ++first;
      auto last = first;
      while (last != o.clauses.end() && last->line < report.end_line) ++last;
      const ReportClauses clauses(doc, static_cast<std::size_t>(first - o.clauses.begin()),
                                  static_cast<std::size_t>(last - first));
      first = last;
      previous.assign(clauses.size(), kNone);
      index.reset(clauses.size());
      runs.clear();
      std::size_t covered_until = 0;
      const Clause* clause = clauses.data();
      const char* base = doc.text().data();
      for (std::size_t i = 0, n = clauses.size(); i < n; ++i) {
        const std::string_view text(base + clause[i].range.begin, clause[i].range.size());
        if (!long_enough(text)) continue;
        previous[i] = index.insert(clauses, static_cast<std::uint32_t>(i), text);
        if (i < covered_until || previous[i] == kNone) continue;
        // The longest run of equal clauses starting here and at an earlier copy.
        std::size_t best_len = 0, best_from = 0, tried = 0;
        for (std::uint32_t j = previous[i]; j != kNone && tried < kMaxCopiesTried; j = previous[j], ++tried) {
          const std::size_t k = run_length(clauses, j, i);
          if (k > best_len && !all_stock(clauses, i, k)) {
            best_len = k;
            best_from = j;
          }
        }
        if (!best_len) continue;
        const Run run{{clauses.range(i).begin, clauses.range(i + best_len - 1).end}, clauses.line(i),
                      {clauses.range(best_from).begin, clauses.range(best_from + best_len - 1).end},
                      clauses.line(best_from)};
        // Several passages of one line copied from one line are one copy.
        if (!runs.empty() && runs.back().line == run.line && runs.back().source_line == run.source_line) {
          runs.back().range.end = run.range.end;
          runs.back().source.end = std::max(runs.back().source.end, run.source.end);
        } else {
          runs.push_back(run);
        }
        covered_until = i + best_len;
      }
      for (const Run& run : runs) {
        Diagnostic d = diagnostic(run.range, run.line == run.source_line
                                                 ? std::string("这段文字在本行前面已经出现过")
                                                 : "这段文字与第" + std::to_string(run.source_line + 1) + "行的内容重复");
        d.notes.push_back({"前面的内容在第" + std::to_string(run.source_line + 1) + "行", run.source});
        sink.report(std::move(d));
      }
    }
  }

 private:
  static bool long_enough(std::string_view text) {
    // Characters take one to four bytes: count only when the length leaves a doubt.
    if (text.size() < kMinStartChars) return false;
    if (text.size() >= kMinStartChars * 4) return true;
    return utf8::count_code_points(text) >= kMinStartChars;
  }

  // How many clauses from j and from i (j < i) are equal, within one paragraph each; 0
  // when they hold no whole sentence of min_chars characters in both copies.
  std::size_t run_length(const ReportClauses& clauses, std::size_t j, std::size_t i) const {
    std::size_t k = 0, chars = 0, sentence_from = 0;
    bool in_sentence = false, whole = false;
    while (i + k < clauses.size() && j + k < i && clauses.text(i + k) == clauses.text(j + k) &&
           (k == 0 || (clauses.same_paragraph(i, i + k) && clauses.same_paragraph(j, j + k)))) {
      // The earliest sentence start in both copies, so the longest whole sentence counts.
      if (!in_sentence && clauses.starts_sentence(i + k) && clauses.starts_sentence(j + k)) {
        in_sentence = true;
        sentence_from = chars;
      }
      chars += utf8::count_code_points(clauses.text(i + k));
      if (in_sentence && clauses.ends_sentence(i + k) && clauses.ends_sentence(j + k) &&
          chars - sentence_from >= min_chars_)
        whole = true;
      ++k;
    }
    return whole ? k : 0;
  }

  // Every clause of the run is part of a stock phrase. Asked only of repeated runs, so
  // the phrase list is not searched for every clause.
  bool all_stock(const ReportClauses& clauses, std::size_t from, std::size_t n) const {
    for (std::size_t k = 0; k < n; ++k) {
      const std::string_view t = clauses.text(from + k);
      if (std::none_of(stock_.begin(), stock_.end(), [&](const std::string& p) { return p.find(t) != std::string::npos; }))
        return false;
    }
    return true;
  }

  std::size_t min_chars_ = 20;
  std::vector<std::string> stock_;
};

REPORTLINT_RULE(DuplicateContent, "structure.duplicate-content", warning, none, "同一篇报告中整句重复出现（复制粘贴留下的）");

}  // namespace
}  // namespace reportlint::structure
