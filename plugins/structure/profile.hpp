// Document-type profiles: what a complete document of each type contains.
//
// A profile is a TOML file (configs/profiles/NAME.toml for the built-in ones). The plugin
// loads every built-in profile, then the files of the `profiles` option, which may add a
// new type or extend a built-in one (extends = "builtin:annual-summary").
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reportlint/options.hpp"

namespace reportlint::structure {

struct SectionSpec {
  std::string id;       // "problems"
  std::string name;     // 存在问题
  bool required = false;
  bool implicit = false;  // topic headings before the next section count as this section
  // Topic headings after an earlier part count as this one (the tasks of a 政府工作报告,
  // written as 二、坚持扩大内需 … after the review).
  bool takes_topics = false;
  // The year a heading of this part names, from the title's (first) year: 0 for the year
  // the title names (a summary's), 1 for a plan of the next year, -1 for the review in a
  // 政府工作报告 given at the start of the year.
  int year = 0;
  std::vector<std::string> headings;  // a top-level heading containing one of these is this section
};

struct Profile {
  std::string id;    // "annual-summary": what --profile and `profile =` name
  std::string name;  // 年度工作总结
  std::vector<std::vector<std::string>> detect;  // the title has every word of one group
  int priority = 0;
  bool user = false;  // from the `profiles` option: tried before a built-in of equal priority
  bool title_year = false;
  bool title_unit = false;
  bool plan_year_follows = false;
  bool notice_addressee = false;
  bool notice_signature = false;
  bool notice_date = false;
  std::vector<SectionSpec> sections;  // in the order they belong

  // The headings of all sections by their first and by their last character, so a
  // heading is compared only with those that can start or end it. Built by index().
  struct HeadingRef {
    std::uint32_t section;
    std::uint32_t heading;
  };
  std::unordered_map<char32_t, std::vector<HeadingRef>> by_first, by_last;
  void index();
};

class ProfileSet {
 public:
  // Built-in profiles, then those of the `profiles` option; the profile chosen by
  // --profile or the config must exist. Problems are reported through `options`.
  static ProfileSet load(OptionReader& options);

  const Profile* find(std::string_view id) const;
  const std::vector<Profile>& all() const noexcept { return profiles_; }
  const Profile* selected() const noexcept { return selected_ < 0 ? nullptr : &profiles_[static_cast<std::size_t>(selected_)]; }

 private:
  std::vector<Profile> profiles_;  // by descending detection priority
  std::ptrdiff_t selected_ = -1;
};

// The profile a report is checked against, and why, for the note that explains it.
struct Choice {
  const Profile* profile = nullptr;
  std::string reason;  // 标题含“总结”和“计划”
};

// The configured profile, else the first whose detection words all appear in the title.
Choice choose_profile(const ProfileSet& profiles, std::string_view title);

// "按“年度工作总结”（annual-summary）检查：标题含“总结”" — the note attached to findings.
std::string explain(const Choice& choice);

}  // namespace reportlint::structure
