#include "cli/shard.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <numeric>

namespace reportlint {

std::optional<Shard> parse_shard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Shard s;
  auto number = [](std::string_view digits, std::size_t& out) {
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc() && end == digits.data() + digits.size();
  };
  if (!number(text.substr(0, slash), s.index) || !number(text.substr(slash + 1), s.count)) return std::nullopt;
  if (s.index < 1 || s.index > s.count || s.count > 10000) return std::nullopt;
  return s;
}

std::vector<Input> select_shard(const std::vector<Input>& inputs, Shard shard) {
  std::vector<std::uintmax_t> sizes(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(inputs[i].path, ec);
    sizes[i] = ec ? 0 : size;  // unreadable: reported by the job that takes it
  }
  std::vector<std::size_t> order(inputs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return sizes[a] != sizes[b] ? sizes[a] > sizes[b] : inputs[a].path < inputs[b].path;
  });
  std::vector<std::uintmax_t> load(shard.count, 0);
  std::vector<bool> mine(inputs.size(), false);
  for (const std::size_t i : order) {
    const std::size_t lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    load[lightest] += sizes[i] + 1;  // + 1: empty files are spread too
    mine[i] = lightest + 1 == shard.index;
  }
  std::vector<Input> selected;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (mine[i]) selected.push_back(inputs[i]);
  return selected;
}

}  // namespace reportlint
