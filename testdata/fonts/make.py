#!/usr/bin/python3
"""Makes the font fixtures of testdata/fonts: the same small 项目支出绩效目标表
printed by three producers whose fonts pet must read.

  reportlab.pdf   ReportLab, STSong-Light (not embedded, UniGB-UCS2-H, /W by CID),
                  with closing 。 hung across the goal column's right rule
  reportlab-hang.pdf  the same with the hung 。's centre past the rule
  xelatex.pdf     XeLaTeX + ctex, FandolSong (CID-keyed CFF, Adobe-GB1,
                  Identity-H, no ToUnicode)
  wkhtmltopdf.pdf wkhtmltopdf, Noto Sans CJK SC (its ToUnicode maps some
                  ideographs to CJK radicals: ⻓ for 长, ⻔ for 门)

Run from this directory: /usr/bin/python3 make.py (needs python3-reportlab,
texlive-xetex, texlive-lang-chinese, wkhtmltopdf, fonts-noto-cjk).
"""
import subprocess

TITLE = "项目支出绩效目标表"
DEPT = "部门名称：清水市水务局"
UNIT = "单位：万元"
HEADER = ["序号", "项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
# (seq, name, total, fiscal, special, other, goal, indicators)
ROWS = [
    ("1", "合计", "1,234.56", "1,200.00", "", "34.56", "", ""),
    ("2", "清水市水务局", "1,234.56", "1,200.00", "", "34.56", "", ""),
    ("3", "河道长效管护经费", "1,000.00", "1,000.00", "", "",
     "保障全市主要河道长效管护，做到河面保洁及时到位。水质稳定达到考核要求，群众满意度不断提高。",
     "1、1-产出指标,11-数量指标,管护河道长度；实施周期指标值:≥120公里,年度指标值:≥120公里。"),
    ("4", "部门运转保障经费", "234.56", "200.00", "", "34.56",
     "保障部门日常运转，门禁与业务系统运行稳定。按时完成年度各项工作任务，服务对象满意率高。",
     "1、3-满意度指标,31-服务对象满意度指标,群众满意度；实施周期指标值:≥90%,年度指标值:≥90%。"),
]
HANG = "，。；：、）"


def wrap(text, width, fs):
    """Breaks text into lines no wider than width at font size fs (CJK em,
    ASCII half em), except that a closing punctuation mark that would start
    a line hangs at the end of the previous one, past the width."""
    lines, cur, w = [], "", 0.0
    for ch in text:
        cw = fs / 2 if ord(ch) < 0x2000 else fs
        if cur and w + cw > width and ch not in HANG:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


# Column edges (points, landscape A4).
EDGES = [30, 60, 170, 230, 290, 350, 410, 610, 812]


def reportlab(path="reportlab.pdf", goal_inset=4):
    """goal_inset: where the goal column's lines start from its left rule
    (they are wrapped for an inset of 4): at 9 a full line still fits and
    its hung 。 has its centre past the right rule."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4, landscape

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    w, h = landscape(A4)
    c = canvas.Canvas(path, pagesize=(w, h), invariant=1)
    c.setFont("STSong-Light", 16)
    c.drawCentredString(w / 2, h - 50, TITLE)
    c.setFont("STSong-Light", 9)
    c.drawString(EDGES[0], h - 75, DEPT)
    c.drawRightString(EDGES[-1], h - 75, UNIT)
    fs, pitch = 9, 12
    top = h - 85
    cell = [[wrap(r[6], EDGES[7] - EDGES[6] - 8, fs), wrap(r[7], EDGES[8] - EDGES[7] - 8, fs)] for r in ROWS]
    heights = [30] + [max(24, pitch * max(len(g), len(i)) + 10) for g, i in cell]
    ys = [top]
    for hh in heights:
        ys.append(ys[-1] - hh)
    c.setLineWidth(0.5)
    for y in ys:
        c.line(EDGES[0], y, EDGES[-1], y)
    for x in EDGES:
        c.line(x, ys[0], x, ys[-1])
    # Header, centred in its cells.
    for i, t in enumerate(HEADER):
        c.drawCentredString((EDGES[i] + EDGES[i + 1]) / 2, ys[0] - 18, t)
    for k, r in enumerate(ROWS):
        y0 = ys[k + 1]
        mid = y0 - heights[k + 1] / 2 - 3
        c.drawCentredString((EDGES[0] + EDGES[1]) / 2, mid, r[0])
        c.drawString(EDGES[1] + 4, mid, r[1])
        for j in range(2, 6):
            if r[j]:
                c.drawRightString(EDGES[j + 1] - 4, mid, r[j])
        for j, lines in ((6, cell[k][0]), (7, cell[k][1])):
            for n, line in enumerate(lines):
                # Each line is one string: a closing 。 past the cell's
                # width hangs over the right rule, as ReportLab's CJK
                # wrapping and Word's 允许标点溢出边界 print it.
                c.drawString(EDGES[j] + (goal_inset if j == 6 else 4), y0 - 4 - fs - n * pitch, line)
    c.showPage()
    c.save()


def html():
    rows = []
    for r in ROWS:
        cells = list(r)
        tds = []
        for j, t in enumerate(cells):
            align = "right" if 2 <= j <= 5 else "left"
            tds.append('<td style="text-align:%s">%s</td>' % (align, t))
        rows.append("<tr>%s</tr>" % "".join(tds))
    widths = [EDGES[i + 1] - EDGES[i] for i in range(len(EDGES) - 1)]
    cols = "".join('<col style="width:%dpt">' % w for w in widths)
    head = "".join("<th>%s</th>" % t for t in HEADER)
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "Noto Sans CJK SC"; font-size: 9pt; margin: 0; }
h1 { font-size: 16pt; text-align: center; font-weight: normal; }
table { border-collapse: collapse; table-layout: fixed; width: %dpt; }
td, th { border: 0.5pt solid black; padding: 2pt 4pt; font-weight: normal; vertical-align: middle; }
.meta { width: %dpt; }
</style></head><body>
<h1>%s</h1>
<table class="meta" style="border:none"><tr><td style="border:none">%s</td><td style="border:none;text-align:right">%s</td></tr></table>
<table>%s<tr>%s</tr>%s</table>
</body></html>
""" % (EDGES[-1] - EDGES[0], EDGES[-1] - EDGES[0], TITLE, DEPT, UNIT, cols, head, "".join(rows))


def wkhtmltopdf():
    with open("/tmp/pet-fonts-table.html", "w") as f:
        f.write(html())
    subprocess.run(["wkhtmltopdf", "-q", "-O", "Landscape", "-s", "A4", "/tmp/pet-fonts-table.html", "wkhtmltopdf.pdf"], check=True)


def xelatex():
    widths = [EDGES[i + 1] - EDGES[i] - 8 for i in range(len(EDGES) - 1)]
    spec = "|" + "|".join("p{%dpt}" % w if i in (1, 6, 7) else ">{\\raggedleft\\arraybackslash}p{%dpt}" % w if 2 <= i <= 5 else ">{\\centering\\arraybackslash}p{%dpt}" % w for i, w in enumerate(widths)) + "|"
    body = []
    for r in ROWS:
        cells = list(r)
        body.append(" & ".join(c.replace("%", "\\%") for c in cells) + " \\\\ \\hline")
    tex = r"""\documentclass[UTF8]{ctexart}
\usepackage[a4paper,landscape,margin=30pt]{geometry}
\usepackage{array}
\pagestyle{empty}
\zihao{-5}
\setlength{\parindent}{0pt}
\xeCJKsetcharclass{"2265}{"2265}{1}
\begin{document}
\begin{center}{\zihao{3} %s}\end{center}
\makebox[%dpt]{%s\hfill %s}

\begin{tabular}{%s}\hline
%s \\ \hline
%s
\end{tabular}
\end{document}
""" % (TITLE, EDGES[-1] - EDGES[0], DEPT, UNIT, spec, " & ".join("\\centering " + h if False else h for h in HEADER), "\n".join(body))
    with open("/tmp/pet-fonts-xelatex.tex", "w") as f:
        f.write(tex)
    subprocess.run(["xelatex", "-interaction=batchmode", "-output-directory=/tmp", "/tmp/pet-fonts-xelatex.tex"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cp", "/tmp/pet-fonts-xelatex.pdf", "xelatex.pdf"], check=True)


if __name__ == "__main__":
    reportlab()
    reportlab("reportlab-hang.pdf", 9)
    wkhtmltopdf()
    xelatex()
