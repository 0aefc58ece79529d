// placeholder.template-artifact — what the template site left in the draft.
//
//   markers such as ##paidbegin## / ##paidend##        fix: delete (certain)
//   advertising lines and watermarks: material libraries, member groups, ghost-writing
//   services, customer-service contacts and numbers, 转载请注明出处
//                                                       fix: delete the line (suggested)
//   page headers and footers from PDF extraction: 第2页 共5页, — 3 —
//
// An advertising line is recognised by the weight of its vocabulary, not by one word: a
// report may well mention a 公众号 or 客服热线; only a line dense with the language of
// selling templates (素材库, 会员群, 一键下载, 代笔, 谨防假冒…) is an advertisement.
#include <string>
#include <string_view>
#include <vector>

#include "prose.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::placeholder {
namespace {

struct AdWord {
  std::string_view word;
  int weight;  // 2: only advertisements talk like this; 1: also ordinary prose
};

constexpr AdWord kAdWords[] = {
    {"素材库", 2}, {"会员群", 2}, {"网盘群", 2}, {"代笔", 2}, {"代写", 2}, {"svip", 2}, {"SVIP", 2},
    {"VIP会员", 2}, {"一键下载", 2}, {"一键极速下载", 2}, {"一键快速查找", 2}, {"一键精准搜索", 2},
    {"谨防假冒", 2}, {"持续接单", 2}, {"添加客服", 2}, {"好评如潮", 2}, {"认准", 2}, {"唯一平台", 2},
    {"有意加入", 2}, {"欢迎加入", 2}, {"范文网", 2}, {"范文大全", 2}, {"免费下载", 2}, {"更多范文", 2},
    {"更多精品", 2}, {"润笔", 2}, {"加入会员", 2}, {"开通会员", 2}, {"会员专享", 2}, {"扫码加入", 2},
    {"下载地址", 2}, {"资料群", 2}, {"转载请注明", 2}, {"版权归原作者", 2}, {"本文来源于", 2},
    {"本文来自", 2}, {"更多资料", 2}, {"关注公众号", 2}, {"小伙伴", 1}, {"公众号", 1}, {"客服", 1}, {"联系", 1}, {"会员", 1},
    {"下载", 1}, {"更新", 1}, {"原创", 1}, {"微信", 1}, {"QQ", 1}, {"平台", 1}, {"加入", 1}, {"每天", 1},
    {"每日", 1}, {"高质量", 1}, {"保密", 1}, {"接单", 1}, {"搜索", 1}, {"网站", 1}, {"关注", 1}};
constexpr int kAdThreshold = 5;  // and at least one word of weight 2
// A contact number (7 or more digits, spaces allowed) weighs as much as a strong word but
// counts only beside one: a 通知 gives its 联系电话 too.
constexpr int kContactNumberWeight = 2;
constexpr std::size_t kContactNumberDigits = 7;

class TemplateArtifact final : public Rule {
 public:
  void configure(OptionReader& options) override {
    allow_.configure(options);
    for (const AdWord& w : kAdWords) ads_.add(w.word);
    ads_.build();
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const auto excluded = allow_.exclusions(doc);
    const std::string_view text = doc.text();
    for_each_prose_line(doc, [&](std::uint32_t li, std::uint32_t begin, std::uint32_t end) {
      const Line& line = doc.lines()[li];
      auto report = [&](Diagnostic d) {
        if (excluded(d.range)) return;
        sink.report(std::move(d));
      };
      if (is_advertisement(text.substr(begin, end - begin))) {
        Diagnostic d = diagnostic({begin, end}, "模板网站的广告未删除");
        d.fix = Fix{{Edit{{line.begin, line.next}, ""}}, Applicability::unsafe, "删除这一行"};
        report(std::move(d));
        return;
      }
      if (is_page_mark(text.substr(begin, end - begin))) {
        Diagnostic d = diagnostic({begin, end}, "从 PDF 复制时带入的页码或页眉页脚");
        d.fix = Fix{{Edit{{line.begin, line.next}, ""}}, Applicability::unsafe, "删除这一行"};
        report(std::move(d));
        return;
      }
      for (std::size_t at = text.substr(0, end).find("##", begin); at != std::string_view::npos;
           at = text.substr(0, end).find("##", at + 2)) {
        const std::size_t marker_end = site_marker_end(text, at, end);
        if (!marker_end) continue;
        const std::string_view marker = text.substr(at, marker_end - at);
        Diagnostic d = diagnostic({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(marker_end)},
                                  "模板网站的标记“" + std::string(marker) + "”未删除");
        // The marker alone on its line: remove the line, not just leave it blank.
        const bool alone = trimmed(text.substr(begin, end - begin)) == marker;
        const TextRange removed = alone ? TextRange{line.begin, line.next} : d.range;
        d.fix = Fix{{Edit{removed, ""}}, Applicability::safe, "删除“" + std::string(marker) + "”"};
        report(std::move(d));
        at = marker_end - 2;
      }
    });
  }

