#include "lint/diagnostic_list.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "lint/sort_runs.hpp"

namespace reportlint {

DiagnosticList DiagnosticList::from(const std::vector<Diagnostic>& diagnostics) {
  DiagnosticList list;
  list.records_.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) list.push_back(d);
  return list;
}

std::vector<Diagnostic> DiagnosticList::to_vector() const {
  std::vector<Diagnostic> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back((*this)[i]);
  return out;
}

void DiagnosticList::reserve_for(std::size_t text_bytes) {
  // A finding every 16 bytes is denser than any draft: a template of nothing but `xx`.
  records_.reserve(records_.size() + text_bytes / 16);
}

void DiagnosticList::clear() {
  *this = DiagnosticList();
}

std::uint16_t DiagnosticList::rule_index(std::string_view rule) {
  // Findings come in runs of one rule, and a configuration has a few dozen rules.
  for (std::size_t i = rules_.size(); i-- > 0;)
    if (rules_[i].data() == rule.data() && rules_[i].size() == rule.size()) return static_cast<std::uint16_t>(i);
  for (std::size_t i = 0; i < rules_.size(); ++i)
    if (rules_[i] == rule) return static_cast<std::uint16_t>(i);
  if (rules_.size() > UINT16_MAX) throw std::length_error("too many rules");
  rules_.push_back(rule);
  return static_cast<std::uint16_t>(rules_.size() - 1);
}

void DiagnosticList::add_note(Extra& extra, const Note& note) {
  // An entry's notes are kept together: a note added later moves them to the end.
  if (extra.note_count > 0 && extra.first_note + extra.note_count != notes_.size()) {
    const std::size_t first = notes_.size();
    for (std::uint32_t k = 0; k < extra.note_count; ++k) notes_.push_back(notes_[extra.first_note + k]);
    extra.first_note = static_cast<std::uint32_t>(first);
  }
  if (extra.note_count == 0) extra.first_note = static_cast<std::uint32_t>(notes_.size());
  notes_.push_back({strings_.intern(note.message), note.range ? note.range->begin : 0, note.range ? note.range->end : 0,
                    note.range.has_value()});
  ++extra.note_count;
}

void DiagnosticList::push_back(const Diagnostic& d) {
  Record r{d.range.begin, d.range.end, strings_.intern(d.message), kNone, rule_index(d.rule), d.severity};
  if (d.fix || !d.notes.empty()) {
    Extra extra;
    for (const Note& note : d.notes) add_note(extra, note);
    if (d.fix) {
      extra.has_fix = true;
      extra.applicability = d.fix->applicability;
      extra.fix_message = strings_.intern(d.fix->message);
      extra.first_edit = static_cast<std::uint32_t>(edits_.size());
      extra.edit_count = static_cast<std::uint32_t>(d.fix->edits.size());
      for (const Edit& e : d.fix->edits) edits_.push_back({e.range.begin, e.range.end, strings_.intern(e.replacement)});
    }
    r.extra = static_cast<std::uint32_t>(extras_.size());
    extras_.push_back(extra);
  }
  records_.push_back(r);
}

Diagnostic DiagnosticList::operator[](std::size_t i) const {
  const Record& r = records_[i];
  Diagnostic d;
  d.rule = rules_[r.rule];
  d.range = {r.begin, r.end};
  d.message = strings_[r.message];
  d.severity = r.severity;
  if (r.extra == kNone) return d;
  const Extra& extra = extras_[r.extra];
  d.notes.reserve(extra.note_count);
  for (std::uint32_t k = 0; k < extra.note_count; ++k) {
    const NoteRecord& n = notes_[extra.first_note + k];
    d.notes.push_back({std::string(strings_[n.message]), n.has_range ? std::optional<TextRange>(TextRange{n.begin, n.end})
                                                                     : std::nullopt});
  }
  if (extra.has_fix) d.fix = Fix{fix_edits(i), extra.applicability, std::string(strings_[extra.fix_message])};
  return d;
}

bool DiagnosticList::has_safe_fix(std::size_t i) const noexcept {
  const Record& r = records_[i];
  return r.extra != kNone && extras_[r.extra].has_fix && extras_[r.extra].applicability == Applicability::safe;
}

std::vector<Edit> DiagnosticList::fix_edits(std::size_t i) const {
  std::vector<Edit> edits;
  const Record& r = records_[i];
  if (r.extra == kNone || !extras_[r.extra].has_fix) return edits;
  const Extra& extra = extras_[r.extra];
  edits.reserve(extra.edit_count);
  for (std::uint32_t k = 0; k < extra.edit_count; ++k) {
    const EditRecord& e = edits_[extra.first_edit + k];
    edits.push_back({{e.begin, e.end}, std::string(strings_[e.replacement])});
  }
  return edits;
}

void DiagnosticList::make_fix_unsafe(std::size_t i, std::string_view why) {
  Record& r = records_[i];
  if (r.extra == kNone || !extras_[r.extra].has_fix) return;
  Extra& extra = extras_[r.extra];
  extra.applicability = Applicability::unsafe;
  add_note(extra, Note{std::string(why), std::nullopt});
}

void DiagnosticList::sort() {
  // Rule ids compare by their rank among the ids in use, not string by string.
  std::vector<std::uint16_t> order(rules_.size());
  std::iota(order.begin(), order.end(), std::uint16_t{0});
  std::sort(order.begin(), order.end(), [&](std::uint16_t a, std::uint16_t b) { return rules_[a] < rules_[b]; });
  std::vector<std::uint16_t> rank(rules_.size());
  for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = static_cast<std::uint16_t>(k);
  sort_runs(records_.begin(), records_.end(), [&](const Record& x, const Record& y) {
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end < y.end;
    return rank[x.rule] < rank[y.rule];
  });
}

}  // namespace reportlint
