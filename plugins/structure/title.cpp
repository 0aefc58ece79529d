// structure.title-missing, structure.title-elements, structure.year-mismatch — what the
// title of a report says, and whether the rest of the file agrees with it.
//
// 条例 第九条: 标题由发文机关名称、事由和文种组成; a 总结 or 计划 names its year too.
#include <algorithm>
#include <set>
#include <string>

#include "profile.hpp"
#include "report.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::structure {
namespace {

TextRange line_range(const Document& doc, std::uint32_t line) {
  return {doc.outline().lines[line].content_begin, doc.lines()[line].end};
}

std::string year_list(const std::vector<int>& years) {
  std::string s;
  for (std::size_t i = 0; i < years.size(); ++i) s += (i ? "、" : "") + std::to_string(years[i]) + "年";
  return s;
}

// Only a configured profile requires a title: a file without one may be a part of a draft.
class TitleMissing final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    if (!profiles().selected()) return;
    for (const ReportView& v : reports) {
      if (v.title_line >= 0 || !v.has_body) continue;
      Diagnostic d = diagnostic({doc.outline().lines[v.first_content_line].content_begin,
                                 doc.outline().lines[v.first_content_line].content_begin},
                                "缺少标题（标题应写明发文单位、事由和文种）");
      d.notes.push_back({explain(v.choice), std::nullopt});
      sink.report(std::move(d));
    }
  }
};

class TitleElements final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    for (const ReportView& v : reports) {
      if (!v.choice.profile || v.title_line < 0) continue;
      const Profile& p = *v.choice.profile;
      const auto line = static_cast<std::uint32_t>(v.title_line);
      const std::vector<int> years = years_in(v.title);
      std::string missing;
      if (p.title_year && years.empty()) missing = "年份";
      // The issuing unit comes first: a title opening with its year has none.
      if (p.title_unit && !v.title.empty() && chars::is_ascii_digit(static_cast<unsigned char>(v.title[0])))
        missing += missing.empty() ? "发文单位" : "和发文单位";
      if (missing.empty()) continue;
      Diagnostic d = diagnostic(line_range(doc, line), "标题中没有" + missing + "（宜写作“单位＋年份＋事由＋文种”）");
      d.notes.push_back({explain(v.choice), std::nullopt});
      sink.report(std::move(d));
    }
  }
};

