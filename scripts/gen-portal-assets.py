#!/usr/bin/env python3
"""Generate the binary files of the bundled portal content (issue 15): the PDFs of the official
documents and the photos of the albums, under content/sites/<id>/{documents,albums}/.

What the bundled portal content is
    Each school (thcs-hai-yen, thcs-hai-hoa, th-ka-long) has 2 notices (`notices/`, one current
    in early December 2026, one expired), 4 documents (`documents/`: the school's plan for the
    model, the Kế hoạch and the Thể lệ of its contest of 10–20 March 2027, and a `cong-khai`
    disclosure), one album of 6 photos (`albums/`; thcs-hai-yen's shows students, with consent)
    and a "Giới thiệu chung" page (`pages/gioi-thieu-chung.md`); the Sở and the Phòng each have
    2 documents shared down (`share: down`: a plan and a công văn). Document numbers such as
    12/KH-THCSHY, names of people and contacts are illustrative. The Markdown (index.md) of
    every document and album is hand-written content; this script writes only the files beside
    them: one PDF per document and the JPEG photos of the albums.
    Facts come from the project's content brief and seed plans only. The Sở's plan and the
    Phòng's are this network's plans for 2026–2027: they cite the real KH 232/KH-UBND
    (15/10/2024) and KH 3955/KH-SGDĐT (14/12/2024) as their basis and do not reproduce them. The
    `cong-khai` documents publish the schools' official channels; no Thông tư on disclosures is
    cited (the brief cannot confirm which one replaced TT 36/2017).

The files
    - PDFs laid out like a Vietnamese official document (NĐ 30/2020 style: quốc hiệu, tiêu ngữ,
      issuer, số hiệu, place and date, title, sections, "Nơi nhận", signature block), text in
      DejaVu Serif Condensed embedded as a subset, so that the Vietnamese text extracts back exactly.
    - JPEG photos, 1200×800, drawn with Pillow (posters, displays, a stage, drawings on a wall),
      each carrying EXIF with GPS tags (near Móng Cái), so that a build shows the GPS is
      stripped: the source files keep it, the published photos must not.
    Every run writes the same bytes (pinned package versions, reportlab's `invariant=1`, fixed
    EXIF dates, seeded noise; the fonts are Debian's fonts-dejavu-core 2.37): re-running changes
    nothing unless this script changed. The build never needs Python: the files are committed.

How to run (from the repository root)
    python3 scripts/gen-portal-assets.py            # writes the files
    python3 scripts/gen-portal-assets.py --check    # and reads each file back: every paragraph
                                                    # of a PDF extracts back exactly (pypdf), each
                                                    # photo has its GPS tags (piexif)
    The script makes its own virtual environment in target/assets-venv (python3 -m venv, then
    pip install of the pinned versions below) and re-runs itself inside it. It needs Debian's
    python3-venv and fonts-dejavu-core (/usr/share/fonts/truetype/dejavu/DejaVuSerif*.ttf):
    `apt-get install python3-venv fonts-dejavu-core` when missing.
"""

import hashlib
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "assets-venv"
PINNED = ["reportlab==4.4.4", "pillow==12.0.0", "piexif==1.1.3", "pypdf==7.1.1"]
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "Serif": "DejaVuSerifCondensed.ttf",
    "Serif-Bold": "DejaVuSerifCondensed-Bold.ttf",
    "Serif-Italic": "DejaVuSerifCondensed-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerifCondensed-BoldItalic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
}


