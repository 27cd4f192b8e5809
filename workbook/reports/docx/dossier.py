"""The proposal dossier drafts the award review needs, in Word (Nghị định 30/2020 layout):
a tờ trình to each destination with its list of proposals annexed, and the biên bản of the
Ban Chấp hành meeting that votes on them (a line per person, the votes left for the meeting).

Drafts: the figures and names come from the shortlist; the meeting's time, place, attendance
and votes are highlighted places the officer fills in.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...safe_io import atomic_write
from ...text import slug_filename
from ..context import ReportContext
from ..destinations import Destination, destinations
from ..wording import roman, symbol
from ..figures import vn_number
from .layout import WordDoc

MEMBER, GROUP = "Cá nhân", "Tập thể"
ANNEX_WIDTHS = (12, 40, 40, 28, 45)
VOTE_WIDTHS = (12, 40, 32, 33, 16, 16, 16)


@dataclass
class DossierResult:
    files: list[Path] = field(default_factory=list)
    destinations: dict[str, int] = field(default_factory=dict)  # name -> proposals

    @property
    def headline(self) -> str:
        sent = "; ".join(f"{name}: {n}" for name, n in self.destinations.items())
        return f"Lập {len(self.files)} văn bản hồ sơ đề nghị khen thưởng ({sent})"

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, "files": [str(p) for p in self.files],
                "destinations": self.destinations}


def _who(title, rec: dict, rc: ReportContext) -> str:
    return f"Tổ công đoàn {rec['ho_ten']}" if title.subject == GROUP else str(rec["ho_ten"])


def _where(title, rec: dict, rc: ReportContext) -> str:
    group = rc.group_names.get(rec["ma_to"], rec["ma_to"])
    unit = rc.config.get("co_quan") or ""
    if title.subject == GROUP:
        return unit
    role = rec.get("chuc_vu")
    role = role if isinstance(role, str) and role else ""
    return ", ".join(x for x in (role, f"tổ {group}", unit) if x)


def _subject_word(title) -> str:
    return "tập thể" if title.subject == GROUP else "cá nhân"


def _year(rc: ReportContext) -> str:
    return rc.config.get("nam") or str(rc.day.year)


def write_submission(rc: ReportContext, dest: Destination, path: Path, day: dt.date,
                     force: bool = True) -> Path | None:
    """The tờ trình to one destination, its list of proposals annexed."""
    c = rc.config
    doc = WordDoc(c, day)
    doc.header("TTr")
    doc.title("TỜ TRÌNH", f"Về việc đề nghị khen thưởng năm {_year(rc)}",
              addressee=dest.name)
    for basis in rc.scores.choice.ruleset.legal_basis:
        doc.paragraph(f"Căn cứ {basis};")
    dated = f" ngày {c['ngay_ke_hoach']}" if c.get("ngay_ke_hoach") else ""
    doc.paragraph(f"Căn cứ Kế hoạch số {c.get('so_ke_hoach', '')}{dated} của Ban Chấp hành "
                  f"{c.get('ten_cong_doan', '')};")
    doc.paragraph(f"Căn cứ Biên bản họp xét thi đua, khen thưởng năm {_year(rc)} ngày ",
                  ("officer", "ngày họp"), f" của Ban Chấp hành {c.get('ten_cong_doan', '')},")
    doc.paragraph(f"Ban Chấp hành {c.get('ten_cong_doan', '')} kính đề nghị {dest.name} "
                  f"{dest.decides} khen thưởng cho các tập thể, cá nhân có thành tích trong "
                  f"phong trào thi đua năm {_year(rc)}, cụ thể như sau:")
    for i, (title, part) in enumerate(dest.sections, start=1):
        doc.paragraph(f"{i}. {title.kind or 'Khen thưởng'} “{title.name}”: "
                      f"{vn_number(len(part))} {_subject_word(title)}.")
    doc.paragraph("(Có danh sách và tóm tắt thành tích kèm theo)")
    doc.officer("Ban Chấp hành tóm tắt thành tích nổi bật của tập thể, cá nhân đề nghị "
                "khen thưởng (nếu cần).")
    doc.paragraph(f"Kính đề nghị {dest.name} xem xét, quyết định./.")
    doc.signature(items=["- Như trên;", f"- Lưu: VT{_archive(c)}."])
    annex = doc.line(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {_year(rc)}", 14, bold=True)
    annex.paragraph_format.page_break_before = True
    doc.line(f"(Kèm theo Tờ trình số        {symbol(c, 'TTr')} ngày {day:%d/%m/%Y} của "
             f"Ban Chấp hành {c.get('ten_cong_doan', '')})", 13, italic=True, after=6)
    rows: list = []
    for i, (title, part) in enumerate(dest.sections, start=1):
        rows.append(f"{roman(i)}. {title.name.upper()}: {vn_number(len(part))} "
                    f"{_subject_word(title)}")
        for j, rec in enumerate(part.to_dict("records"), start=1):
            rows.append((j, _who(title, rec, rc), _where(title, rec, rc), title.name,
                         rec.get("tom_tat") or ""))
    doc.table(("STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức, danh hiệu",
               "Tóm tắt thành tích"), rows, ANNEX_WIDTHS, size=11, left=(1, 2, 4))
    return atomic_write(path, doc.save, overwrite=force)


def _archive(config: dict[str, str]) -> str:
    """', CĐ' from the Cấu hình recipients' 'Lưu: VT, CĐ' (what the CĐCS files copies as)."""
    for item in (config.get("noi_nhan") or "").split(";"):
        item = item.strip(" .")
        if item.startswith("Lưu: VT"):
            return item[len("Lưu: VT"):]
    return ""


