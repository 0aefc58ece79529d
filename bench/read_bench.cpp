// How long reading takes, apart from linting: each file given is read into memory once,
// then decoded (Word package unzipped and walked, or text decoded from its encoding) as
// often as --repeat says; the best time is kept. One JSON object per file on stdout.
//
//   build/bin/reportlint_read_bench [--repeat N] FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/source.hpp"
#include "support/error.hpp"

int main(int argc, char** argv) {
  using namespace reportlint;
  int repeat = 5;
  int first = 1;
  if (argc > 2 && std::strcmp(argv[1], "--repeat") == 0) {
    repeat = std::max(1, std::atoi(argv[2]));
    first = 3;
  }
  for (int i = first; i < argc; ++i) {
    try {
      const SourceText once = read_source_file(argv[i]);
      const std::string bytes = source_bytes(once);
      double best = 1e9;
      std::size_t text_bytes = 0;
      for (int r = 0; r < repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const SourceText source = decode_source(argv[i], bytes);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::min(best, seconds);
        text_bytes = source.text.size();
      }
      std::printf("{\"file\": \"%s\", \"bytes\": %zu, \"text_bytes\": %zu, \"encoding\": \"%s\", \"seconds\": %.6f, "
                  "\"mb_per_s\": %.1f}\n",
                  argv[i], bytes.size(), text_bytes,
                  once.kind == SourceKind::word ? "word" : std::string(encoding_name(once.encoding)).c_str(), best,
                  static_cast<double>(bytes.size()) / 1e6 / best);
    } catch (const Error& e) {
      for (const Failure& f : e.failures()) std::fprintf(stderr, "%s\n", format_failure(f).c_str());
      return 2;
    }
  }
  return 0;
}
