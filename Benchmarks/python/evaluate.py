#!/usr/bin/env python3
"""The plain-Python baseline of the Commend benchmark.

What a federation's IT officer would write without a rules engine: the
sample plan (rules/*.lua, bac-kan-2021) translated by hand into Python 3,
standard library only (csv, dicts, sorted). It does not run Lua.

    python3 Benchmarks/python/evaluate.py --data DIR --phase dot1 --out result.json
                                          [--rules rules]

It reads the same CSV data (declared field types converted, empty cell =
None, phase facts merged over the base rows), evaluates the awards and
scorings of the chosen phase, each criterion, quota and scoring item
translated one to one from the rule files, and writes the JSON of RULES.md
section 5 in the same layout, ids and order as Benchmarks/plain-lua/engine.lua
(for the sample plan the two outputs are byte-identical). It prints the same
stage timings to stderr.

Simplifications against the Swift engine (the details of criteria and items
are NOT simplified: they are the same strings as the rules produce):
  * only this one plan: changing a rule file means changing this program;
    "load rules" only hashes the rule files for rules_digest (SHA-256 over
    every .lua file sorted by path bytes, each fed as path, NUL, byte count,
    NUL, contents; --rules defaults to the repository's rules/);
  * the dependencies between awards and scorings are written out by hand as
    the order of evaluation, not discovered;
  * no sandbox, no limits, no diagnostics (the rules print nothing);
  * CSV only (no data.json); only the files the phase needs are read and
    checked (another phase's file only when a rule reads it: đợt 1 units for
    the đợt 2 scoring table), as in the plain-Lua baseline.
Choices where RULES.md is silent are those of the plain-Lua baseline: the
quota limit rounds share * base to 1e-9 first, subjects without the group
field form one group listed first (null), an empty phase cell keeps the base
value, floats are printed as the shortest of %.15g/%.16g/%.17g that reads
back to the same double.
"""

import argparse
import csv
import hashlib
import json
import math
import os
import re
import sys
import time

# ---------------------------------------------------------------------------
# plan.lua

PLAN = {"id": "bac-kan-2021",
        "name": "Phong trào thi đua trong đoàn viên, CNVCLĐ và các cấp công đoàn tỉnh Bắc Kạn năm 2021",
        "year": 2021}
PHASES = {
    "dot1": {"id": "dot1", "name": "Đợt 1: sơ kết 6 tháng đầu năm", "from": "2021-01-01", "to": "2021-06-30"},
    "dot2": {"id": "dot2", "name": "Đợt 2: tổng kết năm", "from": "2021-07-01", "to": "2021-12-31"},
}
YEAR = PLAN["year"]

XEP_LOAI = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
# lib/phongtrao.lua: the plan's movements (id, name) and anniversaries
MOVEMENTS = [
    ("lao-dong-gioi", "Lao động giỏi, Lao động sáng tạo"),
    ("gioi-viec-nuoc", "Giỏi việc nước, đảm việc nhà"),
    ("xanh-sach-dep", "Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động"),
    ("doi-moi-cong-doan", "Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn"),
    ("tham-muu-gioi", "Tham mưu giỏi, phục vụ tốt"),
    ("noi-khong-tieu-cuc", "Cuộc vận động \"Cán bộ, công chức, viên chức Bắc Kạn nói không với tiêu cực\""),
    ("chu-de-can-bo-co-so", "Chủ đề năm 2021 \"Nâng cao chất lượng đội ngũ cán bộ Công đoàn cơ sở\""),
    ("nong-thon-moi", "Bắc Kạn chung sức xây dựng nông thôn mới"),
    ("vi-nguoi-ngheo", "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"),
    ("doanh-nghiep-hoi-nhap", "Doanh nghiệp Việt Nam hội nhập và phát triển"),
    ("van-hoa-cong-so", "Cán bộ, công chức, viên chức thi đua thực hiện văn hoá công sở"),
    ("doan-ket-sang-tao", "Đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế"),
]
MOVEMENT_NAME = dict(MOVEMENTS)
MOVEMENT_IDS = tuple(m[0] for m in MOVEMENTS)
OCCASIONS = {
    "3-2": ("dot1", "2021-02-03", "91 năm Ngày thành lập Đảng Cộng sản Việt Nam"),
    "30-4": ("dot1", "2021-04-30", "46 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước"),
    "19-5": ("dot1", "2021-05-19", "131 năm Ngày sinh Chủ tịch Hồ Chí Minh"),
    "bau-cu": ("dot1", "2021-05-23", "cuộc bầu cử đại biểu Quốc hội và HĐND các cấp nhiệm kỳ 2021 - 2026"),
    "28-7": ("dot2", "2021-07-28", "92 năm Ngày thành lập Công đoàn Việt Nam"),
    "19-8": ("dot2", "2021-08-19", "76 năm Ngày Cách mạng Tháng Tám thành công"),
    "2-9": ("dot2", "2021-09-02", "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
}
MEMBER_FIELDS = {
    "gender": ("nam", "nu"), "born": "date", "started": "date", "position": "string", "staff": "bool",
    "culture_family": "bool", "rating": XEP_LOAI, "initiatives": "int",
    "initiative_scope": ("co_so", "tinh", "toan_quoc"), "benefit": "number", "research": "bool",
    "discipline": ("khien_trach", "canh_cao", "ha_bac", "cach_chuc", "buoc_thoi_viec"),
    "participates": "bool", "women_activities": "bool", "proposals": "int",
    "proposed": MOVEMENT_IDS, "merit": "number", "dossier": "bool",
}
UNIT_FIELDS = {
    "sector": ("giao_duc", "y_te", "hanh_chinh", "doanh_nghiep"),
    "district": ("tp-bac-kan", "ba-be", "bach-thong", "cho-don", "cho-moi", "na-ri", "ngan-son", "pac-nam"),
    "founded": "date", "workers": "int", "green_score": "number", "accidents": "int", "osh_network": "bool",
    "work": "string", "work_value": "number", "work_finished": "date", "work_accepted": "bool",
    "rating": XEP_LOAI, "dialogue": "bool", "agreement": "bool", "care_rate": "number", "registered": "bool",
    "new_members": "int", "member_target": "int", "trained": "bool", "fee_rate": "number",
    "report_on_time": "bool", "inspected": "bool", "commended": "int", "late_reports": "int",
    "violations": "int", "work_occasion": tuple(OCCASIONS), "proposed": MOVEMENT_IDS, "merit": "number",
}

# ---------------------------------------------------------------------------
# data

MAX_SHOWN = 50


class DataErrors:
    def __init__(self):
        self.shown, self.count = [], 0

    def add(self, msg):
        self.count += 1
        if self.count <= MAX_SHOWN:
            self.shown.append(msg)

    def check(self):
        if self.count:
            if self.count > MAX_SHOWN:
                self.shown.append("... and %d more data errors" % (self.count - MAX_SHOWN))
            sys.stderr.write("\n".join(self.shown) + "\n")
            sys.exit(2)


ERRORS = DataErrors()

BOOLS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False,
         "có": True, "không": False, "x": True}
