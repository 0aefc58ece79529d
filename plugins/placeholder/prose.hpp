// Helpers shared by the placeholder rules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/document.hpp"
#include "reportlint/keyword_matcher.hpp"
#include "reportlint/options.hpp"
#include "reportlint/plugin.hpp"
#include "reportlint/text.hpp"

namespace reportlint::placeholder {

// A word the template site replaced (placeholder.censored-word): the replacement's range,
// the word it stands for, and whether the context leaves no doubt.
struct Censored {
  TextRange range;
  std::string original;
  bool certain = true;
};
std::vector<Censored> find_censored(const Document& doc);
// The same, computed once per document and shared by the plugin's rules: an x that stands
// for 党 is not also an unfilled blank.
const std::vector<Censored>& censored_in(const Document& doc, DocumentAnalyses& analyses);

inline bool starts_with_at(std::string_view text, std::size_t at, std::size_t end, std::string_view word) {
  return at + word.size() <= end && text.substr(at, word.size()) == word;
}

inline bool ends_with_at(std::string_view text, std::size_t at, std::size_t begin, std::string_view word) {
  return at >= begin + word.size() && text.substr(at - word.size(), word.size()) == word;
}

template <std::size_t N>
bool starts_with_any(std::string_view text, std::size_t at, std::size_t end, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (starts_with_at(text, at, end, w)) return true;
  return false;
}

template <std::size_t N>
bool ends_with_any(std::string_view text, std::size_t at, std::size_t begin, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (ends_with_at(text, at, begin, w)) return true;
  return false;
}

// The `allow` option: phrases in which nothing is reported, e.g. a product named "XX3".
class AllowList {
 public:
  // Built once for the plugin's rules, so an empty phrase is reported once.
  void configure(OptionReader& options) {
    matcher_ = options.shared<KeywordMatcher>("placeholder.allow", [&] {
      KeywordMatcher matcher;
      for (const auto& item : options.get_strings("allow")) {
        if (item.value.empty()) {
          options.context().error(item.source, "“allow”中的短语不能为空");
          continue;
        }
        matcher.add(item.value);
      }
      matcher.build();
      return matcher;
    });
  }

  // Occurrences of allowed phrases in the document, sorted.
  std::vector<TextRange> find(const Document& doc) const {
    std::vector<TextRange> found;
    if (matcher_->size() == 0) return found;
    matcher_->scan(doc.text(), [&](std::uint32_t, std::size_t b, std::size_t e) {
      found.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    });
    std::sort(found.begin(), found.end(), [](TextRange a, TextRange b) { return a.begin < b.begin; });
    return found;
  }

  // Where a rule of this plugin must not report in `doc`: inside verbatim text (URLs,
  // code) or inside an occurrence of an allowed phrase.
  class Exclusions {
   public:
    Exclusions(const Document& doc, std::vector<TextRange> allowed) : doc_(doc), allowed_(std::move(allowed)) {}
    bool operator()(TextRange r) const {
      return doc_.is_verbatim(r) || std::any_of(allowed_.begin(), allowed_.end(), [&](TextRange a) {
               return a.begin <= r.begin && r.end <= a.end;
             });
    }

   private:
    const Document& doc_;
    std::vector<TextRange> allowed_;
  };
  Exclusions exclusions(const Document& doc) const { return Exclusions(doc, find(doc)); }

 private:
  std::shared_ptr<const KeywordMatcher> matcher_;
};

}  // namespace reportlint::placeholder
