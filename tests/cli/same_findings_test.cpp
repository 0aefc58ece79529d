// One draft, every form a clerk may save it in — UTF-8, GB18030, UTF-16 with a byte order
// mark, Word with the numbers typed, Word with automatic list numbering — gives the same
// findings. Text encodings give the same positions too; Word differs only in columns
// after an automatic number, which the contract counts from the typed text.
#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/encoding.hpp"
#include "support/docx_writer.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

using json = nlohmann::json;
using test::TempDir;

// Each finding as "line severity rule message", and with the column when `columns`.
std::vector<std::string> findings_of(const std::string& file, bool columns) {
  const auto r = test::run_reportlint({"--config", "builtin:default", "--format", "json", file});
  EXPECT_TRUE(r.status == 0 || r.status == 1) << file << "\n" << r.err;
  std::vector<std::string> out;
  const json report = json::parse(r.out);
  for (const json& d : report["files"][0]["diagnostics"])
    out.push_back(fmt::format("{}{} {} {} {}", d["line"].get<int>(), columns ? fmt::format(":{}", d["column"].get<int>()) : "",
                              d["severity"].get<std::string>(), d["rule"].get<std::string>(), d["message"].get<std::string>()));
  std::sort(out.begin(), out.end());
  return out;
}

std::string encoded(const std::string& text, Encoding e) {
  const Conversion c = encode_text(text, e);
  EXPECT_FALSE(c.failed_at);
  std::string out(byte_order_mark(e));
  return out.append(c.bytes);
}

void expect_same_findings(const test::fs::path& draft) {
  const std::string text = test::read_file(draft);
  TempDir dir;
  const std::string original = dir.write("original.txt", text).string();
  const auto with_columns = findings_of(original, true);
  const auto without_columns = findings_of(original, false);
  ASSERT_GT(with_columns.size(), 10u) << "a draft with defects";
  EXPECT_EQ(findings_of(dir.write("gb18030.txt", encoded(text, Encoding::gb18030).substr(4)).string(), true), with_columns)
      << "GB18030 without a byte order mark, as Windows writes it";
  EXPECT_EQ(findings_of(dir.write("utf16.txt", encoded(text, Encoding::utf16le)).string(), true), with_columns);
  EXPECT_EQ(findings_of(dir.write("typed.docx", test::docx_from_text(text, false)).string(), true), with_columns);
  const std::string automatic = dir.write("automatic.docx", test::docx_from_text(text, true)).string();
  EXPECT_EQ(findings_of(automatic, false), without_columns);
  // The automatic variant really has automatic numbers.
  const std::string xml = test::zip_entries(test::read_file(automatic)).at("word/document.xml");
  EXPECT_NE(xml.find("<w:numPr>"), std::string::npos);
}

TEST(SameFindings, TheBundledSampleDraftInEveryForm) {
  expect_same_findings(test::kSourceDir / "docs" / "examples" / "sample-draft.txt");
}

TEST(SameFindings, TheCorpusDraftInEveryForm) {
  const auto draft = test::kSharedDir / "corpus" / "000_cdfd43f75199d920.txt";
  if (!test::fs::exists(draft)) GTEST_SKIP() << "the sample corpus (../shared) is not beside the project";
  expect_same_findings(draft);
}

}  // namespace
}  // namespace reportlint
