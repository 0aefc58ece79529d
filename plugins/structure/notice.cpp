// structure.notice-elements, structure.date-format — the elements of GB/T 9704-2012 that a
// text draft of a 公文 shows around its body:
//   主送机关 (§7.3.2): the line under the title, flush left, ending with a full-width colon;
//   发文机关署名 and 成文日期 (§7.3.5): the issuing organ, then the date, as the last lines;
//   the 成文日期 in Arabic numerals, the year in full, no leading zeros (§7.3.5.4).
//
// The 成文日期 is found the same way in every report: a line holding only a date among the
// last three non-blank lines. Dates in running text are not 成文日期 and GB/T 15835 lets
// them use Chinese numerals, so they are left alone.
#include <optional>
#include <string>

#include "profile.hpp"
#include "report.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::structure {
namespace {

constexpr std::size_t kSignatureSearch = 3;     // non-blank lines from the end where the date may stand
constexpr std::size_t kAddresseeSearch = 2;     // non-blank lines under the title where the addressee may stand
constexpr std::size_t kMaxSignatureChars = 40;  // a longer line is body text
constexpr std::size_t kMaxAddresseeChars = 80;

TextRange content_range(const Document& doc, std::uint32_t line) {
  const std::uint32_t begin = doc.outline().lines[line].content_begin;
  return {begin, begin + static_cast<std::uint32_t>(line_content(doc, line).size())};
}

// One numeral of a date: its value and how it was written.
struct DatePart {
  int value = 0;
  std::size_t digits = 0;  // characters written
  bool arabic = true;      // 0-9, not 〇一二 or full-width ０-９
  bool zero_padded = false;
};

// 〇一二…九 as digits; ○ (a circle) is often typed for 〇 in dates.
int chinese_digit(char32_t c) { return c == U'○' ? 0 : chars::han_digit(c); }

// Reads the numeral before `unit` (年, 月, 日) at s[i]. A year is read digit by digit
// (二〇二三); a month or day as a number (十二, 二十一).
std::optional<DatePart> read_part(std::string_view s, std::size_t& i, std::string_view unit, bool year) {
  DatePart part;
  int tens_value = -1;  // a 十 was read; the digits before it were the tens
  int current = 0;
  bool any = false;
  while (i < s.size() && !s.substr(i).starts_with(unit)) {
    std::size_t j = i;
    const char32_t c = utf8::next(s, j);
    int digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<int>(c - '0');
    } else if (c >= U'０' && c <= U'９') {
      digit = static_cast<int>(c - U'０');
      part.arabic = false;
    } else if (c == U'十' && !year && tens_value < 0) {
      tens_value = any ? current : 1;
      current = 0;
      part.arabic = false;
      any = true;
      ++part.digits;
      i = j;
      continue;
    } else if ((digit = chinese_digit(c)) >= 0) {
      part.arabic = false;
    } else {
      return std::nullopt;
    }
    if (!any && digit == 0 && !year) part.zero_padded = true;
    current = current * 10 + digit;
    any = true;
    ++part.digits;
    i = j;
    if (part.digits > 4) return std::nullopt;
  }
  if (!any || i >= s.size()) return std::nullopt;
  i += unit.size();
  part.value = tens_value >= 0 ? tens_value * 10 + current : current;
  return part;
}

struct DateLine {
  DatePart year, month, day;
};

// A line that is a date and nothing else: 2023年1月5日, 二〇二三年一月五日, 2023年01月05日.
std::optional<DateLine> parse_date(std::string_view s) {
  std::size_t i = 0;
  DateLine d;
  auto year = read_part(s, i, "年", true);
  if (!year) return std::nullopt;
  auto month = read_part(s, i, "月", false);
  if (!month) return std::nullopt;
  auto day = read_part(s, i, "日", false);
  if (!day || i != s.size()) return std::nullopt;
  d.year = *year;
  d.month = *month;
  d.day = *day;
  return d;
}

// Where a report's signature block stands: the 成文日期 line, and the 署名 line above it.
struct SignatureBlock {
  std::int32_t date_line = -1;
  std::int32_t signature_line = -1;
};

bool looks_like_signature(const Document& doc, std::uint32_t line) {
  const LineInfo& info = doc.outline().lines[line];
  if (info.kind != LineKind::text) return false;
  const std::string_view text = line_content(doc, line);
  if (text.empty() || text.starts_with("特此") || text.starts_with("附件") ||
      utf8::count_code_points(text) > kMaxSignatureChars)
    return false;
  std::size_t end = text.size();
  const char32_t last = utf8::prev(text, end);
  return !chars::is_clause_end(last) && last != U'：' && last != ':' && last != U'，';
}

