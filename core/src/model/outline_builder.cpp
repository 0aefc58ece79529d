#include "model/outline_builder.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "model/clauses.hpp"
#include "reportlint/number_token.hpp"
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

// Invisible characters a copy from a web page leaves at a line's start (zero-width space,
// joiners, word joiner, a stray byte order mark): a line of nothing else is blank.
constexpr bool is_invisible(char32_t c) noexcept {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
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
    const char32_t c = utf8::next(text, j);
    if (!chars::is_space(c) && !is_invisible(c)) break;
    i = j;
  }
  return static_cast<std::uint32_t>(i);
}

// 附件, 附件1, 附件二: the line GB/T 9704-2012 8 puts above an attachment, after the
// document's 成文日期. Not the 附件说明 (附件：1.……), which has a colon and a list.
bool is_attachment_mark(std::string_view line) {
  line = trim_end_spaces(line);
  if (!line.starts_with("附件")) return false;
  line.remove_prefix(std::string_view("附件").size());
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  for (std::size_t i = 0; i < line.size();) {
    const char32_t c = utf8::next(line, i);
    if (!chars::is_ascii_digit(c) && chars::han_digit(c) < 1 && c != U'十') return false;
  }
  return true;
}

// 附件：1.……: the attachment note, whose numbered items run on over the next lines.
bool opens_attachment_note(std::string_view line) {
  return line.starts_with("附件：") || line.starts_with("附件:");
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
        const int level = info.level;
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

// The titles a 印发通知 issues: 《X》 on a line that says 印发, 转发 or 下发 (关于印发《X》的
// 通知, 现将《X》印发给你们). A later line that is X is the issued document's title.
void note_issued_titles(std::string_view line, std::vector<std::string_view>& issued) {
  if (line.find("印发") == std::string_view::npos && line.find("转发") == std::string_view::npos &&
      line.find("下发") == std::string_view::npos)
    return;
  for (std::size_t open = line.find("《"); open != std::string_view::npos; open = line.find("《", open + 1)) {
    const std::size_t close = line.find("》", open);
    if (close == std::string_view::npos) return;
    const std::string_view title = line.substr(open + 3, close - open - 3);
    if (!title.empty() && std::find(issued.begin(), issued.end(), title) == issued.end()) issued.push_back(title);
  }
}

void split_documents(Outline& outline, std::string_view text, const std::vector<Line>& lines) {
  auto content = [&](std::uint32_t li) {
    return text.substr(outline.lines[li].content_begin, lines[li].end - outline.lines[li].content_begin);
  };
  SubDocument current;
  bool has_content = false;  // blank lines before the first title start no document
  std::vector<std::string_view> issued;
  for (std::uint32_t li = 0; li < outline.lines.size(); ++li) {
    LineKind kind = outline.lines[li].kind;
    if (kind == LineKind::text || kind == LineKind::title) {
      const std::string_view line = trim_end_spaces(content(li));
      if (kind == LineKind::text && has_content && std::find(issued.begin(), issued.end(), line) != issued.end())
        kind = outline.lines[li].kind = LineKind::title;  // the issued document begins
      note_issued_titles(line, issued);
    }
    // 附件1 after the 成文日期: an attachment, a document of its own with its own title
    // and numbering. Its title is the next line, whatever word it ends on.
    if (kind == LineKind::text && has_content && is_attachment_mark(content(li))) {
      current.end_line = li;
      outline.documents.push_back(std::move(current));
      current = SubDocument{};
      current.begin_line = li;
      std::uint32_t next = li + 1;
      while (next < outline.lines.size() && outline.lines[next].kind == LineKind::blank) ++next;
      if (next < outline.lines.size() && outline.lines[next].kind == LineKind::text) {
        outline.lines[next].kind = LineKind::title;
        current.title_line = static_cast<std::int32_t>(next);
        li = next;
      }
      has_content = false;
      continue;
    }
    if (kind != LineKind::title) {
      has_content = has_content || kind != LineKind::blank;
      continue;
    }
    // A subtitle (——副题) belongs to the title above it, and so does the title repeated
    // right under it (2023年政府工作报告 ⏎ 政府工作报告): one document, not an empty one.
    if (content(li).starts_with("—")) continue;
    if (!has_content && current.title_line >= 0 &&
        content(static_cast<std::uint32_t>(current.title_line)).find(trim_end_spaces(content(li))) != std::string_view::npos)
      continue;
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

// The items of an attachment note (附件：1.…… ⏎ 2.……) are a list, not headings.
void mark_attachment_notes(Outline& outline, std::string_view text, const std::vector<Line>& lines) {
  for (std::uint32_t li = 0; li < outline.lines.size(); ++li) {
    const LineInfo& info = outline.lines[li];
    if (info.kind != LineKind::text ||
        !opens_attachment_note(text.substr(info.content_begin, lines[li].end - info.content_begin)))
      continue;
    // The value the next line's item must have: one more than the note's own first item.
    const std::size_t colon = info.content_begin + std::string_view("附件").size();
    const auto colon_end = static_cast<std::uint32_t>(colon + (text[colon] == ':' ? 1 : 3));
    const NumberToken first = parse_number_token(text, colon_end, lines[li].end);
    auto expected = static_cast<std::uint16_t>(first.style == NumberStyle::arabic ? first.value + 1 : 1);
    std::uint32_t next = li + 1;
    for (; next < outline.lines.size(); ++next) {
      LineInfo& item = outline.lines[next];
      if (item.kind != LineKind::heading || item.number.style != NumberStyle::arabic || item.number.value != expected) break;
      item.kind = LineKind::text;
      item.number = NumberToken{};
      ++expected;
    }
    li = next - 1;
  }
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

void build_clauses(Outline& outline, std::string_view text, const std::vector<Line>& lines) {
  for (std::uint32_t li = 0; li < outline.lines.size(); ++li) {
    const LineInfo& info = outline.lines[li];
    if (info.kind == LineKind::blank || info.kind == LineKind::code || info.kind == LineKind::title) continue;
    scan_clauses(text, info.content_begin, lines[li].end, li, outline.clauses);
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
  // 现在，我代表国务院，向大会报告政府工作，……提出意见: a sentence, whatever word it ends on.
  std::size_t commas = 0;
  for (std::size_t at = line.find("，"); at != std::string_view::npos; at = line.find("，", at + 1)) ++commas;
  if (commas >= 2) return false;
  const std::string_view core = strip_trailing_remark(line);
  for (std::string_view type : kDocumentTypes)
    if (core.ends_with(type) && core.size() > type.size()) return true;
  return false;
}

Outline build_outline(std::string_view text, const std::vector<Line>& lines, const std::vector<bool>& code_lines,
                      DocumentFormat format, const std::vector<LineOrigin>& origins) {
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
      const int style_level = origins.empty() ? 0 : origins[li].style_level;
      if (level_of(info.number.style) > 0) {
        info.kind = LineKind::heading;
        info.level = static_cast<std::uint8_t>(level_of(info.number.style));
      } else if (style_level > 0 && info.number.style == NumberStyle::none) {
        // A Word heading (标题 2) without a number: a heading of its style's level, its
        // whole text the body.
        info.kind = LineKind::heading;
        info.level = static_cast<std::uint8_t>(style_level);
        info.number.body = {info.content_begin, lines[li].end};
      } else if (info.number.style == NumberStyle::none &&
               looks_like_title(text.substr(info.content_begin, lines[li].end - info.content_begin)))
        info.kind = LineKind::title;
      else
        info.kind = LineKind::text;
    }
  }
  mark_attachment_notes(outline, text, lines);
  split_documents(outline, text, lines);
  build_sections(outline);
  build_paragraphs(outline, format);
  build_clauses(outline, text, lines);
  return outline;
}

}  // namespace reportlint
