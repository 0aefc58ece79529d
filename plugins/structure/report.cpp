#include "report.hpp"

#include <algorithm>
#include <cstring>

#include "reportlint/text.hpp"

namespace reportlint::structure {

namespace {

constexpr std::string_view kTrailingWords[] = {"情况", "方面"};

// The heading's own phrase: up to its first sentence mark, without a bracketed remark at
// the end, a leading year (2024年工作安排) or a trailing 情况/方面 (获得荣誉情况).
std::string_view heading_phrase(std::string_view text) {
  // One pass up to the first mark: a heading line may carry a long paragraph after it.
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(text, i);
    if (c == U'。' || c == U'；' || c == U'：' || c == U'！' || c == U'？' || c == ':' || c == ';') {
      text = text.substr(0, at);
      break;
    }
  }
  text = trim_end_spaces(text);
  if (text.ends_with("）")) {
    if (const std::size_t open = text.rfind("（"); open != std::string_view::npos && open > 0) text = text.substr(0, open);
  }
  std::size_t digits = 0;
  while (digits < text.size() && chars::is_ascii_digit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 4 && text.substr(4).starts_with("年")) {
    text.remove_prefix(4 + 3);
    if (text.starts_with("度")) text.remove_prefix(3);
  }
  for (std::string_view w : kTrailingWords)
    if (text.ends_with(w) && text.size() > w.size()) text.remove_suffix(w.size());
  return text;
}

// Calls visit(piece) for the phrase and for its pieces between joiners (及, 和, 与, 暨,
// 并, 以及, 、, ，): 存在问题及下一步打算 → 存在问题及下一步打算, 存在问题, 下一步打算.
template <class Visit>
void for_each_piece(std::string_view phrase, Visit&& visit) {
  visit(phrase);
  std::size_t start = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    const std::size_t at = i;
    switch (utf8::next(phrase, i)) {
      case U'，': case U'、': case U'及': case U'和': case U'与': case U'暨': case U'并':
        break;
      default:
        continue;
    }
    std::size_t piece_end = at;
    if (piece_end >= 3 && phrase.substr(piece_end - 3, 3) == "以") piece_end -= 3;  // 以及
    if (piece_end > start) visit(phrase.substr(start, piece_end - start));
    start = i;
  }
  if (start > 0 && start < phrase.size()) visit(phrase.substr(start));
}

constexpr std::size_t kMaxUnnumberedHeading = 20;  // code points

// A short text line with no sentence in it: 存在问题, 下一步工作打算：
bool unnumbered_heading(const Document& doc, std::uint32_t line) {
  const LineInfo& info = doc.outline().lines[line];
  // Most lines are paragraphs: too long in bytes to be a heading of kMaxUnnumberedHeading characters.
  if (info.kind != LineKind::text || doc.lines()[line].end - info.content_begin > (kMaxUnnumberedHeading + 2) * 4) return false;
  std::string_view text = line_heading_text(doc, line);
  if (text.ends_with("：")) text.remove_suffix(3);
  else if (text.ends_with(":")) text.remove_suffix(1);
  if (text.empty() || utf8::count_code_points(text) > kMaxUnnumberedHeading) return false;
  for (std::string_view mark : {"。", "；", "，", "！", "？", "：", ";", ",", ":"})
    if (text.find(mark) != std::string_view::npos) return false;
  return true;
}

}  // namespace

std::vector<int> parts_named(const Profile& profile, std::string_view heading) {
  std::vector<int> parts;
  const std::string_view phrase = heading_phrase(heading);
  if (phrase.empty()) return parts;
  for_each_piece(phrase, [&](std::string_view piece) {
    // The section whose phrase matches most specifically: 保障措施 over 措施.
    int best = -1;
    std::size_t best_length = 0;
    auto consider = [&](const auto& index, char32_t key, bool at_start) {
      const auto it = index.find(key);
      if (it == index.end()) return;
      for (const Profile::HeadingRef& ref : it->second) {
        const std::string& h = profile.sections[ref.section].headings[ref.heading];
        if (h.size() > best_length && (at_start ? piece.starts_with(h) : piece.ends_with(h))) {
          best = static_cast<int>(ref.section);
          best_length = h.size();
        }
      }
    };
    std::size_t end = piece.size();
    consider(profile.by_first, utf8::at(piece, 0), true);
    consider(profile.by_last, utf8::prev(piece, end), false);
    if (best >= 0 && std::find(parts.begin(), parts.end(), best) == parts.end()) parts.push_back(best);
  });
  std::sort(parts.begin(), parts.end());
  return parts;
}

