#!/usr/bin/env python3
"""`make bench`: Commend against the plain-Lua and the Python baselines.

    python3 Scripts/bench.py [--sizes 100k,300k,1m] [--quick] [--runs K] [--keep]

For each data size (100k, 300k and 1M members by default) and phase (dot2, the
heavy one, for every size; dot1 too for 100k) it runs, on the sample plan
(rules/):

  * Commend, release build: `.build/release/commend evaluate --format json
    --timings` with --jobs 1 and --jobs 2 (step times from its stderr),
    limits raised (COMMEND_LIMITS below: the 60 s default stops a 1M run);
  * the plain-Lua engine: `lua5.4 Benchmarks/plain-lua/engine.lua`;
  * the Python script: `python3 Benchmarks/python/evaluate.py`;
  * Commend on a second rule set, `Benchmarks/rules-units` (awards that walk
    each unit's members and quotas within units), with 1 and 2 jobs: whether
    two cores pay on other work than the sample plan's;

each under `/usr/bin/time -v` for the peak resident set size. A row is the
best of K runs (lowest total wall time; default 3 for 100k, 1 for 1M); the
peak memory is the largest of the K runs. "total" is the wall time of the
whole process measured from outside (start-up and exit included), the stage
columns are what each program reports about itself (wall time).

Then, for dot2 of each size, the result cache: a copy of rules/ evaluated
cold with an empty cache (2 jobs), then again after changing one criterion
of "Giỏi việc nước, đảm việc nhà" (rules/ca-nhan.lua); the evaluate step of
both, their ratio, and whether the second output is byte-identical to a
--no-cache run of the changed rules.

It also checks that Commend (2 jobs) and plain Lua agree
(`Benchmarks/compare.py`, exit 0) and that the 1-job and 2-job outputs are
byte-identical, runs `.build/release/commend-bench` (the Swift-to-Lua call
micro-benchmark), prints a Markdown table and saves it to
.bench-data/results.md.

Data sets are generated into .bench-data/100k and .bench-data/1m with
Scripts/generate-sample.py (default seed, deterministic) when missing.
Results are written to .bench-data/out/ and removed after the comparison
(--keep keeps them; a 1M result is about 1.7 GB).

It does not build anything nor install anything: `make bench` builds the
release products and installs lua5.4 and time when missing, then runs this.
A benchmark, not a test: nothing in CI runs it. The load average is printed
before every run and in the table: other builds on the machine skew the
numbers.
"""

import argparse
import datetime
import filecmp
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_ROOT = os.path.join(ROOT, ".bench-data")
OUT_DIR = os.path.join(DATA_ROOT, "out")
COMMEND = os.path.join(ROOT, ".build", "release", "commend")
COMMEND_BENCH = os.path.join(ROOT, ".build", "release", "commend-bench")
TIME = "/usr/bin/time"

SIZES = {"100k": 100_000, "300k": 300_000, "1m": 1_000_000}
PHASES = {"100k": ["dot1", "dot2"], "300k": ["dot2"], "1m": ["dot2"]}
DEFAULT_RUNS = {"100k": 3, "300k": 3, "1m": 1}
# The default limits (60 s per run, 2e10 instructions per worker, 256 MiB per
# Lua state) are sized for a province, not for a million members: with them a
# 1-job evaluation of 1M members stops at "time limit exceeded". Raised here
# so that every size runs; the limits stay enforced (the count hook and the
# counting allocator run as usual), so the cost measured is the same.
COMMEND_LIMITS = ["--timeout", "7200", "--max-instructions", "1000000000000", "--max-memory", "4096"]
STAGES = ["load rules", "load data", "evaluate", "write json"]

ENGINES = [
    # key, label
    ("commend1", "Commend, 1 job"),
    ("commend2", "Commend, 2 jobs"),
    # the second rule set (Benchmarks/rules-units): ctx.members_of and quotas within units
    ("units1", "Commend units, 1 job"),
    ("units2", "Commend units, 2 jobs"),
    ("lua", "plain Lua 5.4"),
    ("python", "Python 3"),
]


