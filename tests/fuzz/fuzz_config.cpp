// A project config (.reportlint.toml) of any bytes, untrusted as a cloned repository's
// would be: loading it, validating it against every built-in plugin and linting with it
// either works or throws Error — never a crash, a hang or an unbounded allocation.
#include "fuzz_support.hpp"
#include "model/document_builder.hpp"
#include "support/error.hpp"

using namespace reportlint;

namespace {
PluginHost host;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = fuzz::write_scratch(".reportlint.toml", fuzz::as_text(data, size));
  try {
    Config config = ConfigLoader(fuzz::kDataDir / "configs").load_file(file);
    FUZZ_CHECK(!config.trusted);
    std::vector<std::string> warnings;
    const auto linter = Linter::create(std::move(config), host, fuzz::linter_options(), warnings);
    const Document document = DocumentBuilder::build((fuzz::scratch_directory() / "d.txt").string(),
                                                     "一、截止目前完成xx项\n（二）工作计划\n", DocumentFormat::plain_text);
    linter->lint(document);
  } catch (const Error& e) {
    FUZZ_CHECK(!e.failures().empty());
  }
  return 0;
}