class YearMismatch final : public ReportRule {
 private:
  void check_announcement(const Document& doc, const ReportView& v, int summary, std::uint32_t title_line,
                          DiagnosticSink& sink) const;
  void check_opening(const Document& doc, const ReportView& v, int summary, std::uint32_t title_line,
                     DiagnosticSink& sink) const;

 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& analyses,
                     DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    const ReportView* compilation = nullptr;
    for (const ReportView& v : reports) {
      if (v.compilation) {
        compilation = &v;  // the reports that follow belong to it
        continue;
      }
      if (v.title_line < 0) continue;
      const auto title_line = static_cast<std::uint32_t>(v.title_line);
      const std::vector<int> years = years_in(v.title);
      if (years.empty()) continue;

      // The title against the compilation's title, and a plan against its summary.
      const int summary = years.front();
      const bool two_years = years.size() >= 2 && years.back() != summary;
      std::vector<std::string> problems;
      std::vector<Note> notes;
      if (compilation) {
        const std::vector<int> allowed = years_in(compilation->title);
        std::vector<int> stray;
        for (const int y : years)
          if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), y) == allowed.end()) stray.push_back(y);
        if (!stray.empty()) {
          problems.push_back("标题的年份" + year_list(stray) + "与汇编标题的年份（" + year_list(allowed) + "）不一致");
          const auto c = static_cast<std::uint32_t>(compilation->title_line);
          notes.push_back({"汇编标题在第" + std::to_string(c + 1) + "行", line_range(doc, c)});
        }
      }
      // A summary with a plan: the plan is for the following year.
      if (v.choice.profile && v.choice.profile->plan_year_follows && two_years && years.back() != summary + 1) {
        problems.push_back("计划的年份应为" + std::to_string(summary + 1) + "年，标题中是" + std::to_string(years.back()) + "年");
        notes.push_back({explain(v.choice), std::nullopt});
      }
      if (!problems.empty()) {
        std::string message;
        for (const std::string& p : problems) message += (message.empty() ? "" : "；") + p;
        Diagnostic d = diagnostic(line_range(doc, title_line), std::move(message));
        d.notes = std::move(notes);
        sink.report(std::move(d));
      }

      // Section headings naming a year: each part's year is the title's plus the part's
      // offset (a plan the next year, a work report's review the year before).
      const bool within_year = v.title.find("半年") != std::string_view::npos || v.title.find("季度") != std::string_view::npos;
      if (v.choice.profile) {
        const auto& specs = v.choice.profile->sections;
        for (const PartHeading& h : v.headings) {
          if (h.parts.empty()) continue;
          const std::vector<int> heading_years = years_in(h.text);
          if (heading_years.size() != 1) continue;
          const int offset = specs[static_cast<std::size_t>(h.parts.front())].year;
          if (offset != 0 && within_year) continue;  // 上半年总结及下半年打算: the plan is for this year
          const int want = summary + offset;
          if (heading_years.front() == want) continue;
          const std::uint32_t line = h.line;
          Diagnostic d = diagnostic(line_range(doc, line), "这一部分的年份" + std::to_string(heading_years.front()) +
                                                               "年与标题不符，应为" + std::to_string(want) + "年");
          d.notes.push_back({"标题在第" + std::to_string(title_line + 1) + "行", line_range(doc, title_line)});
          sink.report(std::move(d));
        }
      }

      // 现将2022年工作总结和2023年工作计划报告如下: the years of the sentence that says
      // what the report is must be years of its parts.
      if (v.choice.profile) check_announcement(doc, v, summary, title_line, sink);

      // 今年是2022年 / 今年（2022年） in a 2023 summary. A plan written in December may
      // well call the year it is written in 今年, so only summaries are checked.
      if (v.title.find("总结") == std::string_view::npos && v.title.find("述职") == std::string_view::npos) continue;
      check_opening(doc, v, summary, title_line, sink);
      const SubDocument& sub = o.documents[v.index];
      if (sub.end_line <= title_line + 1) continue;
      const std::string_view text = doc.text();
      const std::size_t body_begin = doc.lines()[title_line + 1].begin, body_end = doc.lines()[sub.end_line - 1].end;
      const auto& positions = year_positions(doc, analyses);
      constexpr std::string_view kThisYear = "今年";
      for (auto y = std::lower_bound(positions.begin(), positions.end(), body_begin);
           y != positions.end() && *y < body_end; ++y) {
        // 今年是2022年 or 今年（2022年）: the year right after 今年是 / 今年（.
        const std::size_t at = *y;
        if (at < body_begin + kThisYear.size() + 3 || text.substr(at + 4, 3) != "年") continue;
        const std::string_view link = text.substr(at - 3, 3);
        if ((link != "是" && link != "（") || text.substr(at - 3 - kThisYear.size(), kThisYear.size()) != kThisYear) continue;
        const int said = std::stoi(std::string(text.substr(at, 4)));
        if (said == summary) continue;
        const auto b = static_cast<std::uint32_t>(at - 3 - kThisYear.size());
        Diagnostic d = diagnostic({b, b + static_cast<std::uint32_t>(kThisYear.size())},
                                  "正文说今年是" + std::to_string(said) + "年，标题是" + std::to_string(summary) + "年");
        d.notes.push_back({"标题在第" + std::to_string(title_line + 1) + "行", line_range(doc, title_line)});
        sink.report(std::move(d));
      }
    }
  }
};

