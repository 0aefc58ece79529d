// phrasing.traditional-char — a 公文 in simplified Chinese must not mix in traditional
// characters (《通用规范汉字表》). A character is reported when OpenCC's table maps it to
// simplified forms that do not include itself (發 → 发, but not 乾, 於 or 著, which are
// standard characters too); the fix is OpenCC's simplified form, certain when it gives one.
// Text in quotation marks and title marks (names, quoted titles) and verbatim spans are
// left alone.
#include <string>

#include "language_data.hpp"
#include "reportlint/plugin.hpp"
#include "reportlint/text.hpp"

namespace reportlint::phrasing {
namespace {

constexpr std::string_view kRule = "phrasing.traditional-char";

// The quoting marks whose content is kept as written.
bool opens_quote(char32_t c) { return c == U'“' || c == U'《' || c == U'「' || c == U'『' || c == U'〈'; }
bool closes_quote(char32_t c) { return c == U'”' || c == U'》' || c == U'」' || c == U'』' || c == U'〉'; }

class TraditionalChar final : public Rule {
 public:
  void configure(OptionReader& options) override {
    data_ = options.shared<LanguageData>("language-data", [&] { return LanguageData::load(options.context()); });
    if (!data_->has_traditional()) options.context().unavailable(kRule, data_->missing_traditional());
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    if (!sink.enabled(kRule) || !data_->has_traditional()) return;
    const std::string_view text = doc.text();
    const Outline& outline = doc.outline();
    for (std::size_t li = 0; li < doc.lines().size(); ++li) {
      if (outline.lines[li].kind == LineKind::code || outline.lines[li].kind == LineKind::blank) continue;
      const Line& line = doc.lines()[li];
      int quoted = 0;  // depth of quotation and title marks
      // A run of traditional characters is one finding: 發展 → 发展.
      std::uint32_t run_begin = 0, run_end = 0;
      std::string simplified;
      bool certain = true;
      auto flush = [&] {
        if (run_end > run_begin && !doc.is_verbatim({run_begin, run_end})) {
          const std::string found(text.substr(run_begin, run_end - run_begin));
          Diagnostic d = diagnostic({run_begin, run_end}, "“" + found + "”是繁体字，简体公文中应为“" + simplified + "”");
          d.fix = Fix{{Edit{{run_begin, run_end}, simplified}}, certain ? Applicability::safe : Applicability::unsafe, {}};
          sink.report(std::move(d));
        }
        run_begin = run_end = 0;
        simplified.clear();
        certain = true;
      };
      for (std::size_t i = line.begin; i < line.end;) {
        const std::size_t at = i;
        const char32_t cp = utf8::next(text, i);
        if (opens_quote(cp)) ++quoted;
        if (closes_quote(cp) && quoted > 0) --quoted;
        const tables::TraditionalEntry* t = quoted ? nullptr : data_->traditional(cp);
        if (!t) {
          if (run_end > run_begin) flush();
          continue;
        }
        if (run_end != at) {
          flush();
          run_begin = static_cast<std::uint32_t>(at);
        }
        run_end = static_cast<std::uint32_t>(i);
        utf8::append(simplified, t->simplified);
        certain = certain && t->candidates == 1;
      }
      flush();
    }
  }

 private:
  std::shared_ptr<const LanguageData> data_;
};

REPORTLINT_RULE(TraditionalChar, "phrasing.traditional-char", warning, sometimes, "简体公文中混入繁体字（發展→发展）");

}  // namespace
}  // namespace reportlint::phrasing
