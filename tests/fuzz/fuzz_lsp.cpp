// The language server reading any byte stream as its client: it answers or ignores what
// it cannot use, and returns at the end of input — never a crash or a hang.
#include <cstdio>

#include "fuzz_support.hpp"
#include "lsp/server.hpp"

using namespace reportlint;

// Each server loads the plugins and unloads them when it is done; libFuzzer keeps reading
// their coverage counters, which must stay mapped. Holding them loaded here keeps them so.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static PluginHost keep_loaded;
  keep_loaded.load_directory(fuzz::kPluginDir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;  // fmemopen needs a buffer
  std::FILE* in = ::fmemopen(const_cast<std::uint8_t*>(data), size, "rb");
  std::FILE* out = std::fopen("/dev/null", "wb");
  FUZZ_CHECK(in && out);
  const int status = lsp::run_server(fuzz::linter_options(), std::nullopt, in, out);
  FUZZ_CHECK(status == 0 || status == 1);
  std::fclose(in);
  std::fclose(out);
  return 0;
}
