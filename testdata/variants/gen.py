#!/usr/bin/env python3
"""Render varied 项目支出绩效目标表 layouts with Chromium and LibreOffice.

Not run by the tests: it writes NAME.pdf and NAME.expected.json beside it,
which are committed. Needs python3, chromium, libreoffice-writer-nogui,
poppler-utils and CJK fonts (fonts-wqy-zenhei, fonts-noto-cjk,
fonts-droid-fallback). Run from this directory: python3 gen.py

Each variant changes what real tables change: page size and orientation,
font and size, column widths, vertical alignment, how projects are indented,
whether the header repeats, whether rows may split across pages, several
units, all four money columns, large amounts, text before and after.
"""
import html, json, os, random, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = json.load(open(os.path.join(HERE, "..", "corpus", "zengcheng-2023.calc.expected.json")))
PROJECTS = [r for r in SEED["rows"] if r["level"] == "project"]

UNITS = ["某某区财政局", "某某区数据服务中心", "某某区政务服务中心（某某开发区行政服务中心）", "某某街道办事处"]


def cents(v):
    return int(round(v * 100))


def fmt(c):
    if c is None:
        return ""
    neg = c < 0
    c = abs(c)
    s = "{:,}.{:02d}".format(c // 100, c % 100)
    return "-" + s if neg else s


def plain(c):
    return None if c is None else float("{}.{:02d}".format(c // 100, c % 100))


def make_rows(rng, v):
    n_units = v.get("units", 1)
    n_proj = v.get("projects", 12)
    pool = [p for p in PROJECTS if len(p["indicators_text"]) <= v.get("max_text", 10**6)]
    picks = [dict(p) for p in rng.sample(pool, min(n_proj, len(pool)))]
    # Make the first characters of every name unique, so that the page on
    # which a row starts can be found in the PDF's text by its name.
    for k, p in enumerate(picks):
        others = [o["name"] for o in picks if o is not p] + [o["goal"] + o["indicators_text"] for o in picks] + UNITS
        if any(p["name"][:4] in o for o in others):
            p["name"] = "{:02d}.{}".format(k + 1, p["name"])
    per = [picks[i::n_units] for i in range(n_units)]
    rows = []
    grand = [0, 0, 0, 0]
    used = [False] * 4
    unit_rows = []
    for u in range(n_units):
        uname = UNITS[u % len(UNITS)]
        projs = []
        usum = [0, 0, 0, 0]
        uused = [False] * 4
        for p in per[u]:
            total = cents(p["total"])
            if v.get("big"):
                total = total * rng.choice([1000, 3000, 12345]) + rng.randint(0, 99)
            money = [total, total, None, None]
            if v.get("all_money") and rng.random() < 0.6:
                a = rng.randint(0, total)
                b = rng.randint(0, total - a)
                money = [total, a, b, total - a - b]
            for k in range(4):
                if money[k] is not None:
                    usum[k] += money[k]
                    uused[k] = True
            projs.append(dict(level="project", name=p["name"], unit=uname, money=money,
                              goal=p["goal"], indicators_text=p["indicators_text"]))
        umoney = [usum[k] if uused[k] else None for k in range(4)]
        for k in range(4):
            if uused[k]:
                grand[k] += usum[k]
                used[k] = True
        unit_rows.append([dict(level="unit", name=uname, unit=uname, money=umoney, goal="", indicators_text="")] + projs)
    if v.get("total_row", True):
        rows.append(dict(level="total", name="合计", unit=None,
                         money=[grand[k] if used[k] else None for k in range(4)], goal="", indicators_text=""))
    for ur in unit_rows:
        rows.extend(ur)
    return rows


CSS = """
@page {{ size: {page}; margin: {margin}mm; }}
body {{ font-family: '{font}'; font-size: {size}pt; margin: 0; }}
h1 {{ text-align: center; font-size: {tsize}pt; margin: 0 0 4pt 0; font-weight: normal; }}
.meta {{ display: flex; justify-content: space-between; margin-bottom: 3pt; }}
table.t {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
table.t td, table.t th {{ border: {border}; padding: {pad}pt 3pt; vertical-align: {valign};
  word-break: break-all; overflow-wrap: anywhere; font-weight: normal; }}
table.t th {{ text-align: center; vertical-align: middle; }}
td.m {{ text-align: {malign}; white-space: nowrap; }}
td.proj {{ {indent_css} }}
td.total {{ text-align: {total_align}; }}
tr {{ page-break-inside: {break_inside}; break-inside: {break_inside}; }}
table.other td {{ border: 1px solid #000; padding: 2pt 6pt; }}
p.note {{ margin: 6pt 0; }}
"""


def render_html(v, rows):
    widths = v["widths"]
    css = CSS.format(**v["css"])
    out = ["<!doctype html><html><head><meta charset='utf-8'><style>", css, "</style></head><body>"]
    if v.get("before"):
        out.append("<h1>收支预算总表</h1><table class='other'><tr><td>项目</td><td>预算数</td></tr>"
                   "<tr><td>一般公共预算拨款收入</td><td>5,651.84</td></tr><tr><td>支出总计</td><td>5,651.84</td></tr></table>"
                   "<p class='note'>注：本表反映部门年度收支预算情况。</p>")
        if v.get("before_break"):
            out.append("<div style='page-break-after: always'></div>")
    out.append("<h1>{}</h1>".format(html.escape(v["title"])))
    out.append("<div class='meta'><span>部门名称：{}</span><span>单位：{}</span></div>".format(
        html.escape(v["department"]), v["currency"]))
    if v["producer"] == "writer":
        # LibreOffice Writer's HTML import reads table attributes, not CSS.
        out.append("<table class='t' border='1' cellspacing='0' cellpadding='{}' width='100%'><colgroup>".format(v["css"]["pad"]) +
                   "".join("<col width='{}%'>".format(w) for w in widths) + "</colgroup>")
    else:
        out.append("<table class='t'><colgroup>" + "".join("<col style='width:{}%'>".format(w) for w in widths) + "</colgroup>")
    head = ("<tr><th>项目名称（资金使用单位）</th><th>总计</th><th>财政拨款</th><th>财政专户拨款</th>"
            "<th>其他资金</th><th>绩效目标</th><th>绩效指标</th></tr>")
    if v.get("repeat_header", True):
        out.append("<thead>" + head + "</thead><tbody>")
    else:
        out.append("<tbody>" + head.replace("<th>", "<td style='text-align:center'>").replace("</th>", "</td>"))
    for r in rows:
        name = html.escape(r["name"])
        cls = ""
        if r["level"] == "project":
            cls = "proj"
            if v["indent"] == "ideographic":
                name = "\u3000\u3000" + name
        elif r["level"] == "total":
            cls = "total"
        va = " valign='{}'".format(v["css"]["valign"]) if v["producer"] == "writer" else ""
        ma = " align='{}'".format(v["css"]["malign"]) if v["producer"] == "writer" else ""
        cells = ["<td class='{}'{}>{}</td>".format(cls, va, name)]
        for c in r["money"]:
            cells.append("<td class='m'{}{}>{}</td>".format(va, ma, fmt(c)))
        cells.append("<td>{}</td>".format(html.escape(r["goal"])))
        cells.append("<td>{}</td>".format(html.escape(r["indicators_text"])))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if v.get("after"):
        out.append("<p class='note'>备注：绩效目标表由部门编制，财政部门审核。</p>")
    out.append("</body></html>")
    return "\n".join(out)


def calc_pdf(v, rows, pdfpath):
    """Write the table as a workbook with excelize (xlsx/main.go) and print it with LibreOffice Calc."""
    spec = dict(Title=v["title"], Department=v["department"], Currency=v["currency"], Widths=v["xlsx_widths"],
                Font=v["css"]["font"], Size=v["css"]["size"], VAlign=v["css"]["valign"].replace("middle", "center"),
                Indent=v.get("xlsx_indent", "spaces"), Orientation=v.get("orientation", "landscape"), Paper=v.get("paper", "A4"),
                RepeatHeader=v.get("repeat_header", True),
                Rows=[dict(Level=r["level"], Name=r["name"], Goal=r["goal"], Indicators=r["indicators_text"],
                           Money=[fmt(c) if c is not None else None for c in r["money"]]) for r in rows])
    d = tempfile.mkdtemp()
    x = os.path.join(d, "t.xlsx")
    subprocess.run(["go", "run", "./testdata/variants/xlsx", x], input=json.dumps(spec).encode(), check=True,
                   cwd=os.path.join(HERE, "..", ".."), timeout=300)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", d, x], check=True, capture_output=True, timeout=180)
    shutil.move(os.path.join(d, "t.pdf"), pdfpath)


def to_pdf(htmlpath, pdfpath, producer):
    if producer == "writer":
        d = tempfile.mkdtemp()
        subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", d, htmlpath], check=True, capture_output=True, timeout=180)
        shutil.move(os.path.join(d, os.path.splitext(os.path.basename(htmlpath))[0] + ".pdf"), pdfpath)
    elif producer == "chromium":
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--print-to-pdf=" + pdfpath, htmlpath], check=True, capture_output=True, timeout=120)
    else:
        d = tempfile.mkdtemp()
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", d, htmlpath],
                       check=True, capture_output=True, timeout=180)
        shutil.move(os.path.join(d, os.path.splitext(os.path.basename(htmlpath))[0] + ".pdf"), pdfpath)


def page_texts(pdfpath):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdfpath], capture_output=True, text=True).stdout).group(1))
    texts = []
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdfpath, "-"], capture_output=True, text=True).stdout
        texts.append(re.sub(r"\s+", "", t))
    return n, texts


