// Reading: encodings (UTF-8, GB18030/GBK, UTF-16), byte order marks, binary files — clear
// errors naming the file — and writing fixes back in the file's own encoding.
#include <gtest/gtest.h>

#include "io/source.hpp"
#include "support/error.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {
using namespace std::string_literals;

Failure failure_of(std::string bytes) {
  try {
    decode_source("draft.txt", std::move(bytes));
  } catch (const Error& e) {
    return e.failures().front();
  }
  ADD_FAILURE() << "expected an error";
  return {};
}

TEST(DecodeSource, DropsTheByteOrderMarkAndRemembersIt) {
  const SourceText s = decode_source("a.txt", "\xEF\xBB\xBF一、总体");
  EXPECT_EQ(s.text, "一、总体");
  EXPECT_TRUE(s.had_bom);
  SourceText changed = s;
  changed.text = "改";
  EXPECT_EQ(source_bytes(changed), "\xEF\xBB\xBF改");
  EXPECT_FALSE(decode_source("a.txt", "abc").had_bom);
}

TEST(DecodeSource, EmptyFileIsFine) { EXPECT_EQ(decode_source("a.txt", "").text, ""); }

TEST(DecodeSource, NeitherUtf8NorGb18030NamesLineColumnAndOffset) {
  // GBK bytes inside UTF-8 text: not UTF-8 at 你, and not GB18030 either (好's last byte).
  const Failure f = failure_of("第一行\n第二行\xC4\xE3好");
  EXPECT_EQ(f.path, "draft.txt");
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 4u);
  EXPECT_NE(f.message.find("UTF-8"), std::string::npos);
  EXPECT_NE(f.message.find("GB18030"), std::string::npos);
  EXPECT_NE(f.message.find("字节偏移 19"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("0xC4"), std::string::npos);
  EXPECT_NE(f.message.find("--encoding"), std::string::npos);
}

TEST(DecodeSource, OffsetCountsTheByteOrderMark) {
  const Failure f = failure_of("\xEF\xBB\xBF" "ab\xFF");  // a UTF-8 BOM decides: no GB18030
  EXPECT_NE(f.message.find("字节偏移 5"), std::string::npos) << f.message;
  EXPECT_EQ(f.column, 3u);
}

TEST(DecodeSource, RejectsOverlongSurrogateAndTruncatedSequences) {
  // Inside UTF-8 text, so that they read as no GBK either.
  EXPECT_EQ(failure_of("截至a\xC0\x80").column, 4u);          // overlong NUL
  EXPECT_EQ(failure_of("截至\xED\xA0\x80").column, 3u);       // UTF-16 surrogate
  EXPECT_EQ(failure_of("截至ab\xE4\xB8").column, 5u);         // cut off at the end
  EXPECT_EQ(failure_of("截至\xF4\x90\x80\x80").column, 3u);   // above U+10FFFF
  EXPECT_NO_THROW(decode_source("a", "\xF0\xA0\x80\x80"));  // 𠀀 is fine
}

TEST(DecodeSource, NulByteMeansNotText) {
  const Failure f = failure_of("ab\ncd\0ef"s);
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 3u);
  EXPECT_NE(f.message.find("NUL"), std::string::npos);
}

TEST(DecodeSource, NamesFormatsItCannotReadAndSaysWhatToDo) {
  EXPECT_NE(failure_of("PK\x03\x04rest").message.find("Word 文档"), std::string::npos);  // a ZIP, but damaged
  EXPECT_NE(failure_of("%PDF-1.7").message.find("PDF"), std::string::npos);
  const std::string doc = failure_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").message;
  EXPECT_NE(doc.find(".doc"), std::string::npos);
  EXPECT_NE(doc.find("另存为 .docx"), std::string::npos);
  EXPECT_NE(failure_of("\x7F" "ELF\x02").message.find("可执行文件"), std::string::npos);
  try {
    decode_source("a.docx", "一、总体情况\n");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(e.failures().front().message.find("不是有效的 .docx"), std::string::npos);
  }
}

// 各项工作 in GBK: what Chinese Windows writes.
const std::string kGbk = "\xB8\xF7\xCF\xEE\xB9\xA4\xD7\xF7";

std::string encoded(std::string_view utf8, Encoding e) {
  const Conversion c = encode_text(utf8, e);
  EXPECT_FALSE(c.failed_at);
  return c.bytes;
}

TEST(Encodings, AShortGbkLineIsReadAsGb18030) {
  const std::string line = "截止目前，我县共完成xx项重点工作，各项指标均达到预期目标。\r\n";  // 30 characters
  const SourceText s = decode_source("a.txt", encoded(line, Encoding::gbk));
  EXPECT_EQ(s.encoding, Encoding::gb18030);
  EXPECT_EQ(s.text, line);
  EXPECT_TRUE(writes_back_exactly(s));
  EXPECT_EQ(decode_source("b.txt", kGbk).text, "各项工作");
}