def ensure_venv():
    """Re-run this script inside target/assets-venv with the pinned packages."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / "pinned.txt"
    if not stamp.exists() or stamp.read_text() != "\n".join(PINNED):
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PINNED], check=True)
        stamp.write_text("\n".join(PINNED))
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def check_fonts():
    missing = [f for f in FONTS.values() if not (FONT_DIR / f).exists()]
    if missing:
        sys.exit(
            f"missing fonts {missing} in {FONT_DIR}: apt-get install fonts-dejavu-core"
        )


# ---------------------------------------------------------------------------------------------
# Dates as official documents write them (NĐ 30/2020: a leading zero for days below 10 and for
# months 1 and 2).


def vn_date(place, iso):
    d = date.fromisoformat(iso)
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{place}, ngày {day} tháng {month} năm {d.year}"


def short_date(iso):
    d = date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


# ---------------------------------------------------------------------------------------------
# PDF: one official document.
#
# A document is a dict: site, slug, file, unit (the two header lines: the body above and the
# issuer), number, place, issued, kind ("KẾ HOẠCH", "THỂ LỆ", "THÔNG BÁO"; None for a công
# văn, which has `vv` and `to` instead), title, body (a list of blocks), recipients, sign
# (lines above the name: "HIỆU TRƯỞNG" or "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and signer (name).
# Blocks: ("h", text) a section heading, ("p", text) a paragraph, ("-", text) a dash item,
# ("t", [rows]) a table whose first row is the header. **x** in a text is bold.


def inline(text):
    out, bold = [], False
    for i, part in enumerate(escape(text).split("**")):
        if i:
            out.append("</b>" if bold else "<b>")
            bold = not bold
        out.append(part)
    return "".join(out)


def build_pdf(doc, path):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        HRFlowable,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    def style(name, size=12.5, align=TA_JUSTIFY, font="Serif", lead=None, **kw):
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=lead or size * 1.35,
            alignment=align, **kw
        )

    body = style("body", size=12.5, firstLineIndent=10 * mm, spaceAfter=3)
    dash = style("dash", firstLineIndent=10 * mm, spaceAfter=2)
    head = style("head", font="Serif-Bold", firstLineIndent=10 * mm, spaceBefore=4, spaceAfter=3)
    center = style("center", size=12, align=TA_CENTER)
    center_b = style("center_b", size=12, align=TA_CENTER, font="Serif-Bold")
    head_l = style("head_l", size=11.5, align=TA_CENTER)
    head_b = style("head_b", size=11.5, align=TA_CENTER, font="Serif-Bold")
    title_s = style("title", size=14, align=TA_CENTER, font="Serif-Bold", lead=18)
    sub_s = style("sub", size=13, align=TA_CENTER, font="Serif-Bold", lead=17)
    cell = style("cell", size=11, align=TA_LEFT)
    cell_b = style("cell_b", size=11, align=TA_LEFT, font="Serif-Bold")
    small = style("small", size=10.5, align=TA_LEFT, lead=13)
    small_bi = style("small_bi", size=11, align=TA_LEFT, font="Serif-BoldItalic")
    italic_c = style("italic_c", size=12.5, align=TA_CENTER, font="Serif-Italic")

    def rule(width):
        return HRFlowable(width=width, thickness=0.7, color=colors.black, spaceBefore=2.5,
                          spaceAfter=3, hAlign="CENTER")

    upper, issuer = doc["unit"]
    left = [Paragraph(escape(upper), head_l), Paragraph(escape(issuer), head_b), rule("35%"),
            Paragraph("Số: " + escape(doc["number"]), head_l)]
    if doc.get("vv"):
        left.append(Paragraph("V/v " + escape(doc["vv"]), style("vv", size=11, align=TA_CENTER)))
    right = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", head_b),
             Paragraph("Độc lập - Tự do - Hạnh phúc", head_b), rule("55%"),
             Paragraph(escape(vn_date(doc["place"], doc["issued"])), italic_c)]
    header = Table([[left, right]], colWidths=[68 * mm, 92 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story = [header, Spacer(1, 8 * mm)]
    if doc.get("kind"):
        story.append(Paragraph(escape(doc["kind"]), title_s))
        story.append(Paragraph(escape(doc["title"]), sub_s))
        if doc.get("note"):
            story.append(Paragraph(escape(doc["note"]), italic_c))
        story.append(rule("25%"))
    if doc.get("to"):
        story.append(Paragraph("Kính gửi: " + escape(doc["to"][0]), center) if len(doc["to"]) == 1
                     else Paragraph("Kính gửi:", center))
        if len(doc["to"]) > 1:
            for t in doc["to"]:
                story.append(Paragraph("- " + escape(t) + ";", style("to", size=12.5,
                                       align=TA_LEFT, leftIndent=45 * mm)))
    story.append(Spacer(1, 4 * mm))
    for block in doc["body"]:
        kind, value = block[0], block[1]
        if kind == "h":
            story.append(Paragraph(inline(value), head))
        elif kind == "p":
            story.append(Paragraph(inline(value), body))
        elif kind == "-":
            story.append(Paragraph("- " + inline(value), dash))
        elif kind == "t":
            rows = [[Paragraph(inline(c), cell_b if r == 0 else cell) for c in row]
                    for r, row in enumerate(value)]
            widths = [w * mm for w in (block[2] if len(block) > 2 else
                                       {2: (55, 105), 3: (30, 80, 50)}[len(value[0])])]
            t = Table(rows, colWidths=widths, repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
            story += [Spacer(1, 2 * mm), t, Spacer(1, 3 * mm)]
        else:
            raise ValueError(kind)
    recipients = [Paragraph("Nơi nhận:", small_bi)] + [
        Paragraph("- " + escape(r) + (";" if i < len(doc["recipients"]) - 1 else "."), small)
        for i, r in enumerate(doc["recipients"])]
    sign = [Paragraph(escape(s), center_b) for s in doc["sign"]]
    sign += [Paragraph("(Đã ký)", style("signed", size=12, align=TA_CENTER, font="Serif-Italic")),
             Spacer(1, 10 * mm), Paragraph(escape(doc["signer"]), center_b)]
    foot = Table([[recipients, sign]], colWidths=[80 * mm, 80 * mm])
    foot.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 6 * mm), KeepTogether([foot])]

    def page_number(canvas, _doc):
        canvas.saveState()
        canvas.setFont("Serif", 11)
        canvas.drawCentredString(A4[0] / 2 + 5 * mm, A4[1] - 12 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    title = (doc.get("kind") or "Công văn").capitalize() + " " + doc["number"] + ": " + (
        doc.get("title") or doc["vv"])
    pdf = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm, topMargin=20 * mm,
        bottomMargin=20 * mm, title=title, author=doc["issuer_name"], creator="lantoa scripts/gen-portal-assets.py",
        producer="ReportLab", invariant=1, lang="vi",
    )
    pdf.build(story, onLaterPages=page_number)


# ---------------------------------------------------------------------------------------------
# JPEG: one generated photo with EXIF and GPS tags.

GPS_BASE = (21.53, 107.97)  # near Móng Cái, Quảng Ninh; each photo is moved a little


def dms(value):
    deg = int(value)
    minutes_f = (value - deg) * 60
    minutes = int(minutes_f)
    seconds = round((minutes_f - minutes) * 60 * 100)
    return ((deg, 1), (minutes, 1), (seconds, 100))


def exif_bytes(index, when, place):
    import piexif

    lat = GPS_BASE[0] + place * 0.01 + index * 0.0007
    lon = GPS_BASE[1] + place * 0.01 + index * 0.0009
    stamp = when.replace("-", ":") + " 09:%02d:00" % (index * 3 % 60)
    exif = {
        "0th": {piexif.ImageIFD.Make: b"lantoa", piexif.ImageIFD.Model: b"gen-portal-assets",
                piexif.ImageIFD.Software: b"scripts/gen-portal-assets.py",
                piexif.ImageIFD.DateTime: stamp.encode()},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: stamp.encode()},
        "GPS": {piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0),
                piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: dms(lat),
                piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: dms(lon),
                piexif.GPSIFD.GPSAltitudeRef: 0, piexif.GPSIFD.GPSAltitude: (12, 1)},
        "1st": {}, "thumbnail": None,
    }
    return piexif.dump(exif)


W, H = 1200, 800


def font(size, bold=False):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT_DIR / FONTS["Sans-Bold" if bold else "Sans"]), size)


def centered(draw, box, text, size, fill, bold=True):
    """Text centred in box, wrapped to its width, shrunk until it fits."""
    x0, y0, x1, y1 = box
    while size > 10:
        f = font(size, bold)
        lines, line = [], ""
        for word in text.split():
            trial = (line + " " + word).strip()
            if draw.textlength(trial, font=f) <= (x1 - x0) * 0.9 or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
        height = len(lines) * size * 1.25
        if height <= (y1 - y0) * 0.9:
            break
        size -= 2
    y = y0 + ((y1 - y0) - height) / 2
    for line in lines:
        w = draw.textlength(line, font=f)
        draw.text((x0 + ((x1 - x0) - w) / 2, y), line, font=f, fill=fill)
        y += size * 1.25


def wall(draw, rnd, top, bottom):
    draw.rectangle((0, 0, W, H), fill=bottom)
    for y in range(0, int(H * 0.78)):
        t = y / (H * 0.78)
        c = tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        draw.line((0, y, W, y), fill=c)
    draw.rectangle((0, int(H * 0.78), W, H), fill=(150, 120, 90))  # floor / skirting
    for x in range(0, W, 60):
        draw.line((x + rnd.randint(-3, 3), int(H * 0.78), x, H), fill=(135, 105, 78), width=2)


def figure(draw, x, y, scale, shirt, rnd):
    """A person seen from afar: no face, only shapes."""
    s = scale
    draw.ellipse((x - 14 * s, y - 70 * s, x + 14 * s, y - 42 * s), fill=(60, 45, 35))
    draw.rounded_rectangle((x - 22 * s, y - 42 * s, x + 22 * s, y + 10 * s), 8 * s, fill=shirt)
    draw.rectangle((x - 18 * s, y + 10 * s, x + 18 * s, y + 55 * s), fill=(40, 50, 90))
    arm = rnd.choice([-1, 1])
    draw.line((x + 20 * s * arm, y - 35 * s, x + 45 * s * arm, y - 60 * s * rnd.choice([0.2, 1])),
              fill=shirt, width=int(9 * s))


def scene_poster(draw, rnd, p):
    wall(draw, rnd, (236, 228, 210), (214, 204, 184))
    # a notice board with a frame, one big poster and small notes pinned around it
    draw.rectangle((150, 90, 1050, 600), fill=(120, 80, 45))
    draw.rectangle((170, 110, 1030, 580), fill=(196, 160, 110))
    draw.rectangle((330, 130, 870, 560), fill=p.get("paper", (250, 250, 245)))
    draw.rectangle((330, 130, 870, 230), fill=p["color"])
    centered(draw, (340, 135, 860, 225), p["title"], 40, (255, 255, 255))
    y = 250
    for line in p["lines"]:
        draw.ellipse((360, y + 10, 378, y + 28), fill=p["color"])
        centered(draw, (385, y, 850, y + 40), line, 24, (40, 40, 40), bold=False)
        y += 300 / max(len(p["lines"]), 1)
    for i in range(4):
        x = 190 + (i % 2) * 700
        yy = 140 + (i // 2) * 220
        draw.rectangle((x, yy, x + 120, yy + 160), fill=rnd.choice(
            [(255, 240, 150), (200, 230, 255), (255, 210, 210), (210, 245, 210)]))
        for k in range(5):
            draw.line((x + 12, yy + 30 + k * 25, x + 108 - rnd.randint(0, 30), yy + 30 + k * 25),
                      fill=(120, 120, 120), width=3)
        draw.ellipse((x + 52, yy - 6, x + 68, yy + 10), fill=(200, 30, 30))


def scene_stage(draw, rnd, p):
    draw.rectangle((0, 0, W, H), fill=(30, 20, 40))
    draw.rectangle((80, 60, 1120, 420), fill=p["color"])  # backdrop
    centered(draw, (120, 80, 1080, 260), p["title"], 54, (255, 245, 200))
    centered(draw, (120, 270, 1080, 400), p["sub"], 32, (255, 255, 255), bold=False)
    for side in (0, 1):  # curtains
        x0 = 0 if side == 0 else W - 140
        for k in range(7):
            draw.rectangle((x0 + k * 20, 0, x0 + k * 20 + 14, 560), fill=(150 - k * 6, 20, 30))
    draw.rectangle((0, 0, W, 50), fill=(140, 18, 28))
    draw.polygon(((0, 560), (W, 560), (W, H), (0, H)), fill=(110, 70, 40))
    for k in range(0, W, 80):
        draw.line((k, 560, k - 40, H), fill=(95, 60, 34), width=2)
    for x, scale, shirt in p["people"]:
        figure(draw, x, 520, scale, shirt, rnd)
    for k in range(12):  # the audience, from behind
        x = 60 + k * 100 + rnd.randint(-10, 10)
        draw.ellipse((x, 700, x + 70, 770), fill=(25, 22, 22))
        draw.rectangle((x - 10, 760, x + 80, 800), fill=(225, 225, 235))


def scene_drawing(draw, rnd, p):
    wall(draw, rnd, (245, 238, 220), (225, 215, 195))
    draw.rectangle((240, 70, 960, 570), fill=(253, 252, 246))  # paper taped on the wall
    for x, y in ((230, 60), (930, 60), (230, 545), (930, 545)):
        draw.rectangle((x, y, x + 40, y + 30), fill=(235, 230, 190))
    ox, oy = 240, 70
    kind = p["drawing"]
    if kind == "phone":
        draw.rounded_rectangle((ox + 250, oy + 60, ox + 470, oy + 420), 30, fill=(60, 60, 70))
        draw.rectangle((ox + 270, oy + 100, ox + 450, oy + 370), fill=(120, 200, 240))
        draw.rounded_rectangle((ox + 320, oy + 200, ox + 400, oy + 280), 10, fill=(250, 200, 40))
        draw.arc((ox + 330, oy + 150, ox + 390, oy + 230), 180, 360, fill=(250, 200, 40), width=12)
    elif kind == "wolf":
        draw.rectangle((ox + 380, oy + 80, ox + 650, oy + 300), fill=(70, 70, 80))
        draw.rectangle((ox + 395, oy + 95, ox + 635, oy + 285), fill=(230, 240, 250))
        draw.ellipse((ox + 450, oy + 130, ox + 590, oy + 260), fill=(245, 245, 245), outline=(120, 120, 120), width=4)
        draw.polygon(((ox + 470, oy + 140), (ox + 490, oy + 95), (ox + 505, oy + 140)), fill=(110, 110, 110))
        draw.polygon(((ox + 540, oy + 140), (ox + 555, oy + 95), (ox + 575, oy + 140)), fill=(110, 110, 110))
        draw.ellipse((ox + 120, oy + 150, ox + 200, oy + 230), fill=(240, 200, 160))
        draw.rectangle((ox + 130, oy + 230, ox + 190, oy + 360), fill=(230, 60, 60))
        draw.line((ox + 190, oy + 250, ox + 290, oy + 170), fill=(240, 200, 160), width=16)
        draw.regular_polygon((ox + 320, oy + 150, 50), 8, fill=(220, 30, 30))
        centered(draw, (ox + 270, oy + 120, ox + 370, oy + 180), "STOP", 26, (255, 255, 255))
    elif kind == "family":
        draw.rectangle((ox + 120, oy + 260, ox + 600, oy + 300), fill=(160, 100, 50))
        for k, c in enumerate([(230, 80, 80), (80, 130, 220), (90, 180, 90), (240, 170, 40)]):
            x = ox + 160 + k * 120
            draw.ellipse((x, oy + 110, x + 60, oy + 170), fill=(240, 200, 160))
            draw.rectangle((x - 5, oy + 170, x + 65, oy + 260), fill=c)
        draw.rectangle((ox + 560, oy + 330, ox + 680, oy + 400), outline=(150, 100, 40), width=6)
        draw.rounded_rectangle((ox + 590, oy + 310, ox + 640, oy + 370), 8, fill=(50, 50, 60))
    elif kind == "shield":
        draw.polygon(((ox + 360, oy + 60), (ox + 520, oy + 120), (ox + 500, oy + 300),
                      (ox + 360, oy + 400), (ox + 220, oy + 300), (ox + 200, oy + 120)),
                     fill=(40, 120, 200))
        draw.line((ox + 290, oy + 230, ox + 350, oy + 290, ox + 450, oy + 170), fill=(255, 255, 255), width=22)
    elif kind == "screen-time":
        draw.ellipse((ox + 230, oy + 60, ox + 490, oy + 320), fill=(255, 230, 120), outline=(200, 120, 20), width=8)
        draw.line((ox + 360, oy + 190, ox + 360, oy + 100), fill=(60, 60, 60), width=10)
        draw.line((ox + 360, oy + 190, ox + 430, oy + 230), fill=(60, 60, 60), width=10)
        for k in range(12):
            draw.ellipse((ox + 120 + k * 40, oy + 350, ox + 150 + k * 40, oy + 380),
                         fill=rnd.choice([(240, 80, 80), (80, 170, 90), (70, 120, 220)]))
    elif kind == "messages":
        for k in range(4):
            y = oy + 50 + k * 85
            x = ox + (80 if k % 2 == 0 else 300)
            draw.rounded_rectangle((x, y, x + 330, y + 65), 25,
                                   fill=(120, 200, 120) if k % 2 else (200, 220, 250))
            draw.line((x + 25, y + 33, x + 300 - rnd.randint(0, 120), y + 33), fill=(60, 60, 60), width=5)
        draw.line((ox + 560, oy + 90, ox + 660, oy + 190), fill=(220, 30, 30), width=18)
        draw.line((ox + 660, oy + 90, ox + 560, oy + 190), fill=(220, 30, 30), width=18)
    for _ in range(40):  # crayon strokes around the drawing
        x, y = ox + rnd.randint(20, 700), oy + rnd.randint(20, 110) + rnd.choice([0, 330])
        draw.line((x, y, x + rnd.randint(-30, 30), y + rnd.randint(-8, 8)),
                  fill=rnd.choice([(250, 180, 40), (80, 180, 80), (90, 150, 230), (230, 90, 160)]), width=6)
    centered(draw, (ox + 40, oy + 420, ox + 680, oy + 490), p["caption_text"], 34, (200, 40, 60))
    draw.rectangle((420, 610, 780, 660), fill=(255, 255, 255), outline=(120, 120, 120), width=2)
    centered(draw, (420, 610, 780, 660), p["label"], 24, (40, 40, 40), bold=False)


def scene_yard(draw, rnd, p):
    for y in range(0, 430):
        t = y / 430
        draw.line((0, y, W, y), fill=(int(120 + 90 * t), int(170 + 60 * t), int(230 + 15 * t)))
    draw.rectangle((0, 430, W, H), fill=(190, 185, 175))
    for k in range(0, W, 90):
        draw.line((k, 430, k - 200, H), fill=(175, 170, 160), width=2)
    draw.rectangle((150, 170, 1050, 440), fill=(245, 215, 120))  # the school building
    draw.polygon(((120, 175), (600, 90), (1080, 175)), fill=(180, 60, 50))
    for row in range(2):
        for k in range(9):
            x = 190 + k * 95
            y = 210 + row * 110
            draw.rectangle((x, y, x + 55, y + 70), fill=(90, 140, 180))
    draw.rectangle((350, 120, 850, 165), fill=p["color"])
    centered(draw, (350, 120, 850, 165), p["banner"], 26, (255, 255, 255))
    draw.line((1120, 120, 1120, 520), fill=(200, 200, 200), width=8)  # the flag pole
    draw.rectangle((1000, 125, 1116, 200), fill=(218, 37, 29))
    cx, cy, r = 1058, 162, 22
    import math
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.4
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(pts, fill=(255, 255, 0))
    for k in range(5):  # trees
        x = 60 + k * 270 + rnd.randint(-20, 20)
        draw.rectangle((x + 30, 470, x + 50, 560), fill=(110, 75, 40))
        draw.ellipse((x - 20, 380, x + 100, 490), fill=(60 + rnd.randint(0, 40), 140, 60))
    if p.get("board"):
        draw.rectangle((420, 520, 780, 700), fill=(250, 250, 245), outline=(90, 90, 90), width=6)
        draw.rectangle((420, 520, 780, 575), fill=p["color"])
        centered(draw, (425, 522, 775, 573), p["board"][0], 26, (255, 255, 255))
        centered(draw, (430, 580, 770, 695), p["board"][1], 24, (40, 40, 40), bold=False)
        draw.line((470, 700, 470, 760), fill=(90, 90, 90), width=8)
        draw.line((730, 700, 730, 760), fill=(90, 90, 90), width=8)


SCENES = {"poster": scene_poster, "stage": scene_stage, "drawing": scene_drawing,
          "yard": scene_yard}


def build_photo(spec, index, when, place, seed, path):
    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    img = Image.new("RGB", (W, H))
    SCENES[spec["scene"]](ImageDraw.Draw(img), rnd, spec)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    grain = Image.frombytes("L", (W // 2, H // 2), rnd.randbytes(W * H // 4))
    grain = grain.resize((W, H), Image.Resampling.BILINEAR).convert("RGB")
    img = Image.blend(img, grain, 0.05)
    img.save(path, "JPEG", quality=82, optimize=True, exif=exif_bytes(index, when, place))


# ---------------------------------------------------------------------------------------------
# The documents. Facts come from /work/shared/CONTENT-BRIEF.md and the seeds (the model's plan
# of the Phòng GD&ĐT Móng Cái, the posting quotas of the Sở GD&ĐT Hòa Bình's 2025 plan), and
# from the bundled content (the contest, the schools' articles); numbers, names and contacts
# are illustrative.

UNITS = {
    "so-gddt-quang-ninh": {
        "unit": ("UBND TỈNH QUẢNG NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), "place": "Quảng Ninh",
        "issuer_name": "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh",
        "sign": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "signer": "Trần Quốc Hưng"},
    "phong-gddt-mong-cai": {
        "unit": ("UBND THÀNH PHỐ MÓNG CÁI", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"), "place": "Móng Cái",
        "issuer_name": "Phòng Giáo dục và Đào tạo thành phố Móng Cái",
        "sign": ["TRƯỞNG PHÒNG"], "signer": "Phạm Thu Hà"},
    "thcs-hai-yen": {
        "unit": ("PHÒNG GD&ĐT MÓNG CÁI", "TRƯỜNG THCS HẢI YÊN"), "place": "Hải Yên",
        "issuer_name": "Trường THCS Hải Yên", "name": "Trường THCS Hải Yên",
        "sign": ["HIỆU TRƯỞNG"], "signer": "Nguyễn Văn An",
        "web": "https://thcshaiyen.example.edu.vn/", "slug": "thcshaiyen",
        "phone": "0200 000 004", "hotline": "0200 000 005",
        "contact": "Cô Trịnh Thị Hoa, Tổng phụ trách Đội"},
    "thcs-hai-hoa": {
        "unit": ("PHÒNG GD&ĐT MÓNG CÁI", "TRƯỜNG THCS HẢI HÒA"), "place": "Hải Hòa",
        "issuer_name": "Trường THCS Hải Hòa", "name": "Trường THCS Hải Hòa",
        "sign": ["HIỆU TRƯỞNG"], "signer": "Đỗ Thị Hằng",
        "web": "https://thcs-hai-hoa.example.edu.vn/", "slug": "thcshaihoa",
        "phone": "0200 000 006", "hotline": "0200 000 007",
        "contact": "Cô Mạc Thị Yến, Tổng phụ trách Đội"},
    "th-ka-long": {
        "unit": ("PHÒNG GD&ĐT MÓNG CÁI", "TRƯỜNG TIỂU HỌC KA LONG"), "place": "Ka Long",
        "issuer_name": "Trường Tiểu học Ka Long", "name": "Trường Tiểu học Ka Long",
        "sign": ["HIỆU TRƯỞNG"], "signer": "Vi Văn Thắng",
        "web": "https://th-ka-long.example.edu.vn/", "slug": "thkalong",
        "phone": "0200 000 008", "hotline": "0200 000 009",
        "contact": "Cô Lý Thị Sen, Tổng phụ trách Đội"},
}

MODEL = "“Sử dụng mạng xã hội an toàn”"
CONTEST = "cuộc thi tìm hiểu Luật An ninh mạng và kỹ năng sử dụng mạng xã hội an toàn"
PHONG_PLAN = ("Kế hoạch số 86/KH-PGDĐT ngày 01/9/2026 của Phòng Giáo dục và Đào tạo thành phố "
              "Móng Cái về triển khai mô hình " + MODEL + " năm học 2026–2027")
PHONG_LETTER = ("Công văn số 412/PGDĐT ngày 23/11/2026 của Phòng GD&ĐT về xây dựng Kế hoạch, "
                "Thể lệ cuộc thi năm 2027 cấp trường")

LAW_TABLE = [
    ["Văn bản trước đây", "Văn bản đang có hiệu lực"],
    ["Luật An ninh mạng số 24/2018/QH14",
     "Luật An ninh mạng số 116/2025/QH15 (có hiệu lực từ ngày 01/7/2026)"],
    ["Điều 101 Nghị định 15/2020/NĐ-CP",
     "Điều 95 Nghị định 174/2026/NĐ-CP (có hiệu lực từ ngày 01/7/2026)"],
    ["Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân",
     "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (có hiệu lực từ ngày 01/01/2026)"],
    ["“Điều 88 Luật Hình sự” (Bộ luật Hình sự năm 1999)", "Điều 117 Bộ luật Hình sự 2015"],
]

PRIVACY = ("Hình ảnh cá nhân, họ tên kèm trường, lớp và kết quả học tập của học sinh là thông tin "
           "riêng tư: chỉ đăng khi có sự đồng ý của cha mẹ học sinh và của chính học sinh từ đủ 7 "
           "tuổi trở lên. Bản cam kết đã ký được lưu tại nhà trường, không đăng lên mạng.")

SO_PLAN = {
    "site": "so-gddt-quang-ninh", "slug": "ke-hoach-nhan-rong-mo-hinh-2026-2027",
    "file": "ke-hoach-215-kh-sgddt.pdf", "number": "215/KH-SGDĐT", "issued": "2026-08-25",
    "kind": "KẾ HOẠCH",
    "title": "Duy trì, nhân rộng mô hình " + MODEL + " trong các cơ sở giáo dục năm học 2026–2027",
    "body": [
        ("p", "Thực hiện Kế hoạch số 232/KH-UBND ngày 15/10/2024 của Ủy ban nhân dân tỉnh về việc "
              "xây dựng, nhân rộng mô hình “Sử dụng mạng xã hội an toàn cho học sinh, học viên tỉnh "
              "Quảng Ninh”; tiếp tục thực hiện Kế hoạch số 3955/KH-SGDĐT ngày 14/12/2024 của Sở Giáo "
              "dục và Đào tạo, Sở GD&ĐT xây dựng Kế hoạch duy trì, nhân rộng mô hình trong năm học "
              "2026–2027 như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "**1. Mục đích**"),
        ("-", "Giúp cán bộ, giáo viên, nhân viên, học sinh và cha mẹ học sinh hiểu vai trò, ý nghĩa "
              "của việc sử dụng mạng xã hội an toàn, văn minh, đúng pháp luật."),
        ("-", "Nâng cao ý thức pháp luật và khả năng tự bảo vệ của học sinh trước thông tin xấu, "
              "độc, tin giả, lừa đảo và bắt nạt trên mạng."),
        ("-", "Lan tỏa thông tin tích cực và những tấm gương “Người tốt, việc tốt” trên trang thông "
              "tin điện tử và các kênh mạng xã hội của nhà trường."),
        ("p", "**2. Yêu cầu**"),
        ("-", "Mô hình được duy trì tại trường đã thí điểm và nhân rộng đúng lộ trình; nội dung "
              "tuyên truyền phù hợp với lứa tuổi, tâm lý học sinh."),
        ("-", "Tài liệu tuyên truyền, đề cương ôn tập dẫn đúng các văn bản pháp luật đang có hiệu lực."),
        ("-", "Bảo vệ thông tin cá nhân, hình ảnh của học sinh trong mọi hoạt động đăng tin, bài."),
        ("h", "II. NHIỆM VỤ TRỌNG TÂM"),
        ("p", "**1. Duy trì và nhân rộng mô hình.** Giai đoạn 2026–2030, mô hình được duy trì hiệu "
              "quả tại các trường đã thí điểm và nhân rộng tới 100% trường có cấp THCS. Mỗi trường "
              "xây dựng mô hình theo sáu bước: ban hành Nghị quyết; xây dựng Kế hoạch; quyết định "
              "thành lập mô hình và Ban Chỉ đạo; lập Fanpage, nhóm Zalo, thành lập Ban Quản trị, Ban "
              "Biên tập; tổ chức Lễ ra mắt; triển khai các hoạt động theo kế hoạch."),
        ("p", "**2. Kênh thông tin của mô hình.** Mỗi mô hình có trang thông tin điện tử của trường, "
              "01 Fanpage (Facebook) và 01 nhóm Zalo; có đường dây nóng do Tổ Thường trực quản lý để "
              "tiếp nhận phản ánh về thông tin tiêu cực, vi phạm pháp luật trên mạng xã hội."),
        ("p", "**3. Đăng tin, bài thường xuyên.** Tỉnh chưa ban hành định mức riêng; trong năm học, "
              "các đơn vị áp dụng định mức tham khảo theo Kế hoạch năm 2025 của Sở GD&ĐT Hòa Bình:"),
        ("t", [["Đơn vị", "Định mức tối thiểu"], ["Trường học", "01 tin, bài mỗi tuần"],
               ["Phòng GD&ĐT", "03 tin, bài mỗi tuần"], ["Sở GD&ĐT", "04 tin, bài mỗi tuần"]]),
        ("p", "**4. Cập nhật văn bản pháp luật.** Từ năm học 2026–2027, tài liệu tuyên truyền và câu "
              "hỏi ôn tập dẫn các văn bản đang có hiệu lực:"),
        ("t", LAW_TABLE, (70, 90)),
        ("p", "**5. Cuộc thi hằng năm.** Các trường có cấp THCS tổ chức " + CONTEST + " cho học "
              "sinh từ ngày 10/3 đến ngày 20/3 hằng năm, dưới các hình thức thi trắc nghiệm, thi "
              "viết, sân khấu hóa. Mỗi trường ban hành Kế hoạch, Thể lệ phù hợp với thực tế của đơn "
              "vị và tuyên truyền về cuộc thi trên trang thông tin điện tử, Fanpage, nhóm Zalo. Các "
              "trường mầm non, tiểu học lồng ghép nội dung sử dụng mạng xã hội an toàn trong các "
              "hoạt động ngoại khóa và được khuyến khích tổ chức cuộc thi phù hợp với lứa tuổi."),
        ("p", "**6. Bảo vệ thông tin cá nhân của học sinh.** " + PRIVACY),
        ("h", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "**1. Văn phòng Sở (Tổ Truyền thông)** làm đầu mối theo dõi, đôn đốc việc thực hiện "
              "Kế hoạch; đăng tin, bài trên trang thông tin điện tử và Fanpage của Sở; chia sẻ tin, "
              "bài tiêu biểu của các đơn vị; tổng hợp báo cáo."),
        ("p", "**2. Các Phòng GD&ĐT** xây dựng kế hoạch triển khai tại địa phương; hướng dẫn, kiểm "
              "tra các trường trên địa bàn; tổng hợp kết quả, báo cáo Sở."),
        ("p", "**3. Các cơ sở giáo dục** xây dựng kế hoạch của đơn vị; tổ chức cho cán bộ, giáo "
              "viên, nhân viên và học sinh ký Bản cam kết tham gia và sử dụng mạng xã hội; duy trì "
              "kênh thông tin, đường dây nóng; báo cáo kết quả theo hướng dẫn."),
        ("p", "Báo cáo sơ kết học kỳ I và tổng kết năm học gửi về Sở theo hướng dẫn riêng. Trong quá "
              "trình thực hiện, nếu có vướng mắc, các đơn vị liên hệ Văn phòng Sở (điện thoại 0200 "
              "000 000, thư điện tử bbt@sogddtquangninh.example.edu.vn)."),
    ],
    "recipients": ["Ban Giám đốc Sở", "Các Phòng GD&ĐT (để thực hiện)",
                   "Các đơn vị trực thuộc Sở (để thực hiện)", "Lưu: VT, VP"],
}

SO_LETTER = {
    "site": "so-gddt-quang-ninh", "slug": "cong-van-cap-nhat-tai-lieu-tuyen-truyen",
    "file": "cong-van-1620-sgddt-vp.pdf", "number": "1620/SGDĐT-VP", "issued": "2026-09-08",
    "vv": "cập nhật tài liệu tuyên truyền theo các văn bản pháp luật mới có hiệu lực",
    "to": ["Các Phòng Giáo dục và Đào tạo", "Các đơn vị trực thuộc Sở"],
    "body": [
        ("p", "Ngày 10/12/2025, Quốc hội thông qua Luật An ninh mạng số 116/2025/QH15, có hiệu lực "
              "từ ngày 01/7/2026, thay thế Luật An ninh mạng số 24/2018/QH14. Luật mới được xây dựng "
              "trên cơ sở hợp nhất Luật An ninh mạng năm 2018 và Luật An toàn thông tin mạng năm "
              "2015. Một số văn bản khác liên quan đến việc sử dụng mạng xã hội cũng đã thay đổi."),
        ("p", "Để tài liệu tuyên truyền, đề cương ôn tập và câu hỏi của " + CONTEST + " dẫn đúng "
              "văn bản đang có hiệu lực, Sở GD&ĐT đề nghị các đơn vị thực hiện một số nội dung sau:"),
        ("p", "**1. Rà soát tài liệu.** Rà soát các bài tuyên truyền, đề cương, câu hỏi trắc nghiệm "
              "đang dùng; thay các văn bản cũ bằng văn bản đang có hiệu lực theo bảng dưới đây."),
        ("t", LAW_TABLE, (70, 90)),
        ("p", "**2. Ghi rõ năm của văn bản.** Khi nhắc Điều 8, Điều 16 đến Điều 29 của Luật An ninh "
              "mạng, ghi rõ đó là số điều của Luật năm 2018. Chưa trích số điều của Luật An ninh "
              "mạng năm 2025 khi chưa đối chiếu với văn bản chính thức."),
        ("p", "**3. Sửa lỗi “Điều 88”.** Tài liệu ghi “Luật Hình sự Điều 88” là dẫn theo Bộ luật "
              "Hình sự năm 1999; tội danh này nay được quy định tại Điều 117 Bộ luật Hình sự 2015. "
              "Điều 88 của Bộ luật Hình sự 2015 quy định về miễn hình phạt."),
        ("p", "**4. Cập nhật mức xử phạt.** Hành vi đăng, chia sẻ thông tin sai sự thật trên mạng xã "
              "hội nay bị xử phạt theo Điều 95 Nghị định 174/2026/NĐ-CP: với các hành vi tại khoản "
              "1, tổ chức bị phạt tiền từ 20 đến 30 triệu đồng, cá nhân bị phạt bằng một nửa (từ 10 "
              "đến 15 triệu đồng); biện pháp khắc phục gồm buộc gỡ bỏ thông tin, khóa tài khoản "
              "hoặc trang."),
        ("p", "Các đơn vị hoàn thành việc rà soát trước khi tổ chức ôn tập cho cuộc thi năm 2027. "
              "Tài liệu tham khảo được đăng trong mục “Pháp luật” trên trang thông tin điện tử của "
              "mỗi đơn vị."),
    ],
    "recipients": ["Như trên", "Ban Giám đốc Sở", "Lưu: VT, VP"],
}

PHONG_PLAN_DOC = {
    "site": "phong-gddt-mong-cai", "slug": "ke-hoach-trien-khai-mo-hinh-2026-2027",
    "file": "ke-hoach-86-kh-pgddt.pdf", "number": "86/KH-PGDĐT", "issued": "2026-09-01",
    "kind": "KẾ HOẠCH",
    "title": "Triển khai mô hình " + MODEL + " ngành Giáo dục thành phố Móng Cái năm học 2026–2027",
    "body": [
        ("p", "Thực hiện Kế hoạch số 215/KH-SGDĐT ngày 25/8/2026 của Sở Giáo dục và Đào tạo về duy "
              "trì, nhân rộng mô hình " + MODEL + " trong các cơ sở giáo dục năm học 2026–2027, Phòng "
              "Giáo dục và Đào tạo thành phố Móng Cái xây dựng Kế hoạch triển khai như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("-", "Tiếp tục duy trì hiệu quả mô hình tại Trường THCS Hải Yên, trường thí điểm từ học kỳ "
              "II năm học 2024–2025."),
        ("-", "Nhân rộng mô hình tới các trường có cấp THCS trên địa bàn theo lộ trình, hướng tới "
              "100% trường có cấp THCS trong giai đoạn 2026–2030."),
        ("-", "Huy động cán bộ, giáo viên, nhân viên, học sinh và cha mẹ học sinh cùng tham gia; nội "
              "dung tuyên truyền phù hợp với lứa tuổi."),
        ("h", "II. CHỈ TIÊU"),
        ("-", "100% trường xây dựng mô hình ban hành Nghị quyết, Kế hoạch, có Quyết định thành lập "
              "Ban Chỉ đạo và tổ chức Lễ ra mắt mô hình."),
        ("-", "100% trường xây dựng mô hình có 01 Fanpage, 01 nhóm Zalo, có Ban Quản trị và Ban Biên "
              "tập."),
        ("-", "100% cán bộ, giáo viên, nhân viên và học sinh ký Bản cam kết tham gia và sử dụng mạng "
              "xã hội."),
        ("-", "100% trường có cấp THCS tổ chức " + CONTEST + " từ ngày 10/3 đến ngày 20/3/2027."),
        ("-", "100% phản ánh, kiến nghị về vi phạm pháp luật trên không gian mạng được xem xét, xử "
              "lý kịp thời."),
        ("h", "III. NHIỆM VỤ, GIẢI PHÁP"),
        ("p", "**1. Tuyên truyền.** Thường xuyên đăng tin, bài giáo dục pháp luật, rèn kỹ năng phòng "
              "chống thông tin xấu, độc trên trang thông tin điện tử, Fanpage và nhóm Zalo của nhà "
              "trường; giới thiệu gương “Người tốt, việc tốt” của các chi đội, chi đoàn; lồng ghép "
              "nội dung sử dụng mạng xã hội an toàn trong giờ chào cờ, sinh hoạt lớp và các buổi "
              "ngoại khóa."),
        ("p", "**2. Xây dựng mô hình tại các trường mới tham gia** theo sáu bước của mô hình. Trường "
              "THCS Hải Yên chia sẻ kinh nghiệm thí điểm; Bộ phận Công nghệ thông tin – Chuyển đổi "
              "số của Phòng hỗ trợ thiết lập trang thông tin và lịch đăng bài."),
        ("p", "**3. Đội ngũ cộng tác viên.** Mỗi trường lựa chọn, tập huấn đội ngũ cộng tác viên là "
              "giáo viên, học sinh và cha mẹ học sinh; giáo viên định hướng, kiểm tra, học sinh trực "
              "tiếp tham gia."),
        ("p", "**4. Kiểm tra, sơ kết.** Phòng kiểm tra kênh thông tin của các trường theo định kỳ; "
              "sơ kết mô hình vào cuối tháng 10/2026 và tổng kết vào cuối năm học; biểu dương tập "
              "thể, cá nhân tiêu biểu."),
        ("h", "IV. TỔ CHỨC THỰC HIỆN"),
        ("p", "**1. Phòng GD&ĐT** giao Bộ phận Công nghệ thông tin – Chuyển đổi số tham mưu, theo "
              "dõi, đôn đốc việc thực hiện; viết bài đăng trên trang thông tin điện tử của Phòng; "
              "tổng hợp báo cáo gửi Sở GD&ĐT."),
        ("p", "**2. Trường THCS Hải Yên** tiếp tục duy trì mô hình, chia sẻ kinh nghiệm với các "
              "trường mới tham gia."),
        ("p", "**3. Các trường có cấp THCS** xây dựng kế hoạch của đơn vị, thực hiện các bước xây "
              "dựng mô hình, tổ chức cuộc thi năm 2027."),
        ("p", "**4. Các trường mầm non, tiểu học** tổ chức cho cán bộ, giáo viên, nhân viên ký Bản "
              "cam kết, cùng cha mẹ giúp học sinh tìm hiểu những điều cam kết phù hợp với lứa tuổi; "
              "lồng ghép nội dung sử dụng mạng xã hội an toàn trong các hoạt động ngoại khóa; "
              "khuyến khích tổ chức cuộc thi phù hợp tại đơn vị."),
        ("p", "Các trường báo cáo kết quả về Phòng GD&ĐT (qua Bộ phận Công nghệ thông tin – Chuyển "
              "đổi số) theo định kỳ để tổng hợp, báo cáo Sở."),
    ],
    "recipients": ["Sở GD&ĐT (để báo cáo)", "Lãnh đạo Phòng",
                   "Các trường MN, TH, THCS trên địa bàn (để thực hiện)", "Lưu: VT"],
}

PHONG_LETTER_DOC = {
    "site": "phong-gddt-mong-cai", "slug": "cong-van-ke-hoach-the-le-cuoc-thi-2027",
    "file": "cong-van-412-pgddt.pdf", "number": "412/PGDĐT", "issued": "2026-11-23",
    "vv": "xây dựng Kế hoạch, Thể lệ cuộc thi tìm hiểu Luật An ninh mạng năm 2027 cấp trường",
    "to": ["Hiệu trưởng các trường có cấp THCS", "Hiệu trưởng các trường tiểu học"],
    "body": [
        ("p", "Thực hiện " + PHONG_PLAN + ", Phòng GD&ĐT đề nghị các trường xây dựng Kế hoạch, Thể "
              "lệ " + CONTEST + " năm 2027 như sau:"),
        ("p", "**1. Thời gian.** Cuộc thi diễn ra từ ngày 10/3 đến ngày 20/3/2027. Các trường ban "
              "hành Kế hoạch, Thể lệ cấp trường trước ngày 20/02/2027; trường cần góp ý gửi dự thảo "
              "về Phòng trước ngày 31/12/2026."),
        ("p", "**2. Thể lệ.** Các trường xây dựng Thể lệ dựa trên thể lệ chung của mô hình (mục "
              "đích, đối tượng, nội dung, hình thức thi, tiêu chí chấm, quy định về bài dự thi) và "
              "điều chỉnh cho phù hợp với đơn vị:"),
        ("t", [["Phần", "Trường điều chỉnh"], ["Đơn vị tổ chức", "Ban Chỉ đạo mô hình của trường"],
               ["Đầu mối liên hệ", "Tổng phụ trách Đội hoặc người được giao"],
               ["Cơ cấu giải thưởng", "Theo điều kiện của trường"],
               ["Lịch riêng", "Thi thử, trình diễn tiểu phẩm, tổng kết"]]),
        ("p", "**3. Hình thức thi.** Các trường có cấp THCS tổ chức thi trắc nghiệm, thi viết và sân "
              "khấu hóa. Các trường tiểu học lựa chọn hình thức phù hợp với lứa tuổi học sinh."),
        ("p", "**4. Yêu cầu.** Nội dung thi theo các văn bản đang có hiệu lực; bài dự thi không chứa "
              "thông tin cá nhân của học sinh, không sao chép; không trả lại bài dự thi; chỉ nêu tên "
              "học sinh đoạt giải khi có sự đồng ý của học sinh và cha mẹ."),
        ("p", "**5. Truyền thông.** Kế hoạch, Thể lệ được đăng trên trang thông tin điện tử của "
              "trường và giới thiệu trên Fanpage, nhóm Zalo của mô hình."),
    ],
    "recipients": ["Như trên", "Lãnh đạo Phòng", "Lưu: VT"],
}

HY_PLAN = {
    "site": "thcs-hai-yen", "slug": "ke-hoach-mo-hinh-2026-2027",
    "file": "ke-hoach-12-kh-thcshy.pdf", "number": "12/KH-THCSHY", "issued": "2026-09-10",
    "kind": "KẾ HOẠCH", "title": "Triển khai mô hình " + MODEL + " năm học 2026–2027",
    "body": [
        ("p", "Thực hiện " + PHONG_PLAN + ", Trường THCS Hải Yên xây dựng Kế hoạch thực hiện như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("-", "Duy trì và nâng cao hiệu quả mô hình mà nhà trường thí điểm từ học kỳ II năm học "
              "2024–2025."),
        ("-", "Giúp học sinh dùng mạng xã hội lành mạnh, đúng pháp luật; biết nhận biết tin giả, lừa "
              "đảo, bắt nạt trên mạng và tự bảo vệ mình."),
        ("-", "Phối hợp chặt chẽ giữa nhà trường, Liên đội, Chi đoàn giáo viên và cha mẹ học sinh."),
        ("h", "II. CHỈ TIÊU"),
        ("-", "100% cán bộ, giáo viên, nhân viên và học sinh ký Bản cam kết tham gia và sử dụng mạng "
              "xã hội; học sinh đọc Bản cam kết cùng cha mẹ trước khi ký."),
        ("-", "Trang thông tin điện tử của trường đăng ít nhất 01 tin, bài mỗi tuần; thường xuyên "
              "giới thiệu gương “Người tốt, việc tốt”, hưởng ứng phong trào “Mỗi ngày một tin tốt, "
              "mỗi tuần một câu chuyện đẹp”."),
        ("-", "Mỗi chi đội có ít nhất một bài thi viết hoặc một tiểu phẩm dự " + CONTEST +
              " năm 2027."),
        ("-", "100% phản ánh qua đường dây nóng được tiếp nhận và xử lý kịp thời."),
        ("h", "III. NỘI DUNG, BIỆN PHÁP"),
        ("p", "**1. Tuyên truyền trong nhà trường.** Lồng ghép nội dung sử dụng mạng xã hội an toàn "
              "trong giờ chào cờ đầu tuần và tiết sinh hoạt lớp; tổ chức tiểu phẩm, sinh hoạt chuyên "
              "đề nhân Ngày Chuyển đổi số quốc gia 10/10 và Ngày Pháp luật Việt Nam 9/11."),
        ("p", "**2. Kênh thông tin của mô hình.** Duy trì trang thông tin điện tử, Fanpage và nhóm "
              "Zalo của trường. Ban Biên tập duyệt mọi tin, bài trước khi đăng; Ban Quản trị theo dõi "
              "bình luận, tin nhắn. Đường dây nóng do Tổ Thường trực quản lý, tiếp nhận phản ánh của "
              "học sinh và cha mẹ học sinh."),
        ("p", "**3. Câu lạc bộ Tin học.** Câu lạc bộ sinh hoạt chiều thứ Năm hằng tuần với các chủ "
              "đề lập trình, thiết kế và kỹ năng an toàn trên mạng; thành viên câu lạc bộ hỗ trợ lớp "
              "kỹ năng số cho cha mẹ học sinh."),
        ("p", "**4. Phối hợp với cha mẹ học sinh.** Hướng dẫn cha mẹ cài đặt quyền riêng tư, bảo mật "
              "tài khoản, nhận biết tài khoản giả mạo giáo viên. Nhà trường không thu bất kỳ khoản "
              "tiền nào qua tin nhắn cá nhân."),
        ("p", "**5. Bảo vệ thông tin của học sinh.** " + PRIVACY),
        ("p", "**6. Cuộc thi năm 2027.** Tổ chức " + CONTEST + " từ ngày 10/3 đến ngày 20/3/2027 "
              "theo Kế hoạch, Thể lệ riêng."),
        ("p", "**7. Sơ kết, tổng kết.** Sơ kết mô hình vào cuối tháng 10/2026, tổng kết vào cuối năm "
              "học; biểu dương tập thể, cá nhân tiêu biểu."),
        ("h", "IV. TỔ CHỨC THỰC HIỆN"),
        ("t", [["Thời gian", "Nội dung", "Phụ trách"],
               ["Tháng 9/2026", "Ký Bản cam kết; kiện toàn Ban Biên tập, Ban Quản trị",
                "Ban Giám hiệu, giáo viên chủ nhiệm"],
               ["Tháng 10/2026", "Tuần lễ chuyển đổi số an toàn; sơ kết mô hình", "Ban Chỉ đạo"],
               ["Tháng 11/2026", "Hưởng ứng Ngày Pháp luật 9/11; ban hành Kế hoạch, Thể lệ cuộc thi",
                "Liên đội, Chi đoàn giáo viên"],
               ["10/3 – 20/3/2027", "Cuộc thi tìm hiểu Luật An ninh mạng", "Ban Tổ chức cuộc thi"],
               ["Cuối năm học", "Tổng kết mô hình", "Ban Chỉ đạo"]]),
        ("p", "Ban Chỉ đạo phân công thành viên theo dõi từng nội dung; giáo viên chủ nhiệm triển "
              "khai tới học sinh và cha mẹ học sinh; Tổng phụ trách Đội, Bí thư Chi đoàn giáo viên "
              "phụ trách các hoạt động của Liên đội. Nhà trường báo cáo kết quả về Phòng GD&ĐT theo "
              "quy định."),
    ],
    "recipients": ["Phòng GD&ĐT Móng Cái (để báo cáo)", "Ban Chỉ đạo mô hình",
                   "Giáo viên chủ nhiệm các lớp", "Lưu: VT"],
}

HH_PLAN = {
    "site": "thcs-hai-hoa", "slug": "ke-hoach-xay-dung-mo-hinh-2026-2027",
    "file": "ke-hoach-08-kh-thcshh.pdf", "number": "08/KH-THCSHH", "issued": "2026-09-08",
    "kind": "KẾ HOẠCH", "title": "Xây dựng mô hình " + MODEL + " năm học 2026–2027",
    "body": [
        ("p", "Thực hiện " + PHONG_PLAN + "; thực hiện Nghị quyết của Chi bộ nhà trường về xây dựng "
              "mô hình, Trường THCS Hải Hòa xây dựng Kế hoạch như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("-", "Xây dựng mô hình tại trường trong năm học 2026–2027, năm đầu tiên nhà trường tham gia "
              "nhân rộng mô hình."),
        ("-", "Học tập kinh nghiệm của Trường THCS Hải Yên, trường thí điểm mô hình của thành phố."),
        ("-", "Giúp học sinh dùng mạng xã hội lành mạnh, đúng pháp luật; biết nhận biết tin giả, lừa "
              "đảo, bắt nạt trên mạng và tự bảo vệ mình."),
        ("h", "II. CÁC BƯỚC XÂY DỰNG MÔ HÌNH"),
        ("t", [["Bước", "Nội dung", "Phụ trách"],
               ["Bước 1", "Chi bộ ban hành Nghị quyết về xây dựng mô hình (đã thực hiện)", "Chi bộ"],
               ["Bước 2", "Ban hành Kế hoạch xây dựng mô hình", "Hiệu trưởng"],
               ["Bước 3 (tháng 9/2026)", "Quyết định thành lập mô hình và Ban Chỉ đạo; quy chế hoạt "
                "động, phân công nhiệm vụ; kế hoạch Lễ ra mắt", "Hiệu trưởng"],
               ["Bước 4 (tháng 9/2026)", "Lập Fanpage, nhóm Zalo của mô hình; thành lập Ban Quản trị, "
                "Ban Biên tập, đội ngũ cộng tác viên", "Ban Chỉ đạo"],
               ["Bước 5 (tháng 9/2026)", "Lễ ra mắt mô hình; giới thiệu Fanpage, nhóm Zalo và số đường "
                "dây nóng", "Ban Chỉ đạo, Liên đội"],
               ["Bước 6 (từ tháng 10/2026)", "Triển khai các hoạt động theo kế hoạch", "Toàn trường"]],
         (35, 85, 40)),
        ("h", "III. NỘI DUNG HOẠT ĐỘNG"),
        ("-", "Tổ chức cho cán bộ, giáo viên, nhân viên và học sinh tìm hiểu 12 điều và ký Bản cam "
              "kết tham gia và sử dụng mạng xã hội trong tiết sinh hoạt lớp."),
        ("-", "Tuyển chọn cộng tác viên học sinh khối 7, 8, 9, phụ trách phát hiện tin tốt và viết "
              "tin ngắn; giáo viên hướng dẫn, Ban Biên tập duyệt trước khi đăng."),
        ("-", "Đăng ít nhất 01 tin, bài mỗi tuần trên trang thông tin điện tử của trường; lập lịch "
              "đăng bài theo tháng, có người phụ trách từng tuần."),
        ("-", "Sinh hoạt chuyên đề về ứng xử trên mạng: tin đồn trong nhóm lớp, clip xô xát, bạo lực, "
              "chuyện “bóc phốt”; hưởng ứng Ngày Pháp luật Việt Nam 9/11."),
        ("-", "Ban Biên tập học tập kinh nghiệm tại Trường THCS Hải Yên về lập lịch đăng bài và lấy "
              "phiếu đồng ý của cha mẹ học sinh."),
        ("-", "Tổ chức " + CONTEST + " từ ngày 10/3 đến ngày 20/3/2027."),
        ("-", PRIVACY),
        ("h", "IV. TỔ CHỨC THỰC HIỆN"),
        ("p", "Hiệu trưởng làm Trưởng Ban Chỉ đạo, chỉ đạo chung; Phó Hiệu trưởng phụ trách Ban Biên "
              "tập; Tổng phụ trách Đội phụ trách cộng tác viên học sinh và các hoạt động của Liên đội; "
              "giáo viên Giáo dục công dân phụ trách nội dung giáo dục pháp luật; giáo viên chủ nhiệm "
              "triển khai tới học sinh và cha mẹ học sinh. Nhà trường báo cáo kết quả về Phòng GD&ĐT "
              "theo quy định."),
    ],
    "recipients": ["Phòng GD&ĐT Móng Cái (để báo cáo)", "Chi bộ nhà trường",
                   "Cán bộ, giáo viên, nhân viên", "Lưu: VT"],
}

KL_PLAN = {
    "site": "th-ka-long", "slug": "ke-hoach-tuyen-truyen-an-toan-tren-mang-2026-2027",
    "file": "ke-hoach-10-kh-thkl.pdf", "number": "10/KH-THKL", "issued": "2026-09-09",
    "kind": "KẾ HOẠCH",
    "title": "Tuyên truyền sử dụng mạng xã hội an toàn cho học sinh tiểu học năm học 2026–2027",
    "body": [
        ("p", "Thực hiện " + PHONG_PLAN + ", Trường Tiểu học Ka Long xây dựng Kế hoạch thực hiện như "
              "sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("-", "Giúp học sinh tiểu học biết những điều đơn giản để an toàn khi dùng Internet: giữ bí "
              "mật mật khẩu, không kết bạn, không trò chuyện với người lạ trên mạng, hỏi cha mẹ, thầy "
              "cô khi gặp điều lạ."),
        ("-", "Hướng dẫn cha mẹ học sinh cùng con dùng điện thoại, máy tính bảng an toàn, hợp lý."),
        ("-", "Nội dung nhẹ nhàng, phù hợp với lứa tuổi, qua trò chơi, câu chuyện, vẽ tranh, tiểu "
              "phẩm."),
        ("h", "II. NỘI DUNG"),
        ("-", "Cán bộ, giáo viên, nhân viên ký Bản cam kết tham gia và sử dụng mạng xã hội; giáo viên "
              "chủ nhiệm cùng cha mẹ giúp học sinh tìm hiểu những điều cam kết phù hợp với lứa tuổi."),
        ("-", "Gửi cha mẹ học sinh phiếu đồng ý về việc nêu tên, đăng ảnh học sinh trên trang thông "
              "tin điện tử và Fanpage của trường; học sinh từ đủ 7 tuổi cũng được hỏi ý kiến."),
        ("-", "Lồng ghép nội dung an toàn khi lên mạng trong giờ chào cờ, sinh hoạt Sao Nhi đồng, "
              "sinh hoạt Đội; hưởng ứng tuần lễ “Chuyển đổi số an toàn” dịp Ngày Chuyển đổi số quốc "
              "gia 10/10."),
        ("-", "Tổ chức cho học sinh khối 4, 5 vẽ tranh “Em an toàn khi lên mạng”; trưng bày tranh ở "
              "hành lang trường."),
        ("-", "Giới thiệu gương “Người tốt, việc tốt” của học sinh trên trang thông tin điện tử của "
              "trường, hưởng ứng phong trào “Mỗi ngày một tin tốt, mỗi tuần một câu chuyện đẹp”; "
              "đăng ít nhất 01 tin, bài mỗi tuần."),
        ("-", "Tổ chức cuộc thi tìm hiểu an toàn trên không gian mạng cho học sinh từ ngày 10/3 đến "
              "ngày 20/3/2027, theo Kế hoạch, Thể lệ riêng."),
        ("h", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "Hiệu trưởng chỉ đạo chung; Phó Hiệu trưởng phụ trách Ban Biên tập trang thông tin điện "
              "tử và Fanpage; Tổng phụ trách Đội phụ trách các hoạt động của Liên đội và Sao Nhi đồng; "
              "giáo viên chủ nhiệm phối hợp với cha mẹ học sinh. Nhà trường báo cáo kết quả về Phòng "
              "GD&ĐT theo quy định."),
    ],
    "recipients": ["Phòng GD&ĐT Móng Cái (để báo cáo)", "Cán bộ, giáo viên, nhân viên",
                   "Ban đại diện cha mẹ học sinh", "Lưu: VT"],
}

CONTEST_TOPICS = [
    "Luật An ninh mạng số 116/2025/QH15 (có hiệu lực từ ngày 01/7/2026): những hành vi bị nghiêm "
    "cấm, bảo vệ thông tin cá nhân, bảo vệ trẻ em trên không gian mạng.",
    "Bộ Quy tắc ứng xử trên mạng xã hội (Quyết định 874/QĐ-BTTTT ngày 17/6/2021): Tôn trọng, tuân "
    "thủ pháp luật – Lành mạnh – An toàn, bảo mật thông tin – Trách nhiệm.",
    "Xử phạt hành vi đăng, chia sẻ thông tin sai sự thật (Nghị định 174/2026/NĐ-CP) và một số tội "
    "phạm thường gặp trên mạng theo Bộ luật Hình sự 2015.",
    "Quyền riêng tư của trẻ em và bảo vệ dữ liệu cá nhân (Luật Trẻ em 2016, Luật Bảo vệ dữ liệu cá "
    "nhân 2025).",
    "Kỹ năng nhận biết tin giả, phòng tránh lừa đảo, bảo mật tài khoản, ứng xử khi bị bắt nạt trên "
    "mạng; 12 nội dung của Bản cam kết tham gia và sử dụng mạng xã hội.",
]

CONTEST_RULES = [
    "Bài dự thi phải do học sinh tự làm, chưa đăng ở đâu; không sao chép bài của người khác, không "
    "nhờ người làm hộ. Bài sao chép bị loại.",
    "Không ghi họ tên, lớp hay thông tin cá nhân trong nội dung bài; thông tin dự thi chỉ ghi ở "
    "phiếu đăng ký riêng.",
    "Ban Tổ chức không trả lại bài dự thi.",
    "Ban Tổ chức được dùng bài đoạt giải để tuyên truyền; chỉ nêu tên tác giả khi có sự đồng ý của "
    "học sinh và cha mẹ.",
    "Tiểu phẩm không có cảnh bạo lực, ngôn ngữ thô tục hoặc nội dung phản cảm; không dựng lại "
    "chuyện có thật của bạn bè trong trường.",
]

CRITERIA = [["Tiêu chí", "Điểm tối đa"],
            ["Nội dung đúng pháp luật, đúng văn bản đang có hiệu lực", "40 điểm"],
            ["Tính thực tế, gần gũi với học sinh", "25 điểm"],
            ["Sáng tạo trong cách thể hiện", "20 điểm"],
            ["Hình thức trình bày, ngôn ngữ trong sáng", "15 điểm"]]

THCS_CONTESTS = {
    "thcs-hai-yen": {
        "plan": ("25/KH-THCSHY", "ke-hoach-25-kh-thcshy.pdf"),
        "rules": ("26/TL-THCSHY", "the-le-26-tl-thcshy.pdf"), "issued": "2026-11-16",
        "basis": "Kế hoạch số 12/KH-THCSHY ngày 10/9/2026 của nhà trường về triển khai mô hình "
                 + MODEL + " năm học 2026–2027",
        "review": ["Từ 23/11/2026", "Ôn tập 10 phút trong mỗi tiết sinh hoạt lớp theo các bài "
                   "Tìm hiểu pháp luật"],
        "extra": "Vòng trắc nghiệm thi tại phòng Tin học theo lịch của từng khối, không dùng điện "
                 "thoại cá nhân. Mỗi chi đội đăng ký ít nhất một bài thi viết hoặc một tiểu phẩm.",
        "prizes": [["Giải", "Số giải", "Phần thưởng"],
                   ["Giải Nhất (cá nhân)", "01", "Giấy khen và 300.000 đồng"],
                   ["Giải Nhì (cá nhân)", "01", "Giấy khen và 200.000 đồng"],
                   ["Giải Ba (cá nhân)", "01", "Giấy khen và 150.000 đồng"],
                   ["Giải Khuyến khích (cá nhân)", "03", "Giấy khen và 100.000 đồng"],
                   ["Chi đội có tỉ lệ tham gia cao nhất mỗi khối", "04", "Giấy khen và 200.000 đồng"],
                   ["Tiểu phẩm sân khấu hóa xuất sắc", "01", "Giấy khen và 500.000 đồng"]],
        "email": "bbt@thcshaiyen.example.edu.vn",
    },
    "thcs-hai-hoa": {
        "plan": ("31/KH-THCSHH", "ke-hoach-31-kh-thcshh.pdf"),
        "rules": ("32/TL-THCSHH", "the-le-32-tl-thcshh.pdf"), "issued": "2026-11-27",
        "basis": "Kế hoạch số 08/KH-THCSHH ngày 08/9/2026 của nhà trường về xây dựng mô hình "
                 + MODEL + " năm học 2026–2027; " + PHONG_LETTER,
        "review": ["Từ tháng 12/2026", "Ôn tập trong tiết sinh hoạt lớp theo các bài Tìm hiểu pháp "
                   "luật; bài ôn tập đăng trên trang thông tin điện tử của trường"],
        "extra": "Mỗi lớp khuyến khích có ít nhất một bài thi viết; các chi đội tự nguyện đăng ký "
                 "tiểu phẩm sân khấu hóa.",
        "prizes": [["Giải", "Số giải", "Phần thưởng"],
                   ["Giải Nhất (cá nhân)", "01", "Giấy khen và phần thưởng"],
                   ["Giải Nhì (cá nhân)", "01", "Giấy khen và phần thưởng"],
                   ["Giải Ba (cá nhân)", "01", "Giấy khen và phần thưởng"],
                   ["Giải Khuyến khích (cá nhân)", "03", "Giấy khen và phần thưởng"],
                   ["Lớp có tỉ lệ học sinh tham gia cao nhất", "01", "Giấy khen"],
                   ["Tiểu phẩm sân khấu hóa xuất sắc", "01", "Giấy khen"]],
        "email": "bbt@thcshaihoa.example.edu.vn",
    },
}

CONTEST_TITLE = "Cuộc thi tìm hiểu Luật An ninh mạng và kỹ năng sử dụng mạng xã hội an toàn năm 2027"


def thcs_contest_docs(site):
    c, u = THCS_CONTESTS[site], UNITS[site]
    plan_no, rules_no = c["plan"][0], c["rules"][0]
    plan = {
        "site": site, "slug": "ke-hoach-cuoc-thi-2027", "file": c["plan"][1], "number": plan_no,
        "issued": c["issued"], "kind": "KẾ HOẠCH", "title": "Tổ chức " + CONTEST + " năm 2027",
        "body": [
            ("p", "Thực hiện " + c["basis"] + ", " + u["name"] + " xây dựng Kế hoạch tổ chức cuộc "
                  "thi như sau:"),
            ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("-", "Tuyên truyền sâu rộng đến cán bộ, giáo viên, nhân viên và học sinh về Luật An ninh "
                  "mạng và cách sử dụng mạng xã hội an toàn."),
            ("-", "Giúp học sinh nhận biết tin giả, thủ đoạn lừa đảo, bắt nạt trên mạng và biết cách "
                  "tự bảo vệ mình."),
            ("-", "Lan tỏa tinh thần “Tuân thủ – Lành mạnh – An toàn – Trách nhiệm” và những câu "
                  "chuyện đẹp trên không gian mạng."),
            ("-", "Cuộc thi được tổ chức nghiêm túc, an toàn, thiết thực; không gây áp lực, tốn kém "
                  "cho học sinh và gia đình."),
            ("h", "II. ĐỐI TƯỢNG, THỜI GIAN, HÌNH THỨC"),
            ("-", "Đối tượng: học sinh khối 6, 7, 8, 9 của nhà trường, dự thi cá nhân và theo tập thể "
                  "chi đội."),
            ("-", "Thời gian thi chính thức: từ ngày 10/3 đến ngày 20/3/2027."),
            ("-", "Hình thức: thi trắc nghiệm, thi viết và sân khấu hóa (chi tiết tại Thể lệ cuộc thi "
                  "số " + rules_no + ")."),
            ("h", "III. LỊCH TRIỂN KHAI"),
            ("t", [["Thời gian", "Nội dung"], c["review"],
                   ["03/3/2027", "Thi thử trắc nghiệm (không tính điểm) trong tiết sinh hoạt lớp"],
                   ["Trước 05/3/2027", "Các chi đội đăng ký tiểu phẩm với Tổng phụ trách Đội"],
                   ["10/3/2027", "Khai mạc; mở vòng thi trắc nghiệm, nhận bài thi viết"],
                   ["17/3/2027", "Các chi đội trình diễn tiểu phẩm sân khấu hóa"],
                   ["20/3/2027", "Kết thúc nhận bài; đóng vòng thi trắc nghiệm"],
                   ["26/3/2027", "Tổng kết, trao giải nhân Ngày thành lập Đoàn TNCS Hồ Chí Minh"]],
             (40, 120)),
            ("h", "IV. BAN TỔ CHỨC, BAN GIÁM KHẢO"),
            ("p", "Ban Tổ chức là Ban Chỉ đạo mô hình " + MODEL + " của nhà trường, phối hợp với Liên "
                  "đội và Chi đoàn giáo viên; Hiệu trưởng làm Trưởng ban. Ban Giám khảo gồm đại diện "
                  "Ban Giám hiệu (Trưởng ban Giám khảo), giáo viên Giáo dục công dân, giáo viên Tin "
                  "học, Tổng phụ trách Đội và Bí thư Chi đoàn giáo viên."),
            ("h", "V. GIẢI THƯỞNG"),
            ("t", c["prizes"], (85, 20, 55)),
            ("h", "VI. TỔ CHỨC THỰC HIỆN"),
            ("-", "Phó Hiệu trưởng chỉ đạo ôn tập, xây dựng ngân hàng câu hỏi theo các văn bản đang "
                  "có hiệu lực."),
            ("-", "Tổng phụ trách Đội làm đầu mối nhận đăng ký và bài dự thi; phối hợp với giáo viên "
                  "Tin học chuẩn bị phòng thi trắc nghiệm."),
            ("-", "Giáo viên chủ nhiệm phổ biến Kế hoạch, Thể lệ tới học sinh và cha mẹ học sinh."),
            ("-", "Ban Biên tập đăng Kế hoạch, Thể lệ và tin về cuộc thi trên trang thông tin điện tử, "
                  "Fanpage, nhóm Zalo của nhà trường."),
        ],
        "recipients": ["Phòng GD&ĐT Móng Cái (để báo cáo)", "Ban Chỉ đạo mô hình",
                       "Liên đội, Chi đoàn giáo viên", "Lưu: VT"],
    }
    rules = {
        "site": site, "slug": "the-le-cuoc-thi-2027", "file": c["rules"][1], "number": rules_no,
        "issued": c["issued"], "kind": "THỂ LỆ", "title": CONTEST_TITLE,
        "note": "(Ban hành kèm theo Kế hoạch số " + plan_no + " ngày " + short_date(c["issued"])
                + " của " + u["name"] + ")",
        "body": [
            ("h", "Điều 1. Đối tượng dự thi"),
            ("p", "Học sinh đang học tại trường, từ khối 6 đến khối 9; dự thi cá nhân (trắc nghiệm, "
                  "thi viết) và theo tập thể chi đội (sân khấu hóa)."),
            ("h", "Điều 2. Nội dung thi"),
            *[("-", t) for t in CONTEST_TOPICS],
            ("h", "Điều 3. Hình thức thi"),
            ("-", "**Thi trắc nghiệm:** mỗi học sinh làm bài một lần, 25 câu trong 30 phút, trên máy "
                  "tính tại phòng Tin học của trường."),
            ("-", "**Thi viết:** bài viết tay hoặc đánh máy, không quá 1.500 chữ, theo một trong các "
                  "gợi ý: một lần em (hoặc bạn em) suýt tin, suýt chia sẻ một tin giả và điều gì đã "
                  "giúp em dừng lại; kể về một gương “Người tốt, việc tốt” trên không gian mạng; nếu "
                  "được viết thêm một điều vào Bản cam kết, em sẽ viết gì, vì sao."),
            ("-", "**Sân khấu hóa:** tiểu phẩm 3–5 phút do tập thể chi đội dàn dựng về một tình huống "
                  "trên mạng: lừa đảo “trúng thưởng”, tài khoản giả mạo, bắt nạt trong nhóm lớp, tin "
                  "đồn thất thiệt…"),
            ("p", c["extra"]),
            ("h", "Điều 4. Thời gian, đăng ký và nộp bài"),
            ("-", "Thi thử trắc nghiệm (không tính điểm): ngày 03/3/2027. Thi chính thức: từ ngày "
                  "10/3 đến ngày 20/3/2027."),
            ("-", "Bài thi viết nộp tại phòng Đội hoặc cho giáo viên chủ nhiệm, chậm nhất ngày "
                  "20/3/2027; họ tên, lớp của học sinh chỉ ghi ở phiếu đăng ký kèm theo bài."),
            ("-", "Các chi đội đăng ký tiểu phẩm với Tổng phụ trách Đội trước ngày 05/3/2027; trình "
                  "diễn ngày 17/3/2027."),
            ("h", "Điều 5. Quy định về bài dự thi"),
            *[("-", t) for t in CONTEST_RULES],
            ("h", "Điều 6. Ban Giám khảo và tiêu chí chấm"),
            ("p", "Ban Giám khảo gồm đại diện Ban Giám hiệu (Trưởng ban), giáo viên Giáo dục công dân, "
                  "giáo viên Tin học, Tổng phụ trách Đội và Bí thư Chi đoàn giáo viên. Bài thi viết "
                  "và tiểu phẩm được chấm theo thang điểm 100:"),
            ("t", CRITERIA, (120, 40)),
            ("h", "Điều 7. Giải thưởng"),
            ("t", c["prizes"], (85, 20, 55)),
            ("h", "Điều 8. Liên hệ"),
            ("p", u["contact"] + "; điện thoại " + u["hotline"] + "; thư điện tử " + c["email"] + "."),
        ],
        "recipients": ["Học sinh các lớp (qua giáo viên chủ nhiệm)", "Ban Tổ chức, Ban Giám khảo",
                       "Lưu: VT"],
    }
    return [plan, rules]


KL_TITLE = "Cuộc thi tìm hiểu an toàn trên không gian mạng dành cho học sinh tiểu học năm 2027"
KL_PRIZES = [["Giải", "Số giải", "Phần thưởng"],
             ["Trắc nghiệm: Giải Nhất, Nhì, Ba (mỗi khối 4, 5)", "06", "Giấy khen và phần thưởng"],
             ["Trắc nghiệm: Giải Khuyến khích (mỗi khối 4, 5)", "06", "Giấy khen và phần thưởng"],
             ["Vẽ tranh: Giải Nhất, Nhì, Ba (tập thể lớp)", "03", "Giấy khen và phần thưởng"],
             ["Tiểu phẩm xuất sắc (tập thể lớp)", "01", "Giấy khen và phần thưởng"]]

KL_CONTEST_PLAN = {
    "site": "th-ka-long", "slug": "ke-hoach-cuoc-thi-2027", "file": "ke-hoach-28-kh-thkl.pdf",
    "number": "28/KH-THKL", "issued": "2026-11-26", "kind": "KẾ HOẠCH",
    "title": "Tổ chức cuộc thi tìm hiểu an toàn trên không gian mạng dành cho học sinh tiểu học "
             "năm 2027",
    "body": [
        ("p", "Thực hiện Kế hoạch số 10/KH-THKL ngày 09/9/2026 của nhà trường về tuyên truyền sử dụng "
              "mạng xã hội an toàn cho học sinh năm học 2026–2027; " + PHONG_LETTER + ", Trường Tiểu "
              "học Ka Long xây dựng Kế hoạch tổ chức cuộc thi như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("-", "Hưởng ứng " + CONTEST + " của mô hình " + MODEL + ", với nội dung và hình thức phù "
              "hợp với học sinh tiểu học."),
        ("-", "Giúp các em nhớ những điều đơn giản để an toàn khi lên mạng và biết hỏi người lớn khi "
              "gặp điều lạ."),
        ("-", "Cuộc thi nhẹ nhàng, vui tươi; không gây áp lực, tốn kém cho học sinh và gia đình."),
        ("h", "II. ĐỐI TƯỢNG, THỜI GIAN, HÌNH THỨC"),
        ("-", "Thời gian: từ ngày 10/3 đến ngày 20/3/2027."),
        ("-", "Khối 4, 5: trả lời câu hỏi trắc nghiệm trên phiếu, làm tại lớp."),
        ("-", "Khối 1, 2, 3: vẽ tranh theo chủ đề “Em an toàn khi lên mạng”."),
        ("-", "Khối 3, 4, 5: tiểu phẩm theo tập thể lớp (lớp tự nguyện đăng ký)."),
        ("p", "Chi tiết tại Thể lệ cuộc thi số 29/TL-THKL."),
        ("h", "III. LỊCH TRIỂN KHAI"),
        ("t", [["Thời gian", "Nội dung"],
               ["Tháng 12/2026 – tháng 02/2027", "Ôn tập trong giờ sinh hoạt lớp, sinh hoạt Sao Nhi "
                "đồng: bốn điều an toàn khi lên mạng, giữ bí mật mật khẩu, không trả lời tin nhắn lạ"],
               ["03/3/2027", "Làm quen với phiếu trắc nghiệm (không tính điểm)"],
               ["Trước 05/3/2027", "Các lớp đăng ký tiểu phẩm với Tổng phụ trách Đội"],
               ["10/3 – 20/3/2027", "Thi trắc nghiệm tại lớp; nộp tranh; trình diễn tiểu phẩm ngày "
                "17/3/2027"],
               ["22/3/2027", "Tổng kết, trao giải trong buổi chào cờ đầu tuần"]], (45, 115)),
        ("h", "IV. GIẢI THƯỞNG"),
        ("t", KL_PRIZES, (85, 20, 55)),
        ("h", "V. TỔ CHỨC THỰC HIỆN"),
        ("-", "Phó Hiệu trưởng chỉ đạo ra câu hỏi, ôn tập phù hợp với lứa tuổi."),
        ("-", "Tổng phụ trách Đội làm đầu mối nhận đăng ký, tranh dự thi và tổ chức trình diễn tiểu "
              "phẩm."),
        ("-", "Giáo viên chủ nhiệm phổ biến Kế hoạch, Thể lệ tới học sinh và cha mẹ học sinh."),
        ("-", "Ban Biên tập đăng Kế hoạch, Thể lệ và tin về cuộc thi trên trang thông tin điện tử, "
              "Fanpage của nhà trường."),
    ],
    "recipients": ["Phòng GD&ĐT Móng Cái (để báo cáo)", "Liên đội", "Giáo viên chủ nhiệm các lớp",
                   "Lưu: VT"],
}

KL_CONTEST_RULES = {
    "site": "th-ka-long", "slug": "the-le-cuoc-thi-2027", "file": "the-le-29-tl-thkl.pdf",
    "number": "29/TL-THKL", "issued": "2026-11-26", "kind": "THỂ LỆ", "title": KL_TITLE,
    "note": "(Ban hành kèm theo Kế hoạch số 28/KH-THKL ngày 26/11/2026 của Trường Tiểu học Ka Long)",
    "body": [
        ("h", "Điều 1. Đối tượng dự thi"),
        ("p", "Học sinh đang học tại trường: khối 4, 5 thi trắc nghiệm; khối 1, 2, 3 vẽ tranh; các "
              "lớp khối 3, 4, 5 có thể đăng ký tiểu phẩm."),
        ("h", "Điều 2. Nội dung"),
        ("-", "Bảo vệ trẻ em trên không gian mạng; quyền bí mật đời sống riêng tư của trẻ em (Luật "
              "Trẻ em 2016)."),
        ("-", "Giữ bí mật mật khẩu và thông tin của bản thân, gia đình; không kết bạn, không trò "
              "chuyện với người lạ trên mạng."),
        ("-", "Nhận biết tin nhắn lừa “trúng thưởng”, “nạp thẻ”; không bấm vào đường dẫn lạ."),
        ("-", "Hỏi cha mẹ, thầy cô khi gặp điều lạ hoặc bị bắt nạt trên mạng; dùng điện thoại, máy "
              "tính bảng vừa đủ thời gian."),
        ("h", "Điều 3. Hình thức thi"),
        ("-", "**Trắc nghiệm (khối 4, 5):** mỗi em làm bài một lần, 15 câu trong 20 phút, trên phiếu "
              "giấy tại lớp, có giáo viên chủ nhiệm đọc câu hỏi cùng các em."),
        ("-", "**Vẽ tranh (khối 1, 2, 3):** tranh vẽ trên giấy khổ A4 hoặc A3, chủ đề “Em an toàn "
              "khi lên mạng”; mặt sau chỉ ghi tên lớp."),
        ("-", "**Tiểu phẩm (khối 3, 4, 5):** tiểu phẩm 3–5 phút do tập thể lớp dàn dựng, có giáo "
              "viên chủ nhiệm hướng dẫn."),
        ("h", "Điều 4. Thời gian và nộp bài"),
        ("-", "Thi trắc nghiệm tại lớp trong thời gian từ ngày 10/3 đến ngày 20/3/2027, theo lịch "
              "của từng lớp."),
        ("-", "Tranh dự thi nộp cho giáo viên chủ nhiệm, chậm nhất ngày 20/3/2027."),
        ("-", "Các lớp đăng ký tiểu phẩm với Tổng phụ trách Đội trước ngày 05/3/2027; trình diễn ngày "
              "17/3/2027."),
        ("h", "Điều 5. Quy định về bài dự thi"),
        ("-", "Tranh do các em tự vẽ; cha mẹ, anh chị có thể động viên nhưng không vẽ hộ."),
        ("-", "Không ghi họ tên học sinh trên mặt tranh; tranh chỉ ghi tên lớp."),
        ("-", "Nhà trường trưng bày tranh ở hành lang; chỉ chụp, đăng tranh lên trang thông tin điện "
              "tử, Fanpage khi có sự đồng ý của các em và cha mẹ."),
        ("-", "Tiểu phẩm không có cảnh bạo lực, lời nói thô tục; không dựng lại chuyện có thật của "
              "bạn bè."),
        ("h", "Điều 6. Ban Giám khảo và tiêu chí chấm"),
        ("p", "Ban Giám khảo gồm đại diện Ban Giám hiệu (Trưởng ban), Tổng phụ trách Đội và giáo viên "
              "chủ nhiệm các khối. Tranh và tiểu phẩm được chấm theo thang điểm 100:"),
        ("t", [["Tiêu chí", "Điểm tối đa"], ["Đúng chủ đề, thông điệp rõ ràng", "40 điểm"],
               ["Gần gũi với cuộc sống của các em", "25 điểm"], ["Sáng tạo", "20 điểm"],
               ["Trình bày, màu sắc, lời thoại", "15 điểm"]], (120, 40)),
        ("h", "Điều 7. Giải thưởng"),
        ("t", KL_PRIZES, (85, 20, 55)),
        ("p", "Giải vẽ tranh và tiểu phẩm trao cho tập thể lớp."),
        ("h", "Điều 8. Liên hệ"),
        ("p", "Cô Lý Thị Sen, Tổng phụ trách Đội; điện thoại 0200 000 009; thư điện tử "
              "bbt@thkalong.example.edu.vn."),
    ],
    "recipients": ["Học sinh các lớp (qua giáo viên chủ nhiệm)", "Ban Giám khảo", "Lưu: VT"],
}


def disclosure(site, number, file, issued, extra):
    """The `cong-khai` document: the school's official channels and whom to call."""
    u = UNITS[site]
    return {
        "site": site, "slug": "cong-khai-kenh-thong-tin-2026-2027", "file": file, "number": number,
        "issued": issued, "kind": "THÔNG BÁO",
        "title": "Công khai các kênh thông tin chính thức và đầu mối tiếp nhận phản ánh của "
                 + u["name"] + " năm học 2026–2027",
        "body": [
            ("p", "Để cha mẹ học sinh, học sinh và nhân dân biết các kênh thông tin chính thức của "
                  "nhà trường, tránh bị lợi dụng bởi các trang, tài khoản giả mạo, " + u["name"] +
                  " công khai các nội dung sau:"),
            ("h", "1. Các kênh thông tin chính thức"),
            ("t", [["Kênh", "Địa chỉ"], ["Trang thông tin điện tử", u["web"]],
                   ["Fanpage (Facebook)", "https://facebook.example.com/" + u["slug"]],
                   ["Nhóm Zalo", "https://zalo.example.com/" + u["slug"]],
                   ["Điện thoại văn phòng", u["phone"]],
                   ["Thư điện tử", "bbt@" + u["slug"] + ".example.edu.vn"]]),
            ("h", "2. Đường dây nóng"),
            ("p", "Đường dây nóng " + u["hotline"] + " do Tổ Thường trực của mô hình quản lý, tiếp "
                  "nhận phản ánh về thông tin tiêu cực, vi phạm pháp luật trên mạng xã hội liên quan "
                  "đến học sinh và nhà trường. Thông tin về người phản ánh được nhà trường giữ kín."),
            ("h", "3. Ban Chỉ đạo, Ban Biên tập, Ban Quản trị"),
            ("p", "Danh sách Ban Chỉ đạo, Ban Biên tập và Ban Quản trị trang thông tin điện tử, "
                  "Fanpage, nhóm Zalo được đăng tại mục Giới thiệu của trang thông tin điện tử nhà "
                  "trường. Mọi tin, bài trên các kênh chính thức đều được Ban Biên tập duyệt trước "
                  "khi đăng."),
            ("h", "4. Những điều cha mẹ học sinh cần biết"),
            *[("-", t) for t in extra],
            ("p", "Thông báo này được niêm yết tại bảng tin của nhà trường và đăng trên trang thông "
                  "tin điện tử của trường."),
        ],
        "recipients": ["Cha mẹ học sinh các lớp (qua giáo viên chủ nhiệm)",
                       "Trang thông tin điện tử của trường", "Lưu: VT"],
    }


