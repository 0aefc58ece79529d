// Strings stored once each and named by a 32-bit id. The findings of a large draft repeat
// the same few hundred messages and replacements; keeping one copy of each is what lets a
// million findings fit in a few tens of MB.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reportlint {

class StringPool {
 public:
  StringPool() = default;
  // The ids' text lives in blocks that never move: a copy would point into the original.
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  // The id of `text`, storing it on first sight.
  std::uint32_t intern(std::string_view text);
  std::string_view operator[](std::uint32_t id) const noexcept { return strings_[id]; }
  std::size_t size() const noexcept { return strings_.size(); }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 16;
  std::string_view store(std::string_view text);

  std::vector<std::unique_ptr<char[]>> blocks_;  // short strings, packed
  std::vector<std::unique_ptr<char[]>> large_;   // one each
  std::size_t block_used_ = kBlock;  // bytes used of the last block; full before the first
  std::vector<std::string_view> strings_;  // by id
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace reportlint
