#include "lexicon.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace reportlint::phrasing {

using namespace tables;

std::unique_ptr<TableFile> TableFile::open(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "找不到数据文件 " + path;
    return nullptr;
  }
  struct stat st {};
  const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= static_cast<off_t>(sizeof(Header));
  void* data = ok ? ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  ::close(fd);
  if (data == MAP_FAILED) {
    error = "无法读取数据文件 " + path;
    return nullptr;
  }
  std::unique_ptr<TableFile> file(new TableFile(data, static_cast<std::size_t>(st.st_size)));
  Header header;
  std::memcpy(&header, data, sizeof header);
  const std::uint64_t directory_end = sizeof header + std::uint64_t{header.section_count} * sizeof(SectionEntry);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kVersion || directory_end > file->size_) {
    error = "数据文件 " + path + " 不是本版本的 reportlint 生成的（请重新构建）";
    return nullptr;
  }
  const auto* sections = reinterpret_cast<const SectionEntry*>(static_cast<const char*>(data) + sizeof header);
  for (std::uint32_t i = 0; i < header.section_count; ++i) {
    if (sections[i].offset % 8 || sections[i].offset > file->size_ || sections[i].size > file->size_ - sections[i].offset) {
      error = "数据文件 " + path + " 已损坏（请重新构建）";
      return nullptr;
    }
  }
  return file;
}

TableFile::~TableFile() { ::munmap(const_cast<void*>(data_), size_); }

std::pair<const void*, std::size_t> TableFile::find(SectionKind kind, std::size_t element_size) const {
  Header header;
  std::memcpy(&header, data_, sizeof header);
  const auto* sections = reinterpret_cast<const SectionEntry*>(static_cast<const char*>(data_) + sizeof header);
  for (std::uint32_t i = 0; i < header.section_count; ++i) {
    if (sections[i].kind != static_cast<std::uint32_t>(kind)) continue;
    const std::size_t count = static_cast<std::size_t>(sections[i].size / element_size);
    return {static_cast<const char*>(data_) + sections[i].offset, count};
  }
  return {nullptr, 0};
}

std::string_view TableFile::strings() const {
  const auto s = section<char>(SectionKind::strings);
  return {s.data(), s.size()};
}

Lexicon::Lexicon(std::unique_ptr<TableFile> words, std::unique_ptr<TableFile> shapes)
    : words_file_(std::move(words)), shapes_file_(std::move(shapes)) {
  strings_ = words_file_->strings();
  words_ = words_file_->section<WordSlot>(SectionKind::words);
  mask4_ = words_file_->section<MaskSlot>(SectionKind::mask4);
  filter_ = words_file_->section<std::uint64_t>(SectionKind::mask4_filter);
  halves_ = words_file_->section<std::uint64_t>(SectionKind::halves_filter);
  words4_ = words_file_->section<std::uint64_t>(SectionKind::words4_filter);
  typo_filter_ = words_file_->section<std::uint64_t>(SectionKind::typo2_filter);
  typo2_ = words_file_->section<TypoSlot>(SectionKind::typo2);
  pairs_ = words_file_->section<PairEntry>(SectionKind::pairs);
  readings_ = words_file_->section<ReadingEntry>(SectionKind::readings);
  // The common block by index: same_reading() is asked for every candidate pair.
  reading_of_cjk_.assign(kCjkEnd - kCjkBegin, 0);
  for (const ReadingEntry& e : readings_)
    if (e.code_point >= kCjkBegin && e.code_point < kCjkEnd) reading_of_cjk_[e.code_point - kCjkBegin] = e.reading;
  if (shapes_file_) {
    shape_typo2_ = shapes_file_->section<TypoSlot>(SectionKind::typo2);
    shape_pairs_ = shapes_file_->section<PairEntry>(SectionKind::pairs);
  }
  const auto meta = words_file_->section<Meta>(SectionKind::meta);
  log_total_ = meta.empty() ? 0 : std::log(static_cast<double>(meta.front().total_freq));
  // Hash tables must have a power-of-two size; anything else is treated as empty.
  auto power_of_two = [](std::size_t n) { return n && (n & (n - 1)) == 0; };
  if (!power_of_two(words_.size())) words_ = {};
  if (!power_of_two(mask4_.size())) mask4_ = {};
  if (!power_of_two(filter_.size())) filter_ = {};
  if (!power_of_two(halves_.size())) halves_ = {};
  if (!power_of_two(words4_.size())) words4_ = {};
  if (!power_of_two(typo_filter_.size())) typo_filter_ = {};
  if (!power_of_two(typo2_.size())) typo2_ = {};
  if (!power_of_two(shape_typo2_.size())) shape_typo2_ = {};
}

