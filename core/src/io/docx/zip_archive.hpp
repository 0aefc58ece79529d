// Reading entries of a ZIP archive held in memory (libzip), with the limits a hostile
// archive needs, and writing a copy with one entry replaced.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

struct zip;

namespace reportlint {

// Thrown for a damaged archive, a missing entry or a zip bomb; the message is for users.
class ZipError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ZipArchive {
 public:
  // Opens the archive in `bytes`, which must outlive this object.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(std::string_view name) const;

  // The content of entry `name`. Refuses one that expands past `limit` bytes, or that
  // expands more than kMaxRatio times its compressed size once past kRatioFloor (a zip
  // bomb), before inflating anything.
  std::string read(std::string_view name, std::uint64_t limit) const;

  // The archive with entry `name` holding `content`; every other entry is copied as it
  // is, compressed bytes and all.
  std::string with_replaced(std::string_view name, std::string_view content) const;

  static constexpr std::uint64_t kMaxRatio = 1000;
  static constexpr std::uint64_t kRatioFloor = std::uint64_t{16} << 20;

 private:
  std::string_view bytes_;
  zip* archive_ = nullptr;
};

}  // namespace reportlint
