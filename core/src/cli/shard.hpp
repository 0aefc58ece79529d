// --shard K/N: the part of a run that one of N jobs of a CI matrix or batch system takes.
// The split depends only on the files' paths and sizes, so every job, run on its own
// checkout of the same tree, computes the same one: each file falls in exactly one shard,
// and the shards are balanced by size (largest files first, each to the lightest shard).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"

namespace reportlint {

struct Shard {
  std::size_t index = 1;  // K, from 1
  std::size_t count = 1;  // N
};

// "2/8" → {2, 8}; nullopt unless 1 ≤ K ≤ N ≤ 10000.
std::optional<Shard> parse_shard(std::string_view text);

// The inputs of shard `shard`, in their original order.
std::vector<Input> select_shard(const std::vector<Input>& inputs, Shard shard);

}  // namespace reportlint
