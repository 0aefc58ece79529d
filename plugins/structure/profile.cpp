#include "profile.hpp"

#include "reportlint/plugin.hpp"
#include "reportlint/toml_limits.hpp"
#include "reportlint/toml_schema.hpp"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <utility>

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
  TableReader reader(const toml::table& table, std::string what) {
    return TableReader(table, std::move(what),
                       [this](const toml::source_region& where, std::string message) { context_.error(where, std::move(message)); });
  }
  // A key present overrides the base profile's value; an absent one keeps it.
  template <class T>
  static void set(std::optional<T> value, T& out) {
    if (value) out = std::move(*value);
  }
  template <class T>
  static void set(std::optional<T> value, int& out) {
    if (value) out = static_cast<int>(*value);
  }

  void apply(const toml::table& table, Profile& p) {
    TableReader profile = reader(table, "文档类型配置");
    profile.node("extends");  // read by load()
    set(profile.string("name"), p.name);
    if (const toml::table* detect = profile.table("detect")) apply_detect(*detect, p);
    apply_flags(profile, "title", {{"year", &p.title_year}, {"unit", &p.title_unit}, {"plan_year_follows", &p.plan_year_follows}});
    apply_flags(profile, "notice", {{"addressee", &p.notice_addressee}, {"signature", &p.notice_signature}, {"date", &p.notice_date}});
    if (const toml::node* node = profile.node("section")) {
      if (const toml::array* sections = node->as_array())
        for (const toml::node& s : *sections) apply_section(s, p);
      else
        profile.problem(*node, "“section”应为表数组，写作 [[section]]");
    }
    profile.finish();
  }

  // A table of true/false switches ([title], [notice]); a switch left out keeps its value.
  void apply_flags(TableReader& parent, std::string_view name,
                   std::initializer_list<std::pair<std::string_view, bool*>> flags) {
    const toml::table* t = parent.table(name);
    if (!t) return;
    TableReader reader_of_flags = reader(*t, std::string(name));
    for (const auto& [key, out] : flags) set(reader_of_flags.boolean(key), *out);
    reader_of_flags.finish();
  }

  void apply_detect(const toml::table& t, Profile& p) {
    TableReader detect = reader(t, "detect");
    set(detect.integer("priority", -1000, 1000), p.priority);
    if (const toml::node* title = detect.node("title")) {
      p.detect.clear();
      if (const toml::array* groups = title->as_array()) {
        for (const toml::node& g : *groups) {
          std::vector<std::string> words;
          if (const toml::array* group = g.as_array()) {
            for (const toml::node& w : *group) {
              if (auto s = w.value_exact<std::string>(); s && !s->empty()) words.push_back(*s);
              else detect.problem(w, "“title”中应为非空字符串");
            }
          } else {
            detect.problem(g, "“title”中应为字符串数组");
          }
          p.detect.push_back(std::move(words));
        }
      } else {
        detect.problem(*title, "“title”应为词组的数组，例如 [[\"总结\", \"计划\"]]");
      }
    }
    detect.finish();
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
    TableReader section = reader(*t, "section");
    section.node("id");
    section.node("after");
    set(section.string("name"), it->name);
    set(section.boolean("required"), it->required);
    set(section.boolean("implicit"), it->implicit);
    set(section.boolean("takes_topics"), it->takes_topics);
    set(section.integer("year", -10, 10), it->year);
    if (section.node("headings")) it->headings = section.strings("headings", true);
    for (std::string& h : section.strings("add_headings", true)) it->headings.push_back(std::move(h));
    section.finish();
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
