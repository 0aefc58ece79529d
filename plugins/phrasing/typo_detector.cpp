#include "typo_detector.hpp"

#include <algorithm>
#include <unordered_map>

#include "reportlint/text.hpp"

namespace reportlint::phrasing {

using namespace tables;

struct TypoDetector::Candidate {
  std::size_t window = 0;   // index of the window's first character in the run arrays
  std::size_t length = 0;   // 2 or 4
  std::size_t changed = 0;  // index of the character to change
  char32_t meant = 0;
  std::uint32_t sources = 0;
  bool same_reading = false;
};

namespace {

struct Char {
  char32_t cp;
  std::uint32_t begin, end;
};

}  // namespace

void TypoDetector::scan(std::string_view clause, std::vector<TypoHit>& hits, const PairFilter* filter) const {
  // Maximal runs of Chinese characters: windows never reach over a digit, a letter or a mark.
  std::size_t run_begin = 0;
  bool in_run = false;
  std::size_t i = 0;
  while (i <= clause.size()) {
    std::size_t j = i;
    const char32_t cp = i < clause.size() ? utf8::next(clause, j) : 0;
    const bool han = i < clause.size() && is_han(cp);
    if (han && !in_run) run_begin = i, in_run = true;
    if (!han && in_run) {
      scan_run(clause, run_begin, i, hits, filter);
      in_run = false;
    }
    if (i == clause.size()) break;
    i = j;
  }
}

float TypoDetector::sentence_score(std::string_view text, const std::vector<Token>& tokens) const {
  std::vector<std::string_view> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) words.push_back(text.substr(t.begin, t.end - t.begin));
  return model_().score(words);
}

void TypoDetector::scan_run(std::string_view clause, std::size_t first, std::size_t last, std::vector<TypoHit>& hits,
                            const PairFilter* filter) const {
  // Reused per thread: a document has thousands of runs. Initial-exec: reached without a
  // call to __tls_get_addr at every run (it was 4% of the rule's time), at the cost of a
  // few bytes of the static TLS block glibc keeps for libraries opened later.
  [[gnu::tls_model("initial-exec")]] thread_local std::vector<Char> chars;
  [[gnu::tls_model("initial-exec")]] thread_local std::vector<Candidate> candidates;
  chars.clear();
  candidates.clear();
  for (std::size_t i = first; i < last;) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(clause, i);
    chars.push_back({cp, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i)});
  }
  const std::size_t n = chars.size();
  if (n < 2) return;
  auto allowed = [&](char32_t written, char32_t meant, std::uint32_t sources, bool same_reading, int window) {
    return !filter || (*filter)(written, meant, sources, same_reading, window);
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (const TypoSlot* t = lexicon_.typo2(pack2(chars[i].cp, chars[i + 1].cp), settings_.shapes && settings_.shapes2)) {
      const char32_t meant = t->position == 0 ? t->word : t->word2;
      const std::size_t changed = i + t->position;
      if (allowed(chars[changed].cp, meant, lexicon_.pair_sources(chars[changed].cp, meant), false, 2))
        candidates.push_back({i, 2, changed, meant, t->source, false});
    }
    if (i + 3 >= n) continue;
    const std::string_view window = clause.substr(chars[i].begin, chars[i + 3].end - chars[i].begin);
    // A window that is a common word itself is no misspelling of another (全面推进 beside
    // 全面推行); a rare one may be (the dictionary lists some misspellings).
    std::uint32_t window_freq = ~0u;  // looked up once, when needed
    if (lexicon_.may_be_word4(chars[i].cp, chars[i + 1].cp, chars[i + 2].cp, chars[i + 3].cp)) {
      window_freq = lexicon_.freq(window);
      if (window_freq >= settings_.common_word4) continue;
    }
    // The wrong character leaves the other half of its word intact.
    const bool tail = lexicon_.half_of_idiom(chars[i + 2].cp, chars[i + 3].cp, false);
    const bool head = lexicon_.half_of_idiom(chars[i].cp, chars[i + 1].cp, true);
    for (std::uint32_t j = 0; j < 4; ++j) {
      if (!(j < 2 ? tail : head)) continue;
      std::uint32_t k[3], m = 0;
      for (std::uint32_t p = 0; p < 4; ++p)
        if (p != j) k[m++] = chars[i + p].cp;
      lexicon_.for_each_masked(pack_mask(k[0], k[1], k[2], j), [&](const MaskSlot& slot) {
        const char32_t written = chars[i + j].cp;
        if (slot.missing == written || slot.freq < settings_.min_word_freq4) return;
        // The window a word of its own (全面推进 beside 全面推行): cheapest test first.
        if (window_freq == ~0u) window_freq = lexicon_.freq(window);
        if (std::uint64_t{window_freq} * settings_.rarity >= slot.freq) return;
        std::uint32_t sources = lexicon_.pair_sources(written, slot.missing);
        if (!settings_.shapes) sources &= source_pack_misused | source_pack_variant;
        const bool same = settings_.sounds4 && lexicon_.same_reading(written, slot.missing);
        if (!sources && !same) return;
        if (!allowed(written, slot.missing, sources, same, 4)) return;
        candidates.push_back({i, 4, i + j, slot.missing, sources, same});
      });
    }
  }
  if (candidates.empty()) return;

  // Confirmation in context, the run segmented once as it is.
  const std::string_view run = clause.substr(first, last - first);
  std::vector<Token> tokens, changed_tokens;
  segmenter_.segment(run, tokens);
  const float original = sentence_score(run, tokens);
  std::string changed_run;
  std::vector<TypoHit> found;
  for (const Candidate& c : candidates) {
    const std::uint32_t at = chars[c.changed].begin - static_cast<std::uint32_t>(first);
    // The changed character's word must lie inside the window: a window straddling two
    // normal words (发展|在) is no misspelt word.
    const auto token = std::find_if(tokens.begin(), tokens.end(), [&](const Token& t) { return t.begin <= at && at < t.end; });
    const std::uint32_t window_begin = chars[c.window].begin - static_cast<std::uint32_t>(first);
    const std::uint32_t window_end = chars[c.window + c.length - 1].end - static_cast<std::uint32_t>(first);
    if (token == tokens.end() || token->begin < window_begin || token->end > window_end) continue;
    // Names are spelt as their owners like.
    if (token->end - token->begin > 3) {
      const auto* slot = lexicon_.find(run.substr(token->begin, token->end - token->begin));
      if (slot && slot->pos == pos_name) continue;
    }
    changed_run.assign(run.substr(0, at));
    utf8::append(changed_run, c.meant);
    changed_run.append(run.substr(chars[c.changed].end - first));
    segmenter_.segment(changed_run, changed_tokens);
    const float gain = sentence_score(changed_run, changed_tokens) - original;
    if (gain < (c.length == 2 ? settings_.min_gain2 : settings_.min_gain4)) continue;
    found.push_back({chars[c.window].begin, chars[c.window + c.length - 1].end, chars[c.changed].begin,
                     chars[c.changed].end, chars[c.changed].cp, c.meant, gain});
  }
  // One hit per character: the best.
  std::sort(found.begin(), found.end(), [](const TypoHit& a, const TypoHit& b) {
    return a.changed_begin != b.changed_begin ? a.changed_begin < b.changed_begin : a.gain > b.gain;
  });
  const std::size_t own = hits.size();  // hits before these are another run's, in other offsets
  for (const TypoHit& h : found)
    if (hits.size() == own || hits.back().changed_begin != h.changed_begin) hits.push_back(h);
}