namespace {

constexpr std::size_t kMaxSentenceBytes = 100 * 3;  // a sentence this long is no announcement

// The years the parts of the report cover: the title's year plus each part's offset.
std::vector<int> part_years(const ReportView& v, int summary) {
  std::vector<int> years;
  for (const SectionSpec& spec : v.choice.profile->sections)
    if (std::find(years.begin(), years.end(), summary + spec.year) == years.end()) years.push_back(summary + spec.year);
  return years;
}

}  // namespace

void YearMismatch::check_announcement(const Document& doc, const ReportView& v, int summary, std::uint32_t title_line,
                                      DiagnosticSink& sink) const {
  const Outline& o = doc.outline();
  const SubDocument& sub = o.documents[v.index];
  if (!v.has_body) return;
  const std::vector<int> allowed = part_years(v, summary);
  const std::size_t body_begin = doc.lines()[v.first_content_line].begin, body_end = doc.lines()[sub.end_line - 1].end;
  const std::string_view text = doc.text().substr(0, body_end);
  constexpr std::string_view kNow = "现将", kFollows = "如下";
  for (std::size_t at = text.find(kNow, body_begin); at != std::string_view::npos; at = text.find(kNow, at + kNow.size())) {
    const std::size_t stop = text.find(kFollows, at);
    const std::size_t sentence_end = text.find("。", at);
    if (stop == std::string_view::npos || stop - at > kMaxSentenceBytes || (sentence_end != std::string_view::npos && sentence_end < stop))
      continue;
    const std::string_view sentence = text.substr(at, stop - at);
    for (const int y : years_in(sentence)) {
      if (std::find(allowed.begin(), allowed.end(), y) != allowed.end()) continue;
      const auto b = static_cast<std::uint32_t>(at);
      Diagnostic d = diagnostic({b, static_cast<std::uint32_t>(stop + kFollows.size())},
                                "这里说报告的是" + std::to_string(y) + "年，与标题的年份（" + year_list(allowed) + "）不符");
      d.notes.push_back({"标题在第" + std::to_string(title_line + 1) + "行", line_range(doc, title_line)});
      sink.report(std::move(d));
      break;
    }
  }
}

void YearMismatch::check_opening(const Document& doc, const ReportView& v, int summary, std::uint32_t title_line,
                                 DiagnosticSink& sink) const {
  // The opening sentence of a summary says the period it covers: 2023年以来，…… / 2023年，…….
  const Outline& o = doc.outline();
  const SubDocument& sub = o.documents[v.index];
  constexpr std::uint32_t kOpeningLines = 6;
  for (std::uint32_t li = v.first_content_line; li < sub.end_line && li < v.first_content_line + kOpeningLines; ++li) {
    if (o.lines[li].kind != LineKind::text) continue;
    const std::string_view line = line_content(doc, li);
    if (line.find("。") == std::string_view::npos) continue;  // a byline, a salutation, a subtitle
    const std::vector<int> years = years_in(line.substr(0, 7));
    const bool covers = years.size() == 1 && (line.substr(4).starts_with("年以来") || line.substr(4).starts_with("年，") ||
                                              line.substr(4).starts_with("年度，") || line.substr(4).starts_with("年是"));
    if (covers && years.front() != summary) {
      const std::uint32_t b = o.lines[li].content_begin;
      Diagnostic d = diagnostic({b, b + 7}, "开头说的是" + std::to_string(years.front()) + "年，标题是" +
                                                std::to_string(summary) + "年");
      d.notes.push_back({"标题在第" + std::to_string(title_line + 1) + "行", line_range(doc, title_line)});
      sink.report(std::move(d));
    }
    return;  // only the opening sentence says what the report covers
  }
}

REPORTLINT_RULE(TitleMissing, "structure.title-missing", warning, none, "指定了文档类型的文档没有标题");
REPORTLINT_RULE(TitleElements, "structure.title-elements", note, none, "标题缺少年份或发文单位");
REPORTLINT_RULE(YearMismatch, "structure.year-mismatch", warning, none, "标题年份与汇编标题、计划年份、各部分或正文不一致");

}  // namespace
}  // namespace reportlint::structure
