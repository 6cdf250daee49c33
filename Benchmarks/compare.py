#!/usr/bin/env python3
"""Compare two Commend JSON results (RULES.md section 5).

    python3 Benchmarks/compare.py A.json B.json [--summary] [--max-shown N]

Compares, per award, the set of (subject, eligible, awarded) and, per
scoring, the set of (subject, total, rank, grade); totals are compared
exactly (RULES.md 2.3: IEEE doubles, compared exactly). Also reports awards
or scorings present in only one file. Prints the differences and exits 1 if
there are any, 0 otherwise. --summary prints, for the first file, the counts
per award (applies / eligible / awarded) and per scoring (scored, groups,
grades).

The files are read as a stream: only the compared fields of each result are
kept, so results of a million members fit in memory. Standard library only.
"""

import argparse
import json
import sys

DECODER = json.JSONDecoder()
WS = " \t\r\n"


class Stream:
    """A JSON text read in chunks; values are decoded one at a time."""

    def __init__(self, path, chunk=1 << 22):
        self.f = open(path, encoding="utf-8")
        self.chunk = chunk
        self.buf, self.pos, self.eof = "", 0, False

    def more(self):
        if self.eof:
            return False
        data = self.f.read(self.chunk)
        if not data:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + data
        self.pos = 0
        return True

    def peek(self):
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def expect(self, ch):
        got = self.peek()
        if got != ch:
            raise ValueError("%s: expected %r, found %r" % (self.f.name, ch, got))
        self.pos += 1

    def value(self):
        self.peek()
        while True:
            try:
                v, end = DECODER.raw_decode(self.buf, self.pos)
                # a number at the end of the buffer may continue in the next chunk
                if end == len(self.buf) and not self.eof and self.more():
                    continue
                self.pos = end
                return v
            except json.JSONDecodeError:
                if not self.more():
                    raise

    def items(self):
        """the members of an object: yields keys; the caller consumes each value"""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            self.expect(":")
            yield key
            c = self.peek()
            self.pos += 1
            if c == "}":
                return
            if c != ",":
                raise ValueError("%s: expected , or } in an object, found %r" % (self.f.name, c))

    def elements(self):
        """the elements of an array: yields once per element; the caller consumes it"""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield
            c = self.peek()
            self.pos += 1
            if c == "]":
                return
            if c != ",":
                raise ValueError("%s: expected , or ] in an array, found %r" % (self.f.name, c))


def read(path):
    """{"awards": {id: {subject: (eligible, awarded)}}, "scorings": {id: {subject: (total, rank, grade, group)}},
    "order": {...}}"""
    s = Stream(path)
    out = {"awards": {}, "scorings": {}, "award_order": [], "scoring_order": [], "top": {}}
    for key in s.items():
        if key in ("awards", "scorings"):
            for _ in s.elements():
                decl = {}
                results = None
                for k in s.items():
                    if k == "results":
                        results = {}
                        for _ in s.elements():
                            r = s.value()
                            sid = r["subject"]
                            if sid in results:
                                raise ValueError("%s: %s: subject %s twice" % (path, decl.get("id"), sid))
                            if key == "awards":
                                results[sid] = (r["eligible"], r["awarded"])
                            else:
                                results[sid] = (r["total"], r["rank"], r["grade"], r.get("group"))
                    else:
                        decl[k] = s.value()
                out[key][decl["id"]] = results or {}
                out["award_order" if key == "awards" else "scoring_order"].append(decl["id"])
        else:
            out["top"][key] = s.value()
    return out


def summary(name, d):
    print("summary of %s" % name)
    for aid in d["award_order"]:
        res = d["awards"][aid]
        el = sum(1 for e, _ in res.values() if e)
        aw = sum(1 for _, a in res.values() if a)
        print("  award   %-24s applies %8d  eligible %8d  awarded %8d" % (aid, len(res), el, aw))
    for sid in d["scoring_order"]:
        res = d["scorings"][sid]
        grades = {}
        for _, _, g, _ in res.values():
            grades[g] = grades.get(g, 0) + 1
        groups = len({grp for _, _, _, grp in res.values()})
        totals = [t for t, _, _, _ in res.values()]
        print("  scoring %-24s scored  %8d  in %d groups; total min %s max %s; grades: %s" % (
            sid, len(res), groups, min(totals) if totals else "-", max(totals) if totals else "-",
            "; ".join("%s: %d" % (g, n) for g, n in sorted(grades.items(), key=lambda x: (x[0] is None, x[0] or "")))))


def main():
    ap = argparse.ArgumentParser(description="Compare two Commend JSON results.")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--summary", action="store_true", help="print counts per award and scoring of the first file")
    ap.add_argument("--max-shown", type=int, default=20, help="differences shown per award or scoring")
    args = ap.parse_args()
    A, B = read(args.a), read(args.b)
    if args.summary:
        summary(args.a, A)
    diffs = 0

    def report(what, lines):
        nonlocal diffs
        diffs += len(lines)
        if lines:
            print("%s: %d differences" % (what, len(lines)))
            for line in lines[:args.max_shown]:
                print("   " + line)
            if len(lines) > args.max_shown:
                print("   ... and %d more" % (len(lines) - args.max_shown))

    for k in ("plan", "phase"):
        if A["top"].get(k) != B["top"].get(k):
            report(k, ["%r != %r" % (A["top"].get(k), B["top"].get(k))])
    for kind, fields in (("awards", ("eligible", "awarded")), ("scorings", ("total", "rank", "grade"))):
        ka, kb = set(A[kind]), set(B[kind])
        for x in sorted(ka - kb):
            report("%s %s" % (kind[:-1], x), ["only in %s" % args.a])
        for x in sorted(kb - ka):
            report("%s %s" % (kind[:-1], x), ["only in %s" % args.b])
        for x in sorted(ka & kb):
            ra, rb = A[kind][x], B[kind][x]
            lines = []
            for sid in sorted(set(ra) | set(rb)):
                va, vb = ra.get(sid), rb.get(sid)
                if va is None:
                    lines.append("%s: only in %s %s" % (sid, args.b, dict(zip(fields, vb))))
                elif vb is None:
                    lines.append("%s: only in %s %s" % (sid, args.a, dict(zip(fields, va))))
                else:
                    dif = ["%s %r != %r" % (f, p, q) for f, p, q in zip(fields, va, vb)
                           if not (p == q and type(p) is type(q) or
                                   (isinstance(p, (int, float)) and not isinstance(p, bool)
                                    and isinstance(q, (int, float)) and not isinstance(q, bool) and p == q))]
                    if dif:
                        lines.append("%s: %s" % (sid, ", ".join(dif)))
            report("%s %s" % (kind[:-1], x), lines)
    if diffs:
        print("%d differences" % diffs)
        return 1
    print("agree: %d awards, %d scorings, %d award results, %d scoring results" % (
        len(A["awards"]), len(A["scorings"]), sum(len(r) for r in A["awards"].values()),
        sum(len(r) for r in A["scorings"].values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
