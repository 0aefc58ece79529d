#!/usr/bin/env python3
"""Benchmark the reportlint CLI as users run it.

usage: bench/run.py [--binary build/bin/reportlint] [--repeat 3] [--big-mb 50] [--files 1000]

Builds a corpus from the sample draft (../shared/corpus/000_cdfd43f75199d920.txt when it is
beside the project, else docs/examples/sample-draft.txt) in bench/out/:
  files/NNNN.txt   the draft copied --files times
  big.txt          the draft repeated to --big-mb megabytes
then runs the binary on it and reports, per case, the best of --repeat runs:
  MB/s and files/s (input bytes / wall time), peak resident memory (from wait4), and the
  number of diagnostics. Output goes to /dev/null in the gcc format unless a case says
  otherwise. A case "placeholder only" turns every other plugin's rules off, to measure
  one checker; the cases "without PLUGIN" turn one plugin off, and the time they save is
  that plugin's share; "single file" is the latency of one small file, plugin loading
  included. --instructions adds instruction counts (callgrind) and each plugin's share
  of them, which repeat exactly where wall time is noisy.
Readers, apart from linting (build/bin/reportlint_read_bench): the 50 MB file as UTF-8,
GB18030 and UTF-16, and a Word .docx of about 5 MB (big.docx: the draft's lines, their
characters shuffled with a fixed seed so that the archive compresses like real text, two
runs per paragraph and automatic numbers every tenth paragraph); then the whole CLI on
the GB18030 file and the .docx.
Results are printed as a table and written to bench/out/results.json.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def source_draft():
    shared = os.path.join(ROOT, "..", "shared", "corpus", "000_cdfd43f75199d920.txt")
    return shared if os.path.exists(shared) else os.path.join(ROOT, "docs", "examples", "sample-draft.txt")


def build_corpus(files, big_mb):
    src = source_draft()
    with open(src, "rb") as f:
        draft = f.read()
    files_dir = os.path.join(OUT, "files")
    shutil.rmtree(files_dir, ignore_errors=True)
    os.makedirs(files_dir)
    for i in range(files):
        with open(os.path.join(files_dir, f"{i:04d}.txt"), "wb") as f:
            f.write(draft)
    big = os.path.join(OUT, "big.txt")
    copies = max(1, (big_mb * 1024 * 1024) // len(draft))
    with open(big, "wb") as f:
        for _ in range(copies):
            f.write(draft)
            if not draft.endswith(b"\n"):
                f.write(b"\n")
    return src, files_dir, big


def encoded_copies(big):
    """big.txt as GB18030 (no byte order mark, as Windows writes it) and as UTF-16LE with one."""
    with open(big, encoding="utf-8") as f:
        text = f.read()
    gb = os.path.join(OUT, "big-gb18030.txt")
    with open(gb, "wb") as f:
        f.write(text.encode("gb18030"))
    u16 = os.path.join(OUT, "big-utf16.txt")
    with open(u16, "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    return gb, u16


def word_document(src, target_mb=5):
    """big.docx, about `target_mb` MB: the draft's lines with their characters shuffled."""
    import random
    import zipfile
    import zlib
    from xml.sax.saxutils import escape
    rng = random.Random(9704)
    with open(src, encoding="utf-8") as f:
        lines = [line.rstrip("\r\n") for line in f]
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def paragraphs(count):
        out = []
        for i in range(count):
            chars = list(lines[i % len(lines)])
            rng.shuffle(chars)
            text = "".join(chars)
            half = len(text) // 2
            ppr = '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>' if i % 10 == 0 else ""
            out.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text[:half])}</w:t></w:r>'
                       f'<w:r><w:t xml:space="preserve">{escape(text[half:])}</w:t></w:r></w:p>')
        return "".join(out)

    sample = paragraphs(2000)
    ratio = len(zlib.compress(sample.encode(), 6)) / 2000  # compressed bytes per paragraph
    count = int(target_mb * 1e6 / ratio)
    body = paragraphs(count)
    numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="1">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    path = os.path.join(OUT, "big.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
        z.writestr("word/numbering.xml", numbering)
    return path, count


def read_times(reader, files):
    out = subprocess.run([reader, "--repeat", "5", *files], capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def plugin_names(binary):
    """The plugins of --list-rules; "reportlint" is the core's own rule, not a plugin."""
    listing = subprocess.run([binary, "--list-rules"], capture_output=True, text=True, check=True).stdout
    return sorted({line.split(".")[0] for line in listing.splitlines()[1:] if "." in line.split(" ")[0]} - {"reportlint"})


def config_with_plugins_off(binary, name, off):
    """A config at bench/out/NAME.toml turning off every rule of the plugins in `off`."""
    path = os.path.join(OUT, name + ".toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write('extends = ["builtin:default"]\n[rules]\n')
        for p in off:
            f.write(f'"{p}.*" = "off"\n')
    return path


def only_config(binary, name, keep, extra=""):
    """A config turning off every plugin but those in `keep`; `extra` is appended."""
    path = config_with_plugins_off(binary, name, [p for p in plugin_names(binary) if p not in keep])
    with open(path, "a", encoding="utf-8") as f:
        f.write(extra)
    return path


def big_pack(entries):
    """A phrase pack of `entries` generated phrases (3-4 Chinese characters, seeded), to
    show that matching cost does not grow with the number of entries."""
    import random
    rng = random.Random(5000)
    path = os.path.join(OUT, f"pack-{entries}.toml")
    seen = set()
    with open(path, "w", encoding="utf-8") as f:
        f.write('[pack]\nrule = "misused"\n')
        while len(seen) < entries:
            phrase = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(3, 4)))
            if phrase in seen:
                continue
            seen.add(phrase)
            f.write(f'\n[[entry]]\nid = "bench-{len(seen)}"\nmatch = "{phrase}"\nreplace = ["某"]\n')
    return path


def placeholder_only_config(binary):
    return config_with_plugins_off(binary, "placeholder-only", [p for p in plugin_names(binary) if p != "placeholder"])


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(args):
    """Wall time in seconds, peak RSS in MiB, exit status, and stdout size.

    Peak memory comes from GNU time (Debian's `time`) when it is there: on Linux a process's
    peak RSS counts what its parent held when it forked, and this script holds the corpus;
    GNU time is a small process, so what it reports is reportlint's own. Without it, wait4
    is used and the figure includes this script's memory."""
    command = [GNU_TIME, "-f", "%M", *args] if GNU_TIME else args
    start = time.perf_counter()
    import tempfile
    err_file = tempfile.TemporaryFile()  # not a pipe: nothing may block on it
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err_file)
    out_bytes = 0
    lines = 0
    while True:
        chunk = proc.stdout.read(1 << 20)
        if not chunk:
            break
        out_bytes += len(chunk)
        lines += chunk.count(b"\n")
    _, status, usage = os.wait4(proc.pid, 0)
    err_file.seek(0)
    err = err_file.read()
    elapsed = time.perf_counter() - start
    peak_mib = usage.ru_maxrss / 1024.0
    if GNU_TIME:
        peak_mib = int(err.decode(errors="replace").strip().splitlines()[-1]) / 1024.0
    return elapsed, peak_mib, os.waitstatus_to_exitcode(status), lines


