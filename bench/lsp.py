#!/usr/bin/env python3
"""How fast the language server answers an edit.

usage: bench/lsp.py [--binary build/bin/reportlint] [--kb 200] [--edits 30] [--source dense|clean] [--json]

Starts `reportlint lsp`, opens a draft of about --kb kilobytes (dense: the sample draft
repeated, a finding every ~45 bytes; clean: the published documents of
../shared/corpus/real, few findings),
then sends --edits incremental didChange notifications, each changing one character, and
times each until its textDocument/publishDiagnostics arrives: the whole round trip an
editor waits for (JSON-RPC both ways, linting, positions in UTF-16, and this script
parsing the JSON), and the server's part of it (until its answer starts arriving).
Prints the median, 90th percentile and maximum, and writes bench/out/lsp.json.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def send(proc, message):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


first_byte = [0.0]  # when the last message's first byte arrived


def receive(proc):
    length = None
    first = True
    while True:
        line = proc.stdout.readline()
        if first:
            first_byte[0] = time.perf_counter()
            first = False
        if not line:
            sys.exit("the server closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def wait_for(proc, predicate):
    while True:
        message = receive(proc)
        if predicate(message):
            return message


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "reportlint"))
    ap.add_argument("--kb", type=int, default=200)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--source", choices=["dense", "clean"], default="dense")
    ap.add_argument("--json", action="store_true", help="print the result as JSON only")
    args = ap.parse_args()
    shared = os.path.join(ROOT, "..", "shared", "corpus", "000_cdfd43f75199d920.txt")
    if args.source == "clean":
        real = os.path.join(ROOT, "..", "shared", "corpus", "real")
        draft = "".join(open(os.path.join(real, f), encoding="utf-8").read() for f in sorted(os.listdir(real)) if f.endswith(".txt"))
    else:
        source = shared if os.path.exists(shared) else os.path.join(ROOT, "docs", "examples", "sample-draft.txt")
        with open(source, encoding="utf-8") as f:
            draft = f.read()
    text = ""
    while len(text.encode("utf-8")) < args.kb * 1024:
        text += draft
    # --kb it is, to the line: the published documents come in 1.5 MB at a time.
    cut = text.encode("utf-8")[:args.kb * 1024].decode("utf-8", errors="ignore")
    text = cut[:cut.rfind("\n") + 1] or cut
    uri = "file://" + os.path.join(OUT, "lsp-bench.txt")
    os.makedirs(OUT, exist_ok=True)

    proc = subprocess.Popen([args.binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=OUT)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    wait_for(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    opened = wait_for(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics")
    open_ms = (time.perf_counter() - start) * 1000

    times, server_times = [], []
    for version in range(2, args.edits + 2):
        # Change one character in the middle, as typing does.
        # Sent as an incremental change, as clients do with a server that asks for them.
        middle = len(text) // 2 + version
        mark = "，" if text[middle] != "，" else "。"
        line = text.count("\n", 0, middle)
        column = len(text[text.rfind("\n", 0, middle) + 1:middle].encode("utf-16-le")) // 2
        text = text[:middle] + mark + text[middle + 1:]
        change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + 1}},
                  "text": mark}
        start = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        wait_for(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics")
        times.append((time.perf_counter() - start) * 1000)
        # The server writes a message in one go once it is complete: its first byte marks
        # the server's answer; the rest is this script reading the JSON.
        server_times.append((first_byte[0] - start) * 1000)

    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    proc.wait(timeout=10)

    times.sort()
    server_times.sort()
    result = {
        "document_kb": round(len(text.encode("utf-8")) / 1024, 1),
        "diagnostics": len(opened["params"]["diagnostics"]),
        "open_ms": round(open_ms, 1),
        "change_median_ms": round(statistics.median(times), 1),
        "change_p90_ms": round(times[int(len(times) * 0.9) - 1], 1),
        "change_max_ms": round(times[-1], 1),
        "server_median_ms": round(statistics.median(server_times), 1),
        "server_max_ms": round(server_times[-1], 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"document {result['document_kb']} KB, {result['diagnostics']} diagnostics; didOpen {result['open_ms']} ms")
    print(f"didChange → publishDiagnostics: median {result['change_median_ms']} ms, "
          f"p90 {result['change_p90_ms']} ms, max {result['change_max_ms']} ms ({args.edits} edits)")
    print(f"  of which the server (until its answer starts): median {result['server_median_ms']} ms, "
          f"max {result['server_max_ms']} ms")
    with open(os.path.join(OUT, "lsp.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