void drop_parallel(std::string_view text, std::vector<TypoHit>& hits) {
  std::erase_if(hits, [&](const TypoHit& h) {
    if (utf8::count_code_points(text.substr(h.begin, h.end - h.begin)) != 2) return false;
    const std::size_t line_begin = [&] {
      const std::size_t nl = text.rfind('\n', h.begin);
      return nl == std::string_view::npos ? std::size_t{0} : nl + 1;
    }();
    const std::size_t line_end = std::min(text.find('\n', h.end), text.size());
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    // The written character with the character after it, and with the one before it.
    const std::size_t at = h.changed_begin, after = h.changed_end;
    std::size_t next_end = after;
    if (next_end < text.size()) utf8::next(text, next_end);
    std::size_t previous = at;
    if (previous > 0) utf8::prev(text, previous);
    for (const auto& [b, e] : {std::pair{at, next_end}, std::pair{previous, after}}) {
      if (e - b <= h.changed_end - h.changed_begin || b < line_begin || e > line_end) continue;
      const std::string_view bigram = text.substr(b, e - b);
      const std::size_t own = b - line_begin;
      for (std::size_t k = line.find(bigram); k != std::string_view::npos; k = line.find(bigram, k + 1))
        if (k != own) return true;
    }
    return false;
  });
}

void drop_repeated(std::string_view text, std::vector<TypoHit>& hits) {
  if (hits.empty()) return;
  std::unordered_map<std::string_view, int> seen;
  for (const TypoHit& h : hits) seen.emplace(text.substr(h.begin, h.end - h.begin), 0);
  // Every window of 2 and 4 Chinese characters ending at each character.
  std::size_t starts[4] = {0, 0, 0, 0};
  std::size_t run = 0;  // Chinese characters in a row up to here
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(text, i);
    if (!is_han(cp)) {
      run = 0;
      continue;
    }
    starts[run % 4] = at;
    ++run;
    for (const std::size_t length : {std::size_t{2}, std::size_t{4}}) {
      if (run < length) continue;
      const std::size_t begin = starts[(run - length) % 4];
      if (const auto it = seen.find(text.substr(begin, i - begin)); it != seen.end()) ++it->second;
    }
  }
  std::erase_if(hits, [&](const TypoHit& h) { return seen[text.substr(h.begin, h.end - h.begin)] > 1; });
}

}  // namespace reportlint::phrasing