INT_RE = re.compile(r"[+-]?\d+\Z", re.ASCII)
NUM_RE = re.compile(r"[+-]?\d*\.?\d*(?:[eE][+-]?\d+)?\Z", re.ASCII)
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z", re.ASCII)
DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def converter(ty, decimal_comma):
    """value -> (converted, None) or (None, what was expected)"""
    if ty is None or ty == "string":
        return None
    if isinstance(ty, tuple):
        values = frozenset(ty)
        expect = "one of " + ", ".join(ty)
        return lambda v: (v, None) if v in values else (None, expect)
    if ty == "int":
        return lambda v: (int(v), None) if INT_RE.match(v) else (None, "an integer")

    if ty == "number":
        def number(v):
            if decimal_comma:
                v = v.replace(",", ".")
            if NUM_RE.match(v):
                try:
                    return float(v), None
                except ValueError:
                    pass
            return None, "a number"
        return number
    if ty == "bool":
        def boolean(v):
            b = BOOLS.get(v.lower())
            if b is None:
                import unicodedata
                b = BOOLS.get(unicodedata.normalize("NFC", v).lower())
            if b is None:
                return None, "a boolean (true/false, 1/0, yes/no, có/không, x)"
            return b, None
        return boolean
    if ty == "date":
        def date(v):
            m = DATE_RE.match(v)
            if m:
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if 1 <= mo <= 12 and 1 <= d <= DAYS[mo - 1] and (
                        mo != 2 or d <= 28 or (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0))):
                    return v, None
            return None, "a date YYYY-MM-DD"
        return date
    raise ValueError("unknown field type %r" % (ty,))


MEMOS = {}


def read_csv(data, rel, types, builtin):
    """Yields (line number, row dict) of DATA/rel; None when the file is missing."""
    path = os.path.join(data, rel)
    if not os.path.exists(path):
        return None
    f = open(path, encoding="utf-8-sig", newline="")
    first = f.readline()
    counts = {c: first.count(c) for c in ",;\t"}
    sep = ","
    if counts["\t"] > counts[","] and counts["\t"] >= counts[";"]:
        sep = "\t"
    elif counts[";"] > counts[","]:
        sep = ";"
    f.seek(0)
    reader = csv.reader(f, delimiter=sep)
    header = next(reader)
    cols = []
    for i, name in enumerate(header):
        ty = None if name in builtin else types.get(name)
        conv = converter(ty, sep == ";")
        # the same cell text recurs (dates, counts, yes/no): conversions are memoised per type
        memo = MEMOS.setdefault((ty, sep == ";"), {}) if conv is not None else None
        cols.append((i, name, conv, memo))
    n = len(header)

    def rows():
        last = reader.line_num
        for cells in reader:
            start, last = last + 1, reader.line_num
            if not cells:
                continue
            if len(cells) != n:
                ERRORS.add("%s:%d: %d cells, the header has %d" % (rel, start, len(cells), n))
                continue
            r = {}
            for i, name, conv, memo in cols:
                v = cells[i]
                if v:
                    if conv is not None:
                        x = memo.get(v)
                        if x is None:
                            x, expect = conv(v)
                            if x is None:
                                ERRORS.add('%s:%d: column "%s": expected %s, found "%s"' % (rel, start, name, expect, v))
                            else:
                                memo[v] = x
                        v = x
                    r[name] = v
            yield start, r
        f.close()
    return header, rows()


class Dataset:
    def __init__(self, data, phase):
        self.data, self.phase = data, phase
        self.units, self.members = {}, {}
        self.other = {}          # (phase, kind) -> id -> phase row
        self.facts_cache = {}
        self.phase_cols = {"units": set(), "members": set()}
        self.shadowed = {"units": {}, "members": {}}
        self.base_cols = {}
        for kind, types, builtin in (("units", UNIT_FIELDS, {"id", "name", "kind", "parent", "cluster"}),
                                     ("members", MEMBER_FIELDS, {"id", "name", "unit"})):
            got = read_csv(data, kind + ".csv", types, builtin)
            if got is None:
                sys.stderr.write("%s.csv: no such file in %s\n" % (kind, data))
                sys.exit(2)
            header, rows = got
            self.base_cols[kind] = set(header)
            for col in sorted(builtin, key=["id", "name", "kind", "parent", "cluster", "unit"].index):
                if col not in header:
                    ERRORS.add('%s.csv:1: missing column "%s"' % (kind, col))
            table, lines = getattr(self, kind), {}
            for lineno, r in rows:
                rid = r.get("id")
                if rid is None:
                    ERRORS.add('%s.csv:%d: column "id": empty' % (kind, lineno))
                elif rid in table:
                    ERRORS.add('%s.csv:%d: duplicate id "%s" (first on line %d)' % (kind, lineno, rid, lines[rid]))
                else:
                    table[rid] = r
                    lines[rid] = lineno
            setattr(self, kind[:-1] + "_lines", lines)
        for uid, u in self.units.items():
            p = u.get("parent")
            if p is not None and p not in self.units:
                ERRORS.add('units.csv:%d: column "parent": unknown unit "%s"' % (self.unit_lines[uid], p))
        state = {}
        for uid in self.units:
            path, x = [], uid
            while x is not None and x in self.units and x not in state:
                state[x] = "walking"
                path.append(x)
                x = self.units[x].get("parent")
            if x is not None and state.get(x) == "walking":
                cyc = path[path.index(x):]
                ERRORS.add("units.csv:%d: a cycle of parents: %s -> %s" % (self.unit_lines[x], " -> ".join(cyc), x))
            for y in path:
                state[y] = "done"
        for mid, m in self.members.items():
            u = m.get("unit")
            if u is None or u not in self.units:
                ERRORS.add('members.csv:%d: column "unit": unknown unit "%s"' % (self.member_lines[mid], u))
        pdir = os.path.join(data, "phases")
        if os.path.isdir(pdir):
            for name in sorted(os.listdir(pdir)):
                if name not in PHASES:
                    ERRORS.add("phases/%s: a phase that the plan does not declare" % name)
        # the phase's facts, merged over the base rows (an empty cell keeps the base value)
        for kind in ("units", "members"):
            table, shadow, base_cols = getattr(self, kind), self.shadowed[kind], self.base_cols[kind]
            header = self.read_phase(phase, kind, lambda rid, r: None, merge=(table, shadow, base_cols))
            self.phase_cols[kind] = set(header or ()) - {"id"}
        # history: (award, subject) -> sorted years
        self.history = {}
        got = read_csv(data, "history.csv", {"year": "int"}, {"subject", "award"})
        if got is not None:
            hist = self.history
            for lineno, r in got[1]:
                s, a, y = r.get("subject"), r.get("award"), r.get("year")
                if s is None or a is None or y is None:
                    ERRORS.add("history.csv:%d: subject, award and year are required" % lineno)
                    continue
                hist.setdefault((a, s), set()).add(y)
            for k, ys in hist.items():
                hist[k] = sorted(ys)
        ERRORS.check()
        # members by unit, child units by parent: in id order
        self.unit_ids = sorted(self.units)
        self.member_ids = sorted(self.members)
        self.members_of, self.children = {}, {}
        for mid in self.member_ids:
            m = self.members[mid]
            self.members_of.setdefault(m["unit"], []).append(m)
        for uid in self.unit_ids:
            u = self.units[uid]
            if u.get("parent") is not None:
                self.children.setdefault(u["parent"], []).append(u)

    def read_phase(self, phase, kind, fn, merge=None):
        rel = "phases/%s/%s.csv" % (phase, kind)
        got = read_csv(self.data, rel, MEMBER_FIELDS if kind == "members" else UNIT_FIELDS, {"id"})
        if got is None:
            return None
        header, rows = got
        table, seen = getattr(self, kind), set()
        for lineno, r in rows:
            rid = r.pop("id", None)
            if rid is None:
                ERRORS.add('%s:%d: column "id": empty' % (rel, lineno))
            elif rid not in table:
                ERRORS.add('%s:%d: unknown %s id "%s"' % (rel, lineno, kind[:-1], rid))
            elif rid in seen:
                ERRORS.add('%s:%d: duplicate id "%s"' % (rel, lineno, rid))
            else:
                seen.add(rid)
                if merge is not None:
                    base, shadow, base_cols = table[rid], merge[1], merge[2]
                    for k in base_cols.intersection(r):
                        shadow.setdefault(rid, {})[k] = base.get(k)
                    base.update(r)
                else:
                    fn(rid, r)
        return header

    def facts(self, sid, phase):
        """ctx.facts: the subject as seen in another phase of the plan"""
        if phase == self.phase:
            return self.units.get(sid) or self.members.get(sid)
        key = (phase, sid)
        if key in self.facts_cache:
            return self.facts_cache[key]
        kind = "units" if sid in self.units else "members" if sid in self.members else None
        if kind is None:
            return None
        if (phase, kind) not in self.other:
            rows = {}
            self.read_phase(phase, kind, lambda rid, r: rows.__setitem__(rid, r))
            ERRORS.check()
            self.other[(phase, kind)] = rows
        cur = getattr(self, kind)[sid]
        cols = self.phase_cols[kind]
        row = {k: v for k, v in cur.items() if k not in cols}
        for k, v in self.shadowed[kind].get(sid, {}).items():
            if v is not None:
                row[k] = v
        row.update(self.other[(phase, kind)].get(sid, {}))
        self.facts_cache[key] = row
        return row

    def streak(self, sid, award):
        ys = self.history.get((award, sid))
        if not ys:
            return 0
        n, y = 0, YEAR - 1
        for v in reversed(ys):
            if v == y:
                n, y = n + 1, y - 1
            elif v < y:
                break
        return n


