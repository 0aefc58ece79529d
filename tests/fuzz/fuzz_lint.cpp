// One checker plugin (FUZZ_PLUGIN_FILE) under builtin:strict, opt-in rules included, on
// any text: it must report only valid ranges (the core checks, and throws), and --fix must
// produce valid text that lints again.
#include <cstdio>

#include "fuzz_support.hpp"
#include "io/source.hpp"
#include "lint/fix_loop.hpp"
#include "model/document_builder.hpp"
#include "support/error.hpp"

using namespace reportlint;

namespace {

PluginHost host;
std::shared_ptr<const Linter> linter;

void fail_with(const Error& e, const char* when) {
  for (const Failure& f : e.failures()) std::fprintf(stderr, "%s: %s\n", when, format_failure(f).c_str());
  FUZZ_CHECK(!"a checker failed");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  linter = fuzz::make_linter(host, "strict", FUZZ_PLUGIN_FILE);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  SourceText source;
  try {
    source = decode_source(size % 2 ? "fuzz.md" : "fuzz.txt", std::string(fuzz::as_text(data, size)));
  } catch (const Error&) {
    return 0;
  }
  auto document = document_of(source);
  DiagnosticList diagnostics;
  try {
    diagnostics = linter->check(*document);
  } catch (const Error& e) {
    fail_with(e, "lint");
  }
  for (const Diagnostic& d : diagnostics) FUZZ_CHECK(!d.message.empty());
  try {
    restrict_fixes_to_source(source, *document, diagnostics);
    const FixOutcome fixed = fix_until_stable(std::move(source), document, diagnostics.to_vector(), *linter);
    // Still valid UTF-8 without NUL.
    FUZZ_CHECK(fuzz::valid_utf8(fixed.document->text()));
    FUZZ_CHECK(fixed.document->text().find('\0') == std::string_view::npos);
    fuzz::check_document_invariants(*fixed.document);
  } catch (const Error& e) {
    fail_with(e, "fix");
  }
  return 0;
}
