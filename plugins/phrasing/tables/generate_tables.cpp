// Writes the phrasing plugin's tables (table_format.hpp) from Debian's language data, at
// build time:
//
//   generate_tables --words OUT --jieba dict.txt --readings Unihan_Readings.txt PACK.toml…
//   generate_tables --shapes OUT --jieba dict.txt --strokes stroke.dict.yaml PACK.toml…
//   generate_tables --traditional OUT --ts TSCharacters.txt
//
// The thresholds below were chosen on the built-in packs and the published documents of
// ../shared/corpus/real (bench/typo_recall reports both); they are written into the files.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <toml++/toml.h>

#include "pack_pairs.hpp"
#include "reportlint/text.hpp"
#include "table_format.hpp"

namespace {

using namespace reportlint::phrasing::tables;

// Words that typos are looked for: 2-character words at least this frequent in jieba's
// dictionary, 4-character ones (mostly idioms, which the dictionary counts low) this.
constexpr std::uint32_t kMinTypoWordFreq2 = 20;
constexpr std::uint32_t kMinTypoWordFreq4 = 3;
// A typo that is itself a word this many times rarer than the word it spells is still a
// typo (帐目 beside 账目); a commoner one is a word of its own.
constexpr std::uint32_t kTypoRarity = 10;
// Characters rare in the dictionary make no shape pairs: they only add noise.
constexpr std::uint64_t kMinPairCharFreq = 1000;

[[noreturn]] void die(const std::string& message) {
  std::cerr << "generate_tables: " << message << "\n";
  std::exit(1);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string utf8(std::uint32_t cp) {
  std::string out;
  reportlint::utf8::append(out, cp);
  return out;
}

bool is_han(std::uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

std::uint8_t coarse_pos(std::string_view tag) {
  if (tag == "nr" || tag == "ns" || tag == "nt" || tag == "nz" || tag.starts_with("nr")) return pos_name;
  if (tag == "i" || tag == "l") return pos_idiom;
  if (tag.starts_with("n")) return pos_noun;
  if (tag.starts_with("v")) return pos_verb;
  if (tag.starts_with("a")) return pos_adjective;
  if (tag == "d") return pos_adverb;
  return pos_other;
}

struct Word {
  std::uint32_t freq = 0;
  std::uint8_t pos = pos_other;
};

using Dictionary = std::map<std::string, Word>;

Dictionary read_jieba(const std::string& path) {
  Dictionary words;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string word, tag;
    std::uint64_t freq = 0;
    if (!(fields >> word >> freq)) continue;
    fields >> tag;
    Word& w = words[word];
    w.freq = static_cast<std::uint32_t>(std::min<std::uint64_t>(freq, 0xFFFFFFFFu));
    w.pos = coarse_pos(tag);
  }
  if (words.size() < 1000) die(path + " holds too few words for jieba's dictionary");
  return words;
}

std::map<std::uint32_t, std::uint64_t> char_freqs(const Dictionary& words) {
  std::map<std::uint32_t, std::uint64_t> freq;
  for (const auto& [w, info] : words)
    for (const std::uint32_t cp : code_points(w)) freq[cp] += info.freq;
  return freq;
}

// (written, meant) → PairEntry, from the built-in packs: entries whose match and first
// replacement differ in one character.
using Pairs = std::map<std::pair<std::uint32_t, std::uint32_t>, PairEntry>;

void add_pair(Pairs& pairs, std::uint32_t written, std::uint32_t meant, std::uint32_t source, bool entry,
              bool two_characters = false) {
  PairEntry& e = pairs[{written, meant}];
  e.written = written;
  e.meant = meant;
  e.sources |= source;
  if (entry) ++e.entries;
  if (entry && two_characters) ++e.entries2;
}

Pairs pack_pairs(const std::vector<std::string>& packs) {
  Pairs pairs;
  std::vector<OneCharacterEntry> entries;
  try {
    entries = one_character_entries(packs);
  } catch (const std::exception& e) {
    die(e.what());
  }
  for (const OneCharacterEntry& e : entries) {
    const std::uint32_t written = e.written[e.position], meant = e.meant[e.position];
    const bool two = e.written.size() == 2;
    add_pair(pairs, written, meant, e.rule == "misused" ? source_pack_misused : source_pack_variant, true, two);
    if (e.rule == "misused") add_pair(pairs, meant, written, source_pack_misused, true, two);
  }
  return pairs;
}

// Pairs by shape, from stroke sequences (h s p n z): a character whose strokes are those of
// another character of at least 4 strokes with a radical of at most 3 strokes written before
// or after them (坐 → 座, 反 → 返), and characters made of one such component with
// different small radicals (妨 防, 撼 憾).
Pairs shape_pairs(const std::string& path, const std::map<std::uint32_t, std::uint64_t>& char_freq) {
  std::map<std::uint32_t, std::string> strokes;
  std::multimap<std::string, std::uint32_t> by_strokes;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto cps = code_points(line.substr(0, tab));
    std::string code = line.substr(tab + 1);
    if (const std::size_t t = code.find('\t'); t != std::string::npos) code.resize(t);
    if (cps.size() != 1 || code.empty() || code.find_first_not_of("hspnz") != std::string::npos) continue;
    if (strokes.emplace(cps[0], code).second) by_strokes.emplace(code, cps[0]);
  }
  if (strokes.size() < 1000) die(path + " holds too few characters for the stroke table");
  std::set<std::string> small;  // stroke sequences of characters of at most 3 strokes
  for (const auto& [cp, s] : strokes)
    if (s.size() <= 3) small.insert(s);
  auto common = [&](std::uint32_t cp) {
    const auto it = char_freq.find(cp);
    return it != char_freq.end() && it->second >= kMinPairCharFreq && is_han(cp);
  };
  Pairs pairs;
  std::map<std::pair<std::string, char>, std::set<std::uint32_t>> by_component;
  for (const auto& [cp, s] : strokes) {
    if (!common(cp)) continue;
    for (std::size_t k = 1; k <= 3 && s.size() >= k + 4; ++k) {
      const std::pair<std::string, std::string> splits[] = {{s.substr(k), s.substr(0, k)}, {s.substr(0, s.size() - k), s.substr(s.size() - k)}};
      for (int side = 0; side < 2; ++side) {
        const auto& [rest, radical] = splits[side];
        if (!small.count(radical)) continue;
        const auto [first, last] = by_strokes.equal_range(rest);
        bool component = false;
        for (auto it = first; it != last; ++it) {
          component = true;
          if (it->second != cp && common(it->second)) {
            add_pair(pairs, cp, it->second, source_shape, false);
            add_pair(pairs, it->second, cp, source_shape, false);
          }
        }
        if (component) by_component[{rest, static_cast<char>('L' + side)}].insert(cp);
      }
    }
  }
  for (const auto& [component, chars] : by_component)
    for (const std::uint32_t a : chars)
      for (const std::uint32_t b : chars)
        if (a != b) add_pair(pairs, a, b, source_sibling, false);
  return pairs;
}

// Readings from Unihan's kMandarin: "U+5389\tkMandarin\tlì". Same id: same syllable, same tone.
std::vector<ReadingEntry> readings(const std::string& path, const std::map<std::uint32_t, std::uint64_t>& char_freq) {
  std::map<std::string, std::uint32_t> ids;
  std::vector<ReadingEntry> out;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("U+") || line.find("\tkMandarin\t") == std::string::npos) continue;
    const std::uint32_t cp = static_cast<std::uint32_t>(std::stoul(line.substr(2, line.find('\t') - 2), nullptr, 16));
    if (!char_freq.count(cp)) continue;
    std::string reading = line.substr(line.rfind('\t') + 1);
    if (const std::size_t space = reading.find(' '); space != std::string::npos) reading.resize(space);
    const auto [it, added] = ids.emplace(reading, static_cast<std::uint32_t>(ids.size() + 1));
    out.push_back({cp, it->second});
  }
  if (out.size() < 1000) die(path + " holds too few readings");
  std::sort(out.begin(), out.end(), [](const ReadingEntry& a, const ReadingEntry& b) { return a.code_point < b.code_point; });
  return out;
}