def measure(name, args, input_bytes, file_count, repeat):
    best = None
    for _ in range(repeat):
        elapsed, rss, status, lines = run_once(args)
        if status not in (0, 1):
            sys.exit(f"{name}: reportlint exited {status}: {' '.join(args)}")
        if best is None or elapsed < best["seconds"]:
            best = {"seconds": elapsed, "peak_rss_mib": rss, "output_lines": lines}
    best.update({
        "case": name,
        "input_mb": input_bytes / 1e6,
        "mb_per_s": input_bytes / 1e6 / best["seconds"],
        "files_per_s": file_count / best["seconds"],
    })
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "reportlint"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions with callgrind (repeatable where wall time is noisy)")
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no binary at {args.binary}; build first: cmake --preset release && cmake --build --preset release")
    os.makedirs(OUT, exist_ok=True)
    src, files_dir, big = build_corpus(args.files, args.big_mb)
    files_bytes = os.path.getsize(src) * args.files
    big_bytes = os.path.getsize(big)
    only = placeholder_only_config(args.binary)
    b = args.binary
    cfg = ["--config", "builtin:default"]
    cases = [
        ("1000 files, -j1", [b, *cfg, "-j", "1", "--format", "gcc", files_dir], files_bytes, args.files),
        ("1000 files, -j2", [b, *cfg, "-j", "2", "--format", "gcc", files_dir], files_bytes, args.files),
        ("50 MB file, -j1", [b, *cfg, "-j", "1", "--format", "gcc", big], big_bytes, 1),
        ("50 MB file, placeholder only", [b, "--config", only, "-j", "1", "--format", "gcc", big], big_bytes, 1),
        ("50 MB file, json", [b, *cfg, "-j", "1", "--format", "json", big], big_bytes, 1),
        ("50 MB file, text", [b, *cfg, "-j", "1", "--color", "never", big], big_bytes, 1),
    ]
    # Phrasing and punctuation alone, with the built-in packs and with 5,000 more entries.
    pp = only_config(b, "phrasing-punctuation-only", ["phrasing", "punctuation"])
    pack = big_pack(5000)
    pp5000 = only_config(b, "phrasing-punctuation-5000", ["phrasing", "punctuation"],
                         f'\n[plugins.phrasing]\nextra_packs = ["{os.path.basename(pack)}"]\n')
    cases.append(("50 MB file, phrasing+punctuation", [b, "--config", pp, "-j", "1", "--format", "gcc", big], big_bytes, 1))
    cases.append(("50 MB file, same + 5000 entries", [b, "--config", pp5000, "-j", "1", "--format", "gcc", big], big_bytes, 1))
    # Each plugin's share of the wall time: the 50 MB file with that plugin's rules off.
    for plugin in plugin_names(b):
        off = config_with_plugins_off(b, "without-" + plugin, [plugin])
        cases.append((f"50 MB file, without {plugin}", [b, "--config", off, "-j", "1", "--format", "gcc", big], big_bytes, 1))
    # The rules built on language data (issue 12), one at a time: what each costs.
    for rule in LANGUAGE_DATA_RULES:
        off = config_with_plugins_off(b, "without-" + rule, [])
        with open(off, "a", encoding="utf-8") as f:
            f.write(f'"{rule}" = "off"\n')
        cases.append((f"50 MB file, without {rule}", [b, "--config", off, "-j", "1", "--format", "gcc", big], big_bytes, 1))
    gb, u16 = encoded_copies(big)
    docx, paragraphs = word_document(src)
    cases.append(("50 MB file as GB18030, -j1", [b, *cfg, "-j", "1", "--format", "gcc", gb], os.path.getsize(gb), 1))
    cases.append(("5 MB .docx, -j1", [b, *cfg, "-j", "1", "--format", "gcc", docx], os.path.getsize(docx), 1))
    results = [measure(name, a, nbytes, n, args.repeat) for name, a, nbytes, n in cases]
    reader = os.path.join(os.path.dirname(b), "reportlint_read_bench")
    reads = read_times(reader, [big, gb, u16, docx]) if os.access(reader, os.X_OK) else []
    full = next(r for r in results if r["case"] == "50 MB file, -j1")
    for r in results:
        if r["case"].startswith("50 MB file, without "):
            r["share_of_time"] = (full["seconds"] - r["seconds"]) / full["seconds"]

    # Latency of one small file, plugin loading included: median of 21 runs.
    small = os.path.join(ROOT, "docs", "examples", "sample-draft.txt")
    times = sorted(run_once([b, *cfg, "--format", "gcc", small])[0] for _ in range(21))
    single = {"case": "single small file (latency)", "seconds": times[len(times) // 2],
              "input_mb": os.path.getsize(small) / 1e6}

    print(f"corpus: {os.path.relpath(src, ROOT)} ({os.path.getsize(src)} bytes); binary: {os.path.relpath(b, ROOT)}")
    print(f"{'case':<46} {'MB/s':>8} {'files/s':>9} {'peak MiB':>9} {'seconds':>8} {'diags':>9}")
    for r in results:
        print(f"{r['case']:<46} {r['mb_per_s']:>8.1f} {r['files_per_s']:>9.1f} {r['peak_rss_mib']:>9.1f} "
              f"{r['seconds']:>8.3f} {r['output_lines']:>9}")
    print(f"{single['case']:<46} {'':>8} {'':>9} {'':>9} {single['seconds']:>8.4f}")
    if reads:
        print(f"reading alone (best of 5):")
        for r in reads:
            what = f"{os.path.basename(r['file'])} ({r['encoding']}, {r['bytes'] / 1e6:.1f} MB)"
            print(f"  {what:<36} {r['seconds'] * 1000:8.1f} ms {r['mb_per_s']:8.1f} MB/s")
        print(f"  big.docx has {paragraphs} paragraphs")
    by_case = {r["case"]: r for r in results}
    placeholder = by_case["50 MB file, placeholder only"]["mb_per_s"]
    for name in ("50 MB file, phrasing+punctuation", "50 MB file, same + 5000 entries"):
        print(f"  {name[12:]:<36} {by_case[name]['mb_per_s'] / placeholder:5.2f}× the throughput of placeholder alone")
    for r in results:
        if "share_of_time" in r:
            plugin = r["case"].rsplit(" ", 1)[1]
            print(f"  {plugin:<26} {r['share_of_time'] * 100:5.1f}% of the wall time (50 MB file, -j1)")
    typo = typo_recall(os.path.join(os.path.dirname(b), "reportlint_typo_recall"))
    if typo:
        print("phrasing.suspected-typo (bench/typo_recall.cpp):")
        for line in typo["lines"]:
            print("  " + line)
    extra = []
    if args.instructions:
        extra.append(count_instructions(b, src, "builtin:default"))
        r = extra[-1]
        print(f"instructions (callgrind, {r['input_mb']:.1f} MB, all rules): {r['instructions'] / 1e6:.0f}M, "
              f"{r['instructions_per_byte']:.1f} per byte")
        # Each plugin's share of the total: what turning its rules off saves.
        for plugin in plugin_names(b):
            without = count_instructions(b, src, config_with_plugins_off(b, "without-" + plugin, [plugin]))
            share = (r["instructions"] - without["instructions"]) / r["instructions"]
            extra.append({"case": f"share of {plugin}", "share": share})
            print(f"  {plugin:<12} {share * 100:5.1f}% of the instructions")
    with open(os.path.join(OUT, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"corpus": os.path.relpath(src, ROOT), "cases": results + [single] + extra, "reading": reads,
                   "suspected_typo": typo}, f, indent=2)


LANGUAGE_DATA_RULES = ["phrasing.suspected-typo", "phrasing.traditional-char", "phrasing.colloquial"]


def typo_recall(tool):
    """Leave-one-out recall over the built-in packs, false alarms and scanning speed on the
    published documents beside the project (../shared/corpus/real), when both exist."""
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "real")
    if not os.access(tool, os.X_OK) or not os.path.isdir(corpus):
        return None
    data = os.path.join(os.path.dirname(os.path.dirname(tool)), "share", "reportlint", "data")
    out = subprocess.run([tool, "--data", data, "--packs", os.path.join(ROOT, "configs", "phrasing"),
                          "--corpus", corpus, "--repeat", "5"], capture_output=True, text=True)
    lines = [l for l in out.stdout.splitlines() if l.startswith(("recall", "false alarms", "scan"))]
    return {"lines": lines, "status": out.returncode}


def count_instructions(binary, src, config):
    """Instructions executed linting the draft repeated 100 times, counted by callgrind."""
    if not shutil.which("valgrind"):
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    medium = os.path.join(OUT, "medium.txt")
    with open(src, "rb") as f:
        draft = f.read()
    if not os.path.exists(medium) or os.path.getsize(medium) != 100 * len(draft):
        with open(medium, "wb") as f:
            for _ in range(100):
                f.write(draft)
    out = os.path.join(OUT, "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "--config",
                    config, "-j", "1", "--format", "gcc", medium],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = 0
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    size = os.path.getsize(medium)
    return {"case": "instructions", "input_mb": size / 1e6, "instructions": total,
            "instructions_per_byte": total / size}


if __name__ == "__main__":
    main()
