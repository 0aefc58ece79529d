// Helpers shared by the numbering rules: numerals, how a token is shown in messages, and
// the groups of sibling headings the outline's section tree defines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/document.hpp"
#include "reportlint/plugin.hpp"
#include "inline_marks.hpp"

namespace reportlint::numbering {

// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九.
inline std::string han_numeral(int value) {
  static constexpr std::string_view kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (value <= 0 || value > 99) return std::to_string(value);
  std::string out;
  const int tens = value / 10, units = value % 10;
  if (tens > 1) out += kDigits[tens];
  if (tens > 0) out += "十";
  out += kDigits[units];
  return out;
}

// The numeral of `token` rewritten with `value`, in the same script: 三 / 3 / ３ / ③ / ⑶.
// Empty when it cannot be written so that the outline reads it back: above 99 (一百、 and
// 100. are no numbering tokens), an enclosed number above 20.
inline std::string numeral_for(const Document& doc, const NumberToken& token, int value) {
  const std::string_view old = doc.slice(token.numeral);
  if (value < 1 || value > 99) return {};
  switch (token.style) {
    case NumberStyle::han:
    case NumberStyle::han_paren:
    case NumberStyle::ordinal:
      return han_numeral(value);
    default:
      break;
  }
  if (token.brackets == BracketWidth::enclosed) {
    if (value < 1 || value > 20) return {};
    char32_t base = token.style == NumberStyle::circled ? 0x2460 : token.style == NumberStyle::arabic_paren ? 0x2474 : 0x2488;
    std::string out;
    utf8::append(out, base + static_cast<char32_t>(value - 1));
    return out;
  }
  const std::string digits = std::to_string(value);
  if (!old.empty() && static_cast<unsigned char>(old[0]) >= 0x80) {  // full-width digits
    std::string out;
    for (const char d : digits) utf8::append(out, U'０' + static_cast<char32_t>(d - '0'));
    return out;
  }
  return digits;
}

// A token as the standard writes it: 三、 （三） 3. （3） ③ 第三，
inline std::string canonical(NumberStyle style, int value) {
  switch (style) {
    case NumberStyle::han: return han_numeral(value) + "、";
    case NumberStyle::han_paren: return "（" + han_numeral(value) + "）";
    case NumberStyle::arabic: return std::to_string(value) + ".";
    case NumberStyle::arabic_paren: return "（" + std::to_string(value) + "）";
    case NumberStyle::circled: {
      std::string out;
      if (value >= 1 && value <= 20) utf8::append(out, char32_t{0x2460} + static_cast<char32_t>(value - 1));
      return out.empty() ? std::to_string(value) : out;
    }
    case NumberStyle::ordinal: return "第" + han_numeral(value) + "，";
    case NumberStyle::none: break;
  }
  return {};
}

// The token as written, without trailing spaces: (二)  1、  （一）、
inline std::string_view written(const Document& doc, const NumberToken& token) {
  std::string_view s = doc.slice(token.range);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (s.ends_with("　")) s.remove_suffix(3);
  return s;
}

// A rule that reads analyses the numbering rules share (inline_marks(), the sequence
// analysis). The plugin runs every rule with one DocumentAnalyses per document; a rule
// run alone makes its own.
class SharingRule : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const final {
    DocumentAnalyses own;
    check(doc, sink, own);
  }
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override = 0;
};

inline std::string quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

inline const NumberToken& token_of(const Outline& o, std::uint32_t section) {
  return o.lines[o.sections[section].line].number;
}

// Whether a section's heading has a number: a Word heading by style alone (标题 2) has
// none, and the numbering rules leave it alone.
inline bool numbered(const Outline& o, std::uint32_t section) {
  return token_of(o, section).style != NumberStyle::none;
}

// Sibling headings: the children of one parent (or the top-level sections of one
// document) at one level, in document order. Mixed levels under one parent (a skipped
// level) make separate groups.
struct SiblingGroup {
  std::int32_t parent = -1;  // section index, or -1 for the top of a document
  std::uint32_t document = 0;
  std::uint8_t level = 0;
  std::vector<std::uint32_t> sections;
};

inline std::vector<SiblingGroup> sibling_groups(const Outline& o) {
  std::vector<SiblingGroup> groups;
  auto split = [&](std::int32_t parent, std::uint32_t document, const std::vector<std::uint32_t>& children) {
    std::vector<SiblingGroup> local;
    for (const std::uint32_t s : children) {
      if (!numbered(o, s)) continue;
      const std::uint8_t level = o.sections[s].level;
      auto it = std::find_if(local.begin(), local.end(), [&](const SiblingGroup& g) { return g.level == level; });
      if (it == local.end()) {
        local.push_back({parent, document, level, {}});
        it = std::prev(local.end());
      }
      it->sections.push_back(s);
    }
    groups.insert(groups.end(), local.begin(), local.end());
  };
  for (std::uint32_t d = 0; d < o.documents.size(); ++d) split(-1, d, o.documents[d].sections);
  for (std::uint32_t s = 0; s < o.sections.size(); ++s)
    split(static_cast<std::int32_t>(s), o.sections[s].document, o.sections[s].children);
  return groups;
}

// "第18行的“二、”": where the previous item is, for notes.
inline std::string at_line(const Document& doc, const Outline& o, std::uint32_t section) {
  return "第" + std::to_string(o.sections[section].line + 1) + "行的" + quoted(written(doc, token_of(o, section)));
}

}  // namespace reportlint::numbering
