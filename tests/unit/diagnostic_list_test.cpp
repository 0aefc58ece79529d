// The packed list of findings gives back exactly what was reported, in position order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/diagnostic_list.hpp"
#include "support/string_pool.hpp"

namespace reportlint {
namespace {

Diagnostic make(std::string_view rule, TextRange range, std::string message) {
  Diagnostic d;
  d.rule = rule;
  d.range = range;
  d.message = std::move(message);
  return d;
}

void expect_same(const Diagnostic& a, const Diagnostic& b) {
  EXPECT_EQ(a.rule, b.rule);
  EXPECT_EQ(a.range, b.range);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.severity, b.severity);
  ASSERT_EQ(a.notes.size(), b.notes.size());
  for (std::size_t i = 0; i < a.notes.size(); ++i) {
    EXPECT_EQ(a.notes[i].message, b.notes[i].message);
    EXPECT_EQ(a.notes[i].range, b.notes[i].range);
  }
  ASSERT_EQ(static_cast<bool>(a.fix), static_cast<bool>(b.fix));
  if (!a.fix) return;
  EXPECT_EQ(a.fix->applicability, b.fix->applicability);
  EXPECT_EQ(a.fix->message, b.fix->message);
  ASSERT_EQ(a.fix->edits.size(), b.fix->edits.size());
  for (std::size_t i = 0; i < a.fix->edits.size(); ++i) {
    EXPECT_EQ(a.fix->edits[i].range, b.fix->edits[i].range);
    EXPECT_EQ(a.fix->edits[i].replacement, b.fix->edits[i].replacement);
  }
}

TEST(StringPool, StoresEachStringOnce) {
  StringPool pool;
  const std::string long_text(100000, 'x');  // beyond a block: stored on its own
  const auto a = pool.intern("截至目前"), b = pool.intern(long_text), c = pool.intern("截至目前"), e = pool.intern("");
  EXPECT_EQ(a, c);
  EXPECT_NE(a, b);
  EXPECT_EQ(pool[a], "截至目前");
  EXPECT_EQ(pool[b], long_text);
  EXPECT_EQ(pool[e], "");
  EXPECT_EQ(pool.size(), 3u);
  for (int i = 0; i < 20000; ++i) {  // many blocks
    std::string text = "消息";
    text.append(std::to_string(i));
    pool.intern(text);
  }
  EXPECT_EQ(pool[a], "截至目前");
  EXPECT_EQ(pool[pool.intern("消息19999")], "消息19999");
  EXPECT_EQ(pool.size(), 20003u);
}

TEST(DiagnosticList, GivesBackEveryField) {
  std::vector<Diagnostic> in;
  in.push_back(make("a.one", {0, 3}, "“xx”为未填写的占位符"));
  Diagnostic with_all = make("b.two", {3, 9}, "改用“截至”");
  with_all.severity = Severity::warning;
  with_all.notes = {{"第一条说明", TextRange{0, 3}}, {"第二条说明", std::nullopt}};
  with_all.fix = Fix{{{{3, 6}, "截至"}, {{6, 6}, ""}}, Applicability::unsafe, "改为“截至”"};
  in.push_back(with_all);
  Diagnostic fix_only = make("a.one", {9, 12}, "“xx”为未填写的占位符");
  fix_only.severity = Severity::note;
  fix_only.fix = Fix{{{{9, 12}, ""}}, Applicability::safe, ""};
  in.push_back(fix_only);

  const DiagnosticList list = DiagnosticList::from(in);
  ASSERT_EQ(list.size(), 3u);
  const std::vector<Diagnostic> out = list.to_vector();
  for (std::size_t i = 0; i < in.size(); ++i) expect_same(in[i], out[i]);
  std::size_t n = 0;
  for (const Diagnostic& d : list) expect_same(in[n++], d);
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(list.rule(1), "b.two");
  EXPECT_EQ(list.message(2), "“xx”为未填写的占位符");
  EXPECT_FALSE(list.has_safe_fix(0));
  EXPECT_FALSE(list.has_safe_fix(1));
  EXPECT_TRUE(list.has_safe_fix(2));
  EXPECT_EQ(list.fix_edits(1).size(), 2u);
}

TEST(DiagnosticList, SortsByPositionThenRuleKeepingReportOrder) {
  DiagnosticList list;
  // Two runs, as two rules report: each ascending on its own.
  list.push_back(make("z.late", {5, 6}, "z1"));
  list.push_back(make("z.late", {8, 9}, "z2"));
  list.push_back(make("a.early", {0, 1}, "a1"));
  list.push_back(make("a.early", {5, 6}, "a2"));
  list.push_back(make("a.early", {5, 6}, "a3"));  // same place and rule: stays after a2
  list.sort();
  std::vector<std::string> order;
  for (const Diagnostic& d : list) order.push_back(d.message);
  EXPECT_EQ(order, (std::vector<std::string>{"a1", "a2", "a3", "z1", "z2"}));

  // Out of order everywhere: the fallback sort, still stable.
  DiagnosticList shuffled;
  for (std::uint32_t i = 0; i < 200; ++i) shuffled.push_back(make("r.x", {(i * 37) % 100, (i * 37) % 100 + 1}, std::to_string(i)));
  shuffled.sort();
  for (std::size_t i = 1; i < shuffled.size(); ++i) {
    ASSERT_LE(shuffled.range(i - 1).begin, shuffled.range(i).begin);
    if (shuffled.range(i - 1).begin == shuffled.range(i).begin) {
      EXPECT_LT(std::stoi(std::string(shuffled.message(i - 1))), std::stoi(std::string(shuffled.message(i))));
    }
  }
}

TEST(DiagnosticList, EraseKeepsOrderAndFixesFollowTheirEntry) {
  DiagnosticList list;
  for (std::uint32_t i = 0; i < 6; ++i) {
    std::string message = "m";
    message.append(std::to_string(i));
    Diagnostic d = make("r.x", {i, i + 1}, message);
    if (i % 2) {
      std::string replacement = "f";
      replacement.append(std::to_string(i));
      d.fix = Fix{{{{i, i + 1}, replacement}}, Applicability::safe, ""};
    }
    list.push_back(d);
  }
  EXPECT_EQ(list.erase_if([&](std::size_t i) { return list.range(i).begin % 3 == 0; }), 2u);
  std::vector<std::string> left;
  for (const Diagnostic& d : list) {
    std::string entry = d.message;
    if (d.fix) entry.append("/").append(d.fix->edits.front().replacement);
    left.push_back(entry);
  }
  EXPECT_EQ(left, (std::vector<std::string>{"m1/f1", "m2", "m4", "m5/f5"}));
}

TEST(DiagnosticList, AFixMadeUnsafeGainsANoteAfterItsOwn) {
  DiagnosticList list;
  Diagnostic first = make("r.x", {0, 1}, "一");
  first.notes = {{"原有说明", std::nullopt}};
  first.fix = Fix{{{{0, 1}, "党"}}, Applicability::safe, ""};
  list.push_back(first);
  Diagnostic second = make("r.x", {1, 2}, "二");
  second.notes = {{"另一条", std::nullopt}};  // stored after the first's notes
  list.push_back(second);
  list.make_fix_unsafe(0, "不能自动修复：编码");
  list.make_fix_unsafe(1, "没有修复：不变");  // no fix: nothing to change
  const Diagnostic a = list[0], b = list[1];
  ASSERT_TRUE(a.fix);
  EXPECT_EQ(a.fix->applicability, Applicability::unsafe);
  ASSERT_EQ(a.notes.size(), 2u);
  EXPECT_EQ(a.notes[0].message, "原有说明");
  EXPECT_EQ(a.notes[1].message, "不能自动修复：编码");
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_EQ(b.notes[0].message, "另一条");
  EXPECT_FALSE(list.has_safe_fix(0));
}

}  // namespace
}  // namespace reportlint
