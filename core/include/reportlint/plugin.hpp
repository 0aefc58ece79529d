// reportlint plugin API: rules, and the handshake a plugin library exports.
//
// A plugin is a shared library built from a folder of rule files. Each rule file ends
// with REPORTLINT_RULE(...), which registers the rule; exactly one file of the plugin
// says REPORTLINT_PLUGIN("name", "version"), which exports the handshake the core reads:
//
//   extern "C" const reportlint::PluginInfo reportlint_plugin_info;
//
// The core checks `abi_version` (and the C++ library ABI) before touching anything else,
// so a plugin built against another version of this header is refused, not crashed on.
// Rule documentation comes from docs/rules/<id>.md, which the CMake function
// reportlint_add_plugin() compiles into the library (see cmake/ReportlintPlugin.cmake).
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reportlint/checker.hpp"
#include "reportlint/options.hpp"

// Bumped whenever a type that crosses the plugin boundary changes layout or meaning.
#ifndef REPORTLINT_PLUGIN_ABI
#define REPORTLINT_PLUGIN_ABI 8
#endif

#if defined(__GNUC__)
#define REPORTLINT_EXPORT __attribute__((visibility("default")))
#else
#define REPORTLINT_EXPORT
#endif

namespace reportlint {

namespace plugin_detail {
class RuleSetChecker;
}

// std::string and friends change layout with the libstdc++ dual ABI; both sides must agree.
#if defined(_GLIBCXX_USE_CXX11_ABI)
inline constexpr std::uint32_t kCxxLibraryAbi = _GLIBCXX_USE_CXX11_ABI ? 2 : 1;
#else
inline constexpr std::uint32_t kCxxLibraryAbi = 0;
#endif

// What a plugin was built with besides these headers. std::string, std::vector and
// toml::table cross the boundary, so a plugin must come from the same compiler family and
// major version, the same C++ standard library (major release) and the same toml++
// version (major.minor) as the core; the core compares this text with its own and names
// both when they differ.
#define REPORTLINT_STR_INNER(x) #x
#define REPORTLINT_STR(x) REPORTLINT_STR_INNER(x)
#if defined(__clang__)
#define REPORTLINT_COMPILER_ID "clang " REPORTLINT_STR(__clang_major__)
#elif defined(__GNUC__)
#define REPORTLINT_COMPILER_ID "g++ " REPORTLINT_STR(__GNUC__)
#else
#define REPORTLINT_COMPILER_ID "unknown compiler"
#endif
#if defined(_GLIBCXX_RELEASE)
#define REPORTLINT_STDLIB_ID "libstdc++ " REPORTLINT_STR(_GLIBCXX_RELEASE)
#elif defined(_LIBCPP_VERSION)
#define REPORTLINT_STDLIB_ID "libc++ " REPORTLINT_STR(_LIBCPP_VERSION)
#else
#define REPORTLINT_STDLIB_ID "unknown standard library"
#endif
#ifndef REPORTLINT_BUILD_IDENTITY
#define REPORTLINT_BUILD_IDENTITY \
  REPORTLINT_COMPILER_ID ", " REPORTLINT_STDLIB_ID ", toml++ " REPORTLINT_STR(TOML_LIB_MAJOR) "." REPORTLINT_STR(TOML_LIB_MINOR)
#endif

struct PluginInfo {
  std::uint32_t abi_version;    // REPORTLINT_PLUGIN_ABI; first, so it can be read alone
  std::uint32_t cxx_library_abi;  // kCxxLibraryAbi
  const char* name;             // the rule-id prefix: "placeholder"
  const char* version;
  Checker* (*create)();         // a new checker; the core deletes it before unloading
  const char* build;            // REPORTLINT_BUILD_IDENTITY: "g++ 12, libstdc++ 12, toml++ 3.3"
};

// What the rules of one plugin work out from a document and share while it is checked
// (the reports of a compilation and their parts, say): the first rule to ask builds it,
// the others reuse it. It lives for one check() of one document, so nothing is shared
// between documents or threads.
class DocumentAnalyses {
 public:
  template <class T, class Make>
  const T& get(std::string_view key, Make&& make) {
    for (const Entry& e : entries_)
      if (e.key == key) return *static_cast<const T*>(e.value.get());
    auto made = std::make_shared<const T>(make());
    const T& result = *made;
    entries_.push_back({key, std::move(made)});
    return result;
  }

