#!/usr/bin/env python3
"""`make report-check`: the sample's documents opened in real programs.

For each phase of the sample plan, writes the danh sách and the báo cáo as
HTML and xlsx with `commend report`, then
  - opens each HTML page in headless Chromium: the DOM must hold the document's
    headings, every award's heading and every awarded subject's name (danh
    sách), one chart per cluster (báo cáo); the browser's console must stay
    free of errors; the page is printed to PDF, whose pages must be A4, and
    photographed at desktop and phone widths (PNG);
  - converts each workbook to CSV with LibreOffice (every sheet) and compares
    the cells with the evaluation (`commend evaluate --format json`): counts per
    award, the awarded names per award, each scoring's names, ranks and totals,
    the phase's dates.
Outputs stay in the output folder (default .report-check/) to be looked at.
Exit status 1 on the first failed check, with what failed.
"""
import argparse
import collections
import csv
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

KINDS = ("danh-sach", "bao-cao")
A4_POINTS = (595.0, 842.0)  # 210 × 297 mm; Chromium writes 595.92 × 842.88


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def run(args, **kw):
    result = subprocess.run(args, capture_output=True, text=True, **kw)
    return result


def commend(options, *args):
    result = run([options.commend, *args])
    check(result.returncode == 0, f"commend {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


# --- Chromium -------------------------------------------------------------

def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise CheckFailed("no chromium on PATH (make report-check installs Debian's chromium)")


CONSOLE = re.compile(r"(:CONSOLE[:(]\d+|Uncaught)")


def chromium(options, page, *flags):
    """Runs headless Chromium on a file; returns (stdout, console lines)."""
    with tempfile.TemporaryDirectory() as profile:
        result = run([chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                      "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
                      "--enable-logging=stderr", "--v=0", "--log-level=0", "--hide-scrollbars",
                      *flags, "file://" + os.path.abspath(page)], timeout=300)
    console = [line for line in result.stderr.splitlines() if CONSOLE.search(line)]
    check(result.returncode == 0, f"chromium {' '.join(flags)} {page} failed:\n{result.stderr[-2000:]}")
    return result.stdout, console


def self_test_console(options, folder):
    """The console check must see an error when there is one."""
    page = os.path.join(folder, "console-self-test.html")
    with open(page, "w") as f:
        f.write("<!DOCTYPE html><title>t</title><script>console.error('report-check self-test')</script>")
    _, console = chromium(options, page, "--dump-dom")
    check(any("report-check self-test" in line for line in console),
          "Chromium's console is not visible to this check (no line for a console.error on a test page)")
    os.remove(page)


def pdf_pages(path):
    data = open(path, "rb").read()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    return pages, [(float(w), float(h)) for w, h in boxes]


def check_dom(options, page, expected):
    dom, console = chromium(options, page, "--dump-dom")
    check(not console, f"{page}: console messages:\n" + "\n".join(console))
    cells = set(re.findall(r"<td>[^<]*</td>", dom))
    for needle in expected:
        check(needle in cells if needle.startswith("<td>") else needle in dom, f"{page}: the rendered page lacks {needle!r}")


def check_print(options, page):
    base = os.path.splitext(page)[0]
    _, console = chromium(options, page, f"--print-to-pdf={base}.pdf", "--no-pdf-header-footer")
    check(not console, f"{page} (printing): console messages:\n" + "\n".join(console))
    pages, boxes = pdf_pages(base + ".pdf")
    check(pages >= 1 and boxes, f"{base}.pdf: no pages")
    for w, h in boxes:
        check(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2, f"{base}.pdf: a page of {w} × {h} points is not A4")
    chromium(options, page, f"--screenshot={base}-desktop.png", "--window-size=1240,1754")
    chromium(options, page, f"--screenshot={base}-phone.png", "--window-size=390,1400")
    if shutil.which("pdftoppm"):
        run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", base + ".pdf", base + "-pdf"])
    return pages


def text_of(name):
    """A name as it appears in serialised DOM text."""
    return html.escape(name, quote=False)


def expected_danh_sach(result):
    needles = ["<h1>DANH SÁCH</h1>", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
               "TM. BAN THƯỜNG VỤ", "NGƯỜI LẬP BIỂU"]
    for award in result["awards"]:
        needles.append(f"<h2>{text_of(award['name'])}</h2>")
        needles += [f"<td>{text_of(r['name'])}</td>" for r in award["results"] if r["awarded"]]
    return needles


def expected_bao_cao(result):
    needles = ["<h1>BÁO CÁO</h1>", "I. TỔNG QUAN", "II. KẾT QUẢ THEO HÌNH THỨC KHEN THƯỞNG",
               "III. KẾT QUẢ THEO ĐỊA BÀN, NGÀNH", "V. ĐỦ ĐIỀU KIỆN NHƯNG NGOÀI CHỈ TIÊU",
               "VI. SO SÁNH VỚI CÙNG KỲ NĂM TRƯỚC"]
    if result["scorings"]:
        needles.append("IV. CHẤM ĐIỂM, XẾP HẠNG THI ĐUA")
    for scoring in result["scorings"]:
        needles.append(f"<h3>{text_of(scoring['name'])}</h3>")
    return needles


LARGE = 5000


def awarded_rows(result):
    return sum(r["awarded"] for a in result["awards"] for r in a["results"])


def first_district(data):
    """The first unit under a root unit in units.csv."""
    with open(os.path.join(data, "units.csv"), encoding="utf-8-sig") as f:
        units = list(csv.DictReader(f))
    roots = {u["id"] for u in units if not u.get("parent")}
    return next(u["id"] for u in units if u.get("parent") in roots)


def cluster_count(result):
    return sum(len({r.get("group") for r in s["results"]}) for s in result["scorings"])


# --- LibreOffice ----------------------------------------------------------

def sheet_names(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("xl/workbook.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    return [s.get("name") for s in root.find("m:sheets", ns)]


def libreoffice_sheets(path, folder):
    """Every sheet of the workbook as rows of cells, converted by LibreOffice."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    check(office, "no libreoffice on PATH (make report-check installs Debian's libreoffice-calc)")
    out = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + "-csv")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        # Tokens: separator 44 (,), quote 34 ("), UTF-8 (76), from line 1, ..., the
        # last -1: every sheet to its own file, NAME-SHEET.csv.
        result = run([office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1",
                      "--outdir", out, path], timeout=300)
    check(result.returncode == 0, f"libreoffice could not convert {path}:\n{result.stderr}")
    stem = os.path.splitext(os.path.basename(path))[0]
    sheets = []
    for name in sheet_names(path):
        file = os.path.join(out, f"{stem}-{name}.csv")
        check(os.path.exists(file), f"{path}: LibreOffice wrote no sheet {name!r} (files: {os.listdir(out)})")
        with open(file, encoding="utf-8") as f:
            sheets.append((name, list(csv.reader(f))))
    return sheets


def number(cell):
    try:
        return float(cell.replace(",", ""))
    except ValueError:
        raise CheckFailed(f"cell {cell!r} is not a number")


def counts(award):
    results = award["results"]
    return (len(results), sum(r["eligible"] for r in results), sum(r["awarded"] for r in results))


def dmy(iso):
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def check_summary(sheet, result, path):
    name, rows = sheet
    check(rows[0][:4] == ["Hình thức khen thưởng", "Xét", "Đủ điều kiện", "Khen thưởng"],
          f"{path} {name}: headers {rows[0][:4]}")
    check(len(rows) - 1 == len(result["awards"]), f"{path} {name}: {len(rows) - 1} rows for {len(result['awards'])} awards")
    for row, award in zip(rows[1:], result["awards"]):
        check(row[0] == award["name"], f"{path} {name}: {row[0]!r} where {award['name']!r} was expected")
        got = tuple(int(number(c)) for c in row[1:4])
        check(got == counts(award), f"{path} {name} {award['name']}: counts {got}, evaluation {counts(award)}")
        phase = result["phase"]
        check(row[6:8] == [dmy(phase["from"]), dmy(phase["to"])], f"{path} {name}: dates {row[6:8]} are not the phase's")


def check_scoring_sheets(sheets, scorings, path):
    for (name, rows), scoring in zip(sheets, scorings):
        got = collections.Counter((row[2], int(number(row[1])), round(number(row[-2]), 6)) for row in rows[1:])
        want = collections.Counter((r["name"], r["rank"], round(r["total"], 6)) for r in scoring["results"])
        check(got == want, f"{path} {name}: names, ranks and totals differ from the evaluation")


def check_danh_sach_book(path, result, folder):
    sheets = libreoffice_sheets(path, folder)
    awards, scorings = result["awards"], result["scorings"]
    check(len(sheets) == 1 + len(awards) + len(scorings), f"{path}: {len(sheets)} sheets")
    check_summary(sheets[0], result, path)
    check_scoring_sheets(sheets[1 + len(awards):], scorings, path)
    for (name, rows), award in zip(sheets[1:], awards):
        header = rows[0]
        check(header[0] == "STT" and header[1] in ("Họ và tên", "Tên tập thể"), f"{path} {name}: headers {header}")
        awarded = sorted(r["name"] for r in award["results"] if r["awarded"])
        check(sorted(row[1] for row in rows[1:]) == awarded, f"{path} {name}: the names differ from the awarded subjects")
        check([int(number(row[0])) for row in rows[1:]] == list(range(1, len(awarded) + 1)), f"{path} {name}: STT not 1..n")
    return sum(len(rows) - 1 for _, rows in sheets[1:])


def check_bao_cao_book(path, result, folder):
    sheets = libreoffice_sheets(path, folder)
    awards, scorings = result["awards"], result["scorings"]
    check(len(sheets) == 2 + len(awards) + len(scorings), f"{path}: {len(sheets)} sheets")
    check_summary(sheets[0], result, path)
    for (name, rows), award in zip(sheets[1:], awards):
        totals = tuple(int(sum(number(row[i]) for row in rows[1:])) for i in (1, 2, 3))
        check(totals == counts(award), f"{path} {name}: districts add up to {totals}, evaluation {counts(award)}")
    check_scoring_sheets(sheets[1 + len(awards):], scorings, path)
    name, rows = sheets[-1]
    left_out = sum(r["eligible"] and not r["awarded"] for a in awards for r in a["results"])
    check(len(rows) - 1 == left_out, f"{path} {name}: {len(rows) - 1} rows, {left_out} left out by quotas")
    return sum(len(rows) - 1 for _, rows in sheets)


# --- main -----------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commend", default=".build/debug/commend")
    parser.add_argument("--rules", default="rules")
    parser.add_argument("--data", default="examples/bac-kan-2021")
    parser.add_argument("--phases", default="dot1,dot2")
    parser.add_argument("--out", default=".report-check")
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    try:
        self_test_console(options, options.out)
        for phase in options.phases.split(","):
            source = ["--rules", options.rules, "--data", options.data, "--phase", phase]
            result_file = os.path.join(options.out, f"{phase}.json")
            commend(options, "evaluate", *source, "--format", "json", "--out", result_file, "--quiet")
            result = json.load(open(result_file, encoding="utf-8"))
            for kind in KINDS:
                base = os.path.join(options.out, f"{kind}-{phase}")
                commend(options, "report", *source, "--kind", kind, "--date", f"{result['plan']['year']}-12-20",
                        "--out", base + ".html")
                expected = expected_danh_sach(result) if kind == "danh-sach" else expected_bao_cao(result)
                check_dom(options, base + ".html", expected)
                printed = base + ".html"
                if awarded_rows(result) > LARGE and kind == "danh-sach":
                    # Tens of thousands of rows make a PDF of a thousand pages: print
                    # the list one district files instead (--unit, its first district).
                    district = first_district(options.data)
                    printed = f"{base}-{district}.html"
                    commend(options, "report", *source, "--kind", kind, "--unit", district,
                            "--date", f"{result['plan']['year']}-12-20", "--out", printed)
                    check_dom(options, printed, ["<h1>DANH SÁCH</h1>", "TM. BAN THƯỜNG VỤ"])
                pages = check_print(options, printed)
                if kind == "bao-cao":
                    svgs = open(base + ".html", encoding="utf-8").read().count("<svg")
                    check(svgs == cluster_count(result), f"{base}.html: {svgs} charts for {cluster_count(result)} clusters")
                commend(options, "report", *source, "--kind", kind, "--format", "xlsx", "--out", base + ".xlsx")
                rows = (check_danh_sach_book if kind == "danh-sach" else check_bao_cao_book)(base + ".xlsx", result, options.out)
                print(f"ok  {kind} {phase}: {len(expected)} headings and names in Chromium's DOM, "
                      f"{pages} A4 pages ({os.path.basename(printed)}), "
                      f"{rows} rows of the workbook match the evaluation")
    except CheckFailed as failure:
        print(f"report-check: {failure}", file=sys.stderr)
        return 1
    print(f"report-check: every document passed; PDFs, PNGs and CSVs are in {options.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