def log(msg=""):
    print(msg, flush=True)


def load():
    return "%.2f" % os.getloadavg()[0]


def load3():
    return " / ".join("%.2f" % x for x in os.getloadavg())


def command(engine, data, phase, out):
    if engine.startswith("commend") or engine.startswith("units"):
        rules = "rules" if engine.startswith("commend") else "Benchmarks/rules-units"
        return [COMMEND, "evaluate", "--rules", rules, "--data", data, "--phase", phase,
                "--format", "json", "--out", out, "--timings", "--jobs", engine[-1], "--no-cache"] + COMMEND_LIMITS
    if engine == "lua":
        return ["lua5.4", "Benchmarks/plain-lua/engine.lua", "--rules", "rules", "--data", data,
                "--phase", phase, "--out", out]
    return [sys.executable, "Benchmarks/python/evaluate.py", "--data", data, "--phase", phase, "--out", out]


COMMEND_STAGE = re.compile(r"^(load rules|load data|evaluate|write json)\s+([0-9.]+) s\s*$")
BASELINE_STAGE = re.compile(r"^\s+(load rules|load data|evaluate|write json)\s+[0-9.]+ s cpu\s+([0-9.]+) s wall")


def stages(engine, stderr):
    """stage -> seconds (wall), from the program's own report"""
    found = {}
    pattern = BASELINE_STAGE if engine in ("lua", "python") else COMMEND_STAGE
    for line in stderr.splitlines():
        m = pattern.match(line)  # Commend's indented per-declaration lines do not match
        if m:
            found[m.group(1)] = float(m.group(2))
    return found


def run_once(engine, data, phase, out):
    rss_file = os.path.join(OUT_DIR, "time-v.txt")
    argv = [TIME, "-v", "-o", rss_file] + command(engine, data, phase, out)
    load_before = load()
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, errors="replace")
    wall = time.perf_counter() - start
    rss_kib = None
    try:
        with open(rss_file) as f:
            for line in f:
                if "Maximum resident set size" in line:
                    rss_kib = int(line.rsplit(":", 1)[1])
    except OSError:
        pass
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.splitlines()[-15:])
        return {"error": "exit %d" % proc.returncode, "stderr": tail, "load": load_before}
    return {"total": wall, "stages": stages(engine, proc.stderr), "rss": rss_kib, "load": load_before}


def measure(engine, label, data, phase, out, runs, tag):
    best, peak = None, None
    for i in range(runs):
        r = run_once(engine, data, phase, out)
        if "error" in r:
            log("  %-16s run %d/%d: FAILED (%s)\n%s" % (label, i + 1, runs, r["error"], r["stderr"]))
            return r
        peak = max(peak or 0, r["rss"] or 0) or None
        log("  %-16s run %d/%d: %7.2f s, %s MiB peak (load %s)" % (
            label, i + 1, runs, r["total"], "?" if r["rss"] is None else "%.0f" % (r["rss"] / 1024), r["load"]))
        if best is None or r["total"] < best["total"]:
            best = r
    best = dict(best)
    best["rss"] = peak
    return best


def ensure_data(size):
    path = os.path.join(DATA_ROOT, size)
    if os.path.isfile(os.path.join(path, "members.csv")):
        return path
    tmp = path + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    log("generating %s members into %s ..." % (size, os.path.relpath(path, ROOT)))
    subprocess.run([sys.executable, "Scripts/generate-sample.py", "--members", str(SIZES[size]), "--out", tmp],
                   cwd=ROOT, check=True)
    shutil.rmtree(path, ignore_errors=True)
    os.rename(tmp, path)
    return path


