// A plugin that reports a range past the end of the text: the core must refuse it.
#include "reportlint/plugin.hpp"

namespace {

class Past final : public reportlint::Rule {
 public:
  void check(const reportlint::Document& doc, reportlint::DiagnosticSink& sink) const override {
    const auto end = static_cast<std::uint32_t>(doc.text().size());
    sink.report(diagnostic({end, end + 10}, "越界"));
  }
};

REPORTLINT_RULE(Past, "badrange.past-end", error, none, "报告越界的范围");

}  // namespace

REPORTLINT_PLUGIN("badrange", "1.0.0");