FAKE_ACCOUNTS = ("Nếu có tin nhắn tự xưng là giáo viên hay nhà trường, đề nghị chuyển tiền hoặc đọc "
                 "mã OTP, cha mẹ đừng làm theo mà gọi lại số điện thoại văn phòng để kiểm tra.")

DOCUMENTS = [
    SO_PLAN, SO_LETTER, PHONG_PLAN_DOC, PHONG_LETTER_DOC,
    HY_PLAN, *thcs_contest_docs("thcs-hai-yen"),
    disclosure("thcs-hai-yen", "15/TB-THCSHY", "thong-bao-15-tb-thcshy.pdf", "2026-09-15", [
        "Nhà trường không thu bất kỳ khoản tiền nào qua tin nhắn cá nhân.", FAKE_ACCOUNTS,
        "Ảnh, họ tên học sinh chỉ được đăng khi có sự đồng ý của cha mẹ và của chính học sinh."]),
    HH_PLAN, *thcs_contest_docs("thcs-hai-hoa"),
    disclosure("thcs-hai-hoa", "14/TB-THCSHH", "thong-bao-14-tb-thcshh.pdf", "2026-09-25", [
        "Fanpage, nhóm Zalo và số đường dây nóng trên đây được giới thiệu tại Lễ ra mắt mô hình "
        "ngày 24/9/2026; các trang, nhóm khác mang tên nhà trường không phải là kênh chính thức.",
        FAKE_ACCOUNTS,
        "Ảnh, họ tên học sinh chỉ được đăng khi có sự đồng ý của cha mẹ và của chính học sinh."]),
    KL_PLAN, KL_CONTEST_PLAN, KL_CONTEST_RULES,
    disclosure("th-ka-long", "13/TB-THKL", "thong-bao-13-tb-thkl.pdf", "2026-09-16", [
        "Nhà trường chỉ nêu tên, đăng ảnh học sinh khi cha mẹ đã ký phiếu đồng ý; học sinh từ đủ 7 "
        "tuổi cũng được hỏi ý kiến. Cha mẹ có thể đề nghị gỡ ảnh của con bất cứ lúc nào.",
        FAKE_ACCOUNTS,
        "Trẻ em dưới 16 tuổi dùng mạng xã hội bằng tài khoản đăng ký theo thông tin của cha mẹ; cha "
        "mẹ cùng con theo dõi, quản lý tài khoản."]),
]


