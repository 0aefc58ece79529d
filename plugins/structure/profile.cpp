#include "profile.hpp"

#include "reportlint/plugin.hpp"
#include "reportlint/toml_limits.hpp"

#include <algorithm>
#include <filesystem>

namespace reportlint::structure {

REPORTLINT_OPTION(profiles, strings, "[]", "增加或扩展文档类型的配置文件（相对配置文件的路径）");
namespace {

namespace fs = std::filesystem;

class Loader {
 public:
  explicit Loader(ConfigureContext& context) : context_(context) {}

  // Loads the profile in `path`, following `extends`. `chain` holds the files being
  // loaded, to report cycles.
  bool load(const std::string& path, const toml::source_region* from, Profile& out, std::vector<std::string>& chain) {
    if (std::find(chain.begin(), chain.end(), path) != chain.end()) {
      error(from, "文档类型配置循环继承：" + path);
      return false;
    }
    if (!fs::is_regular_file(path)) {
      error(from, "找不到文档类型配置文件 " + path);
      return false;
    }
    toml::table table;
    try {
      table = parse_toml_file(path);  // within the limits toml++ survives
    } catch (const toml::parse_error& e) {
      context_.error(e.source(), std::string("文档类型配置语法错误：") + std::string(e.description()));
      return false;
    }
    chain.push_back(path);
    if (const toml::node* extends = table.get("extends")) {
      const auto* base = extends->as_string();
      if (!base) {
        context_.error(extends->source(), "“extends”应为字符串，例如 extends = \"builtin:annual-summary\"");
      } else if (const std::string resolved = context_.resolve_path(base->get(), extends->source(), "profiles");
                 resolved.empty() || !load(resolved, &extends->source(), out, chain)) {
        chain.pop_back();  // empty: a file the project may not read (the core said so)
        return false;
      }
    }
    chain.pop_back();
    apply(table, out);
    return true;
  }

 private:
  void error(const toml::source_region* where, std::string message) {
    context_.error(where ? *where : toml::source_region{}, std::move(message));
  }
  void unknown(const toml::key& key, std::string_view where) {
    context_.error(key.source(), "文档类型配置中未知的键“" + std::string(key.str()) + "”（" + std::string(where) + "）");
  }
  void boolean(std::string_view key, const toml::node& node, bool& out) {
    if (auto v = node.value_exact<bool>())
      out = *v;
    else
      context_.error(node.source(), "“" + std::string(key) + "”应为 true 或 false");
  }
  std::vector<std::string> strings(const toml::node& node) {
    std::vector<std::string> out;
    const toml::array* array = node.as_array();
    if (!array) {
      context_.error(node.source(), "应为字符串数组");
      return out;
    }
    for (const toml::node& e : *array) {
      if (auto s = e.value_exact<std::string>(); s && !s->empty())
        out.push_back(*s);
      else
        context_.error(e.source(), "应为非空字符串");
    }
    return out;
  }

  void apply(const toml::table& table, Profile& p) {
    for (auto&& [key, node] : table) {
      const std::string_view k = key.str();
      if (k == "extends") continue;
      if (k == "name") {
        if (auto s = node.value_exact<std::string>()) p.name = *s;
        else context_.error(node.source(), "“name”应为字符串");
      } else if (k == "detect") {
        apply_detect(node, p);
      } else if (k == "title") {
        apply_flags(node, "title", {{"year", &p.title_year}, {"unit", &p.title_unit}, {"plan_year_follows", &p.plan_year_follows}});
      } else if (k == "notice") {
        apply_flags(node, "notice", {{"addressee", &p.notice_addressee}, {"signature", &p.notice_signature}, {"date", &p.notice_date}});
      } else if (k == "section") {
        const toml::array* sections = node.as_array();
        if (!sections) {
          context_.error(node.source(), "“section”应为表数组，写作 [[section]]");
          continue;
        }
        for (const toml::node& s : *sections) apply_section(s, p);
      } else {
        unknown(key, "可用：name、extends、detect、title、section、notice");
      }
    }
  }

  void apply_detect(const toml::node& node, Profile& p) {
    const toml::table* t = node.as_table();
    if (!t) {
      context_.error(node.source(), "“detect”应为表");
      return;
    }
    for (auto&& [key, value] : *t) {
      if (key.str() == "priority") {
        if (auto v = value.value_exact<std::int64_t>()) p.priority = static_cast<int>(*v);
        else context_.error(value.source(), "“priority”应为整数");
      } else if (key.str() == "title") {
        p.detect.clear();
        if (const toml::array* groups = value.as_array()) {
          for (const toml::node& g : *groups) p.detect.push_back(strings(g));
        } else {
          context_.error(value.source(), "“title”应为词组的数组，例如 [[\"总结\", \"计划\"]]");
        }
      } else {
        unknown(key, "detect 中可用：title、priority");
      }
    }
  }

  void apply_flags(const toml::node& node, std::string_view table_name,
                   std::initializer_list<std::pair<std::string_view, bool*>> flags) {
    const toml::table* t = node.as_table();
    if (!t) {
      context_.error(node.source(), "“" + std::string(table_name) + "”应为表");
      return;
    }
    for (auto&& [key, value] : *t) {
      const std::string_view name = key.str();  // clang 14 cannot capture a structured binding
      auto it = std::find_if(flags.begin(), flags.end(), [&](const auto& f) { return f.first == name; });
      if (it == flags.end()) {
        unknown(key, std::string(table_name) + " 中的键");
        continue;
      }
      boolean(key.str(), value, *it->second);
    }
  }

