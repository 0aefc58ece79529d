#!/usr/bin/env python3
"""How fast `reportlint serve` answers the page.

usage: bench/serve.py [--binary build/bin/reportlint] [--requests 200] [--kb 200] [--json]

Starts `reportlint serve` and times, over HTTP on loopback as the page does, the lint of
the sample draft (a small file: what a clerk's draft is), the lint of a draft of about
--kb kilobytes (the sample repeated, a finding every ~45 bytes), and a fix-all of the
sample. Each is sent --requests times (the large one a tenth as often) one after another;
the script prints the median, 90th percentile and requests per second, and a run of two
clients at once for the small file. Writes bench/out/serve.json.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
SAMPLE = os.path.join(ROOT, "docs", "examples", "sample-draft.txt")


def multipart(name, content, fields):
    boundary = "reportlintbench"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n'.encode() + content + b"\r\n"]
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def timed(url, path, name, content, fields, n):
    body, content_type = multipart(name, content, fields)
    times = []
    for _ in range(n):
        request = urllib.request.Request(url + path, data=body, headers={"Content-Type": content_type})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
            assert response.status == 200
        times.append(time.perf_counter() - start)
    return times


def summary(label, times, wall=None):
    times = sorted(times)
    p90 = times[int(len(times) * 0.9) - 1] if len(times) >= 10 else times[-1]
    rate = len(times) / (wall if wall else sum(times))
    row = {"case": label, "median_ms": statistics.median(times) * 1000, "p90_ms": p90 * 1000, "requests_per_s": rate}
    print(f"{label:<44} {row['median_ms']:8.1f} {row['p90_ms']:8.1f} {rate:10.1f}")
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "reportlint"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--kb", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()

    sample = open(SAMPLE, "rb").read()
    large = sample * max(1, args.kb * 1024 // len(sample))
    server = subprocess.Popen([args.binary, "serve"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        timed(url, "/api/lint", "warm.txt", sample, {}, 3)  # first use builds the linter
        print(f"{'case':<44} {'median ms':>8} {'p90 ms':>8} {'requests/s':>10}")
        rows = [
            summary(f"lint, sample draft ({len(sample) // 1024} KB)", timed(url, "/api/lint", "d.txt", sample, {}, args.requests)),
            summary(f"lint, dense draft ({len(large) // 1024} KB)",
                    timed(url, "/api/lint", "big.txt", large, {}, max(1, args.requests // 10))),
            summary("fix all, sample draft", timed(url, "/api/fix", "d.txt", sample, {"fix": "all"}, args.requests)),
        ]
        # Two clients at once (two pages): both cores busy.
        results = [[], []]
        threads = [threading.Thread(target=lambda k=k: results[k].extend(
            timed(url, "/api/lint", "d.txt", sample, {}, args.requests))) for k in range(2)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rows.append(summary("lint, sample draft, two clients at once", results[0] + results[1], time.perf_counter() - start))
    finally:
        server.terminate()
        server.wait()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "serve.json"), "w") as f:
        json.dump(rows, f, indent=1)
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
