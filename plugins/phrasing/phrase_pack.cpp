#include "phrase_pack.hpp"

#include "reportlint/plugin.hpp"
#include "reportlint/toml_limits.hpp"
#include "reportlint/toml_schema.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace reportlint::phrasing {

REPORTLINT_OPTION(packs, strings, "",
                  "使用的短语包（builtin:名称 或相对配置文件的路径），取代默认的全部内置短语包");
REPORTLINT_OPTION(extra_packs, strings, "[]", "在默认或 packs 之外追加的短语包");
REPORTLINT_OPTION(disable, strings, "[]", "按 id 关闭的短语条目");
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxSlotsPerPattern = 4;

class PackLoader {
 public:
  PackLoader(ConfigureContext& context, std::vector<Entry>& out) : context_(context), out_(out) {}

  void load(const std::string& path, const toml::source_region* from) {
    if (path.empty()) return;  // a file the project may not read: the core said so
    if (!fs::is_regular_file(path)) {
      context_.error(from ? *from : toml::source_region{}, "找不到短语包文件 " + path);
      return;
    }
    toml::table table;
    try {
      table = parse_toml_file(path);  // within the limits toml++ survives
    } catch (const toml::parse_error& e) {
      context_.error(e.source(), std::string("短语包语法错误：") + std::string(e.description()));
      return;
    }
    std::string default_rule;
    std::map<std::string, std::string, std::less<>> sources;
    TableReader pack(table, "短语包", report());
    if (const toml::node* header = pack.node("pack")) read_pack_header(*header, default_rule);
    if (const toml::table* named = pack.table("sources")) {
      for (auto&& [name, value] : *named) {
        if (auto s = value.value_exact<std::string>()) sources.emplace(std::string(name.str()), *s);
        else pack.problem(value, "来源应为字符串");
      }
    }
    const toml::node* entries = pack.node("entry");
    pack.finish();
    if (!entries) return;
    const toml::array* array = entries->as_array();
    if (!array) {
      context_.error(entries->source(), "“entry”应为表数组，写作 [[entry]]");
      return;
    }
    for (const toml::node& node : *array) read_entry(node, default_rule, sources);
  }

 private:
  void read_pack_header(const toml::node& node, std::string& default_rule) {
    const toml::table* t = node.as_table();
    if (!t) {
      context_.error(node.source(), "“pack”应为表");
      return;
    }
    TableReader pack(*t, "pack", report());
    pack.string("name");
    pack.string("description");
    if (auto rule = pack.string("rule")) {
      if (known_rule(*rule)) default_rule = *rule;
      else pack.problem(*t->get("rule"), "“rule”应为以下之一：" + rule_names());
    }
    pack.finish();
  }

  TableReader::Report report() {
    return [this](const toml::source_region& where, std::string message) { context_.error(where, std::move(message)); };
  }

  void read_entry(const toml::node& node, const std::string& default_rule,
                  const std::map<std::string, std::string, std::less<>>& sources) {
    const toml::table* t = node.as_table();
    if (!t) {
      context_.error(node.source(), "[[entry]] 应为表");
      return;
    }
    TableReader entry(*t, "entry", report());
    Entry e;
    e.id = entry.string("id", true).value_or("");
    e.written = entry.string("match", true).value_or("");
    const toml::node* match_node = e.written.empty() ? nullptr : t->get("match");
    e.rule = entry.string("rule", true).value_or(default_rule);
    if (t->get("rule") && entry.ok() && !known_rule(e.rule))
      entry.problem(*t->get("rule"), "“rule”应为以下之一：" + rule_names());
    e.message = entry.string("message", true).value_or("");
    e.replace = entry.strings("replace", true);
    e.certain = entry.boolean("certain").value_or(false);
    e.except = entry.strings("except", true);
    e.not_after = entry.strings("not_after", true);
    e.not_before = entry.strings("not_before", true);
    e.defined_by = entry.strings("defined_by", true);
    e.unless_author = entry.strings("unless_author", true);
    if (auto source = entry.string("source", true)) {
      const auto it = sources.find(*source);
      e.source = it == sources.end() ? *source : it->second;
    }
    entry.finish();
    const bool ok = entry.ok();
    if (e.id.empty() || !match_node) {
      context_.error(node.source(), "每个 [[entry]] 都需要“id”和“match”");
      return;
    }
    if (e.rule.empty()) {
      context_.error(node.source(), "条目“" + e.id + "”没有“rule”，包的 [pack] 也没有指定");
      return;
    }
    if (std::string problem = parse_pattern(e.written, e); !problem.empty()) {
      context_.error(match_node->source(), "“match”" + problem);
      return;
    }
    // A replacement holding what it replaces would be found again after the fix, and
    // --fix would grow the text pass after pass (工作 → 工作工作) — unless the entry's own
    // exceptions rule that out (新时代…思想 → 习近平新时代…思想, correct after 习近平).
    if (e.pattern.size() == 1 && e.mark_segment < 0) {
      for (const std::string& r : e.replace) {
        if (const std::size_t at = first_unexcepted(e, r); at != std::string::npos) {
          context_.error(node.source(), "条目“" + e.id + "”的替换文字“" + r + "”包含了要替换的“" + e.written +
                                            "”，修复后会再次匹配");
          return;
        }
      }
    }
    if (e.certain && e.replace.empty()) {
      context_.error(node.source(), "条目“" + e.id + "”标明 certain = true，但没有 replace");
      return;
    }
    if (!ok) return;
    if (!ids_.insert(e.id).second) {
      context_.error(t->get("id")->source(), "短语条目 id“" + e.id + "”重复");
      return;
    }
    out_.push_back(std::move(e));
  }