# ---------------------------------------------------------------------------
# lib/tyle.lua, lib/xeploai.lua, lib/sangkien.lua

def ratio(n, d):
    if d is None or d == 0:
        return 0
    return n / d


def so(x, digits=1):
    """1234.5 -> "1234,5"; 12.0 -> "12" """
    s = "%.*f" % (digits, x or 0)
    if "." in s:
        s = s.rstrip("0")
        if s.endswith("."):
            s = s[:-1]
    return s.replace(".", ",")


def pct(r):
    return so((r or 0) * 100, 1) + "%"


def phan(n, d):
    return "%d/%d (%s)" % (n, d, pct(ratio(n, d)))


def dat(n, d, need):
    return d > 0 and n / d >= need, phan(n, d)


def kep(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def lam_tron(x, digits=2):
    f = 10.0 ** digits
    if x >= 0:
        return math.floor(x * f + 0.5) / f
    return -math.floor(-x * f + 0.5) / f


def ngay(d):
    if d is None:
        return "không rõ"
    m = DATE_RE.match(d)
    if not m:
        return d
    return "%s/%s/%s" % (m.group(3), m.group(2), m.group(1))


MUC = {"khong_hoan_thanh": 1, "hoan_thanh": 2, "tot": 3, "xuat_sac": 4}
NGAN = {"xuat_sac": "xuất sắc", "tot": "tốt", "hoan_thanh": "hoàn thành", "khong_hoan_thanh": "không hoàn thành"}
KY_LUAT = {"khien_trach": 1, "canh_cao": 2, "ha_bac": 3, "cach_chuc": 4, "buoc_thoi_viec": 5}
KY_LUAT_NHAN = {"khien_trach": "khiển trách", "canh_cao": "cảnh cáo", "ha_bac": "hạ bậc lương",
                "cach_chuc": "cách chức", "buoc_thoi_viec": "buộc thôi việc"}
PHAM_VI = {"co_so": 1, "tinh": 2, "toan_quoc": 3}
PHAM_VI_NHAN = {"co_so": "cấp cơ sở", "tinh": "cấp tỉnh", "toan_quoc": "toàn quốc"}
HTXS = "Hoàn thành xuất sắc nhiệm vụ"
HTT = "Hoàn thành tốt nhiệm vụ"
HT = "Hoàn thành nhiệm vụ"
KHT = "Không hoàn thành nhiệm vụ"
GRADES = ((90, HTXS), (70, HTT), (50, HT), (0, KHT))


def tu(r, muc):
    return r is not None and MUC[r] >= MUC[muc]


def nhan(r):
    return "chưa xếp loại" if r is None else "xếp loại: " + NGAN[r]


def ky_luat_tu(d, muc):
    return d is not None and KY_LUAT[d] >= KY_LUAT[muc]


def pham_vi_tu(s, muc):
    return s is not None and PHAM_VI[s] >= PHAM_VI[muc]


def sk_nam(m):
    """count, highest scope (or None) and summed benefit of a member's initiatives"""
    n = m.get("initiatives") or 0
    if n == 0:
        return 0, None, 0
    b = m.get("benefit")
    return n, m.get("initiative_scope"), 0 if b is None else b


def sk_mo_ta(n, scope):
    if n == 0:
        return "chưa có sáng kiến được công nhận"
    s = "%d sáng kiến" % n
    if scope is not None:
        s += ", phạm vi " + PHAM_VI_NHAN[scope]
    return s


def sk_diem(n, scope):
    return n * 10 + (PHAM_VI[scope] if scope else 0) * 3


def co(b):
    return "có" if b else "không"


def khong_ky_luat(m):
    d = m.get("discipline")
    if d is not None:
        return False, "bị kỷ luật: " + KY_LUAT_NHAN[d]
    return True, None


# ---------------------------------------------------------------------------
# evaluation helpers

class AwardResult:
    """results of one award: [subject id, subject, eligible, awarded, [(passed, detail), ...]] by id"""

    def __init__(self, award_id, rows):
        self.id = award_id
        self.rows = rows
        self.done()

    def done(self):
        """the sets of eligible and awarded ids, once the quota is applied"""
        self.eligible_ids = {r[0] for r in self.rows if r[2]}
        self.awarded_ids = {r[0] for r in self.rows if r[3]}

    def eligible(self, sid):
        return sid in self.eligible_ids

    def awarded(self, sid):
        return sid in self.awarded_ids


def evaluate_award(award_id, subjects, criteria, applies=None):
    """subjects: [(id, dict)] in id order; criteria: functions subject -> (passed, detail)"""
    rows = []
    for sid, s in subjects:
        if applies is not None and not applies(s):
            continue
        crit = [c(s) for c in criteria]
        ok = all(p for p, _ in crit)
        rows.append([sid, s, ok, ok, crit])
    return AwardResult(award_id, rows)


def quota_limit(share, maxn, base, rounding):
    limit = None
    if share is not None:
        x = math.floor(share * base * 1e9 + 0.5) / 1e9
        if rounding == "ceil":
            limit = math.ceil(x)
        elif rounding == "round":
            limit = math.floor(x + 0.5)
        else:
            limit = math.floor(x)
    if maxn is not None:
        limit = maxn if limit is None else min(limit, maxn)
    return limit


def apply_quota(result, within=None, order=None, share=None, maxn=None, base=None, rounding="floor"):
    """keeps `awarded` for the first `limit` eligible subjects of each group
    (order descending, then id ascending); base: the AwardResult whose
    holders are counted per group (default: the eligible subjects)"""
    groups = {}
    for r in result.rows:
        if r[2]:
            g = r[1].get(within) if within else None
            groups.setdefault(g, []).append(r)
    base_count = None
    if share is not None and base is not None:
        base_count = {}
        for r in base.rows:
            if r[3]:
                g = r[1].get(within) if within else None
                base_count[g] = base_count.get(g, 0) + 1
    for g, rows in groups.items():
        keyed = [(-(order(r[1]) if order else 0), r[0], r) for r in rows]
        keyed.sort(key=lambda t: (t[0], t[1]))
        n = len(rows) if base_count is None else base_count.get(g, 0)
        limit = quota_limit(share, maxn, n, rounding)
        for place, (_, _, r) in enumerate(keyed, 1):
            if limit is not None and place > limit:
                r[3] = False
    result.done()


class ScoringResult:
    def __init__(self, scoring_id, rows):
        self.id = scoring_id
        self.rows = rows      # [id, subject, group, total, rank, grade, items, bonus, penalty] in output order
        self.by_id = {r[0]: r for r in rows}

    def total(self, sid):
        r = self.by_id.get(sid)
        return None if r is None else r[3]

    def rank(self, sid):
        r = self.by_id.get(sid)
        return None if r is None else r[4]

    def grade(self, sid):
        r = self.by_id.get(sid)
        return None if r is None else r[5]


def evaluate_scoring(scoring_id, subjects, applies, group, items, bonus, penalty, tiebreak):
    """items: [(id, max, fn -> (raw, detail))]; bonus: (max, fn) ; penalty: fn;
    tiebreak: item ids. Ranks inside groups, competition style (1, 2, 2, 4)."""
    pos = {it[0]: j for j, it in enumerate(items)}
    tb = [pos[t] for t in tiebreak]
    groups = {}
    for sid, s in subjects:
        if not applies(s):
            continue
        total = 0
        its = []
        for _, mx, fn in items:
            raw, det = fn(s)
            p = raw
            if p > mx:
                p = mx
            if p < 0:
                p = 0
            its.append((p, raw, det))
            total = total + p
        b = None
        if bonus is not None:
            b = bonus[1](s)
            if bonus[0] is not None and b > bonus[0]:
                b = bonus[0]
            if b < 0:
                b = 0
            total = total + b
        pe = None
        if penalty is not None:
            pe = penalty(s)
            if pe < 0:
                pe = 0
            total = total - pe
        grade = None
        for mn, label in GRADES:
            if total >= mn:
                grade = label
                break
        g = s.get(group)
        key = (-total,) + tuple(-its[j][0] for j in tb)
        groups.setdefault(g, []).append([key, sid, s, g, total, None, grade, its, b, pe])
    rows = []
    for g in sorted(groups, key=lambda x: (x is not None, "" if x is None else str(x))):
        lst = groups[g]
        lst.sort(key=lambda r: (r[0], r[1]))
        for i, r in enumerate(lst):
            r[5] = lst[i - 1][5] if i > 0 and lst[i - 1][0] == r[0] else i + 1
            rows.append(r[1:])
    return ScoringResult(scoring_id, rows)


# ---------------------------------------------------------------------------
# the plan's awards and scorings, in declaration order (files in byte order:
# bieu-duong.lua, ca-nhan.lua, cham-diem.lua, chuyen-de.lua, tap-the.lua)

AWARDS = [
    # id, name, subject, movement, phases, criteria (id, text)
    ("bk-ldld-ca-nhan", "Bằng khen của Ban Thường vụ LĐLĐ tỉnh (cá nhân tiêu biểu trong phong trào thi đua)", "member",
     None, ("dot1", "dot2"), [
        ("xep_loai", "Hoàn thành xuất sắc nhiệm vụ trong đợt"),
        ("khong_ky_luat", "Không bị kỷ luật"),
        ("thanh_tich", "Thành tích tiêu biểu: điểm thẩm định hồ sơ từ 80 trở lên"),
        ("phong_trao", "Đáp ứng yêu cầu riêng của phong trào được đề nghị")]),
    ("bk-ldld-tap-the", "Bằng khen của Ban Thường vụ LĐLĐ tỉnh (tập thể tiêu biểu trong phong trào thi đua)", "unit",
     None, ("dot1", "dot2"), [
        ("xep_loai", "Hoàn thành xuất sắc nhiệm vụ (tổng kết năm; đợt 1 chưa xếp loại tập thể)"),
        ("an_toan", "Không để xảy ra tai nạn lao động, sai phạm trong đợt"),
        ("thanh_tich", "Thành tích tiêu biểu: điểm thẩm định hồ sơ từ 80 trở lên"),
        ("phong_trao", "Đáp ứng yêu cầu riêng của phong trào được đề nghị")]),
    ("de-nghi-mttq", "Sáng kiến đề nghị Ủy ban MTTQ Việt Nam tỉnh công nhận (phong trào \"Đoàn kết sáng tạo\")", "member",
     "doan-ket-sang-tao", ("dot2",), [
        ("ho_so", "Công đoàn cơ sở đã lựa chọn, gửi hồ sơ sáng kiến về LĐLĐ tỉnh"),
        ("hieu_qua", "Phạm vi ảnh hưởng cấp tỉnh trở lên hoặc giá trị làm lợi từ 50 triệu đồng"),
        ("khong_ky_luat", "Không bị kỷ luật")]),
    ("lao-dong-tien-tien", "Lao động tiên tiến", "member", "lao-dong-gioi", ("dot2",), [
        ("xep_loai", "Hoàn thành tốt nhiệm vụ trở lên"),
        ("khong_ky_luat", "Chấp hành tốt chủ trương, chính sách, pháp luật; không bị kỷ luật"),
        ("tham_gia", "Tích cực tham gia các phong trào thi đua"),
        ("thoi_gian", "Thời gian công tác trong năm từ 10 tháng trở lên")]),
    ("cstd-co-so", "Chiến sĩ thi đua cơ sở", "member", "lao-dong-gioi", ("dot2",), [
        ("ldtt", "Đạt danh hiệu Lao động tiên tiến"),
        ("sang_kien", "Có sáng kiến được công nhận hoặc đề tài khoa học được nghiệm thu")]),
    ("cstd-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", "member", "lao-dong-gioi", ("dot2",), [
        ("ba_nam", "Ba lần liên tục đạt Chiến sĩ thi đua cơ sở (hai năm liền trước và năm nay)"),
        ("sang_kien_tinh", "Có sáng kiến, giải pháp có phạm vi ảnh hưởng trong tỉnh")]),
    ("gioi-viec-nuoc", "Giỏi việc nước, đảm việc nhà", "member", "gioi-viec-nuoc", ("dot2",), [
        ("xep_loai", "Hoàn thành tốt nhiệm vụ trở lên"),
        ("gia_dinh", "Gia đình đạt danh hiệu \"Gia đình văn hóa\", nuôi dạy con tốt"),
        ("nu_cong", "Tích cực tham gia các hoạt động nữ công"),
        ("khong_ky_luat", "Không bị kỷ luật")]),
    ("lao-dong-sang-tao", "Bằng Lao động sáng tạo (đề nghị Tổng Liên đoàn)", "member", "lao-dong-gioi", ("dot2",), [
        ("pham_vi", "Sáng kiến, giải pháp được công nhận có phạm vi ảnh hưởng cấp tỉnh trở lên"),
        ("lam_loi", "Giá trị làm lợi từ 100 triệu đồng trở lên"),
        ("khong_ky_luat", "Không bị kỷ luật")]),
    ("tham-muu-gioi", "Giấy khen \"Tham mưu giỏi, phục vụ tốt\"", "member", "tham-muu-gioi", ("dot2",), [
        ("ldtt", "Đạt danh hiệu Lao động tiên tiến"),
        ("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
        ("tham_muu", "Có từ 2 đề xuất, tham mưu được cấp có thẩm quyền chấp nhận")]),
    ("gk-doan-ket-sang-tao", "Giấy khen chuyên đề \"Đoàn kết sáng tạo\"", "member", "doan-ket-sang-tao", ("dot1",), [
        ("xep_loai", "Hoàn thành tốt nhiệm vụ trở lên trong 6 tháng đầu năm"),
        ("khong_ky_luat", "Không bị kỷ luật")]),
    ("bk-gioi-viec-nuoc", "Bằng khen chuyên đề \"Giỏi việc nước, đảm việc nhà\" (đề nghị Tổng Liên đoàn)", "member",
     "gioi-viec-nuoc", ("dot1",), [
        ("ba_nam", "Ba năm liên tục đạt danh hiệu \"Giỏi việc nước, đảm việc nhà\""),
        ("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ (sơ kết 6 tháng)"),
        ("gia_dinh", "Gia đình đạt danh hiệu \"Gia đình văn hóa\""),
        ("khong_ky_luat", "Không bị kỷ luật")]),
    ("gk-xanh-sach-dep", "Giấy khen chuyên đề \"Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động\"", "unit",
     "xanh-sach-dep", ("dot1",), [
        ("diem", "Điểm tự chấm \"Xanh - Sạch - Đẹp\" từ 80 trở lên"),
        ("khong_tai_nan", "Không để xảy ra tai nạn lao động"),
        ("mang_luoi", "Mạng lưới an toàn vệ sinh viên hoạt động hiệu quả")]),
    ("bk-xanh-sach-dep", "Bằng khen chuyên đề \"Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động\" (đề nghị Tổng Liên đoàn)",
     "unit", "xanh-sach-dep", ("dot1",), [
        ("du_dieu_kien_gk", "Đủ tiêu chuẩn Giấy khen chuyên đề \"Xanh - Sạch - Đẹp, ATVSLĐ\""),
        ("diem_cao", "Điểm tự chấm \"Xanh - Sạch - Đẹp\" từ 90 trở lên")]),
    ("gan-bien-cong-trinh", "Gắn biển công trình chào mừng các ngày lễ lớn", "unit", "lao-dong-gioi", ("dot1", "dot2"), [
        ("hoan_thanh", "Hoàn thành trong đợt thi đua"),
        ("nghiem_thu", "Đã nghiệm thu, đưa vào sử dụng"),
        ("gia_tri", "Giá trị từ 300 triệu đồng (doanh nghiệp: từ 1 tỷ đồng)"),
        ("ngay_le", "Chào mừng một ngày lễ lớn, sự kiện chính trị của đợt thi đua")]),
    ("tt-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "unit", None, ("dot2",), [
        ("xep_loai", "Hoàn thành tốt nhiệm vụ và kế hoạch được giao"),
        ("phong_trao", "Có phong trào thi đua thường xuyên (đăng ký thi đua đầu năm)"),
        ("ldtt_50", "Có từ 50% cá nhân đạt danh hiệu Lao động tiên tiến"),
        ("khong_ky_luat", "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên")]),
    ("tt-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "unit", None, ("dot2",), [
        ("xep_loai", "Hoàn thành xuất sắc nhiệm vụ và kế hoạch được giao"),
        ("hoan_thanh_100", "100% cá nhân hoàn thành nhiệm vụ được giao"),
        ("ldtt_70", "Có từ 70% cá nhân đạt danh hiệu Lao động tiên tiến"),
        ("co_cstd", "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"),
        ("khong_ky_luat", "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên")]),
    ("co-thi-dua", "Cờ thi đua của LĐLĐ tỉnh (dẫn đầu cụm, khối thi đua)", "unit", "doi-moi-cong-doan", ("dot2",), [
        ("xep_loai", "Hoàn thành xuất sắc nhiệm vụ"),
        ("diem", "Bảng chấm điểm xếp loại \"Hoàn thành xuất sắc nhiệm vụ\""),
        ("tt_xuat_sac", "Đạt Tập thể lao động xuất sắc (công đoàn cơ sở)")]),
]

