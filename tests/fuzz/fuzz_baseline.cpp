// A baseline file of any bytes: an Error naming it, or a baseline that writes out and
// reads back with the same findings.
#include "cli/baseline.hpp"
#include "fuzz_support.hpp"
#include "support/error.hpp"

using namespace reportlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = fuzz::write_scratch("baseline.json", fuzz::as_text(data, size));
  try {
    const Baseline baseline = Baseline::load(file);
    const std::size_t findings = baseline.size();
    baseline.write();
    FUZZ_CHECK(Baseline::load(file).size() == findings);
  } catch (const Error& e) {
    FUZZ_CHECK(!e.failures().empty());
    FUZZ_CHECK(e.failures().front().path == file.string());
  }
  return 0;
}