std::vector<int> years_in(std::string_view text) {
  std::vector<int> years;
  for (std::size_t i = 0; i + 4 < text.size(); ++i) {
    if (!chars::is_ascii_digit(static_cast<unsigned char>(text[i])) ||
        (i > 0 && chars::is_ascii_digit(static_cast<unsigned char>(text[i - 1]))))
      continue;
    std::size_t j = i;
    while (j < text.size() && chars::is_ascii_digit(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i == 4 && text.substr(j, 3) == "年") years.push_back(std::stoi(std::string(text.substr(i, 4))));
    i = j;
  }
  return years;
}

std::string_view line_content(const Document& doc, std::uint32_t line) {
  return trim_end_spaces(doc.slice({doc.outline().lines[line].content_begin, doc.lines()[line].end}));
}

std::string_view line_heading_text(const Document& doc, std::uint32_t line) {
  const LineInfo& info = doc.outline().lines[line];
  return info.kind == LineKind::heading ? trim_end_spaces(doc.slice(info.number.body)) : line_content(doc, line);
}

std::string_view heading_text(const Document& doc, std::uint32_t section) {
  return line_heading_text(doc, doc.outline().sections[section].line);
}

namespace {

bool digit_at(std::string_view text, std::size_t i) {
  return i < text.size() && chars::is_ascii_digit(static_cast<unsigned char>(text[i]));
}

std::vector<std::uint32_t> find_years(std::string_view text) {
  std::vector<std::uint32_t> out;
  for (const char lead : {'1', '2'}) {
    const std::size_t before = out.size();
    for (std::size_t from = 0; from < text.size();) {
      const void* hit = std::memchr(text.data() + from, lead, text.size() - from);
      if (!hit) break;
      const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
      from = at + 1;
      if ((at > 0 && digit_at(text, at - 1)) || !digit_at(text, at + 1) || !digit_at(text, at + 2) ||
          !digit_at(text, at + 3) || digit_at(text, at + 4))
        continue;
      out.push_back(static_cast<std::uint32_t>(at));
      from = at + 4;
    }
    std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
  }
  return out;
}

}  // namespace

const std::vector<std::uint32_t>& year_positions(const Document& doc, DocumentAnalyses& analyses) {
  return analyses.get<std::vector<std::uint32_t>>("structure.years", [&] { return find_years(doc.text()); });
}

std::uint32_t last_nonblank(const Outline& o, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t li = last + 1; li-- > first;)
    if (o.lines[li].kind != LineKind::blank) return li;
  return first;
}

std::vector<ReportView> report_views(const Document& doc, const ProfileSet& profiles) {
  const Outline& o = doc.outline();
  std::vector<ReportView> views;
  for (std::uint32_t d = 0; d < o.documents.size(); ++d) {
    const SubDocument& sub = o.documents[d];
    ReportView v;
    v.index = d;
    v.title_line = sub.title_line;
    if (sub.title_line >= 0) {
      const auto li = static_cast<std::uint32_t>(sub.title_line);
      v.title = doc.slice({o.lines[li].content_begin, doc.lines()[li].end});
      v.compilation = v.title.find("汇编") != std::string_view::npos;
    }
    const std::uint32_t after_title = sub.title_line >= 0 ? static_cast<std::uint32_t>(sub.title_line) + 1 : sub.begin_line;
    v.first_content_line = after_title;
    for (std::uint32_t li = after_title; li < sub.end_line; ++li) {
      const LineKind k = o.lines[li].kind;
      if (k == LineKind::blank || k == LineKind::title) continue;
      if (!v.has_body) v.first_content_line = li;
      v.has_body = true;
      v.last_content_line = li;
    }
    if (!v.compilation) v.choice = choose_profile(profiles, v.title);
    if (v.choice.profile) {
      std::size_t next_top = 0;
      for (std::uint32_t li = after_title; li < sub.end_line; ++li) {
        const bool top = next_top < sub.sections.size() && o.sections[sub.sections[next_top]].line == li;
        if (top) ++next_top;
        if (!top && !unnumbered_heading(doc, li)) continue;
        PartHeading h{li, line_heading_text(doc, li), {}};
        h.parts = parts_named(*v.choice.profile, h.text);
        if (top || !h.parts.empty()) v.headings.push_back(std::move(h));
      }
    }
    views.push_back(std::move(v));
  }
  return views;
}

void ReportRule::configure(OptionReader& options) {
  profiles_ = options.shared<ProfileSet>("profiles", [&] { return ProfileSet::load(options); });
}

void ReportRule::check(const Document& doc, DiagnosticSink& sink) const {
  DocumentAnalyses analyses;
  check(doc, sink, analyses);
}

void ReportRule::check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const {
  check_reports(doc, analyses.get<std::vector<ReportView>>("structure.reports", [&] { return report_views(doc, *profiles_); }),
                analyses, sink);
}

}  // namespace reportlint::structure
