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
    if (source.round_trips) FUZZ_CHECK(source_bytes(source) == bytes);
    // What was decoded is valid text itself — unless it starts with U+FEFF (a second byte
    // order mark), which decoding it again would take for the first.
    if (source.kind == SourceKind::text && !source.text.starts_with("\xEF\xBB\xBF")) {
      const SourceText again = decode_source("again.txt", source.text);
      FUZZ_CHECK(again.text == source.text && again.encoding == Encoding::utf8);
    }
  } catch (const Error& e) {
    FUZZ_CHECK(!e.failures().empty());
    for (const Failure& f : e.failures()) FUZZ_CHECK(f.path == "fuzz.txt" && !f.message.empty());
  }
  return 0;
}