  // Where the entry's literal occurs in `r` and none of its exceptions would excuse it, or npos.
  static std::size_t first_unexcepted(const Entry& e, std::string_view r) {
    const std::string& match = e.pattern.front().literal;
    for (std::size_t at = r.find(match); at != std::string_view::npos; at = r.find(match, at + 1)) {
      bool excused = false;
      for (const std::string& before : e.not_after) excused = excused || r.substr(0, at).ends_with(before);
      for (const std::string& after : e.not_before) excused = excused || r.substr(at + match.size()).starts_with(after);
      for (const std::string& phrase : e.except)
        for (std::size_t k = phrase.find(match); !excused && k != std::string::npos; k = phrase.find(match, k + 1))
          excused = at >= k && r.substr(at - k, phrase.size()) == phrase;
      if (!excused) return at;
    }
    return std::string_view::npos;
  }

  static bool known_rule(std::string_view name) {
    const auto rules = pack_rules();
    return std::any_of(rules.begin(), rules.end(), [&](const PackRule& r) { return r.name == name; });
  }
  static std::string rule_names() {
    std::string s;
    for (const PackRule& r : pack_rules()) s += (s.empty() ? "" : "、") + std::string(r.name);
    return s;
  }

  ConfigureContext& context_;
  std::vector<Entry>& out_;
  std::set<std::string, std::less<>> ids_;
};

bool is_slot(std::string_view s, std::string_view name) { return s.starts_with(name); }

}  // namespace

std::string parse_pattern(std::string_view written, Entry& entry) {
  entry.pattern.clear();
  entry.mark_segment = -1;
  bool in_mark = false, marked = false;
  std::size_t slots = 0;
  auto literal = [&]() -> Segment& {
    if (entry.pattern.empty() || entry.pattern.back().kind != Segment::Kind::literal) entry.pattern.push_back({});
    return entry.pattern.back();
  };
  for (std::size_t i = 0; i < written.size();) {
    const std::string_view rest = written.substr(i);
    if (rest.starts_with("{")) {
      if (in_mark) return "的 [..] 中不能有占位";
      Segment s;
      std::size_t length = 0;
      if (is_slot(rest, "{num}")) s.kind = Segment::Kind::number, length = 5;
      else if (is_slot(rest, "{text}")) s.kind = Segment::Kind::text, length = 6;
      else if (is_slot(rest, "{unit}")) s.kind = Segment::Kind::unit, length = 6;
      else return "中未知的占位“" + std::string(rest.substr(0, rest.find('}') + 1)) + "”（可用：{num}、{unit}、{text}）";
      if (entry.pattern.empty()) return "应以文字开头，不能以占位开头";
      const Segment::Kind before = entry.pattern.back().kind;
      if (s.kind == Segment::Kind::unit ? before != Segment::Kind::number : before != Segment::Kind::literal)
        return s.kind == Segment::Kind::unit ? "中的 {unit} 只能紧跟在 {num} 之后" : "中两个占位不能相连";
      if (++slots > kMaxSlotsPerPattern) return "中的占位太多";
      entry.pattern.push_back(s);
      i += length;
    } else if (rest.starts_with("[")) {
      if (in_mark || marked) return "中只能有一处 [..]";
      Segment& s = literal();
      entry.mark_segment = static_cast<int>(entry.pattern.size() - 1);
      entry.mark_begin = s.literal.size();
      in_mark = true;
      ++i;
    } else if (rest.starts_with("]")) {
      if (!in_mark) return "中的“]”没有对应的“[”";
      entry.mark_end = literal().literal.size();
      if (entry.mark_end == entry.mark_begin) return "中的 [..] 不能为空";
      in_mark = false;
      marked = true;
      ++i;
    } else {
      const std::size_t n = utf8::sequence_length(static_cast<unsigned char>(written[i]));
      literal().literal.append(written.substr(i, n));
      i += n;
    }
  }
  if (in_mark) return "中的“[”没有对应的“]”";
  if (entry.pattern.empty() || entry.pattern.front().kind != Segment::Kind::literal) return "不能为空";
  return {};
}

PackSet PackSet::load(OptionReader& options) {
  PackSet set;
  ConfigureContext& context = options.context();
  PackLoader loader(context, set.entries_);
  if (options.has("packs")) {
    for (const auto& item : options.get_strings("packs"))
      loader.load(context.resolve_path(item.value, item.source, "phrasing"), &item.source);
  } else {
    for (const std::string& file : context.builtin_files("phrasing")) loader.load(file, nullptr);
  }
  for (const auto& item : options.get_strings("extra_packs"))
    loader.load(context.resolve_path(item.value, item.source, "phrasing"), &item.source);
  for (const auto& item : options.get_strings("disable")) {
    auto it = std::find_if(set.entries_.begin(), set.entries_.end(), [&](const Entry& e) { return e.id == item.value; });
    if (it == set.entries_.end()) context.error(item.source, "没有 id 为“" + item.value + "”的短语条目");
    else set.entries_.erase(it);
  }
  return set;
}

}  // namespace reportlint::phrasing
