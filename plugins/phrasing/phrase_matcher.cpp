#include "phrase_matcher.hpp"

#include <algorithm>
#include <array>

#include "reportlint/text.hpp"

namespace reportlint::phrasing {
namespace {

constexpr std::size_t kMaxNumberChars = 16;
constexpr std::size_t kMaxTextChars = 20;
constexpr std::size_t kMaxUnitChars = 4;

bool is_number_char(char32_t c) {
  if ((c >= '0' && c <= '9') || (c >= U'０' && c <= U'９') || c == 'x' || c == 'X' || c == U'×' || c == '.' ||
      c == U'．')
    return true;
  switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
    case U'八': case U'九': case U'十': case U'百': case U'千': case U'万': case U'亿': case U'两': case U'几':
      return true;
    default:
      return false;
  }
}

// Matches pattern[segment…] at text[at]; returns the end, or npos. `starts` receives the
// offset where each segment matched.
std::size_t match_segments(std::string_view text, const std::vector<Segment>& pattern, std::size_t segment,
                           std::size_t at, std::array<std::size_t, 16>& starts) {
  if (segment == pattern.size()) return at;
  if (segment < starts.size()) starts[segment] = at;
  const Segment& s = pattern[segment];
  if (s.kind == Segment::Kind::literal) {
    if (text.substr(at, s.literal.size()) != s.literal) return std::string_view::npos;
    return match_segments(text, pattern, segment + 1, at + s.literal.size(), starts);
  }
  // {text} before a literal: the literal's first occurrence within reach, with only
  // Chinese characters before it (one search instead of trying every length).
  if (s.kind == Segment::Kind::text && segment + 1 < pattern.size() &&
      pattern[segment + 1].kind == Segment::Kind::literal) {
    const std::string& next = pattern[segment + 1].literal;
    const std::string_view window = text.substr(at, kMaxTextChars * 4 + next.size());
    for (std::size_t found = window.find(next, 1); found != std::string_view::npos; found = window.find(next, found + 1)) {
      std::size_t i = at, n = 0;
      while (i < at + found && chars::is_han(utf8::next(text, i))) ++n;
      if (i != at + found || n == 0 || n > kMaxTextChars) return std::string_view::npos;
      const std::size_t end = match_segments(text, pattern, segment + 1, at + found, starts);
      if (end != std::string_view::npos) return end;
    }
    return std::string_view::npos;
  }
  // A slot: the longest run of its characters first, then shorter ones.
  const std::size_t limit = s.kind == Segment::Kind::number ? kMaxNumberChars
                            : s.kind == Segment::Kind::unit ? kMaxUnitChars
                                                            : kMaxTextChars;
  const std::size_t least = s.kind == Segment::Kind::unit ? 0 : 1;
  std::array<std::size_t, kMaxTextChars + 1> ends{};
  ends[0] = at;
  std::size_t n = 0, i = at;
  while (n < limit && i < text.size()) {
    std::size_t j = i;
    const char32_t c = utf8::next(text, j);
    if (s.kind == Segment::Kind::number ? !is_number_char(c) : !chars::is_han(c)) break;
    i = j;
    ends[++n] = i;
  }
  for (std::size_t k = n + 1; k-- > least;) {
    n = k;
    const std::size_t end = match_segments(text, pattern, segment + 1, ends[n], starts);
    if (end != std::string_view::npos) return end;
  }
  return std::string_view::npos;
}

constexpr std::size_t kHeadLines = 12;      // a document's head: title, subtitle, date, byline
constexpr std::size_t kBylineExtraChars = 12;  // 国务院总理 before the name

// `line` without spaces (ASCII, ideographic): 习　近　平 → 习近平.
std::string without_spaces(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t start = i;
    if (!chars::is_space(utf8::next(line, i))) out.append(line.substr(start, i - start));
  }
  return out;
}

// A line of the head of sub-document `sub` names `author` as its byline:
// the line, spaces removed, ends with the name and is little longer than it. The head ends
// at the first sentence or salutation (同志们：).
bool by_author(const Document& doc, const SubDocument& sub, std::string_view author) {
  const Outline& o = doc.outline();
  for (std::uint32_t li = sub.begin_line; li < sub.end_line && li < sub.begin_line + kHeadLines; ++li) {
    if (o.lines[li].kind == LineKind::blank) continue;
    const std::string_view line = doc.line_text(li);
    if (line.find("。") != std::string_view::npos || trim_end_spaces(line).ends_with("：")) break;
    const std::string compact = without_spaces(line);
    if (compact.ends_with(author) &&
        utf8::count_code_points(compact) <= utf8::count_code_points(author) + kBylineExtraChars)
      return true;
  }
  return false;
}

}  // namespace