SCORINGS = [
    # id, name, subject, movement, phases, items (id, text, max)
    ("xep-loai-cdcs", "Xếp loại công đoàn cơ sở năm 2021", "unit", "doi-moi-cong-doan", ("dot2",), [
        ("dai_dien", "I. Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên", 30),
        ("phong_trao", "II. Tổ chức các phong trào thi đua", 25),
        ("to_chuc", "III. Phát triển đoàn viên, xây dựng công đoàn cơ sở vững mạnh", 25),
        ("kiem_tra_tai_chinh", "IV. Kiểm tra, giám sát và tài chính công đoàn", 20)]),
    ("cham-diem-khoi", "Chấm điểm thi đua LĐLĐ huyện, thành phố và công đoàn ngành năm 2021", "unit",
     "doi-moi-cong-doan", ("dot2",), [
        ("chat_luong_cdcs", "1. Chất lượng công đoàn cơ sở trực thuộc (xếp loại tốt trở lên)", 30),
        ("thi_dua", "2. Phong trào thi đua (CĐCS đạt Tập thể lao động tiên tiến)", 20),
        ("phat_trien", "3. Phát triển đoàn viên, thành lập công đoàn cơ sở", 20),
        ("tai_chinh", "4. Tài chính công đoàn", 30)]),
]


