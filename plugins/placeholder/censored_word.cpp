// placeholder.censored-word — words the template site replaced to pass its filters.
//
//   D   for 党:   D工委, D员, D建, D支部, D的二十大, 从严治D, 中国共产D   fix: 党
//   another lone letter for 党, where only 党 fits: 中国共产x, Z员干部, x组织建设
//                                                                 fix: 党 (suggested)
//   pinyin: XJP新时代…思想, ZGGCD, GCD员, DZB书记, dang员, wx群       fix: 习近平, 中国共产党…
//   a blank before a name only one person bears: ***新时代中国特色社会主义思想
//                                                                 fix: 习近平
//   AAA for 微信: AAA公众号, AAA群                                      fix: 微信
//   公共 for 中共: 公共xx市委员会                                      fix: 中共
//
// A letter is a substitution only where the words around it are ones 党 / 微信 form:
// the lists below. Ordinary uses stay clean: D级危房, D类, D区, D座, D轮融资, 维生素D,
// 3D, AAA级景区, AAA信用等级, X射线, Linux, model names.
//
// The finding is shared with placeholder.unfilled (an x standing for 党 is not also an
// unfilled blank) through the document's analyses: find_censored() below.
#include <array>
#include <string>
#include <string_view>

#include "prose.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::placeholder {
namespace {

using chars::is_ascii_alnum;
using chars::is_ascii_letter;

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

// Any other lone letter is 党 only in words nothing else completes (x委 may be 县委, x员 a
// 团员): two-character and longer words only.
constexpr std::string_view kOnlyPartyBefore[] = {"员干部", "组织建设", "组织生活", "支部", "总支", "工委", "中央",
                                                 "风廉政", "史学习", "的二十大", "的十九大", "内法规", "建引领",
                                                 "的领导", "纪学习", "章党规", "性修养", "员教育"};
constexpr std::string_view kOnlyPartyAfter[] = {"中国共产", "从严治"};

// Pinyin initials a template site writes for a filtered word, and where they mean it: the
// words before or after that leave no doubt.
// An empty list of both means the letters need no context.
struct Initials {
  std::string_view letters, word;
  std::array<std::string_view, 4> next, previous;  // empty entries are unused
};
constexpr Initials kInitials[] = {
    {"XJP", "习近平", {"新时代", "总书记", "同志", "主席"}, {"学习", "贯彻"}},
    {"ZGGCD", "中国共产党", {}, {}},
    {"GCD", "共产党", {"员"}, {"中国"}},
    {"DZB", "党支部", {"书记", "委员"}, {}},
    {"DW", "党委", {"书记", "委员", "班子"}, {}},
    {"DY", "党员", {"干部", "同志", "教育"}, {}},
};

// A blank before this is the name the formulation requires (phrasing.formulation says
// the name is missing; here the draft still shows where it was cut).
constexpr std::string_view kXiFormulation = "新时代中国特色社会主义思想";

// AAA + these is 微信.
constexpr std::string_view kWechatBefore[] = {"公众号", "公众平台", "群", "号", "朋友圈", "小程序", "支付",
                                              "视频号", "扫码", "好友", "账号", "工作群", "文章", "推文", "聊天"};
// AAA + these is a rating (AAA级景区, AAA信用企业).
constexpr std::string_view kWechatNot[] = {"级", "信用", "等级", "景区", "评级", "企业"};

// 公共 + place + one of these is 中共 + place + 委: 公共xx市委员会, 公共湖北省委.
constexpr std::string_view kCommitteeEnds[] = {"委员会", "委"};
constexpr std::u32string_view kPlaceSuffixes = U"省市县区州旗盟镇乡";
constexpr std::size_t kMaxPlaceChars = 12;

constexpr CharSet kStarts(U"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*＊公");

class Finder {
 public:
  Finder(const Document& doc, std::vector<Censored>& out) : text_(doc.text()), out_(out) {}

  void line(std::size_t begin, std::size_t end) {
    begin_ = begin;
    end_ = end;
    for (std::size_t i = begin; (i = kStarts.find(text_, i, end)) < end;) {
      const char32_t c = utf8::at(text_, i);
      std::size_t next = 0;
      if (is_ascii_letter(c)) next = letters(i);
      else if (c == '*' || c == U'＊') next = asterisks(i, c);
      else if (starts_with_at(text_, i, end, "公共")) next = zhonggong(i);
      i = next ? next : i + utf8::sequence_length(static_cast<unsigned char>(text_[i]));
    }
  }

 private:
  char32_t before(std::size_t i) const { return i > begin_ ? utf8::before(text_, i) : 0; }
  char32_t at(std::size_t i) const { return i < end_ ? utf8::at(text_, i) : 0; }
  void add(std::size_t b, std::size_t e, std::string_view original, bool certain) {
    out_.push_back({{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}, std::string(original), certain});
  }

