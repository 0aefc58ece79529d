// Baselines: the findings a repository already had when it adopted reportlint, so that
// a CI gate reports only new ones. A finding is identified by its file, its rule and its
// fingerprint (lint/fingerprint.hpp: the flagged text and a little context, not the line
// number nor the whole line), so fixing one finding of a paragraph, editing elsewhere in
// it or moving it does not bring old findings back; the same finding twice is counted.
//
//   {"version": 2, "findings": [{"file": "drafts/a.txt", "rule": "placeholder.unfilled",
//                                "fingerprint": "3f2a…", "text": "xx", "count": 1}, …]}
//
// ("text" is for people reading the file.) Version-1 files, which matched on the text of
// the whole line, are still read; a version-1 finding kept in a version-2 file has "line"
// instead of "fingerprint". --write-baseline writes version 2.
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
  using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, fingerprint
  using LineKey = std::tuple<std::string, std::string, std::string>;  // file, rule, line text (version 1)
  std::string file_key(const std::string& shown_path) const;

  std::filesystem::path file_;
  std::filesystem::path directory_;  // absolute
  std::map<Key, std::size_t> counts_;
  std::map<Key, std::string> texts_;  // the flagged text of each, for the file's readers
  std::map<LineKey, std::size_t> line_counts_;  // from a version-1 file
};

}  // namespace reportlint
