// Issue 3: --fix changes numbering tokens and nothing else. Every certain fix of a
// numbering rule must edit only inside a heading's token (brackets, numeral, mark,
// spaces) or an enumeration word with the mark after it — on every numbering fixture and
// on the sample corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <ranges>

#include "numbering/inline_marks.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;

// Returns how many edits it checked.
std::size_t expect_fixes_inside_tokens(const std::string& name, const std::string& text) {
  const auto linter = test::builtin_linter();
  const Document doc = test::make_document(text, name);
  const Outline& o = doc.outline();
  std::vector<TextRange> tokens;
  for (const LineInfo& l : o.lines)
    if (l.number.style != NumberStyle::none) tokens.push_back(l.number.range);
  for (const numbering::EnumMarker& m : numbering::find_inline_marks(doc).markers) tokens.push_back({m.range.begin, m.range.end + 3});  // the word and its mark
  std::size_t checked = 0;
  for (const Diagnostic& d : linter->lint(doc)) {
    if (!d.rule.starts_with("numbering.") || !d.fix || d.fix->applicability != Applicability::safe) continue;
    for (const Edit& e : d.fix->edits) {
      const bool inside = std::any_of(tokens.begin(), tokens.end(), [&](TextRange t) {
        return t.begin <= e.range.begin && e.range.end <= t.end;
      });
      EXPECT_TRUE(inside) << name << ": " << d.rule << " edits bytes [" << e.range.begin << ", " << e.range.end
                          << ") outside any numbering token";
      ++checked;
    }
  }
  return checked;
}

TEST(NumberingFixes, StayInsideTokens) {
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(test::kSourceDir / "tests" / "fixtures" / "numbering")) {
    if (entry.path().extension() != ".txt" || entry.path().string().find(".fixed.") != std::string::npos) continue;
    std::string text;
    for (std::string_view line : std::views::split(test::read_file(entry.path()), '\n') |
                                     std::views::transform([](auto r) { return std::string_view(r.begin(), r.end()); }))
      if (!line.starts_with("#")) text.append(line).append("\n");
    checked += expect_fixes_inside_tokens(entry.path().filename().string(), text);
  }
  EXPECT_GT(checked, 20u) << "the fixtures should exercise many numbering fixes";
  const fs::path corpus = test::kSharedDir / "corpus" / "000_cdfd43f75199d920.txt";
  if (fs::exists(corpus)) {
    EXPECT_GT(expect_fixes_inside_tokens("sample corpus", test::read_file(corpus)), 0u);
  }
}

}  // namespace
}  // namespace reportlint