// A file being written: sections appended, the directory written last.
class TableWriter {
 public:
  template <class T>
  void add(SectionKind kind, const std::vector<T>& elements) {
    add_bytes(kind, static_cast<std::uint32_t>(elements.size()), elements.data(), elements.size() * sizeof(T));
  }
  void add_bytes(SectionKind kind, std::uint32_t count, const void* data, std::size_t size) {
    while (body_.size() % 8) body_.push_back('\0');
    sections_.push_back({static_cast<std::uint32_t>(kind), count, body_.size(), size});
    body_.append(static_cast<const char*>(data), size);
  }
  void write(const std::string& path) {
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.section_count = static_cast<std::uint32_t>(sections_.size());
    const std::uint64_t base = sizeof header + sections_.size() * sizeof(SectionEntry);
    const std::uint64_t aligned = (base + 7) / 8 * 8;
    for (SectionEntry& s : sections_) s.offset += aligned;
    std::string out(reinterpret_cast<const char*>(&header), sizeof header);
    out.append(reinterpret_cast<const char*>(sections_.data()), sections_.size() * sizeof(SectionEntry));
    out.resize(aligned, '\0');
    out += body_;
    const std::string temporary = path + ".tmp";
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!file.flush()) die("cannot write " + path);
    file.close();
    if (std::rename(temporary.c_str(), path.c_str()) != 0) die("cannot rename to " + path);
  }

 private:
  std::vector<SectionEntry> sections_;
  std::string body_;
};

