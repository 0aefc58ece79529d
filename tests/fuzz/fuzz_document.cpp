// Building the document and its outline from any text, as plain text and as Markdown:
// the ranges every checker trusts must hold (fuzz_support.cpp).
#include "fuzz_support.hpp"
#include "io/source.hpp"
#include "model/document_builder.hpp"
#include "support/error.hpp"

using namespace reportlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text;
  try {
    text = decode_source("fuzz.txt", std::string(fuzz::as_text(data, size))).text;
  } catch (const Error&) {
    return 0;  // not text: fuzz_decode's business
  }
  for (const DocumentFormat format : {DocumentFormat::plain_text, DocumentFormat::markdown}) {
    const Document document = DocumentBuilder::build("fuzz.txt", text, format);
    FUZZ_CHECK(document.text() == text);
    fuzz::check_document_invariants(document);
  }
  return 0;
}
