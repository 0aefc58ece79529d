#include "segmenter.hpp"

#include <cmath>
#include <limits>

#include "reportlint/text.hpp"

namespace reportlint::phrasing {
namespace {

constexpr double kUnknownPenalty = 5.0;  // below the rarest word (frequency 1), as jieba's HMM fallback would be
constexpr std::size_t kMaxWordBytes = 64;

}  // namespace

double Segmenter::segment(std::string_view text, std::vector<Token>& tokens) const {
  // Character starts, then best[i]: the best score of text from the i-th character on.
  std::vector<std::uint32_t> starts;
  for (std::size_t i = 0; i < text.size();) {
    starts.push_back(static_cast<std::uint32_t>(i));
    i += utf8::sequence_length(static_cast<unsigned char>(text[i]));
  }
  const std::size_t n = starts.size();
  starts.push_back(static_cast<std::uint32_t>(text.size()));
  std::vector<double> best(n + 1, -std::numeric_limits<double>::infinity());
  std::vector<std::uint32_t> next(n + 1, 0);
  best[n] = 0;
  const double log_total = lexicon_.log_total();
  for (std::size_t i = n; i-- > 0;) {
    // A single character: a word if the dictionary has it, else at the unknown cost.
    for (std::size_t j = i + 1; j <= n && starts[j] - starts[i] <= kMaxWordBytes; ++j) {
      const auto* slot = lexicon_.find(text.substr(starts[i], starts[j] - starts[i]));
      if (!slot) {
        if (j == i + 1) {
          const double v = -log_total - kUnknownPenalty + best[j];
          if (v > best[i]) best[i] = v, next[i] = static_cast<std::uint32_t>(j);
        }
        break;  // no word continues this one
      }
      const double v = slot->freq ? std::log(static_cast<double>(slot->freq)) - log_total + best[j]
                                  : (j == i + 1 ? -log_total - kUnknownPenalty + best[j] : -std::numeric_limits<double>::infinity());
      if (v > best[i]) best[i] = v, next[i] = static_cast<std::uint32_t>(j);
    }
  }
  tokens.clear();
  for (std::size_t i = 0; i < n; i = next[i]) tokens.push_back({starts[i], starts[next[i]]});
  return best[0];
}

}  // namespace reportlint::phrasing
