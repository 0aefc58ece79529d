// A data file a plugin reads through the config: a phrase pack (FUZZ_KIND "pack", read by
// the phrasing plugin) or a document-type profile (FUZZ_KIND "profile", read by the
// structure plugin), of any bytes. The plugin either reports the problem through the core
// or uses the file — on a draft that holds the same bytes, so the file's entries can match.
// Only that plugin is loaded, and without the built-in packs and profiles, so that each
// run costs what the fuzzed file costs.
#include "fuzz_support.hpp"
#include "io/source.hpp"
#include "model/document_builder.hpp"
#include "support/error.hpp"

using namespace reportlint;

namespace {

PluginHost host;

constexpr bool kPack = std::string_view(FUZZ_KIND) == "pack";
const std::filesystem::path kPlugin = fuzz::kPluginDir / (kPack ? "phrasing.so" : "structure.so");

// The config that names the fuzzed file (fuzz.toml beside it).
constexpr const char* kConfig = kPack ? "[rules]\n\"phrasing.*\" = \"warning\"\n"
                                        "[plugins.phrasing]\npacks = [\"fuzz.toml\"]\n"
                                      : "profile = \"fuzz\"\n[plugins.structure]\nprofiles = [\"fuzz.toml\"]\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  fuzz::write_scratch("fuzz.toml", bytes);
  const auto config_file = fuzz::write_scratch(".reportlint.toml", kConfig);
  std::string text = "关于2024年工作总结\n一、主要成绩\n截止目前，完成xx项。\n二、存在问题\n三、下一步计划\n";
  try {
    text += decode_source("fuzz.toml", std::string(bytes)).text;
  } catch (const Error&) {
  }
  LinterOptions options = fuzz::linter_options(kPlugin);
  options.data_dir = fuzz::scratch_directory();  // no built-in profiles: only the fuzzed one
  try {
    Config config = ConfigLoader(fuzz::kDataDir / "configs").load_file(config_file);
    std::vector<std::string> warnings;
    const auto linter = Linter::create(std::move(config), host, options, warnings);
    linter->lint(DocumentBuilder::build((fuzz::scratch_directory() / "d.txt").string(), text, DocumentFormat::plain_text));
  } catch (const Error& e) {
    FUZZ_CHECK(!e.failures().empty());
  }
  return 0;
}
