#include "sentence_model.hpp"

#include <exception>

#include <libime/core/languagemodel.h>

namespace reportlint::phrasing {

std::shared_ptr<const SentenceModel> SentenceModel::load(const std::string& path, std::string& error) {
  try {
    return std::shared_ptr<const SentenceModel>(new SentenceModel(std::make_unique<libime::LanguageModel>(path.c_str())));
  } catch (const std::exception& e) {
    error = std::string("无法读取 libime 的中文语言模型（libime-data-language-model）：") + e.what();
    return nullptr;
  }
}

SentenceModel::SentenceModel(std::unique_ptr<libime::LanguageModel> model) : model_(std::move(model)) {}

SentenceModel::~SentenceModel() = default;

float SentenceModel::score(const std::vector<std::string_view>& words) const {
  return model_->wordsScore(model_->beginState(), words);
}

}  // namespace reportlint::phrasing
