#!/usr/bin/env python3
"""reportlint side by side with ripgrep and textlint, in one run; writes docs/performance.md.

usage: bench/compare.py [--quick]   (bench/compare.sh installs what it needs, then runs this)

Corpora, built in bench/out/compare/:
  clean/      the 24 published documents of ../shared/corpus/real, replicated to >= 25 MB
              as separate files (findings are rare: clean text)
  dense.txt   the sample draft repeated to ~57 MB in one file (a finding every ~45 bytes)
  dense/      the same draft as 1000 files
  small.txt   one small clean file (startup)
Tools:
  reportlint  all default plugins, -j1 unless the case says otherwise
  ripgrep     rg -j1 -n --column -o -f patterns: the placeholder and phrase-pack literals
  textlint    textlint-rule-prh with the phrase packs exported as a prh dictionary, and
              textlint-rule-no-todo; given two minutes per case
Each case: the best of --repeat runs (3; 1 with --quick), peak memory from GNU time.
Every target of issue 14 is printed with its ratio and PASS or FAIL.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out", "compare")
REPORTLINT = os.path.join(ROOT, "build", "bin", "reportlint")
TEXTLINT = os.path.join(ROOT, "bench", "textlint", "node_modules", ".bin", "textlint")
SHARED = os.path.join(ROOT, "..", "shared", "corpus")


def run(args, cwd=None, timeout=600):
    """(seconds, peak MiB, exit status, stdout bytes) of one run, or None on timeout."""
    start = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", *args], cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    seconds = time.perf_counter() - start
    peak_kib = int(p.stderr.decode(errors="replace").strip().splitlines()[-1])
    return seconds, peak_kib / 1024, p.returncode, len(p.stdout)


def best(args, repeat, cwd=None, timeout=600):
    results = [run(args, cwd, timeout) for _ in range(repeat)]
    if any(r is None for r in results):
        return None
    return min(results, key=lambda r: r[0])


def median_latency(args, n=21):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return sorted(times)[n // 2]


def size_of(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def build_corpora(quick):
    os.makedirs(OUT, exist_ok=True)
    real = os.path.join(SHARED, "real")
    docs = sorted(f for f in os.listdir(real) if f.endswith(".txt"))
    clean = os.path.join(OUT, "clean")
    target = (8 if quick else 25) * 1024 * 1024
    if not os.path.isdir(clean) or size_of(clean) < target:
        shutil.rmtree(clean, ignore_errors=True)
        os.makedirs(clean)
        copy, total = 0, 0
        while total < target:
            for d in docs:
                data = open(os.path.join(real, d), "rb").read()
                with open(os.path.join(clean, f"{copy:03d}-{d}"), "wb") as f:
                    f.write(data)
                total += len(data)
            copy += 1
    draft = open(os.path.join(SHARED, "000_cdfd43f75199d920.txt"), "rb").read()
    dense = os.path.join(OUT, "dense.txt")
    copies = 200 if quick else 1000
    if not os.path.exists(dense) or os.path.getsize(dense) != copies * len(draft):
        with open(dense, "wb") as f:
            for _ in range(copies):
                f.write(draft)
    dense_dir = os.path.join(OUT, "dense")
    if not os.path.isdir(dense_dir) or len(os.listdir(dense_dir)) != copies:
        shutil.rmtree(dense_dir, ignore_errors=True)
        os.makedirs(dense_dir)
        for i in range(copies):
            with open(os.path.join(dense_dir, f"{i:04d}.txt"), "wb") as f:
                f.write(draft)
    small = os.path.join(OUT, "small.txt")
    with open(small, "w", encoding="utf-8") as f:
        f.write("2024年度工作总结\n\n今年以来，我们认真贯彻落实各项决策部署，全面完成年度目标任务。\n")
    textlint_file = os.path.join(OUT, "textlint-5mb.txt")
    with open(textlint_file, "wb") as f:
        body = b"".join(open(os.path.join(real, d), "rb").read() for d in docs)
        while f.tell() < 5.75 * 1024 * 1024:
            f.write(body)
    return clean, dense, dense_dir, small, textlint_file


def export_patterns():
    """The literals ripgrep looks for, and a prh dictionary for textlint: the placeholder
    markers and every phrase-pack entry's literal `match` (patterns with regex syntax are
    left to reportlint)."""
    literals = {"xx", "XX", "××", "某某", "20xx", "x月x日", "TODO", "##paidbegin##"}
    rules = []
    for name in sorted(os.listdir(os.path.join(ROOT, "configs", "phrasing"))):
        pack = tomllib.load(open(os.path.join(ROOT, "configs", "phrasing", name), "rb"))
        for entry in pack.get("entry", []):
            match = entry.get("match")
            if not isinstance(match, str) or any(c in match for c in "[]()|*?{}\\.+^$"):
                continue
            literals.add(match)
            replace = entry.get("replace") or []
            if replace:
                rules.append((match, replace[0]))
    patterns = os.path.join(OUT, "patterns.txt")
    with open(patterns, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(literals)) + "\n")
    prh = os.path.join(OUT, "prh.yml")
    with open(prh, "w", encoding="utf-8") as f:
        f.write("version: 1\nrules:\n")
        for wrong, right in rules:
            f.write(f"  - expected: {json.dumps(right, ensure_ascii=False)}\n    patterns: [{json.dumps(wrong, ensure_ascii=False)}]\n")
    textlintrc = os.path.join(OUT, ".textlintrc.json")
    with open(textlintrc, "w", encoding="utf-8") as f:
        json.dump({"rules": {"prh": {"rulePaths": [prh]}, "no-todo": True}}, f)
    return patterns, textlintrc, len(literals), len(rules)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeat = 1 if args.quick else 3
    clean, dense, dense_dir, small, textlint_file = build_corpora(args.quick)
    patterns, textlintrc, n_literals, n_prh = export_patterns()
    rg = shutil.which("rg")
    have_textlint = os.access(TEXTLINT, os.X_OK)
    cfg = ["--config", "builtin:default"]
    rows, targets = [], []

    def case(name, tool, argv, path, nfiles, cwd=None, timeout=600):
        r = best(argv, repeat, cwd, timeout)
        mb = size_of(path) / 1e6
        row = {"case": name, "tool": tool, "mb": mb, "files": nfiles}
        if r is None:
            row.update({"seconds": None})
        else:
            seconds, peak, status, out = r
            row.update({"seconds": seconds, "mb_s": mb / seconds, "files_s": nfiles / seconds, "peak": peak,
                        "status": status, "out": out})
        rows.append(row)
        return row

    def target(name, value, limit, better, detail):
        ok = value is not None and (value >= limit if better == "higher" else value <= limit)
        targets.append({"target": name, "value": value, "limit": limit, "better": better, "pass": ok, "detail": detail})

    n_clean = len(os.listdir(clean))
    n_dense = len(os.listdir(dense_dir))

    # Startup.
    start_rl = median_latency([REPORTLINT, *cfg, small])
    start_rg = median_latency([rg, "-j1", "-n", "--column", "-o", "-f", patterns, small]) if rg else None
    rows.append({"case": "startup, one small file (median of 21)", "tool": "reportlint", "seconds": start_rl})
    if rg:
        rows.append({"case": "startup, one small file (median of 21)", "tool": "ripgrep", "seconds": start_rg})
        target("startup ≤ 1.3× ripgrep", start_rl / start_rg, 1.3, "lower", f"{start_rl * 1000:.1f} ms vs {start_rg * 1000:.1f} ms")

    # Clean text.
    c_rl = case("clean text, json", "reportlint", [REPORTLINT, *cfg, "-j1", "--format", "json", clean], clean, n_clean)
    if rg:
        c_rg = case("clean text", "ripgrep", [rg, "-j1", "-n", "--column", "-o", "-f", patterns, clean], clean, n_clean)
        target("clean text ≥ 0.5× ripgrep", c_rl["mb_s"] / c_rg["mb_s"], 0.5, "higher",
               f"{c_rl['mb_s']:.1f} vs {c_rg['mb_s']:.1f} MB/s")
    plugins = ["placeholder", "numbering", "structure", "phrasing", "punctuation"]
    for plugin in plugins:
        config = os.path.join(OUT, f"only-{plugin}.toml")
        with open(config, "w") as f:
            f.write('extends = ["builtin:default"]\n[rules]\n' + "".join(f'"{p}.*" = "off"\n' for p in plugins if p != plugin))
        case(f"clean text, {plugin} alone", "reportlint", [REPORTLINT, "--config", config, "-j1", "--format", "json", clean],
             clean, n_clean)

    # Finding-dense text.
    d_json = case("dense, one file, json", "reportlint", [REPORTLINT, *cfg, "-j1", "--format", "json", dense], dense, 1)
    d_text = case("dense, one file, text", "reportlint", [REPORTLINT, *cfg, "-j1", "--color", "never", dense], dense, 1)
    d_sarif = case("dense, one file, sarif (25,000 kept)", "reportlint", [REPORTLINT, *cfg, "-j1", "--format", "sarif", dense], dense, 1)
    d_sarif_all = case("dense, one file, sarif (all)", "reportlint",
                       [REPORTLINT, *cfg, "-j1", "--format", "sarif", "--sarif-max-results", "0", dense], dense, 1)
    d_files = case("dense, 1000 files, json", "reportlint", [REPORTLINT, *cfg, "-j1", "--format", "json", dense_dir], dense_dir, n_dense)
    d_files2 = case("dense, 1000 files, json, -j2", "reportlint", [REPORTLINT, *cfg, "-j2", "--format", "json", dense_dir],
                    dense_dir, n_dense)
    if rg:
        d_rg = case("dense, one file", "ripgrep", [rg, "-j1", "-n", "--column", "-o", "-f", patterns, dense], dense, 1)
        target("dense ≥ 0.5× ripgrep (json)", d_json["mb_s"] / d_rg["mb_s"], 0.5, "higher",
               f"{d_json['mb_s']:.1f} vs {d_rg['mb_s']:.1f} MB/s")
    target("text ≤ 1.5× json's time", d_text["seconds"] / d_json["seconds"], 1.5, "lower",
           f"{d_text['seconds']:.2f} s vs {d_json['seconds']:.2f} s")
    largest = os.path.getsize(dense) / 2**20
    target("SARIF (all results) peak ≤ 2× input + 50 MiB", d_sarif_all["peak"], 2 * largest + 50, "lower",
           f"{d_sarif_all['peak']:.0f} MiB for a {largest:.0f} MiB file")
    target("SARIF (all results) time ≤ 1.5× json's", d_sarif_all["seconds"] / d_json["seconds"], 1.5, "lower",
           f"{d_sarif_all['seconds']:.2f} s vs {d_json['seconds']:.2f} s")
    target("one large file at the MB/s of many small ones", d_json["mb_s"] / d_files["mb_s"], 0.9, "higher",
           f"{d_json['mb_s']:.1f} vs {d_files['mb_s']:.1f} MB/s")
    target("large file peak ≤ 3× its size", d_json["peak"], 3 * largest, "lower",
           f"{d_json['peak']:.0f} MiB for {largest:.0f} MiB")
    target("-j2 scales files/s ≥ 0.8·2", d_files2["files_s"] / d_files["files_s"], 1.6, "higher",
           f"{d_files2['files_s']:.0f} vs {d_files['files_s']:.0f} files/s")

    # textlint.
    if have_textlint:
        real = os.path.join(SHARED, "real")
        t_real = case("published documents (1.48 MB)", "textlint", [TEXTLINT, "--config", textlintrc, real], real,
                      len(os.listdir(real)), timeout=120)
        r_real = case("published documents (1.48 MB), json", "reportlint", [REPORTLINT, *cfg, "-j1", "--format", "json", real],
                      real, len(os.listdir(real)))
        case("one 5.75 MB file", "textlint", [TEXTLINT, "--config", textlintrc, textlint_file], textlint_file, 1, timeout=120)
        case("one 5.75 MB file, json", "reportlint", [REPORTLINT, *cfg, "-j1", "--format", "json", textlint_file], textlint_file, 1)
        if t_real.get("seconds"):
            target("≥ 100× textlint", t_real["seconds"] / r_real["seconds"], 100, "higher",
                   f"{r_real['mb_s']:.1f} vs {t_real['mb_s']:.2f} MB/s")

    # The editor: the server's answer to one edit (bench/lsp.py, median of its edits).
    for source, kb, limit, what in (("clean", 2048, 50, "2 MB draft, few findings"),
                                    ("dense", 1350, 300, "~30,000 findings"),
                                    ("dense", 200, 20, "200 KB draft")):
        r = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "lsp.py"), "--source", source, "--kb", str(kb),
                            "--edits", "5" if args.quick else "15", "--json"], capture_output=True, text=True)
        if r.returncode == 0:
            result = json.loads(r.stdout)
            rows.append({"case": f"editor: one edit, {what} ({result['diagnostics']} findings)", "tool": "reportlint lsp",
                         "seconds": result["server_median_ms"] / 1000})
            target(f"editor: {what} ≤ {limit} ms", result["server_median_ms"], limit, "lower",
                   f"server {result['server_median_ms']} ms, round trip {result['change_median_ms']} ms")

    write_report(rows, targets, n_literals, n_prh, args.quick)
    for t in targets:
        value = "—" if t["value"] is None else f"{t['value']:.2f}"
        print(f"{'PASS' if t['pass'] else 'FAIL'}  {t['target']:<48} {value:>8}  ({t['detail']})")


def write_report(rows, targets, n_literals, n_prh, quick):
    lines = ["# Performance, side by side", "",
             "Written by `bench/compare.sh" + (" --quick" if quick else "") + "` (it installs ripgrep and textlint, builds",
             "reportlint and runs `bench/compare.py`). One run on this project's 2-core machine; ratios",
             "hold better than absolute figures. Targets are issue 14's.", "",
             f"ripgrep looks for {n_literals} literals (placeholder markers and the phrase packs' literal",
             f"entries) with `rg -j1 -n --column -o -f patterns`; textlint runs textlint-rule-prh with",
             f"{n_prh} of the packs' entries as a prh dictionary, and textlint-rule-no-todo.", "",
             "## Targets", "", "| target | value | limit | result | detail |", "| --- | ---: | ---: | --- | --- |"]
    for t in targets:
        value = "—" if t["value"] is None else f"{t['value']:.2f}"
        lines.append(f"| {t['target']} | {value} | {t['limit']:.2f} | {'pass' if t['pass'] else '**fail**'} | {t['detail']} |")
    lines += ["", "## Cases", "", "| case | tool | MB | MB/s | files/s | seconds | peak MiB |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        if r.get("seconds") is None:
            lines.append(f"| {r['case']} | {r['tool']} | {r.get('mb', 0):.1f} | did not finish | | | |")
        elif "mb_s" in r:
            lines.append(f"| {r['case']} | {r['tool']} | {r['mb']:.1f} | {r['mb_s']:.1f} | {r['files_s']:.0f} | "
                         f"{r['seconds']:.2f} | {r['peak']:.0f} |")
        else:
            lines.append(f"| {r['case']} | {r['tool']} | | | | {r['seconds'] * 1000:.1f} ms | |")
    path = os.path.join(ROOT, "docs", "performance.md")
    notes = ""
    if os.path.exists(path):
        text = open(path, encoding="utf-8").read()
        if "\n## What makes the differences" in text:
            notes = text[text.index("\n## What makes the differences"):]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n" + notes)


main()
