#include "io/docx/zip_archive.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>
#include <zip.h>

namespace reportlint {
namespace {

std::string libzip_message(zip_error_t* error) {
  std::string message = zip_error_strerror(error);
  zip_error_fini(error);
  return message;
}

zip_t* open_archive(zip_source_t* source, int flags) {
  zip_error_t error;
  zip_error_init(&error);
  zip_t* archive = zip_open_from_source(source, flags, &error);
  if (!archive) {
    zip_source_free(source);
    throw ZipError(fmt::format("ZIP 压缩包已损坏或不完整（{}）", libzip_message(&error)));
  }
  return archive;
}

zip_source_t* buffer_source(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) throw ZipError(fmt::format("无法打开 ZIP 压缩包（{}）", libzip_message(&error)));
  return source;
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) : bytes_(bytes) {
  archive_ = open_archive(buffer_source(bytes), ZIP_RDONLY | ZIP_CHECKCONS);
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

bool ZipArchive::has(std::string_view name) const {
  return zip_name_locate(archive_, std::string(name).c_str(), 0) >= 0;
}

std::string ZipArchive::read(std::string_view name, std::uint64_t limit) const {
  const std::string entry(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_, entry.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    throw ZipError(fmt::format("缺少 {}", entry));
  if (stat.size > limit)
    throw ZipError(fmt::format("{} 解压后有 {} 字节，超过上限 {} 字节", entry, stat.size, limit));
  if ((stat.valid & ZIP_STAT_COMP_SIZE) && stat.size > kRatioFloor && stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > kMaxRatio)
    throw ZipError(fmt::format("{} 的压缩比超过 {}:1，疑似“压缩炸弹”，不会解压", entry, kMaxRatio));
  zip_file_t* file = zip_fopen(archive_, entry.c_str(), 0);
  if (!file) throw ZipError(fmt::format("无法解压 {}（{}）", entry, zip_strerror(archive_)));
  std::string content(static_cast<std::size_t>(stat.size), '\0');
  std::size_t got = 0;
  while (got < content.size()) {
    const zip_int64_t n = zip_fread(file, content.data() + got, content.size() - got);
    if (n < 0) {
      const std::string why = zip_file_strerror(file);
      zip_fclose(file);
      throw ZipError(fmt::format("解压 {} 失败（{}）", entry, why));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  zip_fclose(file);
  if (got != content.size()) throw ZipError(fmt::format("{} 不完整", entry));
  return content;
}

std::string ZipArchive::with_replaced(std::string_view name, std::string_view content) const {
  // libzip writes the new archive into the buffer source it was opened from (its
  // in-memory example): keep the source past zip_close(), then read it back. A source
  // that is written frees the buffer it started from, so it gets a malloc'ed copy of
  // its own.
  void* copy = std::malloc(std::max<std::size_t>(bytes_.size(), 1));
  if (!copy) throw ZipError("内存不足");
  std::memcpy(copy, bytes_.data(), bytes_.size());
  zip_error_t create_error;
  zip_error_init(&create_error);
  zip_source_t* source = zip_source_buffer_create(copy, bytes_.size(), 1, &create_error);
  if (!source) {
    std::free(copy);
    throw ZipError(fmt::format("无法打开 ZIP 压缩包（{}）", libzip_message(&create_error)));
  }
  zip_source_keep(source);
  zip_t* archive = open_archive(source, 0);
  auto fail = [&](std::string message) {
    zip_discard(archive);
    zip_source_free(source);
    throw ZipError(std::move(message));
  };
  const zip_int64_t index = zip_name_locate(archive, std::string(name).c_str(), 0);
  if (index < 0) fail(fmt::format("缺少 {}", name));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* data = zip_source_buffer_create(content.data(), content.size(), 0, &error);
  if (!data) fail(fmt::format("无法写入 {}（{}）", name, libzip_message(&error)));
  if (zip_file_replace(archive, static_cast<zip_uint64_t>(index), data, 0) != 0) {
    zip_source_free(data);
    fail(fmt::format("无法写入 {}（{}）", name, zip_strerror(archive)));
  }
  zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
  if (zip_close(archive) != 0) fail(fmt::format("无法写出 ZIP 压缩包（{}）", zip_strerror(archive)));

  std::string out;
  if (zip_source_open(source) != 0) {
    zip_source_free(source);
    throw ZipError("无法读取写出的 ZIP 压缩包");
  }
  char buffer[65536];
  for (zip_int64_t n; (n = zip_source_read(source, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  zip_source_close(source);
  zip_source_free(source);
  return out;
}

}  // namespace reportlint
