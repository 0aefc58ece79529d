// structure.year-range-inconsistent — a named plan or programme cited with different year
// ranges in one document, or a range that does not match the length its name states:
//   xx县教育高质量发展三年行动计划（2022—2024年） … 三年行动计划（2022—2025）
// (2022—2025 is four years, and the other citations say 2022—2024).
//
// A citation is a range in brackets right after a name ending in 计划/规划/方案/纲要/工程,
// or inside one (三年（2022—2024）行动计划). Two citations in one report name the same
// plan when their names share an ending of eight or more characters; the range most
// citations give is taken as right, or on a tie the one cited first. Reports of a compilation are compared
// each on their own: two units may well have plans of the same name.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "report.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::structure {
namespace {

constexpr std::string_view kPlanWords[] = {"计划", "规划", "方案", "纲要", "工程"};
constexpr std::size_t kMinNameChars = 8;  // a shorter common ending (发展规划) is too generic

struct Citation {
  std::string name;
  int from = 0, to = 0;
  TextRange range;  // the bracketed range
  std::uint32_t line = 0;
};

// Parses "（2022—2024年）" / "(2022-2024)" at text[i]; returns the end offset or 0.
std::size_t parse_range(std::string_view text, std::size_t i, std::size_t end, int& from, int& to) {
  std::size_t j = i;
  if (text.substr(j, 3) == "（") j += 3;
  else if (text[j] == '(') j += 1;
  else return 0;
  auto year = [&](int& y) {
    if (j + 4 > end) return false;
    for (std::size_t k = 0; k < 4; ++k)
      if (!chars::is_ascii_digit(static_cast<unsigned char>(text[j + k]))) return false;
    y = std::stoi(std::string(text.substr(j, 4)));
    j += 4;
    if (text.substr(j, 3) == "年") j += 3;
    return true;
  };
  if (!year(from)) return 0;
  bool dash = false;
  for (std::string_view d : {std::string_view("——"), std::string_view("—"), std::string_view("–"), std::string_view("-"),
                             std::string_view("～"), std::string_view("~"), std::string_view("至"), std::string_view("到")}) {
    if (text.substr(j, d.size()) == d) {
      j += d.size();
      dash = true;
      break;
    }
  }
  if (!dash || !year(to) || to <= from) return 0;
  if (text.substr(j, 3) == "）") return j + 3;
  if (j < end && text[j] == ')') return j + 1;
  return 0;
}

bool ends_with_plan_word(std::string_view s) {
  return std::any_of(std::begin(kPlanWords), std::end(kPlanWords), [&](std::string_view w) { return s.ends_with(w); });
}

// The name before `at`, back to the start of its phrase (《, “, a mark, or a line start).
std::string_view name_before(std::string_view text, std::size_t line_begin, std::size_t at) {
  std::size_t b = at;
  while (b > line_begin) {
    std::size_t k = b;
    const char32_t c = utf8::prev(text, k);
    if (!chars::is_han(c) && c != 'x' && c != 'X' && !chars::is_ascii_digit(c)) break;
    b = k;
  }
  return text.substr(b, at - b);
}

int stated_years(std::string_view name) {
  static constexpr struct {
    std::string_view word;
    int years;
  } kLengths[] = {{"两年", 2}, {"二年", 2}, {"三年", 3}, {"四年", 4}, {"五年", 5}, {"十年", 10}};
  for (const auto& l : kLengths)
    if (name.find(l.word) != std::string_view::npos) return l.years;
  return 0;
}

std::string han_count(int n) {
  static constexpr std::string_view kNumbers[] = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
  return n >= 0 && n <= 10 ? std::string(kNumbers[n]) : std::to_string(n);
}

// Two names cite the same plan when they end alike for at least kMinNameChars characters:
// 江城县学前教育发展规划 and 全县学前教育发展规划 share 县学前教育发展规划.
bool same_plan(std::string_view a, std::string_view b) {
  std::size_t shared = 0, chars = 0;
  while (shared < a.size() && shared < b.size() && a[a.size() - 1 - shared] == b[b.size() - 1 - shared]) {
    if (!utf8::is_continuation(static_cast<unsigned char>(a[a.size() - 1 - shared]))) ++chars;
    ++shared;
  }
  return chars >= kMinNameChars;
}

class YearRange final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }

  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const Outline& o = doc.outline();
    const std::string_view text = doc.text();
    std::vector<Citation> citations;
    for (const std::uint32_t year : year_positions(doc, analyses)) {
      // A range opens with a bracket right before its first year.
      std::size_t at;
      if (year >= 3 && text.substr(year - 3, 3) == "（") at = year - 3;
      else if (year >= 1 && text[year - 1] == '(') at = year - 1;
      else continue;
      // The line holding it: the last line starting at or before it.
      const auto& lines = doc.lines();
      const auto it = std::upper_bound(lines.begin(), lines.end(), at,
                                       [](std::size_t offset, const Line& l) { return offset < l.begin; });
      const auto li = static_cast<std::uint32_t>(it - lines.begin() - 1);
      if (o.lines[li].kind == LineKind::blank || o.lines[li].kind == LineKind::code || at < o.lines[li].content_begin)
        continue;
      const Line& line = lines[li];
      Citation c;
      const std::size_t end = parse_range(text, at, line.end, c.from, c.to);
      if (!end) continue;
      std::string_view left = name_before(text, line.begin, at);
      if (ends_with_plan_word(left)) {
        c.name = std::string(left);
      } else {
        // 三年（2022—2024）行动计划: the name goes on after the bracket.
        std::size_t cut = std::string_view::npos;
        for (std::string_view w : kPlanWords)
          if (auto p = text.substr(end, std::min<std::size_t>(line.end - end, 6 * 3)).find(w); p != std::string_view::npos)
            cut = std::min(cut, p + w.size());
        if (cut == std::string_view::npos || left.empty()) continue;
        c.name = std::string(left) + std::string(text.substr(end, cut));
      }
      c.range = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
      c.line = li;
      citations.push_back(std::move(c));
    }
    // Citations are in line order, so those of one report are contiguous.
    std::size_t report_begin = 0;
    for (std::size_t i = 0; i < citations.size(); ++i) {
      const Citation& c = citations[i];
      const std::uint32_t report = o.lines[c.line].document;
      if (o.lines[citations[report_begin].line].document != report) report_begin = i;
      std::size_t report_end = i;
      while (report_end < citations.size() && o.lines[citations[report_end].line].document == report) ++report_end;
      // The range most citations of this plan give.
      std::map<std::pair<int, int>, std::vector<std::size_t>> ranges;
      for (std::size_t j = report_begin; j < report_end; ++j)
        if (same_plan(c.name, citations[j].name)) ranges[{citations[j].from, citations[j].to}].push_back(j);
      auto best = ranges.begin();
      for (auto it = ranges.begin(); it != ranges.end(); ++it)
        if (it->second.size() > best->second.size() ||
            (it->second.size() == best->second.size() && it->second.front() < best->second.front()))
          best = it;
      std::string message;
      std::optional<Note> note;
      const int stated = stated_years(c.name);
      const int span = c.to - c.from + 1;
      if (stated && span != stated)
        message = std::to_string(c.from) + "—" + std::to_string(c.to) + "年是" + std::to_string(span) + "年，与名称中的“" +
                  han_count(stated) + "年”不符";
      if (ranges.size() > 1 && best->first != std::make_pair(c.from, c.to)) {
        const Citation& other = citations[best->second.front()];
        if (!message.empty()) message += "；";
        message += "同一计划在第" + std::to_string(other.line + 1) + "行等处写作" + std::to_string(other.from) + "—" +
                   std::to_string(other.to) + "年";
        note = Note{"另一处写法在第" + std::to_string(other.line + 1) + "行", other.range};
      }
      if (message.empty()) continue;
      Diagnostic d = diagnostic(c.range, "“" + c.name + "”的年份范围不一致：" + message);
      if (note) d.notes.push_back(*note);
      sink.report(std::move(d));
    }
  }
};

REPORTLINT_RULE(YearRange, "structure.year-range-inconsistent", warning, none,
                "同一计划前后写的起止年份不同，或年数与名称不符");

}  // namespace
}  // namespace reportlint::structure
