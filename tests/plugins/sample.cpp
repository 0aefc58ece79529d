// A small, well-formed plugin for loader, config and fix tests: rule sample.word reports
// each occurrence of a configured word and offers to replace it.
#include <string>

#include "reportlint/plugin.hpp"

namespace {

class Word final : public reportlint::Rule {
 public:
  void configure(reportlint::OptionReader& options) override {
    word_ = options.get_string("word", "样例");
    replacement_ = options.get_string("replacement", "示例");
    if (word_.empty()) options.context().error(options.get("word")->source(), "“word”不能为空");
  }
  void check(const reportlint::Document& doc, reportlint::DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for (std::size_t at = text.find(word_); at != std::string_view::npos; at = text.find(word_, at + word_.size())) {
      const reportlint::TextRange r{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word_.size())};
      auto d = diagnostic(r, "发现“" + word_ + "”");
      d.fix = reportlint::Fix{{{r, replacement_}}, reportlint::Applicability::safe, {}};
      sink.report(std::move(d));
    }
  }

 private:
  std::string word_, replacement_;
};

REPORTLINT_RULE(Word, "sample.word", warning, always, "示例规则：报告配置的词");

}  // namespace

REPORTLINT_PLUGIN("sample", "1.0.0");
