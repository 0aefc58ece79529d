#include "language_data.hpp"

#include <algorithm>
#include <stdexcept>

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
  data.model_->module = SentenceModel::module_beside_plugin();
  if (::stat(data.model_->path.c_str(), &st) != 0)
    data.missing_model_ = "没有安装 libime 的中文语言模型（Debian 软件包 libime-data-language-model）";
  else if (::stat(data.model_->module.c_str(), &st) != 0)
    data.missing_model_ = "没有找到语言模型模块 " + data.model_->module.string();
  const std::string traditional = context.data_file("traditional.bin");
  auto traditional_file = traditional.empty() ? nullptr : TableFile::open(traditional, error);
  if (!traditional_file) {
    data.missing_traditional_ = traditional.empty() ? "没有安装繁体字表 traditional.bin（由 OpenCC 的数据生成）" : error;
  } else {
    data.traditional_ = traditional_file->section<tables::TraditionalEntry>(tables::SectionKind::traditional);
    data.traditional_bits_ = std::make_shared<std::vector<std::uint64_t>>(kBitmapLimit / 64);
    for (const tables::TraditionalEntry& e : data.traditional_)
      if (e.traditional < kBitmapLimit) (*data.traditional_bits_)[e.traditional / 64] |= std::uint64_t{1} << (e.traditional % 64);
    data.traditional_file_ = std::move(traditional_file);
  }
  return data;
}

const SentenceModel& LanguageData::model() const {
  std::call_once(model_->once, [&] { model_->model = SentenceModel::load(model_->module, model_->path, model_->error); });
  if (!model_->model) throw std::runtime_error(model_->error);
  return *model_->model;
}

const tables::TraditionalEntry* LanguageData::traditional(char32_t cp) const {
  // Nearly every character is not in the table: a bit answers that without a search.
  if (cp < kBitmapLimit && !(((*traditional_bits_)[cp / 64] >> (cp % 64)) & 1)) return nullptr;
  const auto it = std::lower_bound(traditional_.begin(), traditional_.end(), static_cast<std::uint32_t>(cp),
                                   [](const tables::TraditionalEntry& e, std::uint32_t c) { return e.traditional < c; });
  return it != traditional_.end() && it->traditional == cp ? &*it : nullptr;
}

}  // namespace reportlint::phrasing