SignatureBlock signature_block(const Document& doc, const ReportView& v) {
  const Outline& o = doc.outline();
  SignatureBlock block;
  std::size_t seen = 0;
  const std::uint32_t first = v.first_content_line;
  for (std::uint32_t li = v.last_content_line + 1; li-- > first && seen < kSignatureSearch;) {
    if (o.lines[li].kind == LineKind::blank) continue;
    ++seen;
    if (o.lines[li].kind != LineKind::text) continue;
    if (parse_date(line_content(doc, li))) {
      block.date_line = static_cast<std::int32_t>(li);
      break;
    }
  }
  if (block.date_line < 0) return block;
  for (std::uint32_t li = static_cast<std::uint32_t>(block.date_line); li-- > first;) {
    if (o.lines[li].kind == LineKind::blank) continue;
    if (looks_like_signature(doc, li)) block.signature_line = static_cast<std::int32_t>(li);
    break;
  }
  return block;
}

class NoticeElements final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    for (const ReportView& v : reports) {
      if (!v.choice.profile || !v.has_body) continue;
      const Profile& p = *v.choice.profile;
      auto report = [&](std::uint32_t line, std::string message) {
        const TextRange r = content_range(doc, line);
        Diagnostic d = diagnostic({r.begin, r.begin}, std::move(message));
        d.notes.push_back({explain(v.choice), std::nullopt});
        sink.report(std::move(d));
      };
      if (p.notice_addressee && !has_addressee(doc, v))
        report(v.first_content_line, "缺少主送机关（标题下一行顶格写受文机关，末尾用全角冒号“：”）");
      if (!p.notice_signature && !p.notice_date) continue;
      const SignatureBlock block = signature_block(doc, v);
      if (p.notice_date && block.date_line < 0)
        report(v.last_content_line, "文末缺少成文日期（如“2023年1月5日”，写在发文机关署名下一行）");
      if (p.notice_signature && block.date_line >= 0 && block.signature_line < 0)
        report(static_cast<std::uint32_t>(block.date_line), "成文日期上一行缺少发文机关署名");
      if (p.notice_signature && block.date_line < 0 && !looks_like_signature(doc, v.last_content_line))
        report(v.last_content_line, "文末缺少发文机关署名");
    }
  }

 private:
  static bool has_addressee(const Document& doc, const ReportView& v) {
    const Outline& o = doc.outline();
    std::size_t seen = 0;
    for (std::uint32_t li = v.first_content_line; li <= v.last_content_line && seen < kAddresseeSearch; ++li) {
      if (o.lines[li].kind == LineKind::blank) continue;
      ++seen;
      const std::string_view text = line_content(doc, li);
      if (o.lines[li].kind == LineKind::text && (text.ends_with("：") || text.ends_with(":")) &&
          utf8::count_code_points(text) <= kMaxAddresseeChars)
        return true;
    }
    return false;
  }
};

std::string arabic(const DateLine& d, int year) {
  return std::to_string(year) + "年" + std::to_string(d.month.value) + "月" + std::to_string(d.day.value) + "日";
}

class DateFormat final : public ReportRule {
 protected:
  void check_reports(const Document& doc, const std::vector<ReportView>& reports, DocumentAnalyses& /*analyses*/,
                     DiagnosticSink& sink) const override {
    for (const ReportView& v : reports) {
      if (!v.has_body) continue;
      const SignatureBlock block = signature_block(doc, v);
      if (block.date_line < 0) continue;
      const TextRange range = content_range(doc, static_cast<std::uint32_t>(block.date_line));
      const DateLine d = *parse_date(doc.slice(range));
      std::string problems;
      auto add = [&](std::string_view p) { problems += (problems.empty() ? "" : "，") + std::string(p); };
      if (!d.year.arabic || !d.month.arabic || !d.day.arabic) add("应使用阿拉伯数字");
      const bool short_year = d.year.digits != 4;
      if (short_year) add("年份应标全称");
      if (d.month.zero_padded || d.day.zero_padded) add("月、日不编虚位（1不编为01）");
      if (problems.empty()) continue;
      const bool valid = d.month.value >= 1 && d.month.value <= 12 && d.day.value >= 1 && d.day.value <= 31;
      Diagnostic diag = diagnostic(range, "成文日期" + problems);
      if (valid && (!short_year || d.year.digits == 2)) {
        // A two-digit year is most likely this century, but that is a guess.
        const int year = short_year ? 2000 + d.year.value : d.year.value;
        const std::string fixed = arabic(d, year);
        diag.fix = Fix{{{range, fixed}}, short_year ? Applicability::unsafe : Applicability::safe, "改为“" + fixed + "”"};
      }
      sink.report(std::move(diag));
    }
  }
};

REPORTLINT_RULE(NoticeElements, "structure.notice-elements", warning, none, "通知缺少主送机关、发文机关署名或成文日期");
REPORTLINT_RULE(DateFormat, "structure.date-format", error, sometimes, "成文日期未用阿拉伯数字标全年月日，或编了虚位");

}  // namespace
}  // namespace reportlint::structure
