#include "model/outline_builder.hpp"

#include <array>
#include <map>
#include <utility>

#include "model/number_token.hpp"
#include "reportlint/text.hpp"

namespace reportlint {
namespace {

// Document types (文种) of the 党政机关公文处理工作条例 plus the report genres drafts use.
constexpr std::array<std::string_view, 27> kDocumentTypes = {
    "总结", "计划", "计划书", "安排", "要点", "报告", "通知", "方案", "意见", "请示",
    "决定", "通报", "纪要", "规划", "汇编", "讲话", "办法", "细则", "规定", "批复",
    "公告", "通告", "决议", "议案", "函", "打算", "思路"};

// Strips one trailing bracketed remark: 工作总结（街道） → 工作总结.
std::string_view strip_trailing_remark(std::string_view s) {
  const bool full = s.ends_with("）"), half = s.ends_with(")");
  if (!full && !half) return s;
  const std::size_t open = full ? s.rfind("（") : s.rfind('(');
  return open == std::string_view::npos || open == 0 ? s : trim_end_spaces(s.substr(0, open));
}

std::uint32_t content_start(std::string_view text, const Line& line, DocumentFormat format) {
  std::size_t i = line.begin;
  if (format == DocumentFormat::markdown) {
    // ATX heading marks: "# ", "## " …
    std::size_t j = i;
    while (j < line.end && j - i < 6 && text[j] == '#') ++j;
    if (j > i && (j == line.end || text[j] == ' ')) i = j;
  }
  while (i < line.end) {
    std::size_t j = i;
    if (!chars::is_space(utf8::next(text, j))) break;
    i = j;
  }
  return static_cast<std::uint32_t>(i);
}

void build_sections(Outline& outline) {
  for (std::uint32_t d = 0; d < outline.documents.size(); ++d) {
    SubDocument& doc = outline.documents[d];
    std::vector<std::uint32_t> open;  // stack of section indices
    auto close_until = [&](int level, std::uint32_t line) {
      while (!open.empty() && outline.sections[open.back()].level >= level) {
        outline.sections[open.back()].end_line = line;
        open.pop_back();
      }
    };
    for (std::uint32_t li = doc.begin_line; li < doc.end_line; ++li) {
      LineInfo& info = outline.lines[li];
      info.document = d;
      if (info.kind == LineKind::heading) {
        const int level = level_of(info.number.style);
        close_until(level, li);
        Section s;
        s.line = li;
        s.level = static_cast<std::uint8_t>(level);
        s.document = d;
        s.parent = open.empty() ? -1 : static_cast<std::int32_t>(open.back());
        const auto index = static_cast<std::uint32_t>(outline.sections.size());
        if (s.parent >= 0)
          outline.sections[static_cast<std::size_t>(s.parent)].children.push_back(index);
        else
          doc.sections.push_back(index);
        outline.sections.push_back(std::move(s));
        open.push_back(index);
      }
      info.section = open.empty() ? -1 : static_cast<std::int32_t>(open.back());
    }
    close_until(0, doc.end_line);
  }
}

void split_documents(Outline& outline, std::string_view text, const std::vector<Line>& lines) {
  SubDocument current;
  bool has_content = false;  // blank lines before the first title start no document
  for (std::uint32_t li = 0; li < outline.lines.size(); ++li) {
    const LineKind kind = outline.lines[li].kind;
    if (kind != LineKind::title) {
      has_content = has_content || kind != LineKind::blank;
      continue;
    }
    // A subtitle (——副题) belongs to the title above it.
    const std::string_view content =
        text.substr(outline.lines[li].content_begin, lines[li].end - outline.lines[li].content_begin);
    if (content.starts_with("—")) continue;
    if (has_content || current.title_line >= 0) {
      current.end_line = li;
      outline.documents.push_back(std::move(current));
      current = SubDocument{};
      current.begin_line = li;
    }
    current.title_line = static_cast<std::int32_t>(li);
    has_content = false;
  }
  current.end_line = static_cast<std::uint32_t>(outline.lines.size());
  outline.documents.push_back(std::move(current));
}

void build_paragraphs(Outline& outline, DocumentFormat format) {
  for (std::uint32_t li = 0; li < outline.lines.size(); ++li) {
    const LineKind kind = outline.lines[li].kind;
    if (kind == LineKind::blank || kind == LineKind::code) continue;
    const bool joins = format == DocumentFormat::markdown && kind == LineKind::text && li > 0 &&
                       outline.lines[li - 1].kind == LineKind::text && !outline.paragraphs.empty() &&
                       outline.paragraphs.back().last_line == li - 1;
    if (joins)
      outline.paragraphs.back().last_line = li;
    else
      outline.paragraphs.push_back({li, li});
  }
}

void build_enumerations(Outline& outline, std::string_view text, const std::vector<Line>& lines) {
  for (std::uint32_t li = 0; li < outline.lines.size(); ++li) {
    const LineInfo& info = outline.lines[li];
    if (info.kind == LineKind::blank || info.kind == LineKind::code || info.kind == LineKind::title) continue;
    const std::uint32_t begin = info.number.style == NumberStyle::none ? info.content_begin : info.number.range.begin;
    scan_clauses(text, begin, lines[li].end, li, outline.clauses, outline.markers, outline.glued);
  }
  // Group per family within one section body: (document, section) identifies the block.
  std::pair<std::uint32_t, std::int32_t> block{~0u, -2};
  std::map<EnumFamily, std::size_t> open;
  for (std::uint32_t mi = 0; mi < outline.markers.size(); ++mi) {
    const LineInfo& info = outline.lines[outline.markers[mi].line];
    const std::pair<std::uint32_t, std::int32_t> here{info.document, info.section};
    if (here != block) {
      block = here;
      open.clear();
    }
    const EnumFamily family = outline.markers[mi].family;
    auto it = open.find(family);
    if (it == open.end()) {
      it = open.emplace(family, outline.enumerations.size()).first;
      outline.enumerations.push_back({family, {}});
    }
    outline.enumerations[it->second].markers.push_back(mi);
  }
}

}  // namespace

bool looks_like_title(std::string_view line) {
  line = trim_end_spaces(line);
  const std::size_t length = utf8::count_code_points(line);
  if (length < 4 || length > 60 || line.starts_with("特此") || line.starts_with("附件")) return false;
  std::size_t i = line.size();
  const char32_t last = utf8::prev(line, i);
  if (chars::is_clause_end(last) || last == U'、' || last == '.' || last == U'…') return false;
  const std::string_view core = strip_trailing_remark(line);
  for (std::string_view type : kDocumentTypes)
    if (core.ends_with(type) && core.size() > type.size()) return true;
  return false;
}

Outline build_outline(std::string_view text, const std::vector<Line>& lines,
                      const std::vector<bool>& code_lines, DocumentFormat format) {
  Outline outline;
  outline.lines.resize(lines.size());
  for (std::uint32_t li = 0; li < lines.size(); ++li) {
    LineInfo& info = outline.lines[li];
    info.content_begin = content_start(text, lines[li], format);
    if (code_lines[li]) {
      info.kind = LineKind::code;
    } else if (info.content_begin >= lines[li].end) {
      info.kind = LineKind::blank;
    } else {
      info.number = parse_number_token(text, info.content_begin, lines[li].end);
      if (level_of(info.number.style) > 0)
        info.kind = LineKind::heading;
      else if (info.number.style == NumberStyle::none &&
               looks_like_title(text.substr(info.content_begin, lines[li].end - info.content_begin)))
        info.kind = LineKind::title;
      else
        info.kind = LineKind::text;
    }
  }
  split_documents(outline, text, lines);
  build_sections(outline);
  build_paragraphs(outline, format);
  build_enumerations(outline, text, lines);
  return outline;
}

}  // namespace reportlint
