"""The proposal dossier drafts the award review needs, in Word (Nghị định 30/2020 layout):
a tờ trình to each destination (the agency's Hội đồng Thi đua – Khen thưởng for state titles,
the upper union for union awards), its list of proposals annexed, and the biên bản of the
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
from ..figures import vn_number
from ..lists import award_rows
from ..wording import symbol
from .layout import WordDoc

ANNEX_WIDTHS = (12, 40, 40, 30, 43)
VOTE_WIDTHS = (12, 40, 32, 33, 16, 16, 16)


@dataclass
class DossierResult:
    files: list[Path] = field(default_factory=list)
    destinations: dict[str, int] = field(default_factory=dict)  # name -> proposals
    backups: list[Path] = field(default_factory=list)  # drafts replaced (the officer may have
    # written in them): kept in sao-luu/ and named to the officer

    @property
    def headline(self) -> str:
        sent = "; ".join(f"{name}: {n}" for name, n in self.destinations.items())
        return f"Lập {len(self.files)} văn bản hồ sơ đề nghị khen thưởng ({sent})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "files": [str(p) for p in self.files],
            "destinations": self.destinations,
            "backups": [str(p) for p in self.backups],
        }


def _year(rc: ReportContext) -> str:
    return rc.config.get("nam") or str(rc.day.year)


def _where(row: dict) -> str:
    """'Chuyên viên, tổ Văn phòng Sở, Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn'."""
    role = row.get("chuc_vu") if isinstance(row.get("chuc_vu"), str) else ""
    group = f"tổ {row['to']}" if row.get("to") and not row["tap_the"] else ""
    return ", ".join(x for x in (role, group, row.get("don_vi") or "") if x)


def _award(row: dict) -> str:
    """The award, and who decides it where that is not the usual body."""
    return f"{row['danh_hieu']} ({row['ghi_chu']})" if row.get("ghi_chu") else row["danh_hieu"]


def _words(part_len: int, title) -> str:
    return f"{vn_number(part_len)} {'tập thể' if title.subject == 'Tập thể' else 'cá nhân'}"


def write_submission(
    rc: ReportContext, dest: Destination, path: Path, day: dt.date, force: bool = True
) -> Path | None:
    """The tờ trình to one destination, its list of proposals annexed."""
    c = rc.config
    doc = WordDoc(c, day)
    doc.header("TTr")
    doc.title("TỜ TRÌNH", f"Về việc đề nghị khen thưởng năm {_year(rc)}", addressee=dest.name)
    for document in dest.ruleset.documents.values():
        doc.paragraph(f"Căn cứ {document.full};")
    dated = f" ngày {c['ngay_ke_hoach']}" if c.get("ngay_ke_hoach") else ""
    doc.paragraph(
        f"Căn cứ Kế hoạch số {c.get('so_ke_hoach', '')}{dated} của Ban Chấp hành "
        f"{c.get('ten_cong_doan', '')};"
    )
    doc.paragraph(
        f"Căn cứ Biên bản họp xét thi đua, khen thưởng năm {_year(rc)} ngày ",
        ("officer", "ngày họp"),
        f" của Ban Chấp hành {c.get('ten_cong_doan', '')},",
    )
    doc.paragraph(
        f"Ban Chấp hành {c.get('ten_cong_doan', '')} kính đề nghị {dest.name} "
        f"{dest.request} khen thưởng cho các tập thể, cá nhân có thành tích trong "
        f"phong trào thi đua năm {_year(rc)}, cụ thể như sau:"
    )
    for i, (title, part) in enumerate(dest.sections, start=1):
        doc.paragraph(
            f"{i}. {title.kind} “{title.name}”: {_words(len(part), title)}"
            + (
                f" ({title.decider} quyết định)."
                if title.decider_role not in (dest.key, "thu_truong_co_quan")
                else "."
            )
        )
    doc.paragraph("(Có danh sách và tóm tắt thành tích kèm theo)")
    doc.officer(
        "Ban Chấp hành tóm tắt thành tích nổi bật của tập thể, cá nhân đề nghị "
        "khen thưởng (nếu cần)."
    )
    doc.paragraph(f"Kính đề nghị {dest.name} xem xét, quyết định./.")
    doc.signature(items=["- Như trên;", f"- Lưu: VT{_archive(c)}."])
    annex = doc.line(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {_year(rc)}", 14, bold=True)
    annex.paragraph_format.page_break_before = True
    doc.line(
        f"(Kèm theo Tờ trình số        {symbol(c, 'TTr')} ngày {day:%d/%m/%Y} của "
        f"Ban Chấp hành {c.get('ten_cong_doan', '')})",
        13,
        italic=True,
        after=6,
    )
    rows = [
        r
        if isinstance(r, str)
        else (r["stt"], r["ho_ten"], _where(r), _award(r), r.get("tom_tat") or "")
        for r in award_rows(rc, dest.key)
    ]
    doc.table(
        (
            "STT",
            "Họ và tên",
            "Chức vụ, đơn vị công tác",
            "Hình thức, danh hiệu",
            "Tóm tắt thành tích",
        ),
        rows,
        ANNEX_WIDTHS,
        size=11,
        left=(1, 2, 3, 4),
    )
    return atomic_write(path, doc.save, overwrite=force)


def _archive(config: dict[str, str]) -> str:
    """', CĐ' from the Cấu hình recipients' 'Lưu: VT, CĐ' (what the CĐCS files copies as)."""
    for item in (config.get("noi_nhan") or "").split(";"):
        item = item.strip(" .")
        if item.startswith("Lưu: VT"):
            return item[len("Lưu: VT") :]
    return ""


