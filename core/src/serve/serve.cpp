#include "serve/serve.hpp"

#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>

#include "io/source.hpp"
#include "lint/fix_loop.hpp"
#include "output/json_writer.hpp"
#include "serve/linter_choices.hpp"
#include "serve/page.hpp"
#include "serve/request_guard.hpp"
#include "serve/result_json.hpp"
#include "support/error.hpp"
#include "support/names.hpp"
#include "workspace/pipeline.hpp"

extern char** environ;

namespace reportlint::serve {
namespace {

using httplib::Request;
using httplib::Response;

std::string error_json(std::string_view message) {
  std::string out = "{\"error\": ";
  json::append_string(out, message);
  out += "}\n";
  return out;
}

void fail(Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(error_json(message), "application/json; charset=utf-8");
}

// "sample.docx: error: …" names the file; a problem not tied to one (an unknown preset)
// is its message alone, without the command line's "reportlint: error:".
std::string failure_text(const Error& e) {
  std::string out;
  for (const Failure& f : e.failures())
    out.append(out.empty() ? "" : "\n").append(f.path.empty() ? f.message : format_failure(f));
  return out;
}

// One uploaded draft and the choices sent with it.
struct Upload {
  std::string name;
  std::string bytes;
  std::string preset = "default";
  std::string profile;
};

// The parts a request may have: a file and three short fields. More is refused, so a
// request cannot make the server hold many files.
bool read_upload(const Request& req, Response& res, Upload& up) {
  if (!req.is_multipart_form_data() || !req.has_file("file")) {
    fail(res, 400, "请求中没有文件");
    return false;
  }
  if (req.files.size() > 4 || req.files.count("file") != 1) {
    fail(res, 400, "一次只能上传一个文件");
    return false;
  }
  const httplib::MultipartFormData file = req.get_file_value("file");
  // Only the last path component, for display and to tell .md from .txt: nothing is
  // written under this name. Escaped as the command line shows names (bytes that are not
  // UTF-8, control characters), so the JSON stays valid whatever the browser sent.
  up.name = escape_name(file.filename.substr(file.filename.find_last_of("/\\") + 1));
  if (up.name.empty()) up.name = "草稿.txt";
  up.bytes = file.content;
  if (req.has_file("preset")) up.preset = req.get_file_value("preset").content;
  if (req.has_file("profile")) up.profile = req.get_file_value("profile").content;
  return true;
}

void open_in_browser(const std::string& url) {
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    fmt::print(stderr, "reportlint: 无法打开浏览器（没有 xdg-open），请手动打开 {}\n", url);
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

}  // namespace

int run_serve(ServeOptions options) {
  LinterChoices choices(options.linter);
  httplib::Server server;
  const int port = options.port ? (server.bind_to_port(options.host, options.port) ? options.port : -1)
                                : server.bind_to_any_port(options.host);
  if (port <= 0)
    throw Error(Failure{"", 0, 0, fmt::format("无法在 {} 的端口 {} 上监听：端口已被占用，或地址不是本机的", options.host,
                                              options.port ? std::to_string(options.port) : "（自动）")});
  const RequestGuard guard(options.host, static_cast<std::uint16_t>(port));

  // Room for the file and the multipart framing; a larger body is refused with 413 before
  // it is read.
  server.set_payload_max_length(options.max_file_bytes + (std::uint64_t{64} << 10));
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
  server.set_pre_routing_handler([&](const Request& req, Response& res) {
    if (!guard.host_allowed(req.get_header_value("Host"))) {
      fail(res, 403, "拒绝访问：请求的主机名不是本机（Host: " + req.get_header_value("Host") + "）");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!guard.origin_allowed(req.get_header_value("Origin"))) {
      fail(res, 403, "拒绝访问：请求来自其他网站（Origin: " + req.get_header_value("Origin") + "）");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler([&](const Request&, Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      fail(res, 413, fmt::format("文件太大：上限为 {} MB", options.max_file_bytes >> 20));
    else if (res.status == 404)
      fail(res, 404, "没有这个页面");
    else
      fail(res, res.status, fmt::format("请求无效（HTTP {}）", res.status));
  });

  // The page, compiled in.
  for (const page::File& f : page::files())
    server.Get(std::string(f.path), [&f](const Request&, Response& res) {
      res.set_content(std::string(f.content), std::string(f.type));
    });

  server.Get("/api/choices", [&](const Request&, Response& res) {
    auto list = [](const std::vector<Choice>& choices) {
      std::string out = "[";
      for (const Choice& c : choices) {
        out += out.size() > 1 ? ", {\"id\": " : "{\"id\": ";
        json::append_string(out, c.id);
        out += ", \"label\": ";
        json::append_string(out, c.label);
        out += "}";
      }
      return out + "]";
    };
    res.set_content(fmt::format("{{\"presets\": {}, \"profiles\": {}, \"max_file_bytes\": {}}}\n", list(choices.presets()),
                                list(choices.profiles()), options.max_file_bytes),
                    "application/json; charset=utf-8");
  });

  server.Get(R"(/api/rules/([a-z0-9_.\-]+))", [&](const Request& req, Response& res) {
    try {
      const auto linter = choices.get("default", "");
      res.set_content(options.explain(*linter, req.matches[1].str()), "text/markdown; charset=utf-8");
    } catch (const Error& e) {
      fail(res, 404, failure_text(e));
    }
  });

  const ReadOptions read{{}, options.max_file_bytes};
  server.Post("/api/lint", [&](const Request& req, Response& res) {
    Upload up;
    if (!read_upload(req, res, up)) return;
    try {
      const auto linter = choices.get(up.preset, up.profile);
      const Linted linted = lint_bytes(up.name, std::move(up.bytes), read, *linter, Keep::document_only);
      res.set_content(result_json(up.name, linted), "application/json; charset=utf-8");
    } catch (const Error& e) {
      fail(res, 422, failure_text(e));
    }
  });

  // The draft with fixes applied, in its own format: "all" certain fixes, as --fix writes
  // them, or the fix of one finding (by its index in /api/lint's answer).
  server.Post("/api/fix", [&](const Request& req, Response& res) {
    Upload up;
    if (!read_upload(req, res, up)) return;
    const std::string which = req.has_file("fix") ? req.get_file_value("fix").content : "all";
    try {
      const auto linter = choices.get(up.preset, up.profile);
      Linted linted = lint_bytes(up.name, std::move(up.bytes), read, *linter, Keep::source_text);
      std::vector<Diagnostic> diagnostics = linted.diagnostics.to_vector();
      std::string fixed;
      std::size_t applied = 0;
      if (which == "all") {
        FixOutcome outcome = fix_until_stable(std::move(linted.source), linted.document, std::move(diagnostics), *linter);
        fixed = source_bytes(outcome.source);
        applied = outcome.applied;
      } else {
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(which.data(), which.data() + which.size(), index);
        if (ec != std::errc() || end != which.data() + which.size() || index >= diagnostics.size())
          return fail(res, 400, "没有这一处问题：请重新检查文件");
        const Diagnostic& d = diagnostics[index];
        if (!d.fix) return fail(res, 422, "这一处问题没有可用的修改");
        for (const Edit& e : d.fix->edits)
          if (std::string why = edit_obstacle(linted.source, *linted.document, e); !why.empty())
            return fail(res, 422, "这处修改无法写回文件：" + why);
        fixed = source_bytes(apply_source_edits(linted.source, d.fix->edits));
        applied = 1;
      }
      res.set_header("X-Reportlint-Applied", std::to_string(applied));
      res.set_content(std::move(fixed), "application/octet-stream");
    } catch (const Error& e) {
      fail(res, 422, failure_text(e));
    }
  });

  // SIGINT and SIGTERM stop the server from a thread of its own: stop() is not safe in a
  // signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::atomic<bool> done = false;
  std::thread waiter([&] {
    const timespec tick{0, 100'000'000};
    bool stopping = false;
    while (!done) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) stopping = true;
      // Again at every tick until the listener has returned: stop() does nothing before
      // listening has begun, and a signal that came that early must not be lost.
      if (stopping) server.stop();
    }
  });

  std::string shown_host = options.host;
  if (shown_host.find(':') != std::string::npos) shown_host = fmt::format("[{}]", shown_host);
  const std::string url = fmt::format("http://{}:{}/", shown_host == "0.0.0.0" ? "127.0.0.1" : shown_host, port);
  if (!is_loopback(options.host))
    fmt::print(stderr, "reportlint: 警告：在 {} 上监听，同一网络中的其他人也能打开这个页面并上传文件\n", options.host);
  fmt::print("reportlint serve：请在浏览器中打开 {}（按 Ctrl+C 停止）\n", url);
  std::fflush(stdout);
  if (options.open_browser) open_in_browser(url);

  server.listen_after_bind();
  done = true;  // stopped by a signal, or the listener failed
  waiter.join();
  return 0;
}

}  // namespace reportlint::serve
