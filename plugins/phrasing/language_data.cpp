#include "language_data.hpp"

#include <algorithm>

#include <sys/stat.h>

namespace reportlint::phrasing {

LanguageData LanguageData::load(ConfigureContext& context) {
  LanguageData data;
  std::string error;
  const std::string words = context.data_file("words.bin");
  auto words_file = words.empty() ? nullptr : TableFile::open(words, error);
  if (!words_file) {
    data.missing_words_ = words.empty() ? "没有安装词表 words.bin（由 python3-jieba 的词典生成）" : error;
  } else {
    const std::string shapes = context.data_file("shapes.bin");
    auto shapes_file = shapes.empty() ? nullptr : TableFile::open(shapes, error);
    data.lexicon_ = std::make_shared<const Lexicon>(std::move(words_file), std::move(shapes_file));
  }
  struct stat st {};
  data.model_ = std::make_shared<LazyModel>();
  data.model_->path = REPORTLINT_LIBIME_MODEL;
  if (::stat(data.model_->path.c_str(), &st) != 0)
    data.missing_model_ = "没有安装 libime 的中文语言模型（Debian 软件包 libime-data-language-model）";
  const std::string traditional = context.data_file("traditional.bin");
  auto traditional_file = traditional.empty() ? nullptr : TableFile::open(traditional, error);
  if (!traditional_file) {
    data.missing_traditional_ = traditional.empty() ? "没有安装繁体字表 traditional.bin（由 OpenCC 的数据生成）" : error;
  } else {
    data.traditional_ = traditional_file->section<tables::TraditionalEntry>(tables::SectionKind::traditional);
    data.traditional_file_ = std::move(traditional_file);
  }
  return data;
}

const SentenceModel* LanguageData::model() const {
  if (!missing_model_.empty()) return nullptr;
  std::call_once(model_->once, [&] {
    std::string error;
    model_->model = SentenceModel::load(model_->path, error);
  });
  return model_->model.get();
}

const tables::TraditionalEntry* LanguageData::traditional(char32_t cp) const {
  const auto it = std::lower_bound(traditional_.begin(), traditional_.end(), static_cast<std::uint32_t>(cp),
                                   [](const tables::TraditionalEntry& e, std::uint32_t c) { return e.traditional < c; });
  return it != traditional_.end() && it->traditional == cp ? &*it : nullptr;
}

}  // namespace reportlint::phrasing