std::size_t capacity_for(std::size_t count) {
  std::size_t capacity = 16;
  while (capacity < count * 2) capacity *= 2;  // at most half full
  return capacity;
}

// The typos of 2-character words through `pairs`, keyed by the typo: pairs by shape, and
// pack pairs learnt from 2-character entries (帐/账, 象/像). A pair learnt from an idiom
// (莫明其妙: 明/名) says little about 2-character words: there it mistook set phrases for
// slips (明厨亮灶). Same-sound pairs were tried here too: they found no more of the packs'
// misspellings and tripled the false alarms on published text, as the issue warned.
std::vector<TypoSlot> typo_table(const Dictionary& words, const Pairs& pairs) {
  std::multimap<std::uint32_t, const PairEntry*> written_for;  // meant → pairs
  for (const auto& [key, pair] : pairs) written_for.emplace(pair.meant, &pair);
  std::map<std::uint64_t, TypoSlot> typos;
  for (const auto& [word, info] : words) {
    const auto cps = code_points(std::string(word));
    if (cps.size() != 2 || info.freq < kMinTypoWordFreq2 || !is_han(cps[0]) || !is_han(cps[1])) continue;
    for (std::uint8_t j = 0; j < 2; ++j) {
      const auto [first, last] = written_for.equal_range(cps[j]);
      for (auto it = first; it != last; ++it) {
        const bool pack = it->second->sources & (source_pack_misused | source_pack_variant);
        if (pack && it->second->entries2 == 0) continue;
        auto typo = cps;
        typo[j] = it->second->written;
        const auto found = words.find(utf8(typo[0]) + utf8(typo[1]));
        if (found != words.end() && std::uint64_t{found->second.freq} * kTypoRarity >= info.freq) continue;
        const std::uint64_t key = pack2(typo[0], typo[1]);
        auto [slot, added] = typos.try_emplace(key);
        if (!added && slot->second.freq >= info.freq) continue;
        slot->second = TypoSlot{key, cps[0], cps[1], info.freq, j, static_cast<std::uint8_t>(it->second->sources), 0};
      }
    }
  }
  std::vector<TypoSlot> table(capacity_for(typos.size()));
  const std::size_t mask = table.size() - 1;
  for (const auto& [key, slot] : typos) {
    std::size_t i = mix64(key) & mask;
    while (table[i].key) i = (i + 1) & mask;
    table[i] = slot;
  }
  return table;
}

