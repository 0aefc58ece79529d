#include "model/verbatim.hpp"

#include <algorithm>

#include "reportlint/text.hpp"

namespace reportlint {
namespace {

bool is_url_char(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`';
}

bool is_email_local(unsigned char c) {
  return chars::is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool is_domain_char(unsigned char c) { return chars::is_ascii_alnum(c) || c == '.' || c == '-'; }

// Extends a URL from `i` over URL characters, then drops trailing punctuation that
// more likely ends the sentence than the address.
std::size_t url_end(std::string_view text, std::size_t i) {
  while (i < text.size() && is_url_char(static_cast<unsigned char>(text[i]))) ++i;
  while (i > 0 && std::string_view(".,;:!?)]").find(text[i - 1]) != std::string_view::npos) --i;
  return i;
}

std::size_t fence_length(std::string_view line, char& fence) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return 0;
  const char c = line[i];
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == c) ++n;
  if (n < 3) return 0;
  fence = c;
  return n;
}

}  // namespace

void find_fenced_code(std::string_view text, const std::vector<Line>& lines, std::vector<bool>& code_lines) {
  char open_fence = 0;
  std::size_t open_length = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    char fence = 0;
    const std::size_t n = fence_length(line, fence);
    if (open_fence) {
      code_lines[i] = true;
      if (n >= open_length && fence == open_fence) open_fence = 0;
    } else if (n) {
      code_lines[i] = true;
      open_fence = fence;
      open_length = n;
    }
  }
}

void find_markdown_verbatim(std::string_view text, const std::vector<Line>& lines,
                            const std::vector<bool>& code_lines, std::vector<TextRange>& out) {
  // HTML comments may span lines.
  for (std::size_t pos = text.find("<!--"); pos != std::string_view::npos; pos = text.find("<!--", pos)) {
    const std::size_t close = text.find("-->", pos + 4);
    const std::size_t end = close == std::string_view::npos ? text.size() : close + 3;
    out.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)});
    pos = end;
  }
  // Code spans: a run of n backticks up to the next run of exactly n on the line.
  for (std::size_t li = 0; li < lines.size(); ++li) {
    if (code_lines[li]) continue;
    std::size_t i = lines[li].begin;
    const std::size_t end = lines[li].end;
    auto run_at = [&](std::size_t p) {
      std::size_t n = 0;
      while (p + n < end && text[p + n] == '`') ++n;
      return n;
    };
    while ((i = text.find('`', i)) != std::string_view::npos && i < end) {
      const std::size_t n = run_at(i);
      std::size_t j = i + n;
      bool closed = false;
      while ((j = text.find('`', j)) != std::string_view::npos && j < end) {
        const std::size_t m = run_at(j);
        if (m == n) {
          out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j + m)});
          i = j + m;
          closed = true;
          break;
        }
        j += m;
      }
      if (!closed) i += n;
    }
  }
}

void find_links(std::string_view text, std::vector<TextRange>& out) {
  for (std::size_t p = text.find("://"); p != std::string_view::npos; p = text.find("://", p + 3)) {
    std::size_t s = p;
    while (s > 0 && s + 10 > p && (chars::is_ascii_alnum(static_cast<unsigned char>(text[s - 1])) ||
                                   text[s - 1] == '+' || text[s - 1] == '-' || text[s - 1] == '.'))
      --s;
    if (s == p || !chars::is_ascii_letter(static_cast<unsigned char>(text[s]))) continue;
    const std::size_t e = url_end(text, p + 3);
    if (e > p + 3) out.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e)});
  }
  for (std::size_t p = text.find("www."); p != std::string_view::npos; p = text.find("www.", p + 4)) {
    if (p > 0 && (is_url_char(static_cast<unsigned char>(text[p - 1])) && text[p - 1] != '(')) continue;
    const std::size_t e = url_end(text, p);
    if (e > p + 4) out.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(e)});
  }
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t s = at;
    while (s > 0 && is_email_local(static_cast<unsigned char>(text[s - 1]))) --s;
    std::size_t e = at + 1;
    while (e < text.size() && is_domain_char(static_cast<unsigned char>(text[e]))) ++e;
    while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    const std::string_view domain = text.substr(at + 1, e - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (s == at || dot == std::string_view::npos || domain.size() - dot - 1 < 2) continue;
    out.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e)});
  }
}

void normalize_ranges(std::vector<TextRange>& ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](TextRange a, TextRange b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
  std::vector<TextRange> merged;
  for (TextRange r : ranges) {
    if (!merged.empty() && r.begin <= merged.back().end)
      merged.back().end = std::max(merged.back().end, r.end);
    else
      merged.push_back(r);
  }
  ranges = std::move(merged);
}

}  // namespace reportlint
