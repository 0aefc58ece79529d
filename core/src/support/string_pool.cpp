#include "support/string_pool.hpp"

#include <cstring>
#include <stdexcept>

namespace reportlint {

std::uint32_t StringPool::intern(std::string_view text) {
  if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
  if (strings_.size() >= UINT32_MAX) throw std::length_error("too many distinct strings");
  const auto id = static_cast<std::uint32_t>(strings_.size());
  const std::string_view stored = store(text);
  strings_.push_back(stored);
  ids_.emplace(stored, id);
  return id;
}

std::string_view StringPool::store(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > kBlock / 4) {  // a long string gets a block of its own
    large_.push_back(std::make_unique<char[]>(text.size()));
    std::memcpy(large_.back().get(), text.data(), text.size());
    return {large_.back().get(), text.size()};
  }
  if (kBlock - block_used_ < text.size()) {
    blocks_.push_back(std::make_unique<char[]>(kBlock));
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, text.data(), text.size());
  block_used_ += text.size();
  return {at, text.size()};
}

}  // namespace reportlint
