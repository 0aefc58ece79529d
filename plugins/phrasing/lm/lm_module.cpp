#include "lm_module.h"

#include <cstring>
#include <exception>
#include <string_view>
#include <vector>

#include <libime/core/languagemodel.h>

#define REPORTLINT_LM_EXPORT __attribute__((visibility("default")))

extern "C" {

REPORTLINT_LM_EXPORT void* reportlint_lm_open(const char* path, char* error, size_t error_size) {
  try {
    return new libime::LanguageModel(path);
  } catch (const std::exception& e) {
    if (error_size > 0) {
      std::strncpy(error, e.what(), error_size - 1);
      error[error_size - 1] = '\0';
    }
    return nullptr;
  }
}

REPORTLINT_LM_EXPORT float reportlint_lm_score(const void* model, const char* const* words, const size_t* sizes,
                                               size_t count) {
  const auto& lm = *static_cast<const libime::LanguageModel*>(model);
  std::vector<std::string_view> views;
  views.reserve(count);
  for (size_t i = 0; i < count; ++i) views.emplace_back(words[i], sizes[i]);
  return lm.wordsScore(lm.beginState(), views);
}

REPORTLINT_LM_EXPORT void reportlint_lm_close(void* model) { delete static_cast<libime::LanguageModel*>(model); }
}