 private:
  // ##paidbegin##: "##", ASCII letters or '_', "##".
  static std::size_t site_marker_end(std::string_view text, std::size_t at, std::size_t end) {
    std::size_t i = at + 2;
    while (i < end && (chars::is_ascii_letter(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
    if (i == at + 2 || i + 2 > end || text.substr(i, 2) != "##") return 0;
    return i + 2;
  }

  static std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  bool is_advertisement(std::string_view line) const {
    int score = 0;
    bool strong = false;
    ads_.scan(line, [&](std::uint32_t k, std::size_t, std::size_t) {
      score += kAdWords[k].weight;
      strong = strong || kAdWords[k].weight == 2;
    });
    if (!strong) return false;
    if (score < kAdThreshold && has_contact_number(line)) score += kContactNumberWeight;
    return score >= kAdThreshold;
  }

  // 13812345678, QQ 123456789, 1 4367 9 649564: a run of digits and spaces with 7+ digits.
  static bool has_contact_number(std::string_view line) {
    std::size_t digits = 0;
    for (const char c : line) {
      if (chars::is_ascii_digit(static_cast<unsigned char>(c))) {
        if (++digits >= kContactNumberDigits) return true;
      } else if (c != ' ' && c != '-') {
        digits = 0;
      }
    }
    return false;
  }

  // 第2页 共5页 / 第 x 页，共 x 页 / — 3 — / - 12 -: a line holding nothing else.
  static bool is_page_mark(std::string_view line) {
    line = trimmed(line);
    std::size_t i = 0;
    auto skip_spaces = [&] {
      while (i < line.size() && (line[i] == ' ' || line.substr(i, 3) == "　")) i += line[i] == ' ' ? 1 : 3;
    };
    auto number = [&] {
      const std::size_t start = i;
      while (i < line.size() && (chars::is_ascii_digit(static_cast<unsigned char>(line[i])) || line[i] == 'x' ||
                                 line[i] == 'X'))
        ++i;
      return i > start;
    };
    auto word = [&](std::string_view w) {
      skip_spaces();
      if (line.substr(i, w.size()) != w) return false;
      i += w.size();
      skip_spaces();
      return true;
    };
    if (word("第") && number() && word("页")) {
      if (i == line.size()) return true;
      if (line.substr(i, 3) == "，" || line.substr(i, 3) == "／") i += 3;
      else if (line[i] == ',' || line[i] == '/') ++i;
      return word("共") && number() && word("页") && i == line.size();
    }
    i = 0;
    for (std::string_view dash : {std::string_view("—"), std::string_view("－"), std::string_view("-")}) {
      i = 0;
      if (word(dash) && number() && word(dash) && i == line.size()) return true;
    }
    return false;
  }

  AllowList allow_;
  KeywordMatcher ads_;
};

REPORTLINT_RULE(TemplateArtifact, "placeholder.template-artifact", error, sometimes,
                "模板网站留下的广告、付费标记和页眉页脚");

}  // namespace
}  // namespace reportlint::placeholder