# The criterion changed for the cache measurement: "gia_dinh" of "gioi-viec-nuoc".
CACHE_EDIT = ("rules/ca-nhan.lua", "        if m.culture_family then return true end\n",
              "        if m.culture_family and m.rating ~= \"khong_hoan_thanh\" then return true end\n")


def cache_run(rules, data, phase, out, cache):
    argv = [COMMEND, "evaluate", "--rules", rules, "--data", data, "--phase", phase, "--format", "json",
            "--out", out, "--timings", "--jobs", "2"] + (["--cache", cache] if cache else ["--no-cache"]) + COMMEND_LIMITS
    proc = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
    if proc.returncode != 0:
        return {"error": "exit %d" % proc.returncode, "stderr": "\n".join(proc.stderr.splitlines()[-15:])}
    summary = next((l.strip() for l in proc.stderr.splitlines() if l.strip().startswith("cache:")), "")
    return {"stages": stages("commend2", proc.stderr), "cache": summary}


def measure_cache(size, data, phase):
    """Cold run, then one criterion changed: the evaluate steps, with a fresh copy of rules/ and cache."""
    work = os.path.join(OUT_DIR, "cache-%s" % size)
    shutil.rmtree(work, ignore_errors=True)
    rules = os.path.join(work, "rules")
    shutil.copytree(os.path.join(ROOT, "rules"), rules)
    cache = os.path.join(work, "cache")
    outs = {k: os.path.join(work, k + ".json") for k in ("cold", "changed", "nocache")}
    log("\n%s members, phase %s: result cache (load average %s)" % (size, phase, load3()))
    cold = cache_run(rules, data, phase, outs["cold"], cache)
    path, old, new = CACHE_EDIT
    with open(os.path.join(work, path)) as f:
        text = f.read()
    if text.count(old) != 1:
        shutil.rmtree(work, ignore_errors=True)
        return {"error": "the criterion to change is not in %s" % path}
    with open(os.path.join(work, path), "w") as f:
        f.write(text.replace(old, new))
    changed = cache_run(rules, data, phase, outs["changed"], cache)
    nocache = cache_run(rules, data, phase, outs["nocache"], None)
    failed = next((r for r in (cold, changed, nocache) if "error" in r), None)
    if failed:
        log("  FAILED (%s)\n%s" % (failed["error"], failed["stderr"]))
        shutil.rmtree(work, ignore_errors=True)
        return failed
    result = {"cold": cold["stages"].get("evaluate"), "changed": changed["stages"].get("evaluate"),
              "identical": "yes" if filecmp.cmp(outs["changed"], outs["nocache"], shallow=False) else "NO",
              "summary": changed["cache"]}
    log("  cold: evaluate %s s; one criterion changed: evaluate %s s (%s); identical to --no-cache: %s" % (
        secs(result["cold"]), secs(result["changed"]), result["summary"], result["identical"]))
    shutil.rmtree(work, ignore_errors=True)
    return result