 private:
  struct Entry {
    std::string_view key;  // a string literal of the plugin
    std::shared_ptr<const void> value;
  };
  std::vector<Entry> entries_;
};

// One rule of a plugin. configure() reads the options it understands from the plugin's
// table; check() must only read the rule's own state. The plugin calls the second
// check(), which runs the first; rules that share analyses with others override it too
// (and make their first check() call it with analyses of their own).
class Rule {
 public:
  virtual ~Rule() = default;
  virtual void configure(OptionReader& /*options*/) {}
  virtual void check(const Document& document, DiagnosticSink& sink) const = 0;
  virtual void check(const Document& document, DiagnosticSink& sink, DocumentAnalyses& /*analyses*/) const {
    check(document, sink);
  }

  const RuleInfo& info() const noexcept { return *info_; }

 protected:
  // A diagnostic of this rule; the caller adds notes and a fix, then reports it.
  Diagnostic diagnostic(TextRange range, std::string message) const {
    Diagnostic d;
    d.rule = info_->id;
    d.range = range;
    d.message = std::move(message);
    return d;
  }

 private:
  friend class plugin_detail::RuleSetChecker;
  const RuleInfo* info_ = nullptr;
};

namespace plugin_detail {

struct RuleEntry {
  RuleInfo info;
  std::unique_ptr<Rule> (*make)();
  RuleEntry* next;
};

// Head of the plugin's list of registered rules; defined by REPORTLINT_PLUGIN. A plain
// pointer is constant-initialised, so it is null before any registrar runs.
extern RuleEntry* rule_list;

struct OptionEntry {
  OptionSpec spec;
  OptionEntry* next;
};
// The same for the plugin's declared options (REPORTLINT_OPTION).
extern OptionEntry* option_list;

// Generated by reportlint_add_plugin() from the plugin's docs/rules/*.md pages.
std::string_view rule_doc(std::string_view rule_id) noexcept;

// The Checker of a plugin: runs its registered rules, in order of rule id.
class RuleSetChecker final : public Checker {
 public:
  RuleSetChecker() {
    for (RuleEntry* e = rule_list; e; e = e->next) infos_.push_back(e->info);
    std::sort(infos_.begin(), infos_.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    for (RuleInfo& info : infos_) info.doc = rule_doc(info.id);
    for (const RuleInfo& info : infos_) {
      for (RuleEntry* e = rule_list; e; e = e->next) {
        if (e->info.id != info.id) continue;
        rules_.push_back(e->make());
        rules_.back()->info_ = &info;
      }
    }
    for (OptionEntry* e = option_list; e; e = e->next) options_.push_back(e->spec);
    std::sort(options_.begin(), options_.end(),
              [](const OptionSpec& a, const OptionSpec& b) { return a.name < b.name; });
  }

  std::span<const RuleInfo> rules() const noexcept override { return infos_; }
  std::span<const OptionSpec> options() const noexcept override { return options_; }

  // One pass over the plugin's table against its declared options; then each rule reads
  // the values it needs.
  void configure(ConfigureContext& context) override {
    OptionReader options(context, options_);
    for (auto& rule : rules_) {
      if (const toml::table* own = context.rule_options(rule->info().id)) {
        OptionReader mine(context, options_, *own, options);
        rule->configure(mine);
        mine.finish();
      } else {
        rule->configure(options);
      }
    }
    options.finish();
  }

  void check(const Document& document, DiagnosticSink& sink) const override {
    DocumentAnalyses analyses;
    for (const auto& rule : rules_)
      if (sink.enabled(rule->info().id)) rule->check(document, sink, analyses);
  }

 private:
  std::vector<RuleInfo> infos_;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<OptionSpec> options_;
};

}  // namespace plugin_detail

template <class R>
struct RuleRegistrar {
  explicit RuleRegistrar(RuleInfo info) {
    entry_.info = info;
    entry_.make = [] { return std::unique_ptr<Rule>(new R()); };
    entry_.next = plugin_detail::rule_list;
    plugin_detail::rule_list = &entry_;
  }