const WordSlot* Lexicon::find(std::string_view text) const {
  if (words_.empty() || text.empty() || text.size() > 0xFFFF) return nullptr;
  const std::size_t mask = words_.size() - 1;
  for (std::size_t i = fnv1a(text.data(), static_cast<std::uint32_t>(text.size())) & mask; words_[i].length; i = (i + 1) & mask) {
    const WordSlot& s = words_[i];
    if (s.length == text.size() && s.offset + s.length <= strings_.size() &&
        std::memcmp(strings_.data() + s.offset, text.data(), text.size()) == 0)
      return &s;
  }
  return nullptr;
}

namespace {

const TypoSlot* find_typo(std::span<const TypoSlot> table, std::uint64_t key) {
  if (table.empty()) return nullptr;
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = mix64(key) & mask; table[i].key; i = (i + 1) & mask)
    if (table[i].key == key) return &table[i];
  return nullptr;
}

}  // namespace

const TypoSlot* Lexicon::typo2(std::uint64_t key, bool with_shapes) const {
  const TypoSlot* packs =
      filter_may_hold(typo_filter_.data(), typo_filter_.size(), mix64(key ^ 0x2545F4914F6CDD1Dull)) ? find_typo(typo2_, key) : nullptr;
  const TypoSlot* shapes = with_shapes ? find_typo(shape_typo2_, key) : nullptr;
  if (!packs) return shapes;
  if (!shapes) return packs;
  return shapes->freq > packs->freq ? shapes : packs;
}

const PairEntry* Lexicon::pair(std::span<const PairEntry> pairs, std::uint32_t written, std::uint32_t meant) const {
  const auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(written, meant),
                                   [](const PairEntry& e, std::pair<std::uint32_t, std::uint32_t> k) {
                                     return std::make_pair(e.written, e.meant) < k;
                                   });
  return it != pairs.end() && it->written == written && it->meant == meant ? &*it : nullptr;
}

std::uint32_t Lexicon::pair_sources(std::uint32_t written, std::uint32_t meant) const {
  std::uint32_t sources = 0;
  if (const PairEntry* p = pair(pairs_, written, meant)) sources |= p->sources;
  if (const PairEntry* p = pair(shape_pairs_, written, meant)) sources |= p->sources;
  return sources;
}

std::uint32_t Lexicon::pair_entries(std::uint32_t written, std::uint32_t meant) const {
  const PairEntry* p = pair(pairs_, written, meant);
  return p ? p->entries : 0;
}

std::uint32_t Lexicon::pair_entries2(std::uint32_t written, std::uint32_t meant) const {
  const PairEntry* p = pair(pairs_, written, meant);
  return p ? p->entries2 : 0;
}

bool Lexicon::same_reading(std::uint32_t a, std::uint32_t b) const {
  auto reading = [&](std::uint32_t cp) -> std::uint32_t {
    if (cp >= kCjkBegin && cp < kCjkEnd) return reading_of_cjk_[cp - kCjkBegin];
    const auto it = std::lower_bound(readings_.begin(), readings_.end(), cp,
                                     [](const ReadingEntry& e, std::uint32_t c) { return e.code_point < c; });
    return it != readings_.end() && it->code_point == cp ? it->reading : 0;
  };
  const std::uint32_t ra = reading(a);
  return ra != 0 && ra == reading(b);
}

}  // namespace reportlint::phrasing
