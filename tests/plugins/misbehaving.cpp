// A plugin that misbehaves on purpose, to test that reportlint names it. Built once per
// case: MISBEHAVE_AT is 1 (while being loaded: a static constructor) or 2 (in check());
// MISBEHAVE_HOW is 1 (crash: an illegal instruction), 2 (abort), 3 (exit(0)) or 4 (hang).
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

#include "reportlint/plugin.hpp"

namespace {

void misbehave() {
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);  // no core file left behind by the test
#if MISBEHAVE_HOW == 1
  __builtin_trap();  // SIGILL, which sanitizers leave to the program's handler
#elif MISBEHAVE_HOW == 2
  std::abort();
#elif MISBEHAVE_HOW == 3
  std::exit(0);
#else
  for (;;) pause();
#endif
}

#if MISBEHAVE_AT == 1
const bool kMisbehaved = (misbehave(), true);
#endif

class Misbehave final : public reportlint::Rule {
 public:
  void check(const reportlint::Document&, reportlint::DiagnosticSink&) const override {
#if MISBEHAVE_AT == 2
    misbehave();
#endif
  }
};

REPORTLINT_RULE(Misbehave, "misbehaving.rule", error, none, "故意出错的测试插件");

}  // namespace

REPORTLINT_PLUGIN("misbehaving", "1.0.0");
