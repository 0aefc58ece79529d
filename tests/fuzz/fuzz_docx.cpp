// The Word reader on any input: an odd first byte means the rest is a whole package (any
// bytes, as a file would be); an even one means the rest is word/document.xml, packed with
// a numbering part (the GB/T 9704 list) and heading styles, so the fuzzer reaches the XML
// walk and the list counters quickly. A package that reads must give a document whose
// invariants hold, and a fix written into its first editable run must read back.
#include "fuzz_support.hpp"
#include "io/docx/docx_reader.hpp"
#include "io/source.hpp"
#include "lint/fix_loop.hpp"
#include "support/docx_writer.hpp"
#include "support/error.hpp"

using namespace reportlint;

namespace {

std::string package_of(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return {};
  const std::string_view rest = fuzz::as_text(data + 1, size - 1);
  if (data[0] % 2) return std::string(rest);
  test::DocxParts parts;
  parts.numbering = test::abstract_num(1, test::gb9704_levels()) + test::abstract_num(2, {{"decimalEnclosedCircle", "%1"}}) +
                    test::num(1, 1) + test::num(2, 2, {{0, 3}});
  parts.styles = R"(<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
                 R"(<w:style w:type="paragraph" w:styleId="L"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)";
  parts.extra["word/document.xml"] = std::string(rest);
  return test::make_docx(parts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes = package_of(data, size);
  SourceText source;
  try {
    source = decode_source("fuzz.docx", std::move(bytes));
  } catch (const Error& e) {
    FUZZ_CHECK(!e.failures().empty() && e.failures().front().path == "fuzz.docx");
    return 0;
  }
  FUZZ_CHECK(source.kind == SourceKind::word);
  const auto document = document_of(source);
  fuzz::check_document_invariants(*document);
  FUZZ_CHECK(document->origins().size() == document->lines().size());
  // Insert a character at the start of the first run that takes edits.
  for (std::uint32_t offset = 0; offset < document->text().size(); ++offset) {
    const Edit edit{{offset, offset}, "改"};
    if (!edit_obstacle(source, *document, edit).empty()) continue;
    try {
      const SourceText fixed = apply_source_edits(source, {edit});
      FUZZ_CHECK(fixed.text.size() == source.text.size() + edit.replacement.size());
      FUZZ_CHECK(fixed.text.compare(offset, edit.replacement.size(), edit.replacement) == 0);
    } catch (const Error& e) {
      for (const Failure& f : e.failures()) std::fprintf(stderr, "%s\n", format_failure(f).c_str());
      FUZZ_CHECK(!"an edit without obstacle could not be written");
    }
    break;
  }
  return 0;
}
