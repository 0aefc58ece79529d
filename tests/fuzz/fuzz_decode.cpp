// Decoding bytes into document text (UTF-8, GB18030, UTF-16, Word): either an Error naming
// the file, or UTF-8 text that writes back to exactly the bytes read (--fix must never
// change what it did not fix).
#include "fuzz_support.hpp"
#include "io/source.hpp"
#include "support/error.hpp"

using namespace reportlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(fuzz::as_text(data, size));
  try {
    const SourceText source = decode_source("fuzz.txt", bytes);
    FUZZ_CHECK(source.text.find('\0') == std::string::npos);
    // Writing back what was read gives the bytes read (where the encoding round-trips).
    if (writes_back_exactly(source)) FUZZ_CHECK(source_bytes(source) == bytes);
    // What was decoded is valid text: UTF-8 without NUL. (Not "decodes again": text may
    // start with what looks like a file signature once a byte order mark is gone.)
    FUZZ_CHECK(fuzz::valid_utf8(source.text));
  } catch (const Error& e) {
    FUZZ_CHECK(!e.failures().empty());
    for (const Failure& f : e.failures()) FUZZ_CHECK(f.path == "fuzz.txt" && !f.message.empty());
  }
  return 0;
}