def find_pages(rows, texts):
    """The page on which each row starts: where its name's first characters
    (or, for a unit/total row, name plus amount) first appear, in order."""
    pages = []
    page, pos = 0, 0
    for r in rows:
        # Names differ in their first four characters (see make_rows), which
        # fit on the first line of any name cell.
        key = r["name"][:4]
        while page < len(texts):
            i = texts[page].find(key, pos)
            if i >= 0:
                pos = i + len(key)
                break
            page, pos = page + 1, 0
        pages.append(page + 1)
    return pages


def expected(v, rows, pages, npages, texts):
    title = v["title"] if any(v["title"] in t for t in texts) else ""  # LibreOffice's HTML import drops it
    out = dict(title=title, department=v["department"], currency_unit=v["currency"], pages=npages, rows=[])
    for i, r in enumerate(rows):
        m = [plain(c) for c in r["money"]]
        out["rows"].append(dict(seq=i + 1, level=r["level"], name=r["name"], unit=r["unit"],
                                total=m[0], fiscal_appropriation=m[1], fiscal_special_account=m[2], other_funds=m[3],
                                goal=r["goal"], indicators_text=r["indicators_text"], page=pages[i]))
    return out


def variants():
    base = dict(title="项目支出绩效目标表", department="广州市某某区政务服务数据管理局", currency="万元",
                widths=[16, 7, 7, 7, 7, 24, 32],
                css=dict(page="A4 landscape", margin=10, font="WenQuanYi Zen Hei", size=9, tsize=15, border="1px solid #000",
                         pad=2, valign="middle", malign="right", indent_css="text-indent: 2em;", total_align="left",
                         break_inside="auto"),
                indent="css", producer="chromium")

    def var(name, **kw):
        v = json.loads(json.dumps(base))
        css = kw.pop("css", {})
        v.update(kw)
        v["css"].update(css)
        v["name"] = name
        return v

    return [
        var("portrait-top-aligned", css=dict(page="A4 portrait", valign="top", size=8), widths=[18, 8, 8, 8, 8, 22, 28], projects=10),
        var("several-units", units=3, projects=18, currency="元", big=True, widths=[15, 9, 9, 8, 8, 22, 29]),
        var("all-money-columns", all_money=True, projects=14, css=dict(malign="center")),
        var("header-once", repeat_header=False, projects=16),
        var("rows-whole", css=dict(break_inside="avoid", font="Noto Sans CJK SC", size=10), projects=14),
        var("ideographic-indent", indent="ideographic", css=dict(indent_css="", total_align="center"), projects=12),
        var("a3-small-font", css=dict(page="A3 landscape", size=7.5, pad=4), projects=20, widths=[12, 6, 6, 6, 6, 28, 36]),
        var("letter-serif-thin-rules", css=dict(page="letter landscape", font="Noto Serif CJK SC", border="0.5pt solid #333", size=9.5), projects=12),
        var("preceded-by-other-table", before=True, before_break=True, after=True, projects=10, total_row=False),
        var("same-page-other-table", before=True, projects=8, css=dict(valign="top", indent_css="padding-left: 14pt;")),
        var("libreoffice-writer", producer="libreoffice", projects=10, css=dict(font="Droid Sans Fallback")),
        var("writer-ruled-top", producer="writer", projects=12, indent="ideographic", css=dict(valign="top", indent_css="", font="Noto Serif CJK SC", size=8)),
        var("writer-ruled-middle-units", producer="writer", units=2, projects=14, all_money=True, indent="ideographic",
            css=dict(valign="middle", indent_css="", font="WenQuanYi Zen Hei", size=7.5, pad=2), widths=[17, 9, 9, 9, 8, 22, 26]),
        var("calc-units-cell-indent", producer="calc", max_text=330, units=3, projects=15, all_money=True, xlsx_indent="style",
            xlsx_widths=[14, 7, 7, 7, 6, 23, 28], css=dict(font="Noto Sans CJK SC", size=9, valign="middle")),
        var("calc-portrait-top", producer="calc", max_text=330, projects=10, orientation="portrait", xlsx_widths=[11, 6, 6, 6, 5, 13, 15],
            css=dict(font="WenQuanYi Zen Hei", size=8, valign="top")),
        var("calc-a3-header-once", producer="calc", max_text=600, projects=20, paper="A3", repeat_header=False, big=True,
            xlsx_widths=[19, 10, 10, 9, 9, 37, 45], css=dict(font="Noto Serif CJK SC", size=10, valign="middle")),
        var("libreoffice-writer-units", producer="libreoffice", units=2, projects=12, all_money=True, css=dict(font="WenQuanYi Zen Hei", page="A4 portrait", size=8),
            widths=[18, 8, 8, 8, 8, 22, 28]),
    ]


def main():
    only = sys.argv[1:]
    for i, v in enumerate(variants()):
        if only and v["name"] not in only:
            continue
        rng = random.Random(1000 + i)
        rows = make_rows(rng, v)
        pdf = os.path.join(HERE, v["name"] + ".pdf")
        if v["producer"] == "calc":
            calc_pdf(v, rows, pdf)
        else:
            with tempfile.TemporaryDirectory() as d:
                hp = os.path.join(d, v["name"] + ".html")
                open(hp, "w").write(render_html(v, rows))
                to_pdf(hp, pdf, v["producer"])
        npages, texts = page_texts(pdf)
        exp = expected(v, rows, find_pages(rows, texts), npages, texts)
        with open(os.path.join(HERE, v["name"] + ".expected.json"), "w") as f:
            json.dump(exp, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(v["name"], npages, "pages", len(rows), "rows")


if __name__ == "__main__":
    main()
