// The rules whose findings come from the phrase packs: each reports the matches of the
// entries that name it. All of them share one scan of the document per check.
//
// A rule is added here (a line in kPackRules and a REPORTLINT_RULE), with its doc page
// and fixture; pack entries then name it in `rule`.
#include <memory>
#include <string>

#include <algorithm>

#include "colloquial_patterns.hpp"
#include "language_data.hpp"
#include "phrase_matcher.hpp"
#include "phrase_pack.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::phrasing {
namespace {

// {found}: the text found; {replace}: the replacements, joined with 或.
constexpr PackRule kPackRules[] = {
    {"misused", "“{found}”应为“{replace}”"},
    {"variant", "“{found}”是不推荐的异形词，应写作“{replace}”"},
    {"banned", "公文中不得使用“{found}”，应改为“{replace}”"},
    {"colloquial", "“{found}”是口语或网络用语，公文中宜改为“{replace}”"},
    {"redundant", "“{found}”语义重复，宜改为“{replace}”"},
    {"double-approximation", "“{found}”重复表示概数，只保留一个（如“{replace}”）"},
    {"formulation", "“{found}”不是规范的完整表述，应为“{replace}”"},
};

std::string format_message(std::string_view pattern, std::string_view found, const std::vector<std::string>& replace) {
  std::string alternatives;
  for (const std::string& r : replace) alternatives += (alternatives.empty() ? "" : "”或“") + r;
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i).starts_with("{found}")) {
      out += found;
      i += 7;
    } else if (pattern.substr(i).starts_with("{replace}")) {
      out += alternatives;
      i += 9;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

// The default message of a rule, without its replacement clause when there is none:
// “{found}”是口语或网络用语 rather than …宜改为“”.
std::string default_message(std::string_view rule_message, bool has_replacement) {
  if (has_replacement) return std::string(rule_message);
  const std::size_t cut = rule_message.rfind("，");
  return std::string(rule_message.substr(0, cut));
}

class PackRuleBase : public Rule {
 public:
  explicit PackRuleBase(std::string_view name) : name_(name) {
    for (const PackRule& r : kPackRules)
      if (r.name == name) message_ = r.default_message;
  }

  void configure(OptionReader& options) override {
    packs_ = options.shared<CompiledPacks>("packs", [&] { return CompiledPacks{PhraseMatcher(PackSet::load(options).entries())}; });
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }

  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const PhraseMatcher& matcher = packs_->matcher;
    const auto& matches = pack_matches(*packs_, doc, analyses);
    for (const PhraseMatch& m : matches) {
      const Entry& e = matcher.entries()[m.entry];
      if (e.rule != name_) continue;
      const std::string_view found = doc.slice(m.range);
      const std::string pattern = e.message.empty() ? default_message(message_, !e.replace.empty()) : e.message;
      Diagnostic d = diagnostic(m.range, format_message(pattern, found, e.replace));
      if (!e.source.empty()) d.notes.push_back({"依据：" + e.source, std::nullopt});
      if (!e.replace.empty())
        d.fix = Fix{{Edit{m.range, e.replace.front()}}, e.certain ? Applicability::safe : Applicability::unsafe, {}};
      sink.report(std::move(d));
    }
  }

 protected:
  const CompiledPacks& packs() const { return *packs_; }

 private:
  std::string_view name_;
  std::string_view message_;
  std::shared_ptr<const CompiledPacks> packs_;
};

#define REPORTLINT_PACK_RULE(CLASS, NAME)             \
  class CLASS final : public PackRuleBase {           \
   public:                                            \
    CLASS() : PackRuleBase(NAME) {}                   \
  }

REPORTLINT_PACK_RULE(Misused, "misused");
REPORTLINT_PACK_RULE(Variant, "variant");
REPORTLINT_PACK_RULE(Banned, "banned");
// Colloquial words come from the pack and from patterns of spoken register
// (colloquial_patterns.hpp), which need the dictionary: without it, the pack alone.
class Colloquial final : public PackRuleBase {
 public:
  Colloquial() : PackRuleBase("colloquial") {}
  void configure(OptionReader& options) override {
    PackRuleBase::configure(options);
    data_ = options.shared<LanguageData>("language-data", [&] { return LanguageData::load(options.context()); });
  }
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    PackRuleBase::check(doc, sink, analyses);
    if (!data_->lexicon() || !sink.enabled("phrasing.colloquial")) return;
    std::vector<ColloquialHit> hits;
    find_colloquial(doc, *data_->lexicon(), hits);
    const auto& matches = pack_matches(packs(), doc, analyses);
    for (ColloquialHit& h : hits) {
      if (doc.is_verbatim(h.range)) continue;
      if (std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& m) { return m.range.overlaps(h.range); }))
        continue;  // the pack's entry says it
      Diagnostic d = diagnostic(h.range, std::move(h.message));
      if (!h.replacement.empty()) d.fix = Fix{{Edit{h.range, h.replacement}}, Applicability::unsafe, {}};
      sink.report(std::move(d));
    }
  }
  using PackRuleBase::check;

 private:
  std::shared_ptr<const LanguageData> data_;
};
REPORTLINT_PACK_RULE(Redundant, "redundant");
REPORTLINT_PACK_RULE(DoubleApproximation, "double-approximation");
REPORTLINT_PACK_RULE(Formulation, "formulation");

REPORTLINT_RULE(Misused, "phrasing.misused", error, sometimes, "错别字和误用的词（截止目前→截至目前）");
REPORTLINT_RULE(Variant, "phrasing.variant", warning, sometimes, "不推荐的异形词（笔划→笔画）");
REPORTLINT_RULE(Banned, "phrasing.banned", error, sometimes, "公文禁用的词语");
REPORTLINT_RULE(Colloquial, "phrasing.colloquial", warning, sometimes, "口语、方言和网络用语");
REPORTLINT_RULE(Redundant, "phrasing.redundant", note, sometimes, "语义重复的表达（凯旋归来、涉及到）");
REPORTLINT_RULE(DoubleApproximation, "phrasing.double-approximation", warning, sometimes,
                "重复表示概数（超过……余、约……左右）");
REPORTLINT_RULE(Formulation, "phrasing.formulation", warning, sometimes, "不完整的规范表述（缺“习近平”的思想名称）");

}  // namespace

std::span<const PackRule> pack_rules() { return kPackRules; }

}  // namespace reportlint::phrasing