# ---------------------------------------------------------------------------------------------
# The albums: six photos each, anh-01.jpg … anh-06.jpg beside the album's index.md; `taken` is
# the EXIF date of the photos (the album itself may be published a day later).

SHIRTS = [(250, 250, 250), (240, 240, 245), (230, 235, 250)]
RED, BLUE, GREEN, ORANGE = (190, 30, 45), (20, 80, 150), (20, 100, 60), (200, 110, 20)

ALBUMS = [
    {"site": "thcs-hai-yen", "slug": "tieu-pham-ngay-phap-luat-2026", "taken": "2026-11-09",
     "photos": [
         {"scene": "stage", "color": BLUE, "title": "CÁI BẪY NHÂN ĐÔI",
          "sub": "Tiểu phẩm của chi đội 8A – Chào mừng Ngày Pháp luật Việt Nam 9/11",
          "people": [(420, 1.6, SHIRTS[0]), (600, 1.6, SHIRTS[1]), (780, 1.6, SHIRTS[2])]},
         {"scene": "stage", "color": (90, 40, 120), "title": "“NẠP THẺ NHÂN ĐÔI”?",
          "sub": "Lời mời của một tài khoản lạ trong trò chơi trực tuyến",
          "people": [(450, 1.8, SHIRTS[0]), (750, 1.8, (255, 220, 120))]},
         {"scene": "stage", "color": GREEN, "title": "DỪNG LẠI – KIỂM TRA – HỎI NGƯỜI LỚN",
          "sub": "Các bạn cùng nhau tìm cách thoát khỏi cái bẫy",
          "people": [(330, 1.5, SHIRTS[0]), (520, 1.5, SHIRTS[1]), (700, 1.5, SHIRTS[2]),
                     (880, 1.5, SHIRTS[0])]},
         {"scene": "poster", "color": RED, "title": "DỪNG LẠI TRƯỚC KHI CHIA SẺ",
          "lines": ["Tin này do ai đăng?", "Có nguồn chính thống không?",
                    "Chia sẻ có làm ai tổn thương?", "Chưa chắc chắn: không chia sẻ"]},
         {"scene": "yard", "color": RED, "banner": "HƯỞNG ỨNG NGÀY PHÁP LUẬT VIỆT NAM 9/11",
          "board": ["THCS HẢI YÊN", "Sử dụng mạng xã hội an toàn"]},
         {"scene": "stage", "color": BLUE, "title": "CẢM ƠN CÁC BẠN ĐÃ THEO DÕI",
          "sub": "Chi đội 8A – Trường THCS Hải Yên",
          "people": [(250, 1.4, SHIRTS[0]), (390, 1.4, SHIRTS[1]), (530, 1.4, SHIRTS[2]),
                     (670, 1.4, SHIRTS[0]), (810, 1.4, SHIRTS[1]), (950, 1.4, SHIRTS[2])]},
     ]},
    {"site": "thcs-hai-hoa", "slug": "goc-tuyen-truyen-mo-hinh", "taken": "2026-11-13",
     "photos": [
         {"scene": "yard", "color": GREEN, "banner": "MÔ HÌNH SỬ DỤNG MẠNG XÃ HỘI AN TOÀN",
          "board": ["THCS HẢI HÒA", "Đường dây nóng: 0200 000 007"]},
         {"scene": "poster", "color": GREEN, "title": "BẢN CAM KẾT: 12 ĐIỀU",
          "lines": ["Không chia sẻ tin giả, tin sai sự thật", "Không xúc phạm, vu khống người khác",
                    "Không mạo danh người khác",
                    "Ghi rõ nguồn khi trích dẫn"]},
         {"scene": "poster", "color": ORANGE, "title": "DỪNG LẠI TRƯỚC KHI CHIA SẺ",
          "lines": ["Ai đăng tin này?", "Tin có nguồn chính thống không?",
                    "Chia sẻ có làm tổn thương ai không?"]},
         {"scene": "poster", "color": RED, "title": "THẤY CLIP XÔ XÁT?",
          "lines": ["Không xem tiếp, không chia sẻ", "Đề nghị người đăng gỡ xuống",
                    "Báo ngay thầy cô, cha mẹ"]},
         {"scene": "poster", "color": BLUE, "title": "KÊNH THÔNG TIN CHÍNH THỨC",
          "lines": ["Trang thông tin điện tử của trường", "Fanpage THCS Hải Hòa",
                    "Nhóm Zalo của mô hình", "Đường dây nóng 0200 000 007"]},
         {"scene": "poster", "color": (120, 60, 140), "title": "TIN TỐT TRONG TUẦN",
          "lines": ["Cộng tác viên học sinh tìm tin tốt", "Ban Biên tập duyệt trước khi đăng",
                    "Mỗi tuần ít nhất 01 tin, bài"]},
     ]},
    {"site": "th-ka-long", "slug": "tranh-em-an-toan-khi-len-mang", "taken": "2026-10-29",
     "photos": [
         {"scene": "drawing", "drawing": "phone", "caption_text": "Mật khẩu là bí mật!",
          "label": "Chi đội 5A"},
         {"scene": "drawing", "drawing": "wolf",
          "caption_text": "Người lạ trên mạng có thể là sói!", "label": "Chi đội 4B"},
         {"scene": "drawing", "drawing": "family", "caption_text": "Giờ ăn, giờ của gia đình",
          "label": "Chi đội 5B"},
         {"scene": "drawing", "drawing": "shield", "caption_text": "Hỏi cha mẹ trước khi bấm",
          "label": "Chi đội 4A"},
         {"scene": "drawing", "drawing": "screen-time",
          "caption_text": "Chơi vừa đủ, nghỉ đúng giờ", "label": "Chi đội 4C"},
         {"scene": "drawing", "drawing": "messages",
          "caption_text": "Không trả lời tin nhắn lạ", "label": "Chi đội 5C"},
     ]},
]


