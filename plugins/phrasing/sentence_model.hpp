// A word n-gram language model of Chinese, to tell whether a changed character makes a
// clause read better: libime's model (libime-data-language-model, a KenLM model of
// fcitx5's pinyin input). libime lives in its own module (lm/lm_module.h), opened with the
// model on first use, so that loading the plugin does not load libime.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/dll/shared_library.hpp>

namespace reportlint::phrasing {

class SentenceModel {
 public:
  // The module beside this plugin: <plugin dir>/phrasing/lm.so.
  static std::filesystem::path module_beside_plugin();
  // The model at `model_path` (libime's zh_CN.lm) read by the module at `module_path`, or
  // null with `error` saying why.
  static std::shared_ptr<const SentenceModel> load(const std::filesystem::path& module_path,
                                                   const std::string& model_path, std::string& error);
  ~SentenceModel();
  SentenceModel(const SentenceModel&) = delete;
  SentenceModel& operator=(const SentenceModel&) = delete;

  // log10 of the probability of `words` as (part of) a sentence, from its start.
  float score(const std::vector<std::string_view>& words) const;

 private:
  using Score = float(const void*, const char* const*, const std::size_t*, std::size_t);
  using Close = void(void*);
  SentenceModel(boost::dll::shared_library module, void* model, Score* score, Close* close);

  boost::dll::shared_library module_;
  void* model_;
  Score* score_;
  Close* close_;
};

}  // namespace reportlint::phrasing
