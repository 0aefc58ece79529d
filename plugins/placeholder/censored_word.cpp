// placeholder.censored-word — words the template site replaced to pass its filters.
//
//   D   for 党:   D工委, D员, D建, D支部, D的二十大, 从严治D, 中国共产D   fix: 党
//   AAA for 微信: AAA公众号, AAA群                                      fix: 微信
//   公共 for 中共: 公共xx市委员会                                      fix: 中共
//
// A letter is a substitution only where the words around it are ones 党 / 微信 form:
// the lists below. Ordinary uses stay clean: D级危房, D类, D区, D座, D轮融资, 维生素D,
// 3D, AAA级景区, AAA信用等级.
#include <string>
#include <string_view>

#include "prose.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::placeholder {
namespace {

using chars::is_ascii_alnum;

// Words 党 starts (D + …) and ends (… + D): single characters, then longer words.
constexpr CharSet kPartyNext(U"委建员组的风校史性日内外政群团章纪课费务旗徽籍龄恩心报规派管");
constexpr std::string_view kPartyBefore[] = {"工委", "支部", "总支", "小组", "中央", "代表", "代会",
                                             "和国家", "和政府", "和人民", "领导", "支书", "工作"};
constexpr CharSet kPartyPrevious(U"入建爱跟颂全我治兴强听护退立管大老政感");
constexpr std::string_view kPartyAfter[] = {"共产"};
// D + these is a grade, class, zone or model, never 党.
constexpr CharSet kNotPartyNext(U"级类区座轮型调盘档等栋幢口字版点段号线端位楼超照股排");
constexpr std::string_view kNotPartyBefore[] = {"单元", "打印", "罩杯"};
constexpr std::string_view kNotPartyAfter[] = {"维生素", "字母", "选项", "型号", "代号", "编号", "第"};

// AAA + these is 微信.
constexpr std::string_view kWechatBefore[] = {"公众号", "公众平台", "群", "号", "朋友圈", "小程序", "支付",
                                              "视频号", "扫码", "好友", "账号", "工作群", "文章", "推文", "聊天"};
// AAA + these is a rating (AAA级景区, AAA信用企业).
constexpr std::string_view kWechatNot[] = {"级", "信用", "等级", "景区", "评级", "企业"};

// 公共 + place + one of these is 中共 + place + 委: 公共xx市委员会, 公共湖北省委.
constexpr std::string_view kCommitteeEnds[] = {"委员会", "委"};
constexpr std::u32string_view kPlaceSuffixes = U"省市县区州旗盟镇乡";
constexpr std::size_t kMaxPlaceChars = 12;

constexpr CharSet kStarts(U"DA公");

class CensoredWord final : public Rule {
 public:
  void configure(OptionReader& options) override { allow_.configure(options); }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const auto excluded = allow_.exclusions(doc);
    const std::string_view text = doc.text();
    for_each_prose_line(doc, [&](std::uint32_t, std::uint32_t begin, std::uint32_t end) {
      auto report = [&](std::size_t b, std::size_t e, std::string_view original) {
        const TextRange r{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
        if (excluded(r)) return;
        std::string message;
        message.reserve(64);
        message.append("疑似模板网站为躲避过滤替换的“").append(text.substr(b, e - b));
        message.append("”，原文应为“").append(original).append("”");
        Diagnostic d = diagnostic(r, std::move(message));
        d.fix = Fix{{Edit{r, std::string(original)}}, Applicability::safe, {}};  // shown as 改为“…”
        sink.report(std::move(d));
      };
      // Only D, A and 公 can start a substitution; CharSet::find skips everything else.
      for (std::size_t i = begin; (i = kStarts.find(text, i, end)) < end;) {
        if (text[i] == 'D' && is_party(text, i, begin, end)) {
          report(i, i + 1, "党");
          i += 1;
        } else if (text[i] == 'A' && i + 3 <= end && text.substr(i, 3) == "AAA" && is_wechat(text, i, begin, end)) {
          report(i, i + 3, "微信");
          i += 3;
        } else if (starts_with_at(text, i, end, "公共") && is_zhonggong(text, i, end)) {
          report(i, i + 6, "中共");
          i += 6;
        } else {
          i += utf8::sequence_length(static_cast<unsigned char>(text[i]));
        }
      }
    });
  }

 private:
  static char32_t before(std::string_view text, std::size_t i, std::size_t begin) {
    return i > begin ? utf8::before(text, i) : 0;
  }
  static char32_t at(std::string_view text, std::size_t i, std::size_t end) {
    return i < end ? utf8::at(text, i) : 0;
  }

  // A lone capital D (no letter or digit beside it) in a word 党 would make.
  static bool is_party(std::string_view text, std::size_t i, std::size_t begin, std::size_t end) {
    const char32_t p = before(text, i, begin), q = at(text, i + 1, end);
    if (is_ascii_alnum(p) || is_ascii_alnum(q) || p == '.' || q == '.' || p == '-' || q == '-') return false;
    // A、B、C、D: a list of options or grades.
    if (p == U'、' || p == ',' || p == U'，') {
      std::size_t j = i;
      utf8::prev(text, j);
      if (is_ascii_alnum(before(text, j, begin))) return false;
    }
    // Most words in the lists are one character: test those with a set, the rest as words.
    if (kNotPartyNext.contains(q) || starts_with_any(text, i + 1, end, kNotPartyBefore) ||
        ends_with_any(text, i, begin, kNotPartyAfter))
      return false;
    return kPartyNext.contains(q) || kPartyPrevious.contains(p) || starts_with_any(text, i + 1, end, kPartyBefore) ||
           ends_with_any(text, i, begin, kPartyAfter);
  }

  static bool is_wechat(std::string_view text, std::size_t i, std::size_t begin, std::size_t end) {
    if (is_ascii_alnum(before(text, i, begin)) || is_ascii_alnum(at(text, i + 3, end))) return false;
    if (starts_with_any(text, i + 3, end, kWechatNot)) return false;
    return starts_with_any(text, i + 3, end, kWechatBefore);
  }

  static bool is_zhonggong(std::string_view text, std::size_t i, std::size_t end) {
    std::size_t j = i + 6;
    for (std::size_t n = 0; j < end && n <= kMaxPlaceChars; ++n) {
      const char32_t c = at(text, j, end);
      if (!chars::is_han(c) && c != 'x' && c != 'X') return false;
      j += utf8::sequence_length(static_cast<unsigned char>(text[j]));
      if (n > 0 && kPlaceSuffixes.find(c) != std::u32string_view::npos && starts_with_any(text, j, end, kCommitteeEnds))
        return true;
    }
    return false;
  }

  AllowList allow_;
};

REPORTLINT_RULE(CensoredWord, "placeholder.censored-word", error, always,
                "模板网站为躲避过滤替换的字词（D→党、AAA→微信、公共→中共）");

}  // namespace
}  // namespace reportlint::placeholder
