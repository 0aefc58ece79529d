// phrasing.suspected-typo — misspellings no phrase pack lists (typo_detector.hpp): a
// warning with the likely word as a suggestion, never a certain fix. Each clause of the
// outline is scanned; what the packs already report, quoted titles, verbatim spans and
// forms the document uses more than once are left alone.
#include <algorithm>
#include <string>
#include <unordered_map>

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

// In the language server the same draft is linted at every edit, and an edit changes one
// clause: each clause's hits (which depend on its text alone) are kept per thread between
// runs, for the detector that found them, up to a bound on the text kept.
class ClauseCache {
 public:
  // The hits of `clause` found before by `owner`'s detector, or null.
  const std::vector<TypoHit>* find(const void* owner, std::string_view clause) {
    if (owner != owner_) {
      entries_.clear();
      bytes_ = 0;
      owner_ = owner;
    }
    const auto it = entries_.find(clause);
    return it == entries_.end() ? nullptr : &it->second;
  }
  void add(std::string_view clause, std::vector<TypoHit> hits) {
    if (bytes_ + clause.size() > kMaxBytes) {
      entries_.clear();
      bytes_ = 0;
    }
    bytes_ += clause.size();
    entries_.emplace(std::string(clause), std::move(hits));
  }

 private:
  static constexpr std::size_t kMaxBytes = 64u << 20;  // of clause text
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  const void* owner_ = nullptr;
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, std::vector<TypoHit>, Hash, std::equal_to<>> entries_;
};

class SuspectedTypo final : public Rule {
 public:
  void configure(OptionReader& options) override {
    data_ = options.shared<LanguageData>("language-data", [&] { return LanguageData::load(options.context()); });
    keep_clauses_ = options.context().interactive();
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
    [[gnu::tls_model("initial-exec")]] thread_local ClauseCache cache;
    for (const Clause& clause : doc.outline().clauses) {
      const std::size_t before = hits.size();
      const std::string_view text_of_clause = doc.slice(clause.range);
      if (!keep_clauses_) {
        detector.scan(text_of_clause, hits);
      } else if (const std::vector<TypoHit>* known = cache.find(data_.get(), text_of_clause)) {
        hits.insert(hits.end(), known->begin(), known->end());
      } else {
        detector.scan(text_of_clause, hits);
        cache.add(text_of_clause, std::vector<TypoHit>(hits.begin() + static_cast<std::ptrdiff_t>(before), hits.end()));
      }
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
  bool keep_clauses_ = false;
  std::shared_ptr<const LanguageData> data_;
  std::shared_ptr<const CompiledPacks> packs_;
};

REPORTLINT_RULE(SuspectedTypo, "phrasing.suspected-typo", warning, sometimes,
                "疑似错别字：常用词或成语改了一个形近、音近的字（再接再励→再接再厉）");

}  // namespace
}  // namespace reportlint::phrasing
