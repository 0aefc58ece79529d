// phrasing.suspected-typo — misspellings no phrase pack lists (typo_detector.hpp): a
// warning with the likely word as a suggestion, never a certain fix. Each clause of the
// outline is scanned; what the packs already report, quoted titles, verbatim spans and
// forms the document uses more than once are left alone.
#include <algorithm>
#include <string>

#include "language_data.hpp"
#include "phrase_matcher.hpp"
#include "reportlint/plugin.hpp"
#include "reportlint/text.hpp"
#include "typo_detector.hpp"

namespace reportlint::phrasing {
namespace {

constexpr std::string_view kRule = "phrasing.suspected-typo";

// Whether byte `at` of the line lies inside 《…》: a title is quoted as it was written.
bool in_title(std::string_view line, std::size_t at) {
  const std::size_t open = line.rfind("《", at);
  if (open == std::string_view::npos) return false;
  const std::size_t close = line.find("》", open);
  return close == std::string_view::npos || close >= at;
}

class SuspectedTypo final : public Rule {
 public:
  void configure(OptionReader& options) override {
    data_ = options.shared<LanguageData>("language-data", [&] { return LanguageData::load(options.context()); });
    packs_ = options.shared<CompiledPacks>("packs", [&] { return CompiledPacks{PhraseMatcher(PackSet::load(options).entries())}; });
    if (!data_->lexicon())
      options.context().unavailable(kRule, data_->missing_words());
    else if (!data_->missing_model().empty())
      options.context().unavailable(kRule, data_->missing_model());
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }

  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    if (!sink.enabled(kRule) || !data_->lexicon() || !data_->missing_model().empty()) return;
    const TypoDetector detector(*data_->lexicon(), [this]() -> const SentenceModel& { return data_->model(); });
    const std::string_view text = doc.text();
    std::vector<TypoHit> hits;
    for (const Clause& clause : doc.outline().clauses) {
      const std::size_t before = hits.size();
      detector.scan(doc.slice(clause.range), hits);
      for (std::size_t k = before; k < hits.size(); ++k) {
        for (std::uint32_t* offset : {&hits[k].begin, &hits[k].end, &hits[k].changed_begin, &hits[k].changed_end})
          *offset += clause.range.begin;
      }
    }
    drop_repeated(text, hits);
    drop_parallel(text, hits);
    const auto& matches = pack_matches(*packs_, doc, analyses);
    for (const TypoHit& h : hits) {
      const TextRange window{h.begin, h.end};
      if (doc.is_verbatim(window)) continue;
      const bool listed = std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& m) { return m.range.overlaps(window); });
      if (listed) continue;  // the packs say it better
      const std::size_t line = doc.line_at(h.begin);
      if (in_title(doc.line_text(line), h.begin - doc.lines()[line].begin)) continue;
      const std::string_view found = doc.slice(window);
      std::string written, meant, word;
      utf8::append(written, h.written);
      utf8::append(meant, h.meant);
      word.append(text.substr(h.begin, h.changed_begin - h.begin)).append(meant).append(text.substr(h.changed_end, h.end - h.changed_end));
      Diagnostic d = diagnostic(TextRange{h.changed_begin, h.changed_end},
                                "疑似错别字：“" + std::string(found) + "”中的“" + written + "”可能应为“" + meant + "”（" + word + "）");
      d.fix = Fix{{Edit{TextRange{h.changed_begin, h.changed_end}, meant}}, Applicability::unsafe, "改为“" + meant + "”"};
      sink.report(std::move(d));
    }
  }

 private:
  std::shared_ptr<const LanguageData> data_;
  std::shared_ptr<const CompiledPacks> packs_;
};

REPORTLINT_RULE(SuspectedTypo, "phrasing.suspected-typo", warning, sometimes,
                "疑似错别字：常用词或成语改了一个形近、音近的字（再接再励→再接再厉）");

}  // namespace
}  // namespace reportlint::phrasing
