// `reportlint merge FILE...`: the outputs of the shards of one run (--shard K/N), as one.
// Each input is a json (the contract's), jsonl or sarif output, all of one format; the
// merge is in that format: files (or lines, or results) in path order as a single run
// gives them, summaries added up, SARIF rules united and results' ruleIndex renumbered,
// SARIF's limit of results applied again.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace reportlint {

// Writes the merge to standard output; throws Error naming a file that is not an output
// of reportlint, or of another format than the first.
void merge_outputs(const std::vector<std::string>& files, std::size_t sarif_max_results);

}  // namespace reportlint
