// Reading: the bytes of a file → the UTF-8 text of the document model, and back.
//
// Readers are kept apart from the model: a plain-text draft in UTF-8, GB18030/GBK or
// UTF-16, and a Word .docx, all become the same Document text, with what is needed to
// write a fix back into the file's own form (its encoding, byte order mark and line ends;
// for Word, the run that holds the text).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/atomic_write.hpp"
#include "io/encoding.hpp"
#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

namespace docx {
struct Package;
}

enum class SourceKind : std::uint8_t { text, word };

struct SourceText {
  std::string path;      // as given on the command line
  std::string text;      // valid UTF-8 without NUL bytes, byte order mark removed
  SourceKind kind = SourceKind::text;
  Encoding encoding = Encoding::utf8;  // of a text file
  bool had_bom = false;                // written back by source_bytes()
  // A text file not in UTF-8: its bytes after the byte order mark, to check (once, when a
  // fix is to be written) that encoding the text again gives them back.
  std::shared_ptr<const std::string> encoded;
  mutable std::optional<bool> round_trips;  // that check's answer, once asked
  std::vector<LineOrigin> origins;     // Word: one per paragraph (automatic numbers, heading styles)
  std::shared_ptr<const docx::Package> word;  // Word: the package, for writing fixes back
  std::optional<FileSnapshot> snapshot;       // a file's identity and content when read
};

// Largest input accepted: positions are 32-bit byte offsets. --max-file-size lowers it
// (default 256 MiB), so a runaway input (/dev/zero on standard input) ends with an error.
inline constexpr std::uint64_t kMaxSourceBytes = std::uint64_t{1} << 30;
inline constexpr std::uint64_t kDefaultMaxFileBytes = std::uint64_t{256} << 20;

struct ReadOptions {
  EncodingChoice encoding;  // --encoding or the config's; detected by default
  std::uint64_t max_bytes = kDefaultMaxFileBytes;
};

// Turns `bytes` into document text: a Word package (.docx) when the bytes are a ZIP, else
// text in the chosen or detected encoding (docs: README, "Encodings and Word files").
// Throws Error naming `path` (with line:column and the byte offset where there is one)
// for bytes invalid in the encoding, NUL bytes, formats it cannot read (.doc, .wps, PDF,
// images) with what to do instead, and damaged or hostile Word packages.
SourceText decode_source(std::string path, std::string bytes, const ReadOptions& options = {});

// Reads and decodes a regular file. Throws Error naming the file, and saying why, when it
// cannot be read.
SourceText read_source_file(const std::string& path, const ReadOptions& options = {});

// Reads all of standard input, at most `max_bytes`. Throws Error (naming `shown`) past that
// or on a read error.
std::string read_standard_input(const std::string& shown, std::uint64_t max_bytes = kDefaultMaxFileBytes);

// Whether writing `source`'s text back in its encoding gives exactly the bytes read, so
// that a fix changes nothing else. Always true for UTF-8 and Word.
bool writes_back_exactly(const SourceText& source);

// What writing `source` back produces: its text in its encoding with its byte order mark,
// or the Word package.
std::string source_bytes(const SourceText& source);

// Why `edit` (a fix's edit on `document`, built from `source`) cannot be written into the
// file: a character the encoding cannot hold, an automatic number, text spread over Word
// runs. "" when it can be.
std::string edit_obstacle(const SourceText& source, const Document& document, const Edit& edit);

// `source` with `edits` applied (sorted, non-overlapping, each without an obstacle): its
// new text, and for Word its new package, read again.
SourceText apply_source_edits(const SourceText& source, const std::vector<Edit>& edits);

}  // namespace reportlint