std::vector<PairEntry> pair_list(const Pairs& pairs) {
  std::vector<PairEntry> out;
  for (const auto& [key, entry] : pairs) out.push_back(entry);
  return out;  // sorted by (written, meant): the map's order
}

void write_words(const std::string& out, const Dictionary& words, const std::string& readings_file,
                 const std::vector<std::string>& packs) {
  // Every word and every prefix of one (a prefix that is no word has freq 0), so that
  // segmentation can stop extending a candidate as soon as no word continues it.
  std::map<std::string, Word> entries(words.begin(), words.end());
  std::uint32_t max_chars = 0;
  std::uint64_t total = 0;
  for (const auto& [word, info] : words) {
    total += info.freq;
    const auto cps = code_points(std::string(word));
    max_chars = std::max<std::uint32_t>(max_chars, static_cast<std::uint32_t>(cps.size()));
    std::size_t bytes = 0;
    for (std::size_t k = 0; k + 1 < cps.size(); ++k) {
      bytes += utf8(cps[k]).size();
      entries.try_emplace(word.substr(0, bytes));
    }
  }
  std::string strings;
  std::vector<WordSlot> table(capacity_for(entries.size()));
  const std::size_t mask = table.size() - 1;
  for (const auto& [word, info] : entries) {
    if (word.size() > 0xFFFF) continue;
    std::size_t i = fnv1a(word.data(), static_cast<std::uint32_t>(word.size())) & mask;
    while (table[i].length) i = (i + 1) & mask;
    table[i] = WordSlot{static_cast<std::uint32_t>(strings.size()), static_cast<std::uint16_t>(word.size()), info.pos, 0, info.freq};
    strings += word;
  }
  // 4-character words by three of their characters.
  std::vector<MaskSlot> masked;
  for (const auto& [word, info] : words) {
    const auto c = code_points(std::string(word));
    if (c.size() != 4 || info.freq < kMinTypoWordFreq4 || !std::all_of(c.begin(), c.end(), is_han)) continue;
    masked.push_back({pack_mask(c[1], c[2], c[3], 0), c[0], info.freq});
    masked.push_back({pack_mask(c[0], c[2], c[3], 1), c[1], info.freq});
    masked.push_back({pack_mask(c[0], c[1], c[3], 2), c[2], info.freq});
    masked.push_back({pack_mask(c[0], c[1], c[2], 3), c[3], info.freq});
  }
  std::vector<MaskSlot> mask_table(capacity_for(masked.size()));
  const std::size_t mmask = mask_table.size() - 1;
  for (const MaskSlot& m : masked) {
    std::size_t i = mix64(m.key) & mmask;
    while (mask_table[i].key) i = (i + 1) & mmask;
    mask_table[i] = m;
  }
  // The filters: about 16 bits per key, so well under 1 % false positives with two bits set.
  std::vector<std::uint64_t> filter(std::max<std::size_t>(1, capacity_for(masked.size() * 4) / 64));
  for (const MaskSlot& m : masked) {
    const std::uint64_t h = mix64(m.key ^ 0x9E3779B97F4A7C15ull);
    filter[MaskFilter::word(h, filter.size())] |= MaskFilter::bits(h);
  }
  // A window with one character wrong keeps the first two or the last two of its word:
  // the 4-character words' halves, in a filter small enough to stay in cache, tell which
  // masked keys are worth a look.
  std::set<std::uint64_t> halves;
  for (const auto& [word, info] : words) {
    const auto c = code_points(std::string(word));
    if (c.size() != 4 || info.freq < kMinTypoWordFreq4 || !std::all_of(c.begin(), c.end(), is_han)) continue;
    halves.insert(half_key(c[0], c[1], true));
    halves.insert(half_key(c[2], c[3], false));
  }
  std::vector<std::uint64_t> half_filter(std::max<std::size_t>(1, capacity_for(halves.size() * 8) / 64));
  for (const std::uint64_t k : halves) filter_add(half_filter.data(), half_filter.size(), mix64(k));
  // Windows that are words themselves (most 4-character windows of a text that are in any
  // word's neighbourhood) are answered without the table.
  std::vector<std::uint64_t> words4_filter(std::max<std::size_t>(1, capacity_for(words.size()) / 64));
  for (const auto& [word, info] : words) {
    const auto c = code_points(std::string(word));
    if (c.size() == 4) filter_add(words4_filter.data(), words4_filter.size(), word4_hash(c[0], c[1], c[2], c[3]));
  }
  const auto freqs = char_freqs(words);
  const Pairs pairs = pack_pairs(packs);
  Meta meta{total, max_chars, kMinTypoWordFreq2};
  TableWriter writer;
  writer.add_bytes(SectionKind::strings, static_cast<std::uint32_t>(strings.size()), strings.data(), strings.size());
  writer.add(SectionKind::words, table);
  writer.add(SectionKind::mask4, mask_table);
  writer.add(SectionKind::mask4_filter, filter);
  writer.add(SectionKind::halves_filter, half_filter);
  const std::vector<TypoSlot> typos = typo_table(words, pairs);
  std::vector<std::uint64_t> typo_filter(std::max<std::size_t>(1, typos.size() / 16));
  for (const TypoSlot& t : typos)
    if (t.key) filter_add(typo_filter.data(), typo_filter.size(), mix64(t.key ^ 0x2545F4914F6CDD1Dull));
  writer.add(SectionKind::typo2, typos);
  writer.add(SectionKind::typo2_filter, typo_filter);
  writer.add(SectionKind::words4_filter, words4_filter);
  writer.add(SectionKind::pairs, pair_list(pairs));
  writer.add(SectionKind::readings, readings(readings_file, freqs));
  writer.add_bytes(SectionKind::meta, 1, &meta, sizeof meta);
  writer.write(out);
}

