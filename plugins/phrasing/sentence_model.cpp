#include "sentence_model.hpp"

#include <exception>

#include <boost/dll/runtime_symbol_info.hpp>

namespace reportlint::phrasing {

namespace {
constexpr const char* kModelMissing = "无法读取 libime 的中文语言模型（libime-data-language-model）：";
}

std::filesystem::path SentenceModel::module_beside_plugin() {
  std::error_code ec;
  return boost::dll::this_line_location(ec).parent_path() / "phrasing" / "lm.so";
}

std::shared_ptr<const SentenceModel> SentenceModel::load(const std::filesystem::path& module_path,
                                                         const std::string& model_path, std::string& error) {
  try {
    boost::dll::shared_library module(module_path,
                                      boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    using Open = void*(const char*, char*, std::size_t);
    Open& open = module.get<Open>("reportlint_lm_open");
    Score& score = module.get<Score>("reportlint_lm_score");
    Close& close = module.get<Close>("reportlint_lm_close");
    char reason[512] = "";
    void* model = open(model_path.c_str(), reason, sizeof reason);
    if (model == nullptr) {
      error = std::string(kModelMissing) + reason;
      return nullptr;
    }
    return std::shared_ptr<const SentenceModel>(new SentenceModel(std::move(module), model, &score, &close));
  } catch (const std::exception& e) {
    error = "无法加载语言模型模块 " + module_path.string() + "：" + e.what();
    return nullptr;
  }
}

SentenceModel::SentenceModel(boost::dll::shared_library module, void* model, Score* score, Close* close)
    : module_(std::move(module)), model_(model), score_(score), close_(close) {}

SentenceModel::~SentenceModel() { close_(model_); }

float SentenceModel::score(const std::vector<std::string_view>& words) const {
  // Up to a clause's worth of words on the stack; a longer sentence falls back to the heap.
  constexpr std::size_t kInline = 64;
  const char* inline_data[kInline];
  std::size_t inline_sizes[kInline];
  std::vector<const char*> heap_data;
  std::vector<std::size_t> heap_sizes;
  const char** data = inline_data;
  std::size_t* sizes = inline_sizes;
  if (words.size() > kInline) {
    heap_data.resize(words.size());
    heap_sizes.resize(words.size());
    data = heap_data.data();
    sizes = heap_sizes.data();
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    data[i] = words[i].data();
    sizes[i] = words[i].size();
  }
  return score_(model_, data, sizes, words.size());
}

}  // namespace reportlint::phrasing
