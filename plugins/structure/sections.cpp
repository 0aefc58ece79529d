// structure.missing-section, structure.section-order, structure.repeated-section,
// structure.empty-section — the parts of a report against its profile.
//
// A part is present when a top-level heading of the report contains one of its phrases;
// a part marked `implicit` (the achievements of a 总结) is also present when topic
// headings stand where it belongs, and a part marked `takes_topics` (the tasks of a
// 政府工作报告) when topic headings follow an earlier part. Otherwise topic headings extend
// the part before them, so a part that is missing belongs at the end of the region of the
// part that precedes it.
#include <algorithm>
#include <string>

#include "profile.hpp"
#include "report.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::structure {
namespace {

// The first spec each top heading names (-1 for a topic heading).
int first_part(const ReportView& v, std::size_t i) { return v.headings[i].parts.empty() ? -1 : v.headings[i].parts.front(); }

TextRange line_range(const Document& doc, std::uint32_t line) {
  return {doc.outline().lines[line].content_begin, doc.lines()[line].end};
}

std::string accepted_headings(const SectionSpec& spec) {
  std::string list;
  const std::size_t shown = std::min<std::size_t>(spec.headings.size(), 6);
  for (std::size_t i = 0; i < shown; ++i) list += (i ? "、" : "") + spec.headings[i];
  if (spec.headings.size() > shown) list += "等";
  return list;
}

// Empty ranges where a missing part is to be written.
TextRange start_of(const Document& doc, std::uint32_t line) {
  const std::uint32_t b = doc.outline().lines[line].content_begin;
  return {b, b};
}
TextRange end_of(const Document& doc, std::uint32_t line) {
  const std::uint32_t e = doc.lines()[line].end;
  return {e, e};
}

// The first part after `current` that takes the topic headings following it, if it is not
// there yet.
int takes_topics_after(const std::vector<SectionSpec>& specs, const std::vector<bool>& present, int current) {
  for (std::size_t k = static_cast<std::size_t>(current) + 1; k < specs.size(); ++k)
    if (specs[k].takes_topics && !present[k]) return static_cast<int>(k);
  return -1;
}

class MissingSection final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    for (const ReportView& v : reports) {
      if (!v.choice.profile || !v.has_body) continue;
      const auto& specs = v.choice.profile->sections;
      // Where each part's region ends: the line before the next heading that names
      // another part, or the end of the report.
      std::vector<std::int32_t> region_end(specs.size(), -1);
      std::vector<bool> present(specs.size(), false);
      int current = -1;  // the part the text belongs to so far
      auto close = [&](std::uint32_t line_before) {
        if (current >= 0) region_end[current] = static_cast<std::int32_t>(line_before);
      };
      // Text before the first heading, and topic headings, belong to an implicit part.
      auto implicit_before = [&](int next_part) {
        for (std::size_t k = 0; k < specs.size(); ++k)
          if (specs[k].implicit && !present[k] && static_cast<int>(k) < (next_part < 0 ? static_cast<int>(specs.size()) : next_part))
            return static_cast<int>(k);
        return -1;
      };
      if (!v.headings.empty() && v.headings.front().line > v.first_content_line) {
        current = implicit_before(first_part(v, 0));
        if (current >= 0) present[current] = true;
      } else if (v.headings.empty()) {
        current = implicit_before(-1);
        if (current >= 0) present[current] = true;
      }
      for (std::size_t i = 0; i < v.headings.size(); ++i) {
        const std::uint32_t line = v.headings[i].line;
        const int part = first_part(v, i);
        if (part < 0) {
          if (current < 0) {
            current = implicit_before(-1);
            if (current >= 0) present[current] = true;
          } else if (const int taker = takes_topics_after(specs, present, current); taker >= 0) {
            close(line - 1);
            current = taker;
            present[taker] = true;
          }
          continue;
        }
        if (part != current) close(line - 1);
        for (const int k : v.headings[i].parts) present[k] = true;
        current = v.headings[i].parts.back();
      }
      close(v.last_content_line);

      for (std::size_t k = 0; k < specs.size(); ++k) {
        if (!specs[k].required || present[k]) continue;
        // Where it belongs: at the end of the nearest present part before it, else at
        // the start of the body.
        std::int32_t after = -1;
        for (std::size_t j = k; j-- > 0;) {
          if (present[j] && region_end[j] >= 0) {
            after = static_cast<std::int32_t>(last_nonblank(o, v.first_content_line, static_cast<std::uint32_t>(region_end[j])));
            break;
          }
        }
        const std::string what = "缺少“" + specs[k].name + "”部分（标题可用：" + accepted_headings(specs[k]) + "）";
        Diagnostic d = after >= 0
                           ? diagnostic(end_of(doc, static_cast<std::uint32_t>(after)), what + "，应补写在这一行之后")
                           : diagnostic(start_of(doc, v.first_content_line), what + "，应补写在正文开头");
        d.notes.push_back({explain(v.choice), std::nullopt});
        sink.report(std::move(d));
      }
    }
  }
};