def write_minutes(
    rc: ReportContext, sent: list[Destination], path: Path, day: dt.date, force: bool = True
) -> Path | None:
    """The biên bản of the meeting that votes on every proposal."""
    c = rc.config
    doc = WordDoc(c, day)
    doc.header("BB")
    doc.title("BIÊN BẢN", f"Họp xét thi đua, khen thưởng năm {_year(rc)}")
    doc.paragraph("Thời gian: ", ("officer", "giờ"), f", ngày {day:%d/%m/%Y}.")
    doc.paragraph("Địa điểm: ", ("officer", "nơi họp"), ".")
    doc.paragraph(
        f"Thành phần: Ban Chấp hành {c.get('ten_cong_doan', '')}, có mặt ",
        ("officer", "số ủy viên có mặt"),
        "/",
        ("officer", "tổng số ủy viên"),
        " ủy viên; vắng ",
        ("officer", "số, lý do"),
        ".",
    )
    doc.paragraph(
        "Chủ trì: ", ("officer", "họ tên, chức vụ"), "; thư ký: ", ("officer", "họ tên"), "."
    )
    doc.heading("NỘI DUNG")
    total = sum(d.count for d in sent)
    doc.paragraph(
        f"Căn cứ Kế hoạch số {c.get('so_ke_hoach', '')} và kết quả phong trào thi "
        f"đua năm {_year(rc)}, Ban Chấp hành xem xét {vn_number(total)} lượt đề "
        "nghị khen thưởng và biểu quyết từng trường hợp. Kết quả như sau:"
    )
    rows: list = []
    for i, dest in enumerate(sent):
        rows.append(
            f"{chr(ord('A') + i)}. ĐỀ NGHỊ {dest.name.upper()}: {vn_number(dest.count)} lượt"
        )
        rows += [
            r if isinstance(r, str) else (r["stt"], r["ho_ten"], r["to"], _award(r), "", "", "")
            for r in award_rows(rc, dest.key)
        ]
    doc.table(
        (
            "STT",
            "Họ và tên",
            "Tổ công đoàn",
            "Đề nghị",
            "Đồng ý (phiếu)",
            "Không đồng ý (phiếu)",
            "Tỷ lệ đồng ý (%)",
        ),
        rows,
        VOTE_WIDTHS,
        size=11,
        left=(1, 2, 3),
    )
    doc.officer(
        "Ghi số phiếu của từng trường hợp; tỷ lệ phiếu cần đạt theo quy định hiện hành "
        "về xét danh hiệu thi đua, hình thức khen thưởng."
    )
    manual = [m.name for m in rc.shortlist.manual]
    if manual:
        doc.paragraph(
            f"Ban Chấp hành xét các danh hiệu xét thủ công ({', '.join(manual)}): ",
            ("officer", "kết quả biểu quyết"),
            ".",
        )
    doc.heading("KẾT LUẬN")
    for dest in sent:
        doc.paragraph(
            f"Ban Chấp hành thống nhất đề nghị {dest.name} {dest.request} khen "
            f"thưởng {vn_number(dest.count)} lượt tập thể, cá nhân có tên trong danh "
            "sách đạt tỷ lệ phiếu theo quy định."
        )
    doc.paragraph(
        "Biên bản kết thúc lúc ",
        ("officer", "giờ"),
        " cùng ngày, đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.",
    )
    doc.signers("THƯ KÝ", "CHỦ TRÌ")
    return atomic_write(path, doc.save, overwrite=force)


def dossier_files(outdir: Path, sent: list[Destination]) -> tuple[dict[str, Path], Path]:
    """'To-trinh-<destination>.docx' per destination, and the biên bản."""
    return (
        {d.key: outdir / f"To-trinh-{slug_filename(d.name)}.docx" for d in sent},
        outdir / "Bien-ban-hop-xet-khen-thuong.docx",
    )


def write_dossier(
    rc: ReportContext, outdir: str | Path, day: dt.date | None = None, force: bool = True
) -> DossierResult:
    """Every draft of the year's proposals into ``outdir``; ``day`` dates them (default: the
    day the awards are reviewed, Cấu hình's 'Ngày xét khen thưởng')."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    day = day or rc.shortlist.regime.review_date
    sent = destinations(rc)
    submissions, minutes = dossier_files(outdir, sent)
    result = DossierResult()
    for dest in sent:
        result.destinations[dest.name] = dest.count
        backup = write_submission(rc, dest, submissions[dest.key], day, force)
        result.files.append(submissions[dest.key])
        result.backups += [backup] if backup else []
    if sent:
        backup = write_minutes(rc, sent, minutes, day, force)
        result.files.append(minutes)
        result.backups += [backup] if backup else []
    return result
