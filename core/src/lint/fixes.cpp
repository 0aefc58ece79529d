#include "lint/fixes.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "reportlint/text.hpp"

namespace reportlint {
namespace {

// Taken edits keyed by begin. An empty range counts as one byte wide for overlap, so an
// insertion collides with anything else at its offset.
class EditSet {
 public:
  bool collides(TextRange r) const {
    const std::uint32_t r_end = std::max(r.end, r.begin + 1);
    auto it = taken_.upper_bound(r.begin);
    if (it != taken_.end() && it->first < r_end) return true;
    if (it != taken_.begin()) {
      --it;
      if (std::max(it->second, it->first + 1) > r.begin) return true;
    }
    return false;
  }
  void add(TextRange r) { taken_.emplace(r.begin, r.end); }

 private:
  std::map<std::uint32_t, std::uint32_t> taken_;
};

}  // namespace

FixSelection select_fixes(const std::vector<Diagnostic>& diagnostics) {
  EditSet taken;
  std::vector<const Edit*> edits;
  FixSelection result;
  for (const Diagnostic& d : diagnostics) {
    if (!d.fix || d.fix->applicability != Applicability::safe) continue;
    std::vector<const Edit*> own;
    for (const Edit& e : d.fix->edits) own.push_back(&e);
    std::sort(own.begin(), own.end(), [](const Edit* a, const Edit* b) { return a->range.begin < b->range.begin; });
    EditSet mine;
    bool ok = true;
    for (const Edit* e : own) {
      if (taken.collides(e->range) || mine.collides(e->range)) {
        ok = false;
        break;
      }
      mine.add(e->range);
    }
    if (!ok) continue;
    for (const Edit* e : own) {
      taken.add(e->range);
      edits.push_back(e);
    }
    ++result.fixes;
  }
  std::sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) { return a->range.begin < b->range.begin; });
  result.edits.reserve(edits.size());
  for (const Edit* e : edits) result.edits.push_back(*e);
  return result;
}

std::string apply_edits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t cursor = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(cursor, e.range.begin - cursor));
    out.append(e.replacement);
    cursor = e.range.end;
  }
  out.append(text.substr(cursor));
  return out;
}

FixResult apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  const FixSelection selection = select_fixes(diagnostics);
  return {apply_edits(text, selection.edits), selection.fixes};
}

std::string describe_fix(std::string_view text, const Fix& fix) {
  if (!fix.message.empty()) return fix.message;
  if (fix.edits.size() != 1) return fmt::format("修改 {} 处", fix.edits.size());
  const Edit& e = fix.edits.front();
  const std::string_view old = text.substr(e.range.begin, e.range.end - e.range.begin);
  if (e.replacement.empty()) return fmt::format("删除“{}”", shorten_for_message(old));
  if (old.empty()) return fmt::format("插入“{}”", shorten_for_message(e.replacement));
  return fmt::format("改为“{}”", shorten_for_message(e.replacement));
}

}  // namespace reportlint
