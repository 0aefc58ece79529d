// A plugin whose check() throws: the core must report it, naming the plugin, and exit 2.
#include <stdexcept>

#include "reportlint/plugin.hpp"

namespace {

class Boom final : public reportlint::Rule {
 public:
  void check(const reportlint::Document&, reportlint::DiagnosticSink&) const override {
    throw std::runtime_error("boom");
  }
};

REPORTLINT_RULE(Boom, "throwing.boom", error, none, "总是抛出异常");

}  // namespace

REPORTLINT_PLUGIN("throwing", "1.0.0");