def compare(a, b):
    """"agree", or the number of differences"""
    proc = subprocess.run([sys.executable, "Benchmarks/compare.py", a, b, "--max-shown", "3"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    if proc.returncode == 0:
        return "agree", proc.stdout.strip()
    m = re.search(r"^(\d+) differences$", proc.stdout, re.M)
    return ("%s differences" % m.group(1) if m else "compare failed (exit %d)" % proc.returncode), proc.stdout.strip()


def secs(x):
    if x is None:
        return "–"
    return "%.2f" % x if x < 100 else "%.1f" % x


def ratio(a, b):
    return "–" if not a or not b else "%.2f×" % (a / b)


def git_state():
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return rev + (" (Sources/ has uncommitted changes)" if dirty else "")
    except OSError:
        return "?"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def main():
    ap = argparse.ArgumentParser(description="Commend against the plain-Lua and Python baselines.")
    ap.add_argument("--sizes", default="100k,300k,1m", help="comma-separated, of 100k, 300k and 1m (default all)")
    ap.add_argument("--quick", action="store_true", help="100k only")
    ap.add_argument("--runs", type=int, help="best of K runs (default 3 for 100k, 1 for 1m)")
    ap.add_argument("--keep", action="store_true", help="keep the JSON results in .bench-data/out")
    ap.add_argument("--cache-only", action="store_true", help="only the result cache measurement (dot2)")
    args = ap.parse_args()
    sizes = ["100k"] if args.quick else [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    for s in sizes:
        if s not in SIZES:
            ap.error("unknown size %r (100k, 300k or 1m)" % s)
    if args.runs is not None and args.runs < 1:
        ap.error("--runs must be at least 1")
    missing = [p for p in (COMMEND, COMMEND_BENCH) if not os.access(p, os.X_OK)]
    if args.cache_only and os.access(COMMEND, os.X_OK):
        pass
    elif missing or not os.access(TIME, os.X_OK) or not shutil.which("lua5.4"):
        sys.exit("bench.py: needs %s, %s and lua5.4; `make bench` builds and installs them" % (
            ", ".join(os.path.relpath(p, ROOT) for p in [COMMEND, COMMEND_BENCH]), TIME))

    os.makedirs(OUT_DIR, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_start = load3()
    log("Commend benchmark, %s; %d cores; load average %s" % (
        started.strftime("%Y-%m-%d %H:%M UTC"), os.cpu_count() or 0, load_start))

    rows = []      # (size, phase, engine, label, result)
    checks = []    # (size, phase, agree, identical, ratios)
    caches = []    # (size, phase, result of measure_cache)
    for size in sizes:
        data = ensure_data(size)
        runs = args.runs or DEFAULT_RUNS[size]
        if args.cache_only:
            caches.append((size, "dot2", measure_cache(size, data, "dot2")))
            continue
        for phase in PHASES[size]:
            log("\n%s members, phase %s, best of %d (load average %s)" % (size, phase, runs, load3()))
            tag = "%s-%s" % (size, phase)
            outs = {e: os.path.join(OUT_DIR, "%s-%s.json" % (tag, e)) for e, _ in ENGINES}
            res = {}
            for engine, label in ENGINES:
                res[engine] = measure(engine, label, data, phase, outs[engine], runs, tag)
                rows.append((size, phase, engine, label, res[engine]))
            ok = lambda e: "error" not in res[e]
            size_mb = os.path.getsize(outs["commend2"]) / 1e6 if ok("commend2") and os.path.exists(outs["commend2"]) else None
            identical = "–"
            if ok("commend1") and ok("commend2"):
                identical = "yes" if filecmp.cmp(outs["commend1"], outs["commend2"], shallow=False) else "NO"
            agree = "–"
            if ok("commend2") and ok("lua"):
                agree, text = compare(outs["commend2"], outs["lua"])
                log("  Commend (2 jobs) vs plain Lua: " + (agree if agree != "agree" else text))
                if agree != "agree":
                    log(text)
            log("  Commend 1 job vs 2 jobs byte-identical: " + identical)
            total = lambda e: res[e].get("total")
            evaluate = lambda e: res[e].get("stages", {}).get("evaluate")
            checks.append((size, phase, agree, identical,
                           ratio(total("commend2"), total("lua")), ratio(total("commend2"), total("python")),
                           ratio(evaluate("commend1"), evaluate("commend2")),
                           ratio(total("commend1"), total("commend2")), ratio(total("units1"), total("units2")),
                           "–" if size_mb is None else "%.0f" % size_mb))
            if not args.keep:
                for path in outs.values():
                    if os.path.exists(path):
                        os.remove(path)
            if phase == "dot2":
                caches.append((size, phase, measure_cache(size, data, phase)))

    micro_text = "(not run: --cache-only)"
    if not args.cache_only:
        log("\ncommend-bench (Swift-to-Lua call overhead) ...")
        micro = subprocess.run([COMMEND_BENCH], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, errors="replace")
        micro_text = micro.stdout.strip() + ("" if micro.returncode == 0 else "\n(exit %d)" % micro.returncode)
        log(micro_text)

    finished = datetime.datetime.now(datetime.timezone.utc)
    md = []
    md.append("### Benchmark: Commend against plain Lua and Python (%s)" % started.strftime("%Y-%m-%d %H:%M UTC"))
    md.append("")
    md.append("Sample plan (`rules/`), data from `Scripts/generate-sample.py` (default seed). "
              "%d cores (%s); load average %s at the start, %s at the end (%.0f min); commit %s. "
              "Commend with `%s` (the defaults stop a 1M run). "
              "Best of %s runs; times in seconds (wall), stages as each program reports them, "
              "total = whole process measured from outside; peak = maximum resident set size." % (
                  os.cpu_count() or 0, cpu_model(), load_start, load3(),
                  (finished - started).total_seconds() / 60, git_state(), " ".join(COMMEND_LIMITS),
                  " / ".join("%d (%s)" % (args.runs or DEFAULT_RUNS[s], s) for s in sizes)))
    md.append("")
    md.append("| members | phase | engine | load rules | load data | evaluate | write json | total | peak MiB | load avg |")
    md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, phase, engine, label, r in rows:
        if "error" in r:
            md.append("| %s | %s | %s | failed: %s | | | | | | %s |" % (size, phase, label, r["error"], r["load"]))
            continue
        st = r["stages"]
        md.append("| %s | %s | %s | %s | %s | %s | %s | **%s** | %s | %s |" % (
            size, phase, label, *[secs(st.get(s)) for s in STAGES], secs(r["total"]),
            "–" if r["rss"] is None else "%.0f" % (r["rss"] / 1024), r["load"]))
    md.append("")
    md.append("| members | phase | Commend 2 jobs ÷ plain Lua (total) | Commend 2 jobs ÷ Python (total) "
              "| evaluate: 1 job ÷ 2 jobs | total: 1 job ÷ 2 jobs | rules-units total: 1 job ÷ 2 jobs "
              "| result MB | Commend vs plain Lua results | 1 job = 2 jobs (bytes) |")
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for size, phase, agree, identical, vs_lua, vs_py, speedup, whole, units, size_mb in checks:
        md.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            size, phase, vs_lua, vs_py, speedup, whole, units, size_mb, agree, identical))
    md.append("")
    if caches:
        md.append("Result cache (2 jobs): the evaluate step (`--timings`) of a cold run with an empty cache, then of a "
                  "run after changing one criterion of \"Giỏi việc nước, đảm việc nhà\" (`rules/ca-nhan.lua`), in a "
                  "copy of the rules; identical: the second output against a `--no-cache` run of the changed rules.")
        md.append("")
        md.append("| members | phase | evaluate, cold | evaluate, one criterion changed | cold ÷ changed | identical | reused |")
        md.append("| --- | --- | ---: | ---: | ---: | --- | --- |")
        for size, phase, c in caches:
            if "error" in c:
                md.append("| %s | %s | failed: %s | | | | |" % (size, phase, c["error"]))
                continue
            md.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                size, phase, secs(c["cold"]), secs(c["changed"]), ratio(c["cold"], c["changed"]), c["identical"],
                c["summary"].split(" (")[0]))
        md.append("")
    md.append("Time ratios: below 1× Commend is faster. `.build/release/commend-bench` (Swift-to-Lua call overhead):")
    md.append("")
    md.append("```")
    md.append(micro_text)
    md.append("```")
    table = "\n".join(md) + "\n"
    with open(os.path.join(DATA_ROOT, "results.md"), "w") as f:
        f.write(table)
    log("\n" + table)
    log("saved to .bench-data/results.md")
    failed = any("error" in r for *_, r in rows) or any(c[2] not in ("agree",) for c in checks) \
        or any("error" in c or c["identical"] != "yes" for *_, c in caches)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