def ket_nap(u):
    t = u.get("member_target")
    if t is None or t <= 0:
        return "kết nạp %d (không giao chỉ tiêu)" % (u.get("new_members") or 0)
    return "kết nạp %d/%d chỉ tiêu" % (u.get("new_members") or 0, t)


def theo_chi_tieu(diem, dat_, chi_tieu):
    if chi_tieu is None or chi_tieu <= 0:
        return diem
    return diem * dat_ / chi_tieu


def evaluate(ds, phase):
    P = PHASES[phase]
    members = [(mid, ds.members[mid]) for mid in ds.member_ids]
    units = [(uid, ds.units[uid]) for uid in ds.unit_ids]
    members_of = lambda uid: ds.members_of.get(uid, [])
    children = lambda uid: ds.children.get(uid, [])
    A, S = {}, {}

    def la_cdcs(u):
        return u.get("kind") == "cdcs"

    def xep_loai_tu(muc):
        return lambda s: (tu(s.get("rating"), muc), nhan(s.get("rating")))

    # gan-bien-cong-trinh (both phases)
    def hoan_thanh(u):
        d = u.get("work_finished")
        if d is None:
            return False, "chưa hoàn thành"
        return P["from"] <= d <= P["to"], "hoàn thành " + ngay(d)

    def gia_tri(u):
        can = 1000 if u.get("sector") == "doanh_nghiep" else 300
        v = u.get("work_value") or 0
        return v >= can, u["work"] + ", giá trị " + so(v) + " triệu đồng"

    def ngay_le(u):
        le = OCCASIONS.get(u.get("work_occasion"))
        if le is None:
            return False, "chưa đăng ký chào mừng ngày lễ nào"
        ten = "chào mừng " + le[2] + " (" + ngay(le[1]) + ")"
        if le[0] != phase:
            return False, ten + ": không thuộc đợt này"
        return True, ten

    A["gan-bien-cong-trinh"] = evaluate_award("gan-bien-cong-trinh", units, [
        hoan_thanh,
        lambda u: (True, None) if u.get("work_accepted") else (False, "chưa nghiệm thu"),
        gia_tri, ngay_le,
    ], applies=lambda u: u.get("work") is not None)

    # bieu-duong.lua: Bằng khen of the standing committee (both phases)
    def de_nghi(s):
        return "đề nghị trong phong trào " + MOVEMENT_NAME[s["proposed"]]

    def thanh_tich(s):
        if s.get("merit") is None:
            return False, "chưa có điểm thẩm định hồ sơ"
        return s["merit"] >= 80, so(s["merit"]) + " điểm thẩm định; " + de_nghi(s)

    def sang_kien_co(m):
        n, scope, _ = sk_nam(m)
        return n > 0, sk_mo_ta(n, scope)

    def rieng_ca_nhan(m):
        mv = m["proposed"]
        if mv in ("lao-dong-gioi", "doan-ket-sang-tao"):
            return sang_kien_co(m)
        if mv == "gioi-viec-nuoc":
            if m.get("gender") != "nu":
                return False, "phong trào dành cho nữ đoàn viên"
            if m.get("culture_family"):
                return True, "gia đình văn hóa"
            return False, "gia đình chưa đạt \"Gia đình văn hóa\""
        if mv == "tham-muu-gioi":
            if m.get("staff"):
                return True, "cán bộ công đoàn chuyên trách"
            return False, "không phải cán bộ công đoàn chuyên trách"
        return True, de_nghi(m)

    A["bk-ldld-ca-nhan"] = r = evaluate_award("bk-ldld-ca-nhan", members, [
        xep_loai_tu("xuat_sac"), khong_ky_luat, thanh_tich, rieng_ca_nhan,
    ], applies=lambda m: m.get("proposed") is not None)
    apply_quota(r, maxn=5, within="proposed", order=lambda m: m.get("merit") or 0)

    def xep_loai_tap_the(u):
        if phase == "dot1":
            return True, "sơ kết đợt 1"
        return tu(u.get("rating"), "xuat_sac"), nhan(u.get("rating"))

    def an_toan(u):
        n = (u.get("accidents") or 0) + (u.get("violations") or 0)
        if n == 0:
            return True, None
        return False, "%d vụ tai nạn lao động, sai phạm" % n

    def rieng_tap_the(u):
        mv = u["proposed"]
        if mv == "xanh-sach-dep":
            d1 = ds.facts(u["id"], "dot1")
            g = d1.get("green_score") if d1 else None
            if g is None:
                return False, "chưa tự chấm điểm \"Xanh - Sạch - Đẹp\""
            return g >= 85, "\"Xanh - Sạch - Đẹp\" " + so(g) + " điểm"
        if mv == "doanh-nghiep-hoi-nhap":
            if u.get("sector") == "doanh_nghiep":
                return True, "công đoàn doanh nghiệp"
            return False, "không phải công đoàn doanh nghiệp"
        return True, de_nghi(u)

    A["bk-ldld-tap-the"] = r = evaluate_award("bk-ldld-tap-the", units, [
        xep_loai_tap_the, an_toan, thanh_tich, rieng_tap_the,
    ], applies=lambda u: la_cdcs(u) and u.get("proposed") is not None)
    apply_quota(r, maxn=3, within="proposed", order=lambda u: u.get("merit") or 0)

    if phase == "dot1":
        # gk-doan-ket-sang-tao
        A["gk-doan-ket-sang-tao"] = r = evaluate_award("gk-doan-ket-sang-tao", members, [
            xep_loai_tu("tot"), khong_ky_luat,
        ], applies=lambda m: (m.get("initiatives") or 0) > 0)
        apply_quota(r, within="unit", maxn=2, order=lambda m: sk_diem(*sk_nam(m)[:2]))

        # bk-gioi-viec-nuoc
        def ba_nam_gvn(m):
            s = ds.streak(m["id"], "gioi-viec-nuoc")
            return s >= 3, "đạt %d năm liên tục đến %d" % (s, YEAR - 1)

        A["bk-gioi-viec-nuoc"] = r = evaluate_award("bk-gioi-viec-nuoc", members, [
            ba_nam_gvn, xep_loai_tu("xuat_sac"),
            lambda m: (True, None) if m.get("culture_family") else (False, "gia đình chưa đạt \"Gia đình văn hóa\""),
            khong_ky_luat,
        ], applies=lambda m: m.get("gender") == "nu" and ds.streak(m["id"], "gioi-viec-nuoc") > 0)
        apply_quota(r, maxn=4,
                    order=lambda m: ds.streak(m["id"], "gioi-viec-nuoc") * 10 + (m.get("initiatives") or 0))

        # gk-xanh-sach-dep
        def diem_xsd(need):
            def check(u):
                g = u.get("green_score")
                if g is None:
                    return False, "chưa tự chấm điểm"
                return g >= need, so(g) + " điểm"
            return check

        def khong_tai_nan(u):
            n = u.get("accidents") or 0
            if n == 0:
                return True, None
            return False, "%d vụ tai nạn lao động" % n

        A["gk-xanh-sach-dep"] = r = evaluate_award("gk-xanh-sach-dep", units, [
            diem_xsd(80), khong_tai_nan,
            lambda u: (True, None) if u.get("osh_network") else (False, "chưa có mạng lưới an toàn vệ sinh viên"),
        ], applies=la_cdcs)
        apply_quota(r, share=0.2, maxn=5, rounding="ceil", within="parent", order=lambda u: u.get("green_score"))

        # bk-xanh-sach-dep
        gk = A["gk-xanh-sach-dep"]
        A["bk-xanh-sach-dep"] = r = evaluate_award("bk-xanh-sach-dep", units, [
            lambda u: (True, None) if u["id"] in gk.eligible_ids else (False, "chưa đủ tiêu chuẩn Giấy khen chuyên đề"),
            diem_xsd(90),
        ], applies=la_cdcs)
        apply_quota(r, maxn=4, order=lambda u: u.get("green_score"))

    if phase == "dot2":
        # lao-dong-tien-tien
        han = "%d-03-01" % YEAR

        def thoi_gian(m):
            st = m.get("started")
            if st is None:
                return True, "không rõ ngày bắt đầu công tác"
            return st <= han, "bắt đầu công tác " + ngay(st)

        A["lao-dong-tien-tien"] = ldtt = evaluate_award("lao-dong-tien-tien", members, [
            xep_loai_tu("tot"), khong_ky_luat,
            lambda m: (True, None) if m.get("participates") else (False, "không tham gia phong trào thi đua"),
            thoi_gian,
        ])

        def co_ldtt(m):
            if m["id"] in ldtt.awarded_ids:
                return True, None
            return False, "chưa đạt Lao động tiên tiến"

        # cstd-co-so
        def sang_kien(m):
            n, scope, _ = sk_nam(m)
            if n > 0:
                return True, sk_mo_ta(n, scope)
            if m.get("research"):
                return True, "đề tài khoa học được nghiệm thu"
            return False, "chưa có sáng kiến, đề tài"

        def cstd_order(m):
            n, scope, _ = sk_nam(m)
            return (sk_diem(n, scope) + (5 if m.get("research") else 0)
                    + (2 if m.get("rating") == "xuat_sac" else 0) + ds.streak(m["id"], "cstd-co-so"))

        A["cstd-co-so"] = cstd = evaluate_award("cstd-co-so", members, [co_ldtt, sang_kien])
        apply_quota(cstd, share=0.15, base=ldtt, within="unit", rounding="round", order=cstd_order)

        # cstd-cap-tinh
        def ba_nam_cstd(m):
            s = ds.streak(m["id"], "cstd-co-so")
            if s >= 2:
                return True, "CSTĐCS liên tục %d-%d" % (YEAR - s, YEAR)
            if s == 1:
                return False, "chỉ đạt CSTĐCS năm %d và năm nay" % (YEAR - 1)
            return False, "không đạt CSTĐCS năm %d" % (YEAR - 1)

        def pham_vi_tinh(m):
            n, scope, _ = sk_nam(m)
            return pham_vi_tu(scope, "tinh"), sk_mo_ta(n, scope)

        A["cstd-cap-tinh"] = evaluate_award("cstd-cap-tinh", members, [ba_nam_cstd, pham_vi_tinh],
                                            applies=lambda m: m["id"] in cstd.awarded_ids)

        # de-nghi-mttq (bieu-duong.lua)
        def hieu_qua(m):
            n, scope, b = sk_nam(m)
            mo_ta = sk_mo_ta(n, scope) + (("; làm lợi " + so(b) + " triệu đồng") if b > 0 else "")
            return pham_vi_tu(scope, "tinh") or b >= 50, mo_ta

        A["de-nghi-mttq"] = evaluate_award("de-nghi-mttq", members, [
            lambda m: (True, None) if m.get("dossier") else (False, "chưa gửi hồ sơ"),
            hieu_qua, khong_ky_luat,
        ], applies=lambda m: sk_nam(m)[0] > 0)

        # gioi-viec-nuoc
        A["gioi-viec-nuoc"] = r = evaluate_award("gioi-viec-nuoc", members, [
            xep_loai_tu("tot"),
            lambda m: (True, None) if m.get("culture_family") else (False, "gia đình chưa đạt \"Gia đình văn hóa\""),
            lambda m: (True, None) if m.get("women_activities") else (False, "chưa tham gia hoạt động nữ công"),
            khong_ky_luat,
        ], applies=lambda m: m.get("gender") == "nu")
        apply_quota(r, share=0.3, base=ldtt, within="unit", rounding="round",
                    order=lambda m: ((10 if m.get("rating") == "xuat_sac" else 0) + 2 * sk_nam(m)[0]
                                     + ds.streak(m["id"], "gioi-viec-nuoc")))

        # lao-dong-sang-tao
        def lam_loi(m):
            b = sk_nam(m)[2]
            if b == 0:
                return False, "chưa xác định giá trị làm lợi"
            return b >= 100, "làm lợi " + so(b) + " triệu đồng"

        A["lao-dong-sang-tao"] = r = evaluate_award("lao-dong-sang-tao", members, [
            pham_vi_tinh, lam_loi, khong_ky_luat,
        ], applies=lambda m: sk_nam(m)[0] > 0)
        apply_quota(r, maxn=5, order=lambda m: sk_nam(m)[2])

        # tham-muu-gioi
        def tham_muu(m):
            n = m.get("proposals") or 0
            return n >= 2, "%d đề xuất được chấp nhận" % n

        A["tham-muu-gioi"] = r = evaluate_award("tham-muu-gioi", members, [
            co_ldtt, xep_loai_tu("xuat_sac"), tham_muu,
        ], applies=lambda m: m.get("staff") is True)
        apply_quota(r, maxn=1, within="unit", order=lambda m: m.get("proposals") or 0)

        # tt-lao-dong-tien-tien, tt-lao-dong-xuat-sac
        def ty_le_ldtt(can):
            def check(u):
                lst = members_of(u["id"])
                n = sum(1 for m in lst if m["id"] in ldtt.awarded_ids)
                return dat(n, len(lst), can)
            return check

        def khong_ky_luat_canh_cao(u):
            n = sum(1 for m in members_of(u["id"]) if ky_luat_tu(m.get("discipline"), "canh_cao"))
            if n == 0:
                return True, None
            return False, "%d người bị kỷ luật từ cảnh cáo trở lên" % n

        A["tt-lao-dong-tien-tien"] = ttldtt = evaluate_award("tt-lao-dong-tien-tien", units, [
            xep_loai_tu("tot"),
            lambda u: (True, None) if u.get("registered") else (False, "không đăng ký thi đua"),
            ty_le_ldtt(0.5), khong_ky_luat_canh_cao,
        ], applies=la_cdcs)

        def hoan_thanh_100(u):
            lst = members_of(u["id"])
            n, d = sum(1 for m in lst if tu(m.get("rating"), "hoan_thanh")), len(lst)
            return d > 0 and n == d, phan(n, d)

        def co_cstd(u):
            n = sum(1 for m in members_of(u["id"]) if m["id"] in cstd.awarded_ids)
            return n >= 1, "%d Chiến sĩ thi đua cơ sở" % n

        A["tt-lao-dong-xuat-sac"] = ttldxs = evaluate_award("tt-lao-dong-xuat-sac", units, [
            xep_loai_tu("xuat_sac"), hoan_thanh_100, ty_le_ldtt(0.7), co_cstd, khong_ky_luat_canh_cao,
        ], applies=la_cdcs)

        # xep-loai-cdcs
        diem = lambda x: lam_tron(x, 2)
        gbct = A["gan-bien-cong-trinh"]

        def dai_dien(u):
            care = u.get("care_rate") or 0
            p = (10 if u.get("dialogue") else 0) + (10 if u.get("agreement") else 0) + 10 * care
            return diem(p), "hội nghị CBCCVC/NLĐ: %s; thỏa ước, quy chế: %s; thăm hỏi %s đoàn viên khó khăn" % (
                co(u.get("dialogue")), co(u.get("agreement")), pct(care))

        def phong_trao(u):
            lst = members_of(u["id"])
            d = len(lst)
            n_ldtt = sum(1 for m in lst if m["id"] in ldtt.awarded_ids)
            n_sk = sum(1 for m in lst if sk_nam(m)[0] > 0)
            xsd = ds.facts(u["id"], "dot1")
            green = xsd.get("green_score") if xsd else None
            p = ((5 if u.get("registered") else 0)
                 + kep(10 * (ratio(n_ldtt, d) - 0.5) / 0.4, 0, 10)
                 + min(6, 6 * ratio(n_sk, d) / 0.25)
                 + (0 if green is None else 4 if green >= 80 else 2 if green >= 60 else 0))
            return diem(p), "đăng ký thi đua: %s; LĐTT %s; có sáng kiến %s; Xanh - Sạch - Đẹp đợt 1: %s" % (
                co(u.get("registered")), phan(n_ldtt, d), phan(n_sk, d),
                "chưa chấm" if green is None else so(green) + " điểm")

        def to_chuc(u):
            dv = len(members_of(u["id"]))
            w = u.get("workers")
            phu = ratio(dv, dv if w is None else w)
            p = (theo_chi_tieu(10, u.get("new_members") or 0, u.get("member_target"))
                 + min(10, 10 * phu / 0.9) + (5 if u.get("trained") else 0))
            return diem(p), "%s; %s người lao động là đoàn viên; tập huấn: %s" % (ket_nap(u), pct(phu), co(u.get("trained")))

        def kiem_tra_tai_chinh(u):
            fee = u.get("fee_rate") or 0
            p = 10 * fee + (5 if u.get("report_on_time") else 0) + (5 if u.get("inspected") else 0)
            return diem(p), "thu nộp kinh phí %s; quyết toán đúng hạn: %s; kiểm tra: %s" % (
                pct(fee), co(u.get("report_on_time")), co(u.get("inspected")))

        def penalty(u):
            return 2 * (u.get("late_reports") or 0) + 5 * (u.get("violations") or 0)

        S["xep-loai-cdcs"] = xlc = evaluate_scoring(
            "xep-loai-cdcs", units,
            applies=lambda u: u.get("kind") == "cdcs" and (u.get("founded") is None or u["founded"] < P["from"]),
            group="cluster",
            items=[("dai_dien", 30, dai_dien), ("phong_trao", 25, phong_trao), ("to_chuc", 25, to_chuc),
                   ("kiem_tra_tai_chinh", 20, kiem_tra_tai_chinh)],
            bonus=(5, lambda u: 2 * (u.get("commended") or 0) + (2 if u["id"] in gbct.awarded_ids else 0)),
            penalty=penalty,
            tiebreak=["phong_trao", "dai_dien", "to_chuc", "kiem_tra_tai_chinh"])

        # cham-diem-khoi
        def chat_luong_cdcs(u):
            lst = children(u["id"])
            n = sum(1 for c in lst if xlc.grade(c["id"]) in (HTXS, HTT))
            return diem(30 * ratio(n, len(lst)) / 0.8), phan(n, len(lst)) + " CĐCS hoàn thành tốt trở lên"

        def thi_dua(u):
            lst = children(u["id"])
            n = sum(1 for c in lst if c["id"] in ttldtt.awarded_ids)
            return diem(20 * ratio(n, len(lst)) / 0.8), phan(n, len(lst)) + " CĐCS đạt TTLĐTT"

        def phat_trien(u):
            return diem(theo_chi_tieu(20, u.get("new_members") or 0, u.get("member_target"))), ket_nap(u)

        def tai_chinh(u):
            fee = u.get("fee_rate") or 0
            return diem(20 * fee + (10 if u.get("report_on_time") else 0)), \
                "thu nộp kinh phí %s; quyết toán đúng hạn: %s" % (pct(fee), co(u.get("report_on_time")))

        S["cham-diem-khoi"] = cdk = evaluate_scoring(
            "cham-diem-khoi", units,
            applies=lambda u: u.get("kind") in ("huyen", "nganh"),
            group="cluster",
            items=[("chat_luong_cdcs", 30, chat_luong_cdcs), ("thi_dua", 20, thi_dua),
                   ("phat_trien", 20, phat_trien), ("tai_chinh", 30, tai_chinh)],
            bonus=(5, lambda u: 2.5 * (u.get("commended") or 0)),
            penalty=penalty,
            tiebreak=["chat_luong_cdcs", "thi_dua", "phat_trien", "tai_chinh"])

        # co-thi-dua
        bang_diem = lambda u: xlc if u.get("kind") == "cdcs" else cdk

        def diem_cthd(u):
            s = bang_diem(u)
            g = s.grade(u["id"])
            if g is None:
                return False, "chưa được chấm điểm"
            return g == HTXS, "%s điểm, %s (hạng %d trong cụm)" % (so(s.total(u["id"]), 2), g, s.rank(u["id"]))

        def tt_xuat_sac(u):
            if u.get("kind") != "cdcs":
                return True, "không áp dụng với công đoàn cấp trên cơ sở"
            if u["id"] in ttldxs.awarded_ids:
                return True, None
            return False, "chưa đạt Tập thể lao động xuất sắc"

        A["co-thi-dua"] = r = evaluate_award("co-thi-dua", units, [
            xep_loai_tu("xuat_sac"), diem_cthd, tt_xuat_sac,
        ], applies=lambda u: u.get("cluster") is not None and u.get("kind") in ("cdcs", "huyen", "nganh"))

        def cthd_order(u):
            t = bang_diem(u).total(u["id"])
            return 0 if t is None else t
        apply_quota(r, maxn=1, within="cluster", order=cthd_order)
    return A, S