PhraseMatcher::PhraseMatcher(std::vector<Entry> entries) : entries_(std::move(entries)) {
  exceptions_.resize(entries_.size());
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    anchors_.add(e.pattern.front().literal);
    // The text exceptions are aligned on: the marked literal, or the anchor.
    const Segment& aligned = e.pattern[e.mark_segment < 0 ? 0 : static_cast<std::size_t>(e.mark_segment)];
    const std::string_view reported = e.mark_segment < 0 ? std::string_view(aligned.literal)
                                                         : std::string_view(aligned.literal).substr(e.mark_begin, e.mark_end - e.mark_begin);
    for (const std::string& phrase : e.except)
      for (std::size_t k = phrase.find(reported); k != std::string::npos; k = phrase.find(reported, k + 1))
        exceptions_[i].push_back({phrase, k});
  }
  anchors_.build();
}

std::size_t PhraseMatcher::match_rest(std::string_view text, std::size_t begin, std::size_t at, const Entry& e,
                                      TextRange& mark) const {
  std::array<std::size_t, 16> starts{};
  starts[0] = begin;
  const std::size_t end = e.pattern.size() == 1 ? at : match_segments(text, e.pattern, 1, at, starts);
  if (end == std::string_view::npos) return end;
  if (e.mark_segment < 0) {
    mark = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
  } else {
    const std::size_t base = starts[static_cast<std::size_t>(e.mark_segment)];
    mark = {static_cast<std::uint32_t>(base + e.mark_begin), static_cast<std::uint32_t>(base + e.mark_end)};
  }
  return end;
}

bool PhraseMatcher::excepted(std::string_view text, std::size_t begin, std::size_t end, TextRange mark,
                             std::uint32_t entry) const {
  const Entry& e = entries_[entry];
  for (const std::string& before : e.not_after)
    if (begin >= before.size() && text.substr(begin - before.size(), before.size()) == before) return true;
  for (const std::string& after : e.not_before)
    if (text.substr(end, after.size()) == after) return true;
  // Exceptions are aligned on the reported text, or on the anchor when the whole match is reported.
  const std::size_t aligned = e.mark_segment < 0 ? begin : mark.begin;
  for (const Exception& x : exceptions_[entry])
    if (aligned >= x.offset && text.substr(aligned - x.offset, x.phrase.size()) == x.phrase) return true;
  return false;
}

void PhraseMatcher::drop_established(const Document& doc, std::vector<PhraseMatch>& found) const {
  // Per entry, computed once a match needs it: where a full form first occurs, and which
  // sub-documents are by the author.
  std::vector<std::size_t> first_full(entries_.size(), std::string_view::npos);
  std::vector<bool> searched(entries_.size(), false);
  std::vector<std::vector<std::int8_t>> authored(entries_.size());  // per sub-document: -1 unknown
  const Outline& o = doc.outline();
  std::erase_if(found, [&](const PhraseMatch& m) {
    const Entry& e = entries_[m.entry];
    if (e.defined_by.empty() && e.unless_author.empty()) return false;
    if (!searched[m.entry]) {
      searched[m.entry] = true;
      for (const std::string& full : e.defined_by)
        first_full[m.entry] = std::min(first_full[m.entry], doc.text().find(full));
    }
    if (first_full[m.entry] < m.range.begin) return true;
    if (e.unless_author.empty()) return false;
    std::vector<std::int8_t>& by = authored[m.entry];
    if (by.empty()) by.assign(o.documents.size(), -1);
    const std::uint32_t sub = o.lines[doc.line_at(m.range.begin)].document;
    if (by[sub] < 0) {
      by[sub] = 0;
      for (const std::string& author : e.unless_author)
        if (by_author(doc, o.documents[sub], author)) by[sub] = 1;
    }
    return by[sub] == 1;
  });
}

std::vector<PhraseMatch> PhraseMatcher::find(const Document& doc) const {
  std::vector<PhraseMatch> found;
  if (entries_.empty()) return found;
  const std::string_view text = doc.text();
  anchors_.scan(text, [&](std::uint32_t id, std::size_t begin, std::size_t at) {
    TextRange mark;
    const std::size_t end = match_rest(text, begin, at, entries_[id], mark);
    if (end == std::string_view::npos) return;
    if (excepted(text, begin, end, mark, id) || doc.is_verbatim(mark)) return;
    found.push_back({id, mark});
  });
  drop_established(doc, found);
  std::stable_sort(found.begin(), found.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.entry < b.entry;
  });
  // One report per text and rule: the first entry that matched it.
  auto same = [&](const PhraseMatch& a, const PhraseMatch& b) {
    return a.range == b.range && entries_[a.entry].rule == entries_[b.entry].rule;
  };
  std::vector<PhraseMatch> unique;
  for (const PhraseMatch& m : found) {
    // Matches at one position are adjacent after the sort.
    bool seen = false;
    for (std::size_t k = unique.size(); k-- > 0 && unique[k].range.begin == m.range.begin;) seen = seen || same(unique[k], m);
    if (!seen) unique.push_back(m);
  }
  return unique;
}

}  // namespace reportlint::phrasing