  // A run of ASCII letters that is not part of a Latin word, number or name.
  std::size_t letters(std::size_t b) {
    std::size_t e = b;
    while (e < end_ && is_ascii_letter(static_cast<unsigned char>(text_[e]))) ++e;
    const char32_t p = before(b), q = at(e);
    auto joins = [](char32_t c) { return is_ascii_alnum(c) || c == '.' || c == '-' || c == '_' || c == '@'; };
    if (joins(p) || joins(q)) return e;
    const std::string_view run = text_.substr(b, e - b);
    if (run == "D" && is_party(b)) {
      add(b, e, "党", true);
    } else if ((run == "dang" || run == "Dang" || run == "DANG") &&
               (kPartyNext.contains(q) || starts_with_any(text_, e, end_, kPartyBefore) ||
                ends_with_any(text_, b, begin_, kPartyAfter))) {
      add(b, e, "党", true);  // the word spelled out: dang员, 中国共产dang
    } else if ((run == "WX" || run == "wx" || run == "weixin") && is_wechat(e)) {
      add(b, e, "微信", true);
    } else if (run.size() == 1 && (starts_with_any(text_, e, end_, kOnlyPartyBefore) ||
                                   ends_with_any(text_, b, begin_, kOnlyPartyAfter))) {
      add(b, e, "党", ends_with_any(text_, b, begin_, kOnlyPartyAfter));
    } else if (run == "AAA" && is_wechat(e)) {
      add(b, e, "微信", true);
    } else if (starts_with_at(text_, e, end_, kXiFormulation) && is_blank_run(run)) {
      add(b, e, "习近平", true);
    } else {
      for (const Initials& w : kInitials) {
        if (run != w.letters) continue;
        bool fits = w.next[0].empty() && w.previous[0].empty();
        for (std::string_view n : w.next) fits = fits || (!n.empty() && starts_with_at(text_, e, end_, n));
        for (std::string_view p : w.previous) fits = fits || (!p.empty() && ends_with_at(text_, b, begin_, p));
        if (fits && (chars::is_han(before(b)) || chars::is_han(q) || before(b) == 0))
          add(b, e, w.word, true);
      }
    }
    return e;
  }

  // xx, XXX: the letters a blank is written with.
  static bool is_blank_run(std::string_view run) {
    return run.find_first_not_of("xX") == std::string_view::npos;
  }

  // ***新时代中国特色社会主义思想: the name cut out of the formulation.
  std::size_t asterisks(std::size_t b, char32_t c) {
    std::size_t e = b;
    while (e < end_ && at(e) == c) e += utf8::sequence_length(static_cast<unsigned char>(text_[e]));
    if (starts_with_at(text_, e, end_, kXiFormulation)) add(b, e, "习近平", true);
    return e;
  }

  // A lone capital D (no letter or digit beside it) in a word 党 would make.
  bool is_party(std::size_t i) const {
    const char32_t p = before(i);
    const char32_t q = at(i + 1);
    // A、B、C、D: a list of options or grades.
    if (p == U'、' || p == ',' || p == U'，') {
      std::size_t j = i;
      utf8::prev(text_, j);
      if (is_ascii_alnum(before(j))) return false;
    }
    // Most words in the lists are one character: test those with a set, the rest as words.
    if (kNotPartyNext.contains(q) || starts_with_any(text_, i + 1, end_, kNotPartyBefore) ||
        ends_with_any(text_, i, begin_, kNotPartyAfter))
      return false;
    return kPartyNext.contains(q) || kPartyPrevious.contains(p) || starts_with_any(text_, i + 1, end_, kPartyBefore) ||
           ends_with_any(text_, i, begin_, kPartyAfter);
  }

  bool is_wechat(std::size_t after) const {
    if (starts_with_any(text_, after, end_, kWechatNot)) return false;
    return starts_with_any(text_, after, end_, kWechatBefore);
  }

  std::size_t zhonggong(std::size_t i) {
    std::size_t j = i + 6;
    for (std::size_t n = 0; j < end_ && n <= kMaxPlaceChars; ++n) {
      const char32_t c = at(j);
      if (!chars::is_han(c) && c != 'x' && c != 'X') return 0;
      j += utf8::sequence_length(static_cast<unsigned char>(text_[j]));
      if (n > 0 && kPlaceSuffixes.find(c) != std::u32string_view::npos && starts_with_any(text_, j, end_, kCommitteeEnds)) {
        add(i, i + 6, "中共", true);
        return i + 6;
      }
    }
    return 0;
  }

  std::string_view text_;
  std::vector<Censored>& out_;
  std::size_t begin_ = 0, end_ = 0;
};

class CensoredWord final : public Rule {
 public:
  void configure(OptionReader& options) override { allow_.configure(options); }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }

  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const auto excluded = allow_.exclusions(doc);
    for (const Censored& c : censored_in(doc, analyses)) {
      if (excluded(c.range)) continue;
      std::string message;
      message.reserve(64);
      message.append("疑似模板网站为躲避过滤替换的“").append(doc.slice(c.range));
      message.append(c.certain ? "”，原文应为“" : "”，原文可能是“").append(c.original).append("”");
      Diagnostic d = diagnostic(c.range, std::move(message));
      d.fix = Fix{{Edit{c.range, c.original}}, c.certain ? Applicability::safe : Applicability::unsafe, {}};
      sink.report(std::move(d));
    }
  }

 private:
  AllowList allow_;
};

}  // namespace

std::vector<Censored> find_censored(const Document& doc) {
  std::vector<Censored> out;
  Finder finder(doc, out);
  for_each_prose_line(doc, [&](std::uint32_t, std::uint32_t begin, std::uint32_t end) { finder.line(begin, end); });
  return out;
}

const std::vector<Censored>& censored_in(const Document& doc, DocumentAnalyses& analyses) {
  return analyses.get<std::vector<Censored>>("placeholder.censored", [&] { return find_censored(doc); });
}

namespace {
REPORTLINT_RULE(CensoredWord, "placeholder.censored-word", error, sometimes,
                "模板网站为躲避过滤替换的字词（D→党、AAA→微信、公共→中共、XJP→习近平）");
}  // namespace

}  // namespace reportlint::placeholder