class SectionOrder final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    for (const ReportView& v : reports) {
      if (!v.choice.profile) continue;
      const auto& specs = v.choice.profile->sections;
      int latest = -1;
      std::size_t latest_at = 0;
      std::vector<bool> seen(specs.size(), false);
      int previous = -1;
      for (std::size_t i = 0; i < v.headings.size(); ++i) {
        const int part = first_part(v, i);
        if (part < 0 || part == previous) continue;
        if (seen[part]) {  // a repeat is structure.repeated-section's
          previous = part;
          continue;
        }
        seen[part] = true;
        previous = part;
        if (part < latest) {
          const std::uint32_t line = v.headings[i].line;
          Diagnostic d = diagnostic(line_range(doc, line),
                                    "“" + specs[part].name + "”部分应放在“" + specs[latest].name + "”部分之前");
          const std::uint32_t other = v.headings[latest_at].line;
          d.notes.push_back({"“" + specs[latest].name + "”部分在第" + std::to_string(other + 1) + "行",
                             line_range(doc, other)});
          d.notes.push_back({explain(v.choice), std::nullopt});
          sink.report(std::move(d));
          continue;
        }
        latest = part;
        latest_at = i;
      }
    }
  }
};

class RepeatedSection final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    for (const ReportView& v : reports) {
      if (!v.choice.profile) continue;
      const auto& specs = v.choice.profile->sections;
      std::vector<std::int32_t> first(specs.size(), -1);
      int previous = -1;
      for (std::size_t i = 0; i < v.headings.size(); ++i) {
        const int part = first_part(v, i);
        if (part < 0 || part == previous) continue;  // consecutive headings of one part are fine
        previous = part;
        if (first[part] < 0) {
          first[part] = static_cast<std::int32_t>(i);
          continue;
        }
        const std::uint32_t line = v.headings[i].line;
        const std::uint32_t earlier = v.headings[static_cast<std::size_t>(first[part])].line;
        Diagnostic d = diagnostic(line_range(doc, line), "“" + specs[part].name + "”部分出现了两次");
        d.notes.push_back({"第一次在第" + std::to_string(earlier + 1) + "行", line_range(doc, earlier)});
        sink.report(std::move(d));
      }
    }
  }
};

// A heading with nothing under it: the next non-blank line of its report is a heading of
// the same or a higher level, or there is none. Not empty:
//   - a heading line that carries its own text (（一）加强学习。全年组织…), or ends like an
//     item of a list (1、获评先进集体；);
//   - below the top level, a run of two or more such siblings: that is a list of items
//     (1、… 2、… 3、…), not a row of unwritten sections.
class EmptySection final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    std::vector<bool> bare(o.sections.size(), false);
    for (std::uint32_t i = 0; i < o.sections.size(); ++i) bare[i] = is_bare(doc, i);
    for (std::uint32_t i = 0; i < o.sections.size(); ++i) {
      if (!bare[i]) continue;
      const Section& s = o.sections[i];
      if (s.level > 1 && ((i > 0 && sibling_bare(o, bare, i - 1, i)) || (i + 1 < o.sections.size() && sibling_bare(o, bare, i, i + 1))))
        continue;
      const LineInfo& l = o.lines[s.line];
      const TextRange range{l.content_begin, doc.lines()[s.line].end};
      sink.report(diagnostic(range, "标题“" + std::string(doc.slice(range)) + "”下没有内容"));
    }
  }

 private:
  // A heading that names a section and is followed by no text of its own.
  static bool is_bare(const Document& doc, std::uint32_t index) {
    const Outline& o = doc.outline();
    const Section& s = o.sections[index];
    const std::string_view body = heading_text(doc, index);
    if (body.empty() || body.find("。") != std::string_view::npos || utf8::count_code_points(body) > 40) return false;
    std::size_t end = body.size();
    const char32_t last = utf8::prev(body, end);
    if (chars::is_clause_end(last) || last == U'，' || last == ',') return false;
    const SubDocument& report = o.documents[s.document];
    for (std::uint32_t li = s.line + 1; li < report.end_line; ++li) {
      if (o.lines[li].kind == LineKind::blank) continue;
      return o.lines[li].kind == LineKind::heading && level_of(o.lines[li].number.style) <= s.level;
    }
    return true;
  }

  // Sections a and b are bare headings of one level standing one after the other.
  static bool sibling_bare(const Outline& o, const std::vector<bool>& bare, std::uint32_t a, std::uint32_t b) {
    return bare[a] && bare[b] && o.sections[a].level == o.sections[b].level && o.sections[a].parent == o.sections[b].parent;
  }
};

REPORTLINT_RULE(MissingSection, "structure.missing-section", warning, none, "缺少文档类型要求的部分（如总结缺“存在问题”）");
REPORTLINT_RULE(SectionOrder, "structure.section-order", warning, none, "各部分的顺序与文档类型不符");
REPORTLINT_RULE(RepeatedSection, "structure.repeated-section", warning, none, "同一部分出现了两次");
REPORTLINT_RULE(EmptySection, "structure.empty-section", warning, none, "标题下没有内容");

}  // namespace
}  // namespace reportlint::structure