 private:
  plugin_detail::RuleEntry entry_{};
};

struct OptionRegistrar {
  explicit OptionRegistrar(OptionSpec spec) {
    entry_.spec = spec;
    entry_.next = plugin_detail::option_list;
    plugin_detail::option_list = &entry_;
  }

 private:
  plugin_detail::OptionEntry entry_{};
};

}  // namespace reportlint

#define REPORTLINT_CONCAT_INNER(a, b) a##b
#define REPORTLINT_CONCAT(a, b) REPORTLINT_CONCAT_INNER(a, b)

// Registers rule class CLASS under ID with its default severity, fix availability and
// one-line summary (Simplified Chinese):
//   REPORTLINT_RULE(Unfilled, "placeholder.unfilled", error, none, "未填写的模板占位符")
#define REPORTLINT_RULE(CLASS, ID, SEVERITY, FIX, SUMMARY)                            \
  static const ::reportlint::RuleRegistrar<CLASS> REPORTLINT_CONCAT(rule_registrar_,   \
                                                                    __LINE__){         \
      ::reportlint::RuleInfo{ID, ::reportlint::Severity::SEVERITY,                     \
                             ::reportlint::FixAvailability::FIX, SUMMARY, {}, false}}

// The same for an opt-in rule (RuleInfo::opt_in): off until a configuration names it.
#define REPORTLINT_OPT_IN_RULE(CLASS, ID, SEVERITY, FIX, SUMMARY)                     \
  static const ::reportlint::RuleRegistrar<CLASS> REPORTLINT_CONCAT(rule_registrar_,   \
                                                                    __LINE__){         \
      ::reportlint::RuleInfo{ID, ::reportlint::Severity::SEVERITY,                     \
                             ::reportlint::FixAvailability::FIX, SUMMARY, {}, true}}

// Declares an option of the plugin's [plugins.NAME] table, in the file of the rule that
// reads it (one declaration however many rules read it):
//   REPORTLINT_OPTION(allow_level_skip, boolean, "false", "允许“一、”下直接用“1.”");
//   REPORTLINT_OPTION_RANGE(top_level, "0", "要求的第一层级", 0, 5);
//   REPORTLINT_OPTION_CHOICE(style, "\"gb9704\"", "序号的写法", kStyles);
#define REPORTLINT_OPTION(NAME, TYPE, DEFAULT, DOC)                                                    \
  static const ::reportlint::OptionRegistrar REPORTLINT_CONCAT(option_registrar_, __LINE__){             \
      ::reportlint::OptionSpec{#NAME, ::reportlint::OptionType::TYPE, DEFAULT, DOC}}
#define REPORTLINT_OPTION_RANGE(NAME, DEFAULT, DOC, MIN, MAX)                                          \
  static const ::reportlint::OptionRegistrar REPORTLINT_CONCAT(option_registrar_, __LINE__){             \
      ::reportlint::OptionSpec{#NAME, ::reportlint::OptionType::integer, DEFAULT, DOC, MIN, MAX}}
#define REPORTLINT_OPTION_CHOICE(NAME, DEFAULT, DOC, CHOICES)                                          \
  static const ::reportlint::OptionRegistrar REPORTLINT_CONCAT(option_registrar_, __LINE__){             \
      ::reportlint::OptionSpec{#NAME, ::reportlint::OptionType::string, DEFAULT, DOC, 0, 0, CHOICES}}

// Defines the plugin's handshake symbol. NAME is the prefix of all its rule ids.
#define REPORTLINT_PLUGIN(NAME, VERSION)                                                 \
  namespace reportlint::plugin_detail {                                                  \
  RuleEntry* rule_list = nullptr;                                                        \
  OptionEntry* option_list = nullptr;                                                    \
  static Checker* create_checker() { return new RuleSetChecker(); }                     \
  }                                                                                      \
  extern "C" REPORTLINT_EXPORT const ::reportlint::PluginInfo reportlint_plugin_info = { \
      REPORTLINT_PLUGIN_ABI, ::reportlint::kCxxLibraryAbi, NAME, VERSION,               \
      &::reportlint::plugin_detail::create_checker, REPORTLINT_BUILD_IDENTITY}