  // A section table: new ids are added (after `after`, or at the end); a known id has
  // its fields replaced, and add_headings extends its headings.
  void apply_section(const toml::node& node, Profile& p) {
    const toml::table* t = node.as_table();
    const toml::node* id = t ? t->get("id") : nullptr;
    const auto* id_value = id ? id->as_string() : nullptr;
    if (!id_value) {
      context_.error(node.source(), "每个 [[section]] 都需要字符串键“id”");
      return;
    }
    auto it = std::find_if(p.sections.begin(), p.sections.end(), [&](const SectionSpec& s) { return s.id == id_value->get(); });
    if (it == p.sections.end()) {
      std::size_t at = p.sections.size();
      if (const toml::node* after = t->get("after")) {
        const auto* a = after->as_string();
        auto prev = a ? std::find_if(p.sections.begin(), p.sections.end(), [&](const SectionSpec& s) { return s.id == a->get(); })
                      : p.sections.end();
        if (prev == p.sections.end())
          context_.error(after->source(), "“after”应为已有部分的 id");
        else
          at = static_cast<std::size_t>(prev - p.sections.begin()) + 1;
      }
      it = p.sections.insert(p.sections.begin() + static_cast<std::ptrdiff_t>(at), SectionSpec{});
      it->id = id_value->get();
      it->name = it->id;
    }
    for (auto&& [key, value] : *t) {
      const std::string_view k = key.str();
      if (k == "id" || k == "after") continue;
      if (k == "name") {
        if (auto s = value.value_exact<std::string>()) it->name = *s;
        else context_.error(value.source(), "“name”应为字符串");
      } else if (k == "required") {
        boolean(k, value, it->required);
      } else if (k == "implicit") {
        boolean(k, value, it->implicit);
      } else if (k == "takes_topics") {
        boolean(k, value, it->takes_topics);
      } else if (k == "year") {
        if (auto v = value.value_exact<std::int64_t>(); v && *v >= -10 && *v <= 10) it->year = static_cast<int>(*v);
        else context_.error(value.source(), "“year”应为 -10 到 10 之间的整数（相对标题年份的年数）");
      } else if (k == "headings") {
        it->headings = strings(value);
      } else if (k == "add_headings") {
        for (std::string& h : strings(value)) it->headings.push_back(std::move(h));
      } else {
        unknown(key, "section 中可用：id、name、required、implicit、takes_topics、year、headings、add_headings、after");
      }
    }
  }

  ConfigureContext& context_;
};

}  // namespace

ProfileSet ProfileSet::load(OptionReader& options) {
  ProfileSet set;
  ConfigureContext& context = options.context();
  Loader loader(context);
  auto add = [&](Profile p) {
    auto existing = std::find_if(set.profiles_.begin(), set.profiles_.end(), [&](const Profile& q) { return q.id == p.id; });
    if (existing != set.profiles_.end())
      *existing = std::move(p);
    else
      set.profiles_.push_back(std::move(p));
  };
  for (const std::string& file : context.builtin_files("profiles")) {
    Profile p;
    p.id = fs::path(file).stem().string();
    std::vector<std::string> chain;
    if (loader.load(file, nullptr, p, chain)) add(std::move(p));
  }
  for (const auto& item : options.get_strings("profiles")) {
    const std::string path = context.resolve_path(item.value, item.source, "profiles");
    if (path.empty()) continue;  // a file the project may not read: the core said so
    Profile p;
    p.id = fs::path(path).stem().string();
    std::vector<std::string> chain;
    if (loader.load(path, &item.source, p, chain)) {
      p.user = true;
      add(std::move(p));
    }
  }
  for (Profile& p : set.profiles_) p.index();
  std::stable_sort(set.profiles_.begin(), set.profiles_.end(),
                   [](const Profile& a, const Profile& b) {
                     return a.priority != b.priority ? a.priority > b.priority : a.user > b.user;
                   });
  if (const std::string_view wanted = context.profile(); !wanted.empty()) {
    const Profile* p = set.find(wanted);
    if (p) {
      set.selected_ = p - set.profiles_.data();
    } else {
      std::string names;
      for (const Profile& q : set.profiles_) names += (names.empty() ? "" : "、") + q.id;
      context.error(context.profile_source(), "未知的文档类型“" + std::string(wanted) + "”（可用：" + names + "）");
    }
  }
  return set;
}

void Profile::index() {
  by_first.clear();
  by_last.clear();
  for (std::uint32_t k = 0; k < sections.size(); ++k)
    for (std::uint32_t j = 0; j < sections[k].headings.size(); ++j) {
      const std::string_view h = sections[k].headings[j];
      std::size_t end = h.size();
      by_first[utf8::at(h, 0)].push_back({k, j});
      by_last[utf8::prev(h, end)].push_back({k, j});
    }
}

const Profile* ProfileSet::find(std::string_view id) const {
  for (const Profile& p : profiles_)
    if (p.id == id) return &p;
  return nullptr;
}

Choice choose_profile(const ProfileSet& profiles, std::string_view title) {
  if (const Profile* p = profiles.selected()) return {p, "按配置指定"};
  for (const Profile& p : profiles.all()) {
    for (const auto& group : p.detect) {
      if (group.empty()) continue;
      const bool all = std::all_of(group.begin(), group.end(),
                                   [&](const std::string& w) { return title.find(w) != std::string_view::npos; });
      if (!all) continue;
      std::string reason = "标题含";
      for (std::size_t i = 0; i < group.size(); ++i) reason += (i ? "和“" : "“") + group[i] + "”";
      return {&p, reason};
    }
  }
  return {};
}

std::string explain(const Choice& choice) {
  return "按“" + choice.profile->name + "”（" + choice.profile->id + "）的要求检查：" + choice.reason;
}

}  // namespace reportlint::structure