def write_minutes(rc: ReportContext, sent: list[Destination], path: Path, day: dt.date,
                  force: bool = True) -> Path | None:
    """The biên bản of the meeting that votes on every proposal."""
    c = rc.config
    doc = WordDoc(c, day)
    doc.header("BB")
    doc.title("BIÊN BẢN", f"Họp xét thi đua, khen thưởng năm {_year(rc)}")
    doc.paragraph("Thời gian: ", ("officer", "giờ"), f", ngày {day:%d/%m/%Y}.")
    doc.paragraph("Địa điểm: ", ("officer", "nơi họp"), ".")
    doc.paragraph(f"Thành phần: Ban Chấp hành {c.get('ten_cong_doan', '')}, có mặt ",
                  ("officer", "số ủy viên có mặt"), "/", ("officer", "tổng số ủy viên"),
                  " ủy viên; vắng ", ("officer", "số, lý do"), ".")
    doc.paragraph("Chủ trì: ", ("officer", "họ tên, chức vụ"), "; thư ký: ",
                  ("officer", "họ tên"), ".")
    doc.heading("NỘI DUNG")
    total = sum(d.count for d in sent)
    doc.paragraph(f"Căn cứ Kế hoạch số {c.get('so_ke_hoach', '')} và kết quả phong trào thi "
                  f"đua năm {_year(rc)}, Ban Chấp hành xem xét {vn_number(total)} lượt đề "
                  "nghị khen thưởng của các tổ công đoàn và biểu quyết từng trường hợp. Kết "
                  "quả như sau:")
    rows: list = []
    number = 0
    for dest in sent:
        for title, part in dest.sections:
            number += 1
            where = ("Ban Chấp hành quyết định" if not dest.needs_submission
                     else f"đề nghị {dest.name}")
            rows.append(f"{roman(number)}. {title.name.upper()} ({where}): "
                        f"{vn_number(len(part))} {_subject_word(title)}")
            for j, rec in enumerate(part.to_dict("records"), start=1):
                rows.append((j, _who(title, rec, rc),
                             rc.group_names.get(rec["ma_to"], rec["ma_to"]), title.name,
                             "", "", ""))
    doc.table(("STT", "Họ và tên", "Tổ công đoàn", "Đề nghị", "Đồng ý (phiếu)",
               "Không đồng ý (phiếu)", "Tỷ lệ đồng ý (%)"), rows, VOTE_WIDTHS, size=11,
              left=(1, 2, 3))
    doc.officer("Ghi số phiếu của từng trường hợp; tỷ lệ phiếu cần đạt theo quy định hiện hành "
                "về xét danh hiệu thi đua, hình thức khen thưởng.")
    doc.heading("KẾT LUẬN")
    for dest in sent:
        if dest.needs_submission:
            doc.paragraph(f"Ban Chấp hành thống nhất đề nghị {dest.name} {dest.decides} khen "
                          f"thưởng {vn_number(dest.count)} lượt tập thể, cá nhân có tên trong "
                          "danh sách đạt tỷ lệ phiếu theo quy định.")
        else:
            doc.paragraph(f"Ban Chấp hành quyết định tặng {vn_number(dest.count)} lượt tập "
                          "thể, cá nhân có tên trong danh sách đạt tỷ lệ phiếu theo quy định.")
    doc.paragraph("Biên bản kết thúc lúc ", ("officer", "giờ"), " cùng ngày, đã được đọc lại "
                  "cho các thành viên dự họp cùng nghe và nhất trí thông qua./.")
    doc.signers("THƯ KÝ", "CHỦ TRÌ")
    return atomic_write(path, doc.save, overwrite=force)


def dossier_files(outdir: Path, sent: list[Destination]) -> tuple[dict[str, Path], Path]:
    """'To-trinh-<destination>.docx' per destination with a submission, and the biên bản."""
    files = {d.key: outdir / f"To-trinh-{slug_filename(d.name)}.docx"
             for d in sent if d.needs_submission}
    return files, outdir / "Bien-ban-hop-xet-khen-thuong.docx"


def write_dossier(rc: ReportContext, outdir: str | Path, day: dt.date | None = None,
                  force: bool = True) -> DossierResult:
    """Every draft of the year's proposals into ``outdir``; ``day`` dates them (default: the
    report's date)."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    day = day or rc.day
    sent = destinations(rc)
    submissions, minutes = dossier_files(outdir, sent)
    result = DossierResult()
    for dest in sent:
        result.destinations[dest.name] = dest.count
        if dest.key in submissions:
            write_submission(rc, dest, submissions[dest.key], day, force)
            result.files.append(submissions[dest.key])
    if sent:
        write_minutes(rc, sent, minutes, day, force)
        result.files.append(minutes)
    return result
