// The findings of one document as the core keeps them between linting and rendering.
//
// Plugins report ordinary Diagnostic values; the list packs each into 20 bytes (range,
// rule, severity and ids of interned strings) with fixes and notes in side tables. A
// draft of 57 MB full of blanks has over a million findings: as Diagnostic objects, with a
// heap string each and fixes on the heap, they took ten times the file's size. Reading an
// entry gives a Diagnostic back, rebuilt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/diagnostic.hpp"
#include "support/string_pool.hpp"

namespace reportlint {

class DiagnosticList {
 public:
  class iterator;

  DiagnosticList() = default;
  DiagnosticList(DiagnosticList&&) noexcept = default;
  DiagnosticList& operator=(DiagnosticList&&) noexcept = default;

  static DiagnosticList from(const std::vector<Diagnostic>& diagnostics);
  std::vector<Diagnostic> to_vector() const;

  // Room for a finding every 16 bytes of a text of `text_bytes`: regrowing copies them
  // all, while capacity never touched costs only address space.
  void reserve_for(std::size_t text_bytes);
  // Stores `d`. Its rule id must outlive the list (the Linter's copy does).
  void push_back(const Diagnostic& d);
  void clear();

  std::size_t size() const noexcept { return records_.size(); }
  bool empty() const noexcept { return records_.empty(); }
  Diagnostic operator[](std::size_t i) const;  // rebuilt from the packed form
  iterator begin() const;
  iterator end() const;

  // Parts of one entry, without rebuilding it.
  std::string_view rule(std::size_t i) const noexcept { return rules_[records_[i].rule]; }
  TextRange range(std::size_t i) const noexcept { return {records_[i].begin, records_[i].end}; }
  Severity severity(std::size_t i) const noexcept { return records_[i].severity; }
  std::string_view message(std::size_t i) const noexcept { return strings_[records_[i].message]; }
  bool has_safe_fix(std::size_t i) const noexcept;
  std::vector<Edit> fix_edits(std::size_t i) const;  // empty without a fix

  // Turns entry i's safe fix into a suggestion, with a note saying why.
  void make_fix_unsafe(std::size_t i, std::string_view why);

  // Removes the entries for which `drop(i)` is true, keeping the order. `drop` is asked
  // once per entry, in order, and may read entry i through the accessors above.
  template <class Drop>
  std::size_t erase_if(Drop drop) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < records_.size(); ++i)
      if (!drop(i)) records_[kept++] = records_[i];
    const std::size_t erased = records_.size() - kept;
    records_.resize(kept);
    return erased;
  }

  // Position order: begin, then end, then rule id; stable.
  void sort();

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Record {
    std::uint32_t begin, end;
    std::uint32_t message;  // in strings_
    std::uint32_t extra;    // in extras_, or kNone: no fix and no notes
    std::uint16_t rule;     // in rules_
    Severity severity;
  };
  struct Extra {
    std::uint32_t first_note = 0, note_count = 0;
    std::uint32_t first_edit = 0, edit_count = 0;
    std::uint32_t fix_message = 0;
    Applicability applicability = Applicability::safe;
    bool has_fix = false;
  };
  struct NoteRecord {
    std::uint32_t message;
    std::uint32_t begin, end;
    bool has_range;
  };
  struct EditRecord {
    std::uint32_t begin, end;
    std::uint32_t replacement;
  };

  std::uint16_t rule_index(std::string_view rule);
  void add_note(Extra& extra, const Note& note);

  std::vector<Record> records_;
  std::vector<Extra> extras_;
  std::vector<NoteRecord> notes_;
  std::vector<EditRecord> edits_;
  std::vector<std::string_view> rules_;
  StringPool strings_;
};

// Reads a list entry by entry; each step rebuilds a Diagnostic, so `const Diagnostic& d`
// in a range-for binds to a fresh value.
class DiagnosticList::iterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Diagnostic;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = Diagnostic;

  iterator(const DiagnosticList* list, std::size_t i) : list_(list), i_(i) {}
  Diagnostic operator*() const { return (*list_)[i_]; }
  iterator& operator++() {
    ++i_;
    return *this;
  }
  bool operator==(const iterator& other) const noexcept { return i_ == other.i_; }

 private:
  const DiagnosticList* list_;
  std::size_t i_;
};

inline DiagnosticList::iterator DiagnosticList::begin() const { return {this, 0}; }
inline DiagnosticList::iterator DiagnosticList::end() const { return {this, records_.size()}; }

}  // namespace reportlint
