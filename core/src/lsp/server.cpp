#include "lsp/server.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <sys/stat.h>

#include <fmt/format.h>

#include "io/source.hpp"
#include "lint/fixes.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/message_queue.hpp"
#include "model/document_builder.hpp"
#include "model/position.hpp"
#include "output/json_writer.hpp"
#include "reportlint_version.hpp"
#include "support/error.hpp"
#include "workspace/config_cache.hpp"
#include "workspace/pipeline.hpp"

namespace reportlint::lsp {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// LSP DiagnosticSeverity: Error 1, Warning 2, Information 3.
int severity_of(Severity s) { return s == Severity::error ? 1 : s == Severity::warning ? 2 : 3; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// file:///home/a/%E6%80%BB%E7%BB%93.md → /home/a/总结.md; nullopt for other schemes.
std::optional<fs::path> path_of_uri(std::string_view uri) {
  constexpr std::string_view kFile = "file://";
  if (!uri.starts_with(kFile)) return std::nullopt;
  uri.remove_prefix(kFile.size());
  if (const std::size_t slash = uri.find('/'); slash != 0) {
    if (slash == std::string_view::npos) return std::nullopt;
    uri.remove_prefix(slash);  // file://localhost/…: the authority is not part of the path
  }
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return fs::path(path);
}

// /home/a/总结.md → file:///home/a/%E6%80%BB%E7%BB%93.md
std::string uri_of_path(const fs::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const unsigned char c : fs::absolute(path).lexically_normal().string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

// How long the server waits for a message before it looks whether a configuration file
// changed on disk (an editor without a file watcher, a config saved in another editor).
constexpr std::chrono::milliseconds kIdlePoll{500};

class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

const json& member(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string string_member(const json& object, const char* key) {
  const json& v = member(object, key);
  if (!v.is_string()) throw ProtocolError(error_code::invalid_params, fmt::format("缺少字符串参数“{}”", key));
  return v.get<std::string>();
}

struct OpenDocument {
  std::string text;
  std::optional<fs::path> path;  // on disk, for config discovery and the format
  std::optional<std::int64_t> version;  // the client's, echoed in publishDiagnostics
  std::shared_ptr<const Document> document;  // the last text linted without an error
  std::vector<Diagnostic> diagnostics;
  bool stale = true;  // changed since it was last linted
};

// What the client may set, in initializationOptions or workspace/didChangeConfiguration:
// { "config": FILE, "profile": NAME, "columnUnit": "byte"|"utf-16"|"codepoint" }, or the
// same under "reportlint". A setting left out keeps the command line's choice.
struct ClientSettings {
  std::optional<std::string> config;
  std::optional<std::string> profile;
  std::optional<ColumnUnit> unit;
};

class Server {
 public:
  Server(LinterOptions options, std::optional<std::string> config_override, std::FILE* in, std::FILE* out)
      : options_(std::move(options)), override_(std::move(config_override)), in_(in), out_(out) {
    reset_configs();
  }

  static constexpr const char* kFixAllKind = "source.fixAll.reportlint";

  int run() {
    // The reader takes messages off the stream as they come; the loop below handles them.
    // The queue is shared with the reader, which may outlive the server (detached below).
    std::thread reader([queue = queue_, in = in_] {
      while (true) {
        Incoming incoming = read_message(in);
        const bool last = incoming.status != ReadStatus::message;
        queue->push(std::move(incoming));
        if (last) return;
      }
    });
    const int status = serve();
    // A stream in memory ends by itself; a pipe may stay open after `exit`, and the
    // process ends anyway.
    if (::fileno(in_) < 0 || reader_done_) reader.join();
    else reader.detach();
    return status;
  }

 private:
  int serve() {
    while (true) {
      std::optional<Incoming> incoming = queue_->pop_for(kIdlePoll);
      if (!incoming) {
        reload_if_configs_changed();
        continue;
      }
      if (incoming->status == ReadStatus::end_of_stream) {
        reader_done_ = true;
        return shutdown_ ? 0 : 1;  // the client went away
      }
      if (incoming->status == ReadStatus::bad_framing) {
        // Without a length the stream cannot be resynchronised: stop cleanly.
        reader_done_ = true;
        fmt::print(stderr, "reportlint lsp: {}，退出\n", incoming->problem);
        return 1;
      }
      json message = json::parse(incoming->body, nullptr, false);
      if (message.is_discarded()) {
        reply_error(nullptr, error_code::parse_error, "无法解析的 JSON");
        continue;
      }
      if (const auto status = handle(message)) return *status;
      // A burst of edits is linted once, at its end.
      if (queue_->empty()) lint_stale();
    }
  }

  // Returns an exit status when the server is to stop.
  std::optional<int> handle(const json& message) {
    const json& id = member(message, "id");
    const bool is_request = message.is_object() && message.contains("id");
    const json& method_node = member(message, "method");
    if (!message.is_object() || member(message, "jsonrpc") != "2.0" || (!method_node.is_string() && !is_request)) {
      reply_error(is_request ? id : json(nullptr), error_code::invalid_request, "不是 JSON-RPC 2.0 请求");
      return std::nullopt;
    }
    if (!method_node.is_string()) {
      // No method at all: a response to a request we never sent. A method that is not a
      // string: a request we cannot read, which still deserves an answer.
      if (message.contains("method")) reply_error(id, error_code::invalid_request, "“method”应为字符串");
      return std::nullopt;
    }
    const std::string method = method_node.get<std::string>();
    const json& params = member(message, "params");
    try {
      if (method == "exit") return shutdown_ ? 0 : 1;
      if (shutdown_ && is_request) throw ProtocolError(error_code::invalid_after_shutdown, "服务器已关闭");
      if (method == "initialize") {
        reply(id, initialize(params));
        return std::nullopt;
      }
      if (!initialized_) {
        if (is_request) throw ProtocolError(error_code::server_not_initialized, "尚未初始化");
        return std::nullopt;  // notifications before initialize are dropped
      }
      if (method == "initialized") {
        watch_config_files();
      } else if (method == "$/cancelRequest" || method == "$/setTrace") {
      } else if (method == "workspace/didChangeWatchedFiles") {
        reload();
      } else if (method == "workspace/didChangeConfiguration") {
        apply_settings(member(params, "settings"));
        reload();
      } else if (method == "shutdown") {
        shutdown_ = true;
        reply(id, nullptr);
      } else if (method == "textDocument/didOpen") {
        const json& doc = member(params, "textDocument");
        open(string_member(doc, "uri"), string_member(doc, "text"), member(doc, "version"));
      } else if (method == "textDocument/didChange") {
        const json& doc = member(params, "textDocument");
        change(string_member(doc, "uri"), member(params, "contentChanges"), member(doc, "version"));
      } else if (method == "textDocument/didSave") {
        save(string_member(member(params, "textDocument"), "uri"), member(params, "text"));
      } else if (method == "textDocument/didClose") {
        close(string_member(member(params, "textDocument"), "uri"));
      } else if (method == "textDocument/codeAction") {
        reply(id, code_actions(params));
      } else if (method == "textDocument/diagnostic") {
        reply_text(id, pull_diagnostics(params));
      } else if (is_request) {
        throw ProtocolError(error_code::method_not_found, "不支持的方法：" + method);
      }
    } catch (const ProtocolError& e) {
      if (is_request) reply_error(id, e.code(), e.what());
      else fmt::print(stderr, "reportlint lsp: {}: {}\n", method, e.what());
    } catch (const std::exception& e) {
      if (is_request) reply_error(id, error_code::internal_error, e.what());
      else fmt::print(stderr, "reportlint lsp: {}: {}\n", method, e.what());
    }
    return std::nullopt;
  }

  json initialize(const json& params) {
    // The client lists the encodings it supports, preferred first; without a list it
    // speaks UTF-16.
    std::string chosen = "utf-16";
    const json& offered = member(member(member(params, "capabilities"), "general"), "positionEncodings");
    if (offered.is_array()) {
      for (const json& e : offered) {
        if (e == "utf-16" || e == "utf-8" || e == "utf-32") {
          chosen = e.get<std::string>();
          break;
        }
      }
    }
    negotiated_unit_ = chosen == "utf-8" ? ColumnUnit::byte : chosen == "utf-32" ? ColumnUnit::codepoint : ColumnUnit::utf16;
    unit_ = negotiated_unit_;
    can_register_watchers_ =
        member(member(member(member(params, "capabilities"), "workspace"), "didChangeWatchedFiles"), "dynamicRegistration") == true;
    apply_settings(member(params, "initializationOptions"));
    reset_configs();
    initialized_ = true;
    return {{"capabilities",
             {{"positionEncoding", chosen},
              // Incremental: an edit sends only what changed, however long the draft.
              {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
              {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", kFixAllKind})}}},
              {"diagnosticProvider", {{"interFileDependencies", false}, {"workspaceDiagnostics", false}}}}},
            {"serverInfo", {{"name", "reportlint"}, {"version", REPORTLINT_VERSION}}}};
  }

  // Settings from the client (see ClientSettings); unknown keys are ignored, as editors
  // send their whole settings object.
  void apply_settings(const json& given) {
    const json& s = given.is_object() && given.contains("reportlint") ? given["reportlint"] : given;
    if (!s.is_object()) return;
    if (const json& v = member(s, "config"); v.is_string()) settings_.config = v.get<std::string>();
    else if (s.contains("config")) settings_.config.reset();
    if (const json& v = member(s, "profile"); v.is_string()) settings_.profile = v.get<std::string>();
    else if (s.contains("profile")) settings_.profile.reset();
    if (const json& v = member(s, "columnUnit"); v.is_string()) {
      const std::string unit = v.get<std::string>();
      if (unit == "byte" || unit == "utf-8") settings_.unit = ColumnUnit::byte;
      else if (unit == "utf-16") settings_.unit = ColumnUnit::utf16;
      else if (unit == "codepoint" || unit == "utf-32") settings_.unit = ColumnUnit::codepoint;
      else throw ProtocolError(error_code::invalid_params, "未知的 columnUnit：" + unit + "（可用 byte、utf-16、codepoint）");
    } else if (s.contains("columnUnit")) {
      settings_.unit.reset();
    }
    unit_ = settings_.unit.value_or(negotiated_unit_);
  }

  // Asks a client that can watch files to report changes of any .reportlint.toml (VS
  // Code does); for the others the server looks itself when idle.
  void watch_config_files() {
    if (!can_register_watchers_) return;
    json watchers = json::array({{{"globPattern", "**/" + std::string(kConfigFileName)}}});
    write_message(out_, {{"jsonrpc", "2.0"},
                         {"id", "reportlint-watch-config"},
                         {"method", "client/registerCapability"},
                         {"params",
                          {{"registrations", json::array({{{"id", "reportlint-config-files"},
                                                            {"method", "workspace/didChangeWatchedFiles"},
                                                            {"registerOptions", {{"watchers", std::move(watchers)}}}}})}}}});
  }

  static std::optional<std::int64_t> version_of(const json& version) {
    if (version.is_number_integer()) return version.get<std::int64_t>();
    return std::nullopt;
  }

  void open(const std::string& uri, std::string text, const json& version) {
    OpenDocument& d = documents_[uri];
    d.path = path_of_uri(uri);
    d.text = std::move(text);
    d.version = version_of(version);
    d.stale = true;
  }

  void change(const std::string& uri, const json& changes, const json& version) {
    auto it = documents_.find(uri);
    if (it == documents_.end()) throw ProtocolError(error_code::invalid_params, "文档没有打开：" + uri);
    if (!changes.is_array()) throw ProtocolError(error_code::invalid_params, "缺少 contentChanges");
    std::string& current = it->second.text;
    // Incremental changes (although the server asked for full ones) apply one after the
    // other; the line starts are kept up to date edit by edit, not recomputed, so a burst
    // of thousands of edits on a large document stays linear in the edits and lines.
    std::vector<std::uint32_t> starts;
    bool indexed = false;
    for (const json& c : changes) {
      const json& text = member(c, "text");
      if (!text.is_string()) throw ProtocolError(error_code::invalid_params, "contentChanges 中缺少 text");
      const std::string& replacement = text.get_ref<const std::string&>();
      const json& range = member(c, "range");
      if (range.is_null()) {
        current = replacement;
        indexed = false;
        continue;
      }
      if (!indexed) {
        starts = line_starts(current);
        indexed = true;
      }
      const std::size_t b = offset_in(current, starts, member(range, "start"));
      const std::size_t e = offset_in(current, starts, member(range, "end"));
      if (b > e) throw ProtocolError(error_code::invalid_params, "无效的范围");
      current.replace(b, e - b, replacement);
      update_line_starts(starts, b, e, replacement);
    }
    it->second.version = version_of(version);
    it->second.stale = true;
  }

  // Offsets where each line of `text` starts (after \n, \r\n or \r).
  static std::vector<std::uint32_t> line_starts(std::string_view text) {
    std::vector<std::uint32_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        starts.push_back(static_cast<std::uint32_t>(i + 1));
    }
    return starts;
  }

  // After text[b, e) became `replacement`: drop the line starts inside the old range, add
  // those of the new text, shift the rest.
  static void update_line_starts(std::vector<std::uint32_t>& starts, std::size_t b, std::size_t e,
                                 std::string_view replacement) {
    const auto first = std::upper_bound(starts.begin(), starts.end(), static_cast<std::uint32_t>(b));
    const auto last = std::upper_bound(first, starts.end(), static_cast<std::uint32_t>(e));
    std::vector<std::uint32_t> added;
    for (std::size_t i = 0; i < replacement.size(); ++i)
      if (replacement[i] == '\n' || (replacement[i] == '\r' && (i + 1 >= replacement.size() || replacement[i + 1] != '\n')))
        added.push_back(static_cast<std::uint32_t>(b + i + 1));
    const auto at = starts.erase(first, last);
    const auto inserted_end = starts.insert(at, added.begin(), added.end()) + static_cast<std::ptrdiff_t>(added.size());
    const std::int64_t delta = static_cast<std::int64_t>(replacement.size()) - static_cast<std::int64_t>(e - b);
    for (auto s = inserted_end; s != starts.end(); ++s) *s = static_cast<std::uint32_t>(*s + delta);
  }

  // The byte offset of an LSP position in `text`, in the negotiated unit, clamped to its line.
  std::size_t offset_in(std::string_view text, const std::vector<std::uint32_t>& starts, const json& position) const {
    const auto [line, character] = checked_position(position);
    if (line >= starts.size()) return text.size();
    std::size_t i = starts[line];
    const std::size_t end = line + 1 < starts.size() ? starts[line + 1] : text.size();
    std::uint64_t column = 0;
    while (i < end && text[i] != '\n' && text[i] != '\r' && column < character) {
      std::size_t j = i;
      column += column_width(utf8::next(text, j), unit_);
      if (column > character) break;  // inside a wide character: stay before it
      i = j;
    }
    return i;
  }

  // A position's line and character; positions beyond 32 bits are refused, not wrapped.
  static std::pair<std::uint64_t, std::uint64_t> checked_position(const json& position) {
    const json& line = member(position, "line");
    const json& character = member(position, "character");
    if (!line.is_number_unsigned() || !character.is_number_unsigned() || line.get<std::uint64_t>() >= (1ull << 32) - 1 ||
        character.get<std::uint64_t>() >= (1ull << 32) - 1)
      throw ProtocolError(error_code::invalid_params, "无效的位置");
    return {line.get<std::uint64_t>(), character.get<std::uint64_t>()};
  }

  void save(const std::string& uri, const json& text) {
    const auto path = path_of_uri(uri);
    if (path && path->filename() == kConfigFileName) reload();  // a config changed: every document may change
    auto it = documents_.find(uri);
    if (it == documents_.end()) return;
    if (text.is_string()) it->second.text = text.get<std::string>();
    it->second.stale = true;
  }

  void close(const std::string& uri) {
    // Closing twice, or something never opened, is not an error worth a failure.
    if (documents_.erase(uri)) publish(uri, json::array(), std::nullopt);
  }

  void reload() {
    reset_configs();
    for (auto& [uri, d] : documents_) d.stale = true;
    lint_stale();
  }

  void reset_configs() {
    LinterOptions options = options_;
    options.interactive = true;  // the same drafts are linted at every edit
    if (settings_.profile) options.profile_override = *settings_.profile;
    configs_ = std::make_unique<ConfigCache>(options, settings_.config ? settings_.config : override_);
    refusals_shown_.clear();
    linters_seen_.clear();
    config_files_ = config_files_in_use();
  }

  void lint_stale() {
    for (auto& [uri, d] : documents_)
      if (d.stale) lint_and_publish(uri, d);
    publish_config_errors();
  }

  // Every file the configurations of the open documents depend on, with its size and
  // time of change; a missing file (no .reportlint.toml in a directory yet) counts too.
  std::map<fs::path, std::pair<std::intmax_t, std::int64_t>> config_files_in_use() const {
    std::map<fs::path, std::pair<std::intmax_t, std::int64_t>> files;
    auto add = [&](const fs::path& file) {
      struct stat st {};
      files[file] = ::stat(file.c_str(), &st) == 0 ? std::pair{static_cast<std::intmax_t>(st.st_size),
                                                               std::int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec}
                                                     : std::pair{std::intmax_t{-1}, std::int64_t{0}};
    };
    if (const auto& chosen = settings_.config ? settings_.config : override_; chosen && !chosen->starts_with("builtin:"))
      add(fs::absolute(*chosen));
    std::set<fs::path> directories;
    for (const auto& [uri, d] : documents_)
      if (d.path) directories.insert(d.path->parent_path());
    for (const fs::path& directory : directories) {
      // The nearest config, and where a new one would take its place.
      for (fs::path dir = fs::absolute(directory); ; dir = dir.parent_path()) {
        add(dir / kConfigFileName);
        if (fs::exists(dir / kConfigFileName) || dir == dir.parent_path()) break;
      }
    }
    for (const auto& [key, linter] : linters_seen_)
      for (const std::string& layer : linter->config().layers)
        if (!layer.starts_with("builtin:")) add(layer);
    return files;
  }

  void reload_if_configs_changed() {
    if (!initialized_ || documents_.empty()) return;
    if (config_files_in_use() != config_files_) reload();
  }

  // An untrusted project's config asked to load plugins or files outside the project:
  // say so once per configuration (docs/security.md).
  void warn_refusals(const Linter& linter) {
    const Config& config = linter.config();
    if (config.refused.empty() || !refusals_shown_.insert(&linter).second) return;
    std::string message = "reportlint: 这个项目未被信任，没有加载：";
    for (const TrustRefusal& r : config.refused) message += "\n  " + r.what;
    message += "\n信任这个项目：reportlint trust " + (config.root / kConfigFileName).string() +
               "，或在启动语言服务器时设 REPORTLINT_TRUST=1";
    notify("window/showMessage", {{"type", 2}, {"message", message}});
  }

  void lint_and_publish(const std::string& uri, OpenDocument& d) {
    d.stale = false;
    try {
      const std::string shown = d.path ? d.path->string() : uri;
      const fs::path directory = d.path ? d.path->parent_path() : fs::current_path();
      const auto linter = configs_->for_directory(directory);
      if (linters_seen_.emplace(linter.get(), linter).second) config_files_ = config_files_in_use();
      warn_refusals(*linter);
      // The editor's buffer is UTF-8 whatever the file's encoding on disk.
      ReadOptions read;
      read.encoding = EncodingChoice{false, Encoding::utf8};
      Linted linted = lint_bytes(shown, d.text, read, *linter, Keep::document_only);
      d.diagnostics = linted.diagnostics.to_vector();
      d.document = std::move(linted.document);
    } catch (const Error& e) {
      // A broken configuration is shown where it is broken, on the config file; the
      // draft keeps the findings it had, rather than seeming clean.
      std::string message;
      for (const Failure& f : e.failures()) {
        if (!f.path.empty() && fs::path(f.path).extension() == ".toml") {
          config_errors_[fs::absolute(f.path)].push_back(f);
        } else {
          message += (message.empty() ? "" : "\n") + format_failure(f);
        }
      }
      if (!message.empty()) notify("window/showMessage", {{"type", 1}, {"message", "reportlint: " + message}});
      return;
    }
    // Written as text, not as a JSON tree: a draft with thousands of findings spent most
    // of its answer building and freeing the tree.
    std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":)";
    reportlint::json::append_string(body, uri);
    if (d.version) body.append(R"(,"version":)").append(std::to_string(*d.version));
    body.append(R"(,"diagnostics":)");
    append_lsp_diagnostics(body, uri, *d.document, d.diagnostics);
    body.append("}}");
    write_message_text(out_, body);
  }

  // The errors of the configuration files, as diagnostics on those files; a file whose
  // errors are gone gets an empty list.
  void publish_config_errors() {
    for (auto& [file, failures] : config_errors_) {
      json diagnostics = json::array();
      std::set<std::string> seen;
      for (const Failure& f : failures) {
        if (!seen.insert(format_failure(f)).second) continue;  // every draft under it says the same
        const std::uint32_t line = f.line ? f.line - 1 : 0, column = f.column ? f.column - 1 : 0;
        diagnostics.push_back({{"range", {{"start", {{"line", line}, {"character", column}}},
                                          {"end", {{"line", line}, {"character", column + 1}}}}},
                               {"severity", 1},
                               {"source", "reportlint"},
                               {"message", f.message}});
      }
      publish(uri_of_path(file), std::move(diagnostics), std::nullopt);
    }
    std::erase_if(config_errors_, [](const auto& entry) { return entry.second.empty(); });
    for (auto& [file, failures] : config_errors_) failures.clear();  // kept as files to clear next time
  }

  // Position mappers kept across the diagnostics of a document: they are fastest when
  // asked for offsets in order.
  struct Mapping {
    Mapping(const Document& doc, ColumnUnit unit) : begins(doc, unit), ends(doc, unit) {}
    json range(TextRange r) {
      const Position b = begins.at(r.begin), e = ends.at(r.end);
      return {{"start", {{"line", b.line - 1}, {"character", b.column - 1}}},
              {"end", {{"line", e.line - 1}, {"character", e.column - 1}}}};
    }
    void append_range(std::string& out, TextRange r) {
      const Position b = begins.at(r.begin), e = ends.at(r.end);
      fmt::format_to(std::back_inserter(out), R"({{"start":{{"line":{},"character":{}}},"end":{{"line":{},"character":{}}}}})",
                     b.line - 1, b.column - 1, e.line - 1, e.column - 1);
    }
    PositionMapper begins, ends;
  };

  // One LSP Diagnostic as JSON text.
  void append_lsp(std::string& out, const std::string& uri, const Diagnostic& d, Mapping& mapping) const {
    using reportlint::json::append_string;
    out.append(R"({"range":)");
    mapping.append_range(out, d.range);
    fmt::format_to(std::back_inserter(out), R"(,"severity":{},"code":)", severity_of(d.severity));
    append_string(out, d.rule);
    out.append(R"(,"source":"reportlint","message":)");
    append_string(out, d.message);
    if (const std::string& page = rule_page(d.rule); !page.empty()) {
      out.append(R"(,"codeDescription":{"href":)");
      append_string(out, page);
      out.push_back('}');
    }
    if (!d.notes.empty()) {
      out.append(R"(,"relatedInformation":[)");
      for (std::size_t i = 0; i < d.notes.size(); ++i) {
        out.append(i ? R"(,{"location":{"uri":)" : R"({"location":{"uri":)");
        append_string(out, uri);
        out.append(R"(,"range":)");
        mapping.append_range(out, d.notes[i].range.value_or(d.range));
        out.append(R"(},"message":)");
        append_string(out, d.notes[i].message);
        out.push_back('}');
      }
      out.push_back(']');
    }
    out.push_back('}');
  }

  void append_lsp_diagnostics(std::string& out, const std::string& uri, const Document& doc,
                              const std::vector<Diagnostic>& diagnostics) const {
    Mapping mapping(doc, unit_);
    out.push_back('[');
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
      if (i) out.push_back(',');
      append_lsp(out, uri, diagnostics[i], mapping);
    }
    out.push_back(']');
  }

  // The same diagnostic as a JSON value, for the few a code action quotes.
  json to_lsp(const std::string& uri, const Diagnostic& d, Mapping& mapping) const {
    std::string text;
    append_lsp(text, uri, d, mapping);
    return json::parse(text);
  }

  static std::size_t offset_of(const PositionMapper& mapper, const json& position) {
    const auto [line, character] = checked_position(position);
    return mapper.offset_of({static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(character + 1)});
  }

  // The rule's doc page installed beside the data (share/reportlint/docs/rules/ID.md), as
  // a file URI, or "" for a rule without one (an out-of-tree plugin's).
  const std::string& rule_page(std::string_view rule) const {
    const auto it = rule_pages_.find(rule);
    if (it != rule_pages_.end()) return it->second;
    const fs::path page = options_.data_dir / "docs" / "rules" / (std::string(rule) + ".md");
    std::error_code ec;
    return rule_pages_.emplace(std::string(rule), fs::is_regular_file(page, ec) ? uri_of_path(page) : "").first->second;
  }

  // Whether the client's `only` list (context.only) lets actions of `kind` through: an
  // entry selects its kind and the kinds below it ("source" selects "source.fixAll.x").
  static bool wanted(const json& only, std::string_view kind) {
    if (!only.is_array()) return true;
    for (const json& k : only) {
      if (!k.is_string()) continue;
      const std::string& prefix = k.get_ref<const std::string&>();
      if (kind == prefix || (kind.starts_with(prefix) && kind[prefix.size()] == '.')) return true;
    }
    return false;
  }

  OpenDocument* fresh(const std::string& uri) {
    const auto it = documents_.find(uri);
    if (it == documents_.end()) return nullptr;
    if (it->second.stale) lint_and_publish(uri, it->second);
    return &it->second;
  }

  json code_actions(const json& params) {
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    const json& range = member(params, "range");
    checked_position(member(range, "start"));  // a bad position is an error, open or not
    checked_position(member(range, "end"));
    const json& only = member(member(params, "context"), "only");
    json actions = json::array();
    OpenDocument* open = fresh(uri);
    if (!open || !open->document) return actions;
    const Document& doc = *open->document;
    const PositionMapper mapper(doc, unit_);
    // The whole lines of the range: a fix at the end of a line (joining it with the next)
    // is reachable from anywhere on the line, as a normal-mode cursor cannot go past its
    // last character.
    const std::size_t first_line = doc.line_at(offset_of(mapper, member(range, "start")));
    const std::size_t last_line = doc.line_at(offset_of(mapper, member(range, "end")));
    const std::size_t b = doc.lines()[first_line].begin;
    const std::size_t e = last_line + 1 < doc.lines().size() ? doc.lines()[last_line + 1].begin : doc.text().size();
    Mapping mapping(doc, unit_);  // one for all: positions of a long line are counted once
    if (wanted(only, "quickfix")) {
      for (const Diagnostic& d : open->diagnostics) {
        if (!d.fix || d.range.begin > e || d.range.end < b) continue;
        json edits = json::array();
        for (const Edit& edit : d.fix->edits) edits.push_back({{"range", mapping.range(edit.range)}, {"newText", edit.replacement}});
        std::string title = describe_fix(doc.text(), *d.fix);  // bounded, however long the replacement
        if (d.fix->applicability == Applicability::unsafe) title += "（建议）";
        actions.push_back({{"title", title + " [" + std::string(d.rule) + "]"},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({to_lsp(uri, d, mapping)})},
                           {"isPreferred", d.fix->applicability == Applicability::safe},
                           {"edit", {{"changes", {{uri, std::move(edits)}}}}}});
      }
    }
    // Every certain fix of the document at once, as --fix applies them (one pass).
    if (wanted(only, kFixAllKind)) {
      const FixSelection all = select_fixes(open->diagnostics);
      if (all.fixes > 0) {
        json edits = json::array();
        Mapping whole(doc, unit_);
        for (const Edit& edit : all.edits) edits.push_back({{"range", whole.range(edit.range)}, {"newText", edit.replacement}});
        actions.push_back({{"title", fmt::format("修复全部 {} 处可确定的问题 [reportlint]", all.fixes)},
                           {"kind", kFixAllKind},
                           {"edit", {{"changes", {{uri, std::move(edits)}}}}}});
      }
    }
    return actions;
  }

  // textDocument/diagnostic: the findings of an open document, for clients that pull.
  std::string pull_diagnostics(const json& params) {
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    std::string result = R"({"kind":"full","items":)";
    if (OpenDocument* open = fresh(uri); open && open->document) append_lsp_diagnostics(result, uri, *open->document, open->diagnostics);
    else result.append("[]");
    result.push_back('}');
    return result;
  }

  void publish(const std::string& uri, json diagnostics, std::optional<std::int64_t> version) {
    json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
    if (version) params["version"] = *version;
    notify("textDocument/publishDiagnostics", std::move(params));
  }
  void notify(const char* method, json params) {
    write_message(out_, {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void reply(const json& id, json result) { write_message(out_, {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  // A reply whose result is already JSON text.
  void reply_text(const json& id, std::string_view result) {
    std::string body = R"({"jsonrpc":"2.0","id":)";
    body.append(id.dump()).append(R"(,"result":)").append(result).push_back('}');
    write_message_text(out_, body);
  }
  void reply_error(const json& id, int code, const std::string& message) {
    write_message(out_, {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }


  LinterOptions options_;
  std::optional<std::string> override_;
  std::FILE* in_;
  std::FILE* out_;
  std::unique_ptr<ConfigCache> configs_;
  std::set<const Linter*> refusals_shown_;
  ClientSettings settings_;
  ColumnUnit negotiated_unit_ = ColumnUnit::utf16;
  ColumnUnit unit_ = ColumnUnit::utf16;  // the negotiated one, unless the settings say otherwise
  bool can_register_watchers_ = false;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool reader_done_ = false;
  std::shared_ptr<MessageQueue> queue_ = std::make_shared<MessageQueue>();
  std::map<std::string, OpenDocument> documents_;
  // The linters in use since the last reload (their configs' files are watched), and
  // those files as last seen.
  std::map<const Linter*, std::shared_ptr<const Linter>> linters_seen_;
  std::map<fs::path, std::pair<std::intmax_t, std::int64_t>> config_files_;
  std::map<fs::path, std::vector<Failure>> config_errors_;  // config file → its errors
  mutable std::map<std::string, std::string, std::less<>> rule_pages_;
};

}  // namespace

int run_server(LinterOptions options, std::optional<std::string> config_override, std::FILE* in, std::FILE* out) {
  Server server(std::move(options), std::move(config_override), in, out);
  return server.run();
}

}  // namespace reportlint::lsp