# ---------------------------------------------------------------------------------------------


def outputs():
    """(path, its spec, writer) for every file this script owns, in a fixed order."""
    for doc in DOCUMENTS:
        doc = {**UNITS[doc["site"]], **doc}
        path = ROOT / "content" / "sites" / doc["site"] / "documents" / doc["slug"] / doc["file"]
        yield path, doc, (lambda d: lambda p: build_pdf(d, p))(doc)
    for place, album in enumerate(ALBUMS):
        folder = ROOT / "content" / "sites" / album["site"] / "albums" / album["slug"]
        for i, photo in enumerate(album["photos"], 1):
            seed = f'{album["site"]}/{album["slug"]}/{i}'
            yield folder / f"anh-{i:02d}.jpg", photo, (
                lambda ph, i, s, when, pl: lambda p: build_photo(ph, i, when, pl, s, p))(
                    photo, i, seed, album["taken"], place)


def check(path, doc):
    """Read a written file back: every line and paragraph of the PDF's text, exactly (spaces and
    line breaks aside); the JPEG's GPS tags."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        pages = PdfReader(path).pages
        texts = [page.extract_text() for page in pages]
        for n in range(1, len(texts)):  # the page number printed at the top of later pages
            first, _, rest = texts[n].partition("\n")
            assert first.strip() == str(n + 1), f"{path}: page {n + 1} starts with {first!r}"
            texts[n] = rest
        flat = "".join("".join(texts).split())
        wanted = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:",
                  doc["number"], vn_date(doc["place"], doc["issued"]), doc["signer"],
                  doc.get("title") or doc["vv"]]
        wanted += [b[1].replace("**", "") for b in doc["body"] if b[0] != "t"]
        for needle in wanted:
            assert "".join(needle.split()) in flat, f"{path}: {needle!r} does not extract back"
        return f"{len(pages)} page(s), {len(wanted)} texts extract back"
    import piexif

    gps = piexif.load(str(path))["GPS"]
    lat = gps[piexif.GPSIFD.GPSLatitude]
    lon = gps[piexif.GPSIFD.GPSLongitude]
    to_deg = lambda v: v[0][0] / v[0][1] + v[1][0] / v[1][1] / 60 + v[2][0] / v[2][1] / 3600
    return f"GPS {to_deg(lat):.5f} N, {to_deg(lon):.5f} E"


def main():
    ensure_venv()
    check_fonts()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily("Serif", normal="Serif", bold="Serif-Bold",
                                  italic="Serif-Italic", boldItalic="Serif-BoldItalic")
    total = 0
    for path, spec, write in outputs():
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path)
        data = path.read_bytes()
        total += len(data)
        line = f"{hashlib.sha256(data).hexdigest()[:16]}  {len(data) // 1024:4d} KB  " \
               f"{path.relative_to(ROOT)}"
        if "--check" in sys.argv:
            line += "  " + check(path, spec)
        print(line)
    print(f"total {total / 1024 / 1024:.2f} MB")


if __name__ == "__main__":
    main()
