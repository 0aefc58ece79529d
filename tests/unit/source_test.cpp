// Reading: UTF-8 validation, byte order marks, binary files — clear errors naming the file.
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
  EXPECT_EQ(to_source_bytes(s, "改"), "\xEF\xBB\xBF改");
  EXPECT_FALSE(decode_source("a.txt", "abc").had_bom);
}

TEST(DecodeSource, EmptyFileIsFine) { EXPECT_EQ(decode_source("a.txt", "").text, ""); }

TEST(DecodeSource, InvalidUtf8NamesLineColumnAndOffset) {
  const Failure f = failure_of("第一行\n第二行\xC4\xE3好");  // GBK bytes inside UTF-8 text
  EXPECT_EQ(f.path, "draft.txt");
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 4u);
  EXPECT_NE(f.message.find("UTF-8"), std::string::npos);
  EXPECT_NE(f.message.find("字节偏移 19"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("0xC4"), std::string::npos);
}

TEST(DecodeSource, OffsetCountsTheByteOrderMark) {
  const Failure f = failure_of("\xEF\xBB\xBF" "ab\xFF");
  EXPECT_NE(f.message.find("字节偏移 5"), std::string::npos) << f.message;
  EXPECT_EQ(f.column, 3u);
}

TEST(DecodeSource, RejectsOverlongSurrogateAndTruncatedSequences) {
  EXPECT_EQ(failure_of("a\xC0\x80").column, 2u);          // overlong NUL
  EXPECT_EQ(failure_of("\xED\xA0\x80").column, 1u);       // UTF-16 surrogate
  EXPECT_EQ(failure_of("ab\xE4\xB8").column, 3u);         // cut off at the end
  EXPECT_EQ(failure_of("\xF4\x90\x80\x80").column, 1u);   // above U+10FFFF
  EXPECT_NO_THROW(decode_source("a", "\xF0\xA0\x80\x80"));  // 𠀀 is fine
}

TEST(DecodeSource, NulByteMeansNotText) {
  const Failure f = failure_of("ab\ncd\0ef"s);
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 3u);
  EXPECT_NE(f.message.find("NUL"), std::string::npos);
}

TEST(DecodeSource, NamesBinaryFormats) {
  EXPECT_NE(failure_of("PK\x03\x04rest").message.find("docx"), std::string::npos);
  EXPECT_NE(failure_of("%PDF-1.7").message.find("PDF"), std::string::npos);
  EXPECT_NE(failure_of("\x7F" "ELF\x02").message.find("可执行文件"), std::string::npos);
  EXPECT_NE(failure_of("\xFF\xFE" "a\0"s).message.find("UTF-16"), std::string::npos);
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
}

}  // namespace
}  // namespace reportlint
