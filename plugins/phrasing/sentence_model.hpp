// A word n-gram language model of Chinese, to tell whether a changed character makes a
// clause read better: libime's model (libime-data-language-model, a KenLM model of
// fcitx5's pinyin input), through libimecore. Loaded on first use, by memory-mapping.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace libime {
class LanguageModel;
}

namespace reportlint::phrasing {

class SentenceModel {
 public:
  // The model at `path` (libime's zh_CN.lm), or null with `error` saying why.
  static std::shared_ptr<const SentenceModel> load(const std::string& path, std::string& error);
  ~SentenceModel();

  // log10 of the probability of `words` as (part of) a sentence, from its start.
  float score(const std::vector<std::string_view>& words) const;

 private:
  explicit SentenceModel(std::unique_ptr<libime::LanguageModel> model);
  std::unique_ptr<libime::LanguageModel> model_;
};

}  // namespace reportlint::phrasing
