// Baselines: the findings a repository already had when it adopted reportlint, so that
// a CI gate reports only new ones. A finding is identified by its file, its rule and
// the text of its line (not the line number), so edits elsewhere in the file do not
// bring old findings back; the same finding twice on identical lines is counted.
//
//   {"version": 1, "findings": [{"file": "drafts/a.txt", "rule": "placeholder.unfilled",
//                                "line": "组织学习xx次。", "count": 1}, …]}
//
// Paths are relative to the baseline file's directory, so the gate may run from anywhere.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <tuple>

#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

class Baseline {
 public:
  explicit Baseline(std::filesystem::path file);

  // Reads the baseline file. Throws Error naming the file (and line:column) when it is
  // missing or not a baseline.
  static Baseline load(const std::filesystem::path& file);

  void add(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic);
  // True when the finding is in the baseline (once per recorded occurrence).
  bool take(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic);
  // Writes the file atomically, findings sorted.
  void write() const;
  std::size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, line text
  Key key_of(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic) const;

  std::filesystem::path file_;
  std::filesystem::path directory_;  // absolute
  std::map<Key, std::size_t> counts_;
};

}  // namespace reportlint
