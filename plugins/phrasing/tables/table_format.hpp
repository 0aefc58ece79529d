// The phrasing plugin's generated tables: one format for every file, written at build time
// by generate_tables.cpp from Debian's language data and read by memory-mapping
// (lexicon.hpp). A file is a header, a directory of sections, and the sections, each
// aligned to 8 bytes; integers are little-endian, as on every machine Debian builds this
// for. The version changes whenever a layout does.
//
//   words.bin        jieba's dictionary (MIT): words, frequencies, parts of speech; the
//                    4-character words indexed by three of their characters; typos of
//                    2-character words through the built-in packs' pairs; readings
//                    (Unihan, Unicode licence) for same-sound pairs
//   shapes.bin       character pairs by shape, and the typos they make of 2-character
//                    words, from rime-data-stroke (LGPL-3): kept in a file of its own
//   traditional.bin  characters that exist only as traditional forms, with their
//                    simplified form, from OpenCC (Apache-2.0)
#pragma once

#include <cstdint>

namespace reportlint::phrasing::tables {

inline constexpr char kMagic[8] = {'R', 'L', 'P', 'H', 'R', 'A', 'S', 'E'};
inline constexpr std::uint32_t kVersion = 5;

enum class SectionKind : std::uint32_t {
  strings = 1,      // UTF-8 text the other sections point into
  words = 2,        // WordSlot hash table: every word and every prefix of one
  mask4 = 3,        // MaskSlot multi-map: a 4-character word by three of its characters
  typo2 = 4,        // TypoSlot hash table: a 2-character typo → the word it misspells
  pairs = 5,        // PairEntry, sorted: (written, meant) character pairs and their sources
  readings = 6,     // ReadingEntry, sorted by code point: a character's reading (syllable+tone)
  traditional = 7,  // TraditionalEntry, sorted: traditional-only character → simplified
  meta = 8,         // Meta
  mask4_filter = 9, // std::uint64_t words: a Bloom filter of the mask4 keys (MaskFilter)
  halves_filter = 10,  // std::uint64_t words: a Bloom filter of half_key()s of 4-character words
  words4_filter = 11,  // std::uint64_t words: a Bloom filter of the 4-character words (word4_hash)
  typo2_filter = 12,   // std::uint64_t words: a Bloom filter of the typo2 keys
};

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t section_count;
};

struct SectionEntry {
  std::uint32_t kind;
  std::uint32_t count;  // elements (slots of a hash table)
  std::uint64_t offset;
  std::uint64_t size;   // bytes
};

// Words hash table, open addressing on FNV-1a of the UTF-8 bytes, power-of-two capacity.
// A slot with length 0 is empty. A prefix of a word that is no word itself has freq 0.
struct WordSlot {
  std::uint32_t offset;  // into strings
  std::uint16_t length;  // bytes
  std::uint8_t pos;      // PartOfSpeech
  std::uint8_t reserved;
  std::uint32_t freq;
};

// A part of speech of jieba's tag set, coarsened.
enum PartOfSpeech : std::uint8_t {
  pos_other = 0,
  pos_noun = 1,
  pos_verb = 2,
  pos_adjective = 3,
  pos_adverb = 4,
  pos_name = 5,  // person, place and organisation names (nr, ns, nt, nz)
  pos_idiom = 6,  // i, l: idioms and set phrases
};

// Characters are packed 18 bits each (every CJK block is below U+40000).
inline constexpr std::uint64_t pack2(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 18) | b; }
// Three characters of a 4-character word and the position (0–3) of the fourth.
inline constexpr std::uint64_t pack_mask(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t position) {
  return (std::uint64_t{position + 1} << 54) | (std::uint64_t{a} << 36) | (std::uint64_t{b} << 18) | c;
}

// The first (or last) two characters of a 4-character word.
inline constexpr std::uint64_t half_key(std::uint32_t a, std::uint32_t b, bool first) {
  return (std::uint64_t{first ? 1u : 2u} << 36) | pack2(a, b);
}

// mask4 multi-map: every slot with the key; key 0 is empty.
struct MaskSlot {
  std::uint64_t key;
  std::uint32_t missing;  // the character at the masked position
  std::uint32_t freq;     // of the word
};

// typo2 hash table: key pack2(typo), 0 empty.
struct TypoSlot {
  std::uint64_t key;
  std::uint32_t word;      // the 2-character word meant: its first and second code points
  std::uint32_t word2;
  std::uint32_t freq;      // of the word
  std::uint8_t position;   // which character differs
  std::uint8_t source;     // PairSource bits of the pair that made it
  std::uint16_t reserved;
};

enum PairSource : std::uint8_t {
  source_pack_misused = 1,  // a built-in pack entry of rule misused (both directions)
  source_pack_variant = 2,  // of rule variant (written → recommended only)
  source_shape = 4,         // one character is the other plus a radical of at most 3 strokes
  source_sibling = 8,       // both are one component plus different small radicals
};

struct PairEntry {
  std::uint32_t written;
  std::uint32_t meant;
  std::uint32_t sources;   // PairSource bits
  std::uint32_t entries;   // how many pack entries give it (leave-one-out needs the count)
  std::uint32_t entries2;  // how many of them are 2-character words: only those make typo2
  std::uint32_t reserved;
};

struct ReadingEntry {
  std::uint32_t code_point;
  std::uint32_t reading;  // an id: same id, same syllable and tone
};

struct TraditionalEntry {
  std::uint32_t traditional;
  std::uint32_t simplified;  // OpenCC's first candidate
  std::uint32_t candidates;  // how many simplified forms OpenCC gives in the basic CJK block
  std::uint32_t reserved;
};

struct Meta {
  std::uint64_t total_freq;  // of every word, for probabilities
  std::uint32_t max_word_chars;
  std::uint32_t min_typo_word_freq;  // thresholds the tables were built with
};

inline constexpr std::uint32_t fnv1a(const char* data, std::uint32_t size) {
  std::uint32_t h = 2166136261u;
  for (std::uint32_t i = 0; i < size; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 16777619u;
  return h;
}

inline constexpr std::uint64_t mix64(std::uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

// Most windows of a text are no idiom with a character changed: a Bloom filter of the mask4
// keys, small enough to stay in cache, answers them without touching the table. Two bits
// per key, both in one 64-bit word; the word count is a power of two.
struct MaskFilter {
  static constexpr std::uint64_t bits(std::uint64_t hash) {
    return (std::uint64_t{1} << (hash & 63)) | (std::uint64_t{1} << ((hash >> 6) & 63));
  }
  static constexpr std::uint64_t word(std::uint64_t hash, std::uint64_t words) { return (hash >> 12) & (words - 1); }
};

// A 4-character word, for words4_filter.
inline constexpr std::uint64_t word4_hash(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
  return mix64(pack2(a, b) * 0x9E3779B97F4A7C15ull ^ pack2(c, d));
}

// Sets and tests the two bits of `hash` in a filter of `words` 64-bit words.
inline void filter_add(std::uint64_t* filter, std::uint64_t words, std::uint64_t hash) {
  filter[MaskFilter::word(hash, words)] |= MaskFilter::bits(hash);
}
inline bool filter_may_hold(const std::uint64_t* filter, std::uint64_t words, std::uint64_t hash) {
  if (words == 0) return true;  // no filter: look in the table
  const std::uint64_t bits = MaskFilter::bits(hash);
  return (filter[MaskFilter::word(hash, words)] & bits) == bits;
}

}  // namespace reportlint::phrasing::tables