TEST(Encodings, ValidUtf8IsNeverTakenForSomethingElse) {
  // Short texts whose bytes are also valid GB18030.
  for (const char* text : {"中", "各项", "截至目前", "Linux 与 X射线", "\xC3\xA9t\xC3\xA9"}) {
    const SourceText s = decode_source("a.txt", text);
    EXPECT_EQ(s.encoding, Encoding::utf8) << text;
    EXPECT_EQ(s.text, text);
  }
}

TEST(Encodings, Utf16WithAndWithoutByteOrderMark) {
  const std::string text = "一、总体情况\r\n（一）截止目前xx项\r\n";
  for (const Encoding e : {Encoding::utf16le, Encoding::utf16be}) {
    const std::string with_bom = std::string(byte_order_mark(e)) + encoded(text, e);
    SourceText s = decode_source("a.txt", with_bom);
    EXPECT_EQ(s.encoding, e);
    EXPECT_TRUE(s.had_bom);
    EXPECT_EQ(s.text, text);
    EXPECT_EQ(source_bytes(s), with_bom);  // written back byte for byte
    s = decode_source("b.txt", encoded(text, e));
    EXPECT_EQ(s.encoding, e) << "told by its zero bytes";
    EXPECT_FALSE(s.had_bom);
    EXPECT_EQ(s.text, text);
  }
  // A lone surrogate is no text.
  const Failure f = failure_of("\xFF\xFE" "a\0\x00\xD8" "b\0"s);
  EXPECT_NE(f.message.find("UTF-16LE"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("字节偏移 4"), std::string::npos) << f.message;
}

TEST(Encodings, ForcedEncodingAndItsErrors) {
  ReadOptions gbk;
  gbk.encoding = *parse_encoding("GBK");
  EXPECT_EQ(decode_source("a.txt", kGbk, gbk).encoding, Encoding::gbk);
  // UTF-8 bytes read as GBK where they are not GBK: an error with the position.
  try {
    decode_source("a.txt", "ab\n\xE5\xA5\xBD\xFF", gbk);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(e.failures().front().message.find("不是有效的 GBK 文本"), std::string::npos) << e.failures().front().message;
  }
  EXPECT_FALSE(parse_encoding("latin-1"));
  EXPECT_EQ(parse_encoding("UTF_16LE")->encoding, Encoding::utf16le);
  EXPECT_TRUE(parse_encoding("auto")->detect);
}

TEST(Encodings, FixesAreWrittenInTheFilesEncodingOrRefused) {
  ReadOptions gbk;
  gbk.encoding = *parse_encoding("gbk");
  const std::string bytes = encoded("截止目前完成。\r\n", Encoding::gbk);
  const SourceText s = decode_source("a.txt", bytes, gbk);
  const Document doc = test::make_document(s.text, "a.txt");
  // 截止 → 截至: GBK has it; the rest of the bytes stay as they were.
  EXPECT_EQ(edit_obstacle(s, doc, {{3, 6}, "至"}), "");
  const SourceText fixed = apply_source_edits(s, {{{3, 6}, "至"}});
  const std::string expected = encoded("截至目前完成。\r\n", Encoding::gbk);
  EXPECT_EQ(source_bytes(fixed), expected);
  EXPECT_EQ(source_bytes(fixed).substr(4), bytes.substr(4));
  // 〇 is in GBK; an emoji is not: that fix is refused, with the reason.
  EXPECT_EQ(edit_obstacle(s, doc, {{0, 3}, "〇"}), "");
  EXPECT_NE(edit_obstacle(s, doc, {{0, 3}, "\U0001F600"}).find("GBK"), std::string::npos);
  // GB18030 holds all of Unicode.
  const SourceText gb = decode_source("b.txt", bytes);
  EXPECT_EQ(edit_obstacle(gb, doc, {{0, 3}, "\U0001F600"}), "");
}

TEST(ReadSourceFile, MissingFileAndDirectory) {
  test::TempDir dir;
  try {
    read_source_file((dir.path() / "nope.txt").string());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.failures().front().message.find("不存在"), std::string::npos);
  }
  EXPECT_THROW(read_source_file(dir.path().string()), Error);
  const auto file = dir.write("ok.txt", "\xEF\xBB\xBF内容\r\n");
  EXPECT_EQ(read_source_file(file.string()).text, "内容\r\n");
  const auto gbk = dir.write("gbk.txt", kGbk);
  EXPECT_EQ(read_source_file(gbk.string()).text, "各项工作");
}

}  // namespace
}  // namespace reportlint