void write_shapes(const std::string& out, const Dictionary& words, const std::string& strokes_file) {
  const Pairs pairs = shape_pairs(strokes_file, char_freqs(words));
  TableWriter writer;
  writer.add(SectionKind::typo2, typo_table(words, pairs));
  writer.add(SectionKind::pairs, pair_list(pairs));
  writer.write(out);
}

// OpenCC's TSCharacters as text ("長\t长", "乾\t干 乾"): a character is traditional only when
// it is not among its own simplified forms.
void write_traditional(const std::string& out, const std::string& ts_file) {
  std::vector<TraditionalEntry> entries;
  std::istringstream in(read_file(ts_file));
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto from = code_points(line.substr(0, tab));
    if (from.size() != 1) continue;
    std::vector<std::uint32_t> candidates;
    std::istringstream rest(line.substr(tab + 1));
    for (std::string c; rest >> c;) {
      const auto cps = code_points(c);
      if (cps.size() == 1) candidates.push_back(cps[0]);
    }
    if (candidates.empty() || std::find(candidates.begin(), candidates.end(), from[0]) != candidates.end()) continue;
    // OpenCC also lists rare forms outside the basic block (開 → 开 𫔭): they are no choice a
    // simplified text makes, so they do not make the fix uncertain.
    const auto common = std::count_if(candidates.begin(), candidates.end(), [](std::uint32_t c) { return c >= 0x4E00 && c <= 0x9FFF; });
    entries.push_back({from[0], candidates.front(), static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(common, 1)), 0});
  }
  if (entries.size() < 1000) die(ts_file + " holds too few characters");
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.traditional < b.traditional; });
  TableWriter writer;
  writer.add(SectionKind::traditional, entries);
  writer.write(out);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options;
  std::vector<std::string> packs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--") && i + 1 < argc) {
      options[arg] = argv[++i];
    } else {
      packs.push_back(arg);
    }
  }
  if (options.count("--words")) {
    write_words(options["--words"], read_jieba(options["--jieba"]), options["--readings"], packs);
  } else if (options.count("--shapes")) {
    write_shapes(options["--shapes"], read_jieba(options["--jieba"]), options["--strokes"]);
  } else if (options.count("--traditional")) {
    write_traditional(options["--traditional"], options["--ts"]);
  } else {
    die("usage: generate_tables --words|--shapes|--traditional OUT …");
  }
  return 0;
}
