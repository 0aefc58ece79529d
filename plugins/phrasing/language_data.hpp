// The language data the phrasing plugin's dictionary-based rules share: jieba's words and
// the typo indexes (words.bin), the shape pairs (shapes.bin), OpenCC's traditional-only
// characters (traditional.bin), and libime's language model — each found once per
// configuration; the model is mapped the first time a document needs it, so startup does
// not pay for it.
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "lexicon.hpp"
#include "reportlint/checker.hpp"
#include "sentence_model.hpp"

namespace reportlint::phrasing {

class LanguageData {
 public:
  static LanguageData load(ConfigureContext& context);

  // Null when words.bin is not installed (`missing_words` says why).
  const Lexicon* lexicon() const noexcept { return lexicon_.get(); }
  const std::string& missing_words() const noexcept { return missing_words_; }
  // The language model, mapped on first use. Call only when `missing_model` is empty; a
  // model that is installed but cannot be read throws (the linter names the file).
  const SentenceModel& model() const;
  const std::string& missing_model() const noexcept { return missing_model_; }

  // The simplified form of a character that exists only as a traditional one (OpenCC), or
  // null; `missing_traditional` says why when the table is not installed.
  const tables::TraditionalEntry* traditional(char32_t cp) const;
  bool has_traditional() const noexcept { return traditional_file_ != nullptr; }
  const std::string& missing_traditional() const noexcept { return missing_traditional_; }

 private:
  struct LazyModel {
    std::string path;
    std::filesystem::path module;
    std::once_flag once;
    std::shared_ptr<const SentenceModel> model;
    std::string error;
  };
  std::shared_ptr<const Lexicon> lexicon_;
  std::string missing_words_, missing_model_, missing_traditional_;
  std::shared_ptr<LazyModel> model_;
  std::shared_ptr<TableFile> traditional_file_;
  std::span<const tables::TraditionalEntry> traditional_;
  // One bit per code point below kBitmapLimit (the BMP and CJK extensions B–F): in the table?
  static constexpr char32_t kBitmapLimit = 0x30000;
  std::shared_ptr<std::vector<std::uint64_t>> traditional_bits_;
};

}  // namespace reportlint::phrasing
