// A plugin declaring a rule id outside its namespace: loading must fail.
#include "reportlint/plugin.hpp"

namespace {

class Wrong final : public reportlint::Rule {
 public:
  void check(const reportlint::Document&, reportlint::DiagnosticSink&) const override {}
};

REPORTLINT_RULE(Wrong, "other.Wrong_Id", error, none, "规则名不合法");

}  // namespace

REPORTLINT_PLUGIN("badid", "1.0.0");