# ---------------------------------------------------------------------------
# JSON, in the layout of the plain-Lua engine

jstr = json.encoder.encode_basestring     # escapes " \ and control characters, UTF-8 passes


def js(s):
    return "null" if s is None else jstr(s)


def jnum(x):
    if x is None:
        return "null"
    if isinstance(x, int):
        return str(x)
    if x != x or x in (math.inf, -math.inf):
        raise ValueError("a number that JSON cannot hold: %r" % x)
    for fmt in ("%.15g", "%.16g"):
        s = fmt % x
        if float(s) == x:
            return s
    return "%.17g" % x


def rules_digest(rules):
    files = []
    for root, _, names in os.walk(rules):
        for n in names:
            if n.endswith(".lua"):
                full = os.path.join(root, n)
                files.append((os.path.relpath(full, rules).replace(os.sep, "/").encode(), full))
    files.sort()
    h = hashlib.sha256()
    for rel, full in files:
        with open(full, "rb") as f:
            body = f.read()
        h.update(rel + b"\0" + str(len(body)).encode() + b"\0")
        h.update(body)
    return "sha256:" + h.hexdigest()


def write_json(path, phase, digest, A, S):
    P = PHASES[phase]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as f:
        w = f.write
        w('{"plan":{"id":%s,"name":%s,"year":%d},\n' % (jstr(PLAN["id"]), jstr(PLAN["name"]), PLAN["year"]))
        w('"phase":{"id":%s,"name":%s,"from":%s,"to":%s},\n' % (
            jstr(P["id"]), jstr(P["name"]), jstr(P["from"]), jstr(P["to"])))
        w('"rules_digest":%s,\n' % jstr(digest))
        w('"awards":[')
        first = True
        for aid, name, subject, movement, phases, criteria in AWARDS:
            if phase not in phases:
                continue
            w('%s{"id":%s,"name":%s,"subject":%s,"movement":%s,"results":[' % (
                "\n" if first else ",\n", jstr(aid), jstr(name), jstr(subject), js(movement)))
            first = False
            pre_t, pre_f = [], []
            for j, (cid, text) in enumerate(criteria):
                p = '%s{"id":%s,"text":%s,"passed":' % ("" if j == 0 else ",", jstr(cid), jstr(text))
                pre_t.append(p + 'true,"detail":')
                pre_f.append(p + 'false,"detail":')
            sep = "\n"
            for sid, s, elig, awarded, crit in A[aid].rows:
                parts = ['%s{"subject":%s,"name":%s,"eligible":%s,"awarded":%s,"criteria":[' % (
                    sep, jstr(sid), js(s.get("name")), "true" if elig else "false", "true" if awarded else "false")]
                for j, (passed, det) in enumerate(crit):
                    parts.append((pre_t if passed else pre_f)[j])
                    parts.append("null" if det is None else jstr(det))
                    parts.append("}")
                parts.append("]}")
                w("".join(parts))
                sep = ",\n"
            w("]}")
        w('],\n"scorings":[')
        first = True
        for sc_id, name, subject, movement, phases, items in SCORINGS:
            if phase not in phases:
                continue
            w('%s{"id":%s,"name":%s,"subject":%s,"movement":%s,"results":[' % (
                "\n" if first else ",\n", jstr(sc_id), jstr(name), jstr(subject), js(movement)))
            first = False
            sep = "\n"
            for sid, s, g, total, rank, grade, its, b, pe in S[sc_id].rows:
                parts = ['%s{"subject":%s,"name":%s,"group":%s,"total":%s,"rank":%d,"grade":%s,"items":[' % (
                    sep, jstr(sid), js(s.get("name")), js(g), jnum(total), rank, js(grade))]
                for j, ((iid, text, mx), (p, raw, det)) in enumerate(zip(items, its)):
                    parts.append('%s{"id":%s,"text":%s,"points":%s,"raw":%s,"max":%s,"detail":%s}' % (
                        "" if j == 0 else ",", jstr(iid), jstr(text), jnum(p), jnum(raw), jnum(mx), js(det)))
                parts.append('],"bonus":%s,"penalty":%s}' % (jnum(b), jnum(pe)))
                w("".join(parts))
                sep = ",\n"
            w("]}")
        w('],\n"diagnostics":[]}\n')
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--phase", required=True, choices=sorted(PHASES))
    ap.add_argument("--out", required=True)
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules"),
                    help="the rules directory, only hashed for rules_digest (default: the repository's rules/)")
    args = ap.parse_args()
    c0, w0 = time.process_time(), time.perf_counter()
    digest = rules_digest(args.rules)
    c1, w1 = time.process_time(), time.perf_counter()
    ds = Dataset(args.data, args.phase)
    c2, w2 = time.process_time(), time.perf_counter()
    A, S = evaluate(ds, args.phase)
    c3, w3 = time.process_time(), time.perf_counter()
    write_json(args.out, args.phase, digest, A, S)
    c4, w4 = time.process_time(), time.perf_counter()
    sys.stderr.write(
        "python %s: %d units, %d members\n"
        "  load rules  %8.3f s cpu %8.2f s wall\n"
        "  load data   %8.3f s cpu %8.2f s wall\n"
        "  evaluate    %8.3f s cpu %8.2f s wall\n"
        "  write json  %8.3f s cpu %8.2f s wall\n"
        "  total       %8.3f s cpu %8.2f s wall\n" % (
            args.phase, len(ds.units), len(ds.members),
            c1 - c0, w1 - w0, c2 - c1, w2 - w1, c3 - c2, w3 - w2, c4 - c3, w4 - w3, c4 - c0, w4 - w0))


if __name__ == "__main__":
    main()
