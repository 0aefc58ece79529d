// Measures phrasing.suspected-typo (plugins/phrasing/docs/phrasing.suspected-typo.md):
//
//  recall, leave one out: each built-in pack entry that changes one character is hidden in
//    turn — the pairs it alone gives are withdrawn — and the detector must still find its
//    misspelling in a sentence that uses it (2-character words and 4-character idioms
//    counted apart);
//  false alarms: hits on the published documents of ../shared/corpus/real, per 100 KB;
//  speed: the scan over those documents, MB/s on one core.
//
//   reportlint_typo_recall --data DIR --packs DIR [--corpus DIR] [--gain2 G] [--gain4 G]
//                          [--common-word4 N] [--rarity N] [--no-shapes] [--no-sounds] [--shapes2] [--verbose] [--repeat N]
//                          [--min-recall R] [--max-alarms A]
//
// With --min-recall (a fraction) or --max-alarms (per 100 KB) it exits 1 when the figures
// fall outside them: the test holds the rule to what it reaches today.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lexicon.hpp"
#include "tables/pack_pairs.hpp"
#include "typo_detector.hpp"

namespace fs = std::filesystem;
using namespace reportlint::phrasing;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Clauses as the outline splits them: at 。；：！？，、 line ends and spaces.
std::vector<std::pair<std::size_t, std::size_t>> clauses(const std::string& text) {
  static const std::vector<std::string> breaks = {"。", "；", "：", "！", "？", "，", "、", "\n", "\r", " ", "\xE3\x80\x80"};
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    for (const std::string& b : breaks)
      if (text.compare(i, b.size(), b) == 0) len = b.size();
    if (len) {
      if (i > start) out.push_back({start, i});
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  if (start < text.size()) out.push_back({start, text.size()});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data, packs_dir, corpus;
  TypoSettings settings;
  bool check = false, verbose = false;
  double min_recall = 0, max_alarms = 1e9;
  int repeat = 1;  // scans of the corpus, for profiling
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") data = next();
    else if (a == "--packs") packs_dir = next();
    else if (a == "--corpus") corpus = next();
    else if (a == "--gain2") settings.min_gain2 = std::stof(next());
    else if (a == "--gain4") settings.min_gain4 = std::stof(next());
    else if (a == "--common-word4") settings.common_word4 = static_cast<std::uint32_t>(std::stoul(next()));
    else if (a == "--rarity") settings.rarity = static_cast<std::uint32_t>(std::stoul(next()));
    else if (a == "--no-shapes") settings.shapes = false;
    else if (a == "--no-sounds") settings.sounds4 = false;
    else if (a == "--shapes2") settings.shapes2 = true;
    else if (a == "--min-recall") min_recall = std::stod(next()), check = true;
    else if (a == "--max-alarms") max_alarms = std::stod(next()), check = true;
    else if (a == "--verbose") verbose = true;
    else if (a == "--repeat") repeat = std::stoi(next());
  }
  std::string error;
  auto words = TableFile::open((data / "words.bin").string(), error);
  if (!words) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  auto shapes = TableFile::open((data / "shapes.bin").string(), error);
  const Lexicon lexicon(std::move(words), std::move(shapes));
  const auto model = SentenceModel::load(REPORTLINT_LM_MODULE, REPORTLINT_LIBIME_MODEL, error);
  if (!model) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  const TypoDetector detector(lexicon, [&]() -> const SentenceModel& { return *model; }, settings);

  std::vector<std::string> pack_files;
  for (const auto& e : fs::directory_iterator(packs_dir))
    if (e.path().extension() == ".toml") pack_files.push_back(e.path().string());
  std::sort(pack_files.begin(), pack_files.end());
  const auto entries = tables::one_character_entries(pack_files);

  // Leave one out.
  std::map<std::size_t, std::pair<int, int>> by_length;  // length → (found, total)
  for (const auto& e : entries) {
    const char32_t written = e.written[e.position], meant = e.meant[e.position];
    const PairFilter filter = [&](char32_t w, char32_t m, std::uint32_t sources, bool same_reading, int window) {
      if (same_reading || (sources & (tables::source_shape | tables::source_sibling))) return true;
      // The pack entries that give the pair — 2-character ones for a 2-character window —
      // less the entry left out, in both directions for a misused one.
      std::uint32_t left = window == 2 ? lexicon.pair_entries2(w, m) : lexicon.pair_entries(w, m);
      const bool counts = window != 2 || e.written.size() == 2;
      if (counts && w == written && m == meant) --left;
      if (counts && e.rule == "misused" && w == meant && m == written) --left;
      return left > 0;
    };
    const std::string sentence = "我们要" + tables::to_utf8(e.written) + "，继续推进各项工作";
    std::vector<TypoHit> hits;
    detector.scan(sentence, hits, &filter);
    const std::size_t at = std::string("我们要").size() + tables::to_utf8({e.written.begin(), e.written.begin() + static_cast<std::ptrdiff_t>(e.position)}).size();
    const bool found = std::any_of(hits.begin(), hits.end(), [&](const TypoHit& h) { return h.changed_begin == at && h.meant == meant; });
    auto& [f, t] = by_length[e.written.size()];
    f += found;
    ++t;
    if (verbose) std::printf("%s %s → %s\n", found ? "found " : "missed", tables::to_utf8(e.written).c_str(), tables::to_utf8(e.meant).c_str());
  }
  int found = 0, total = 0;
  for (const auto& [length, ft] : by_length) {
    std::printf("recall, %zu-character entries: %d/%d = %.0f%%\n", length, ft.first, ft.second, 100.0 * ft.first / ft.second);
    found += ft.first;
    total += ft.second;
  }
  const double recall = total ? static_cast<double>(found) / total : 0;
  std::printf("recall, all %d one-character pack entries, each left out in turn: %.0f%%\n", total, recall * 100);

  // False alarms and speed on published documents.
  double per_100kb = 0;
  if (!corpus.empty() && fs::is_directory(corpus)) {
    std::size_t bytes = 0, alarms = 0;
    double seconds = 0;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      const std::string text = read(f);
      bytes += text.size();
      std::vector<TypoHit> hits;
      const auto spans = clauses(text);  // the outline's clauses, in the plugin
      const auto start = std::chrono::steady_clock::now();
      for (int r = 1; r < repeat; ++r) {
        std::vector<TypoHit> ignored;
        for (const auto& [b, e] : spans) detector.scan(std::string_view(text).substr(b, e - b), ignored);
      }
      for (const auto& [b, e] : spans) {
        const std::size_t before = hits.size();
        detector.scan(std::string_view(text).substr(b, e - b), hits);
        for (std::size_t k = before; k < hits.size(); ++k) {
          hits[k].begin += static_cast<std::uint32_t>(b);
          hits[k].changed_begin += static_cast<std::uint32_t>(b);
          hits[k].end += static_cast<std::uint32_t>(b);
          hits[k].changed_end += static_cast<std::uint32_t>(b);
        }
      }
      drop_repeated(text, hits);
      drop_parallel(text, hits);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      alarms += hits.size();
      for (const TypoHit& h : hits) {
        std::string meant;
        tables::to_utf8({static_cast<std::uint32_t>(h.meant)}).swap(meant);
        std::printf("  %s: “%s” → “%s” (gain %.1f)\n", f.filename().c_str(),
                    text.substr(h.begin, h.end - h.begin).c_str(), meant.c_str(), h.gain);
      }
    }
    per_100kb = bytes ? alarms / (bytes / 1e5) : 0;
    std::printf("false alarms on %zu published documents (%.2f MB): %zu, %.2f per 100 KB\n", files.size(), bytes / 1e6, alarms, per_100kb);
    std::printf("scan: %.1f MB/s on one core\n", bytes * repeat / 1e6 / seconds);
  }
  if (check && (recall < min_recall || per_100kb > max_alarms)) {
    std::fprintf(stderr, "outside the limits: recall %.1f%% (at least %.1f%%), false alarms %.2f per 100 KB (at most %.2f)\n",
                 recall * 100, min_recall * 100, per_100kb, max_alarms);
    return 1;
  }
  return 0;
}
