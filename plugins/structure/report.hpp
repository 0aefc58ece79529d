// A report of a file as the structure rules see it: its title, the profile it is checked
// against, and which top-level headings are which parts of that profile.
//
// The outline splits a compilation (汇编) into reports at their title lines; each report
// is checked on its own. A report whose title names a compilation is not checked itself:
// its years are what the reports in it must agree with.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "profile.hpp"
#include "reportlint/document.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::structure {

// A line that opens a part of the report: a top-level heading (一、存在问题, or a topic
// heading such as 一、党建引领全面加强, which names no part), or an unnumbered line that
// is only a part's name (存在问题：).
struct PartHeading {
  std::uint32_t line = 0;
  std::string_view text;   // after the numbering token, trimmed
  std::vector<int> parts;  // the profile sections it names (一、存在问题及下一步打算 names two), in
                           // profile order; empty for a topic heading
};

struct ReportView {
  std::uint32_t index = 0;        // into Outline::documents
  std::int32_t title_line = -1;
  std::string_view title;         // content of the title line, empty without one
  bool compilation = false;       // the title names a 汇编
  Choice choice;                  // profile nullptr: only the checks for every document
  std::vector<PartHeading> headings;  // in line order; only with a profile
  std::uint32_t first_content_line = 0;  // first non-blank line after the title
  std::uint32_t last_content_line = 0;   // last non-blank line of the report
  bool has_body = false;
};

std::vector<ReportView> report_views(const Document& doc, const ProfileSet& profiles);

// The profile sections a top-level heading names, in profile order: a section is named
// when the heading's phrase, or a piece of it between joiners (及, 和, 、…), starts or ends
// with one of its phrases. Topic headings (一、党建引领全面加强) name none.
std::vector<int> parts_named(const Profile& profile, std::string_view heading);

// Four-digit years written as years (2023年, 2023年度) in `text`, in order.
std::vector<int> years_in(std::string_view text);

// A line's content: without indentation and trailing spaces.
std::string_view line_content(const Document& doc, std::uint32_t line);

// The heading text of a section (after its numbering token), trimmed.
std::string_view heading_text(const Document& doc, std::uint32_t section);
std::string_view line_heading_text(const Document& doc, std::uint32_t line);

// Offsets of the numbers that may be years: four ASCII digits starting with 1 or 2, not
// inside a longer number. Worked out once per document for the rules that look for
// years next to words (今年是2023年, 行动计划（2022—2024年）): memchr finds the rare
// digits far faster than a walk over every byte of Chinese text.
const std::vector<std::uint32_t>& year_positions(const Document& doc, DocumentAnalyses& analyses);

// The last non-blank line in [first, last] (inclusive), or `first`.
std::uint32_t last_nonblank(const Outline& o, std::uint32_t first, std::uint32_t last);

// A rule that reads the reports of a document: the profiles are loaded once per
// configuration, the reports worked out once per document for all such rules.
class ReportRule : public Rule {
 public:
  void configure(OptionReader& options) override;
  void check(const Document& doc, DiagnosticSink& sink) const final;
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const final;

 protected:
  virtual void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& analyses,
                             DiagnosticSink& sink) const = 0;
  const ProfileSet& profiles() const { return *profiles_; }

 private:
  std::shared_ptr<const ProfileSet> profiles_;
};

}  // namespace reportlint::structure
