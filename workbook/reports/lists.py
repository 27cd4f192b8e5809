"""`BC Công trình` (works proposed for plaques) and the award proposal lists, one per
destination: `BC Khen thưởng` (union awards, to the upper union) and `Trình Hội đồng TĐKT`
(state titles and the agency's Giấy khen, to the agency's emulation council). The two tracks are
never mixed on one list.

Each list follows the format the receiving body expects: STT | Họ và tên | Giới tính |
Ngày sinh | Chức vụ | Tổ | Đơn vị | Danh hiệu / hình thức | Tóm tắt thành tích | Ghi chú, one
section per award, people in Vietnamese name order (tên, then họ đệm).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from ..rulesets import DESTINATIONS, STATE, UNION, role_name
from ..schema.lists import WORK_PROPOSED_FOR_PLAQUE
from ..scoring.compute import name_ranks
from .context import ReportContext
from .document import Document
from .paged_sheet import Col
from .summary import annex_line
from .wording import roman, symbol

AWARD_COLUMNS = [
    Col("STT", "stt", align="center"),
    Col("Họ và tên", "ho_ten"),
    Col("Giới tính", "gioi_tinh", align="center"),
    Col("Ngày sinh", "ngay_sinh", "dd/mm/yyyy", "center"),
    Col("Chức vụ", "chuc_vu"),
    Col("Tổ", "to"),
    Col("Đơn vị", "don_vi"),
    Col("Danh hiệu / hình thức", "danh_hieu"),
    Col("Tóm tắt thành tích", "tom_tat"),
    Col("Ghi chú", "ghi_chu"),
]
AWARD_WIDTHS = [5, 22, 7, 11, 14, 16, 18, 18, 46, 12]


def _date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def award_sections(rc: ReportContext, destination: str) -> list[tuple[str, pd.DataFrame]]:
    """Proposed subjects per award sent to ``destination``, in the order of the Danh hiệu sheet,
    names in Vietnamese order."""
    out = []
    proposed = rc.shortlist.proposed()
    for t in rc.shortlist.for_destination(destination):
        part = proposed[proposed["ma_danh_hieu"] == t.code]
        if part.empty:
            continue
        if t.subject == "Tập thể":
            order = name_ranks(part["ho_ten"])
        else:
            scores = rc.shortlist.scores
            assert scores is not None  # a report's shortlist always carries its scores
            facts = scores.members
            whole = facts.drop_duplicates("ma_doan_vien").set_index("ma_doan_vien")
            order = name_ranks(part["ma"].map(whole["ten"]), part["ma"].map(whole["ho_dem"]))
        out.append((t.code, part.assign(_o=order).sort_values("_o", kind="stable")))
    return out


def award_rows(rc: ReportContext, destination: str) -> list:
    """Section lines and people of the awards sent to ``destination``."""
    titles = {t.code: t for t in rc.shortlist.titles}
    unit = rc.config.get("co_quan", "")
    rows: list = []
    for i, (code, part) in enumerate(award_sections(rc, destination), start=1):
        t = titles[code]
        group = t.subject == "Tập thể"
        who = "tập thể" if group else "người"
        # say who decides only where it is not the body the list goes to or the agency head
        usual = t.decider_role in (t.destination, "thu_truong_co_quan")
        note = None if usual else f"{t.decider} quyết định"
        rows.append(f"{roman(i)}. {t.name.upper()}: {len(part)} {who}")
        for j, rec in enumerate(part.to_dict("records"), start=1):
            rows.append(
                {
                    "stt": j,
                    "ho_ten": rec["ho_ten"],
                    "gioi_tinh": None if group else rec.get("gioi_tinh"),
                    "ngay_sinh": None if group else _date(rec.get("ngay_sinh")),
                    "chuc_vu": None if group else rec.get("chuc_vu"),
                    "to": rc.group_names.get(rec["ma_to"], rec["ma_to"]),
                    "don_vi": unit,
                    "danh_hieu": t.name,
                    "tom_tat": rec["tom_tat"],
                    "ghi_chu": note,
                    "tap_the": group,
                }
            )
    return rows


def _award_list(doc: Document, rows: list) -> None:
    if not rows:
        doc.paragraph("Chưa có cá nhân, tập thể nào được đề nghị.", italic=True)
    else:
        doc.table(AWARD_COLUMNS, rows, keep=3, tail=doc.signature_height(False))
    doc.signature(with_recipients=False)
    doc.finish()


def write_awards(ws: Worksheet, rc: ReportContext, number: int | None) -> None:
    """BC Khen thưởng: union awards only, proposed to the upper union; an annex of the
    tổng kết (a sơ kết proposes no award: the master's sheet then says so)."""
    doc = Document(ws, AWARD_WIDTHS, rc.config, rc.day, landscape=True)
    doc.header(number=False)
    if number is None:
        doc.paragraph(
            f"Báo cáo {rc.moment.label} không kèm danh sách đề nghị khen thưởng; "
            "danh sách được lập khi tổng kết năm.",
            italic=True,
        )
        doc.finish()
        return
    upper = rc.config.get("cong_doan_cap_tren", "")
    doc.annex(
        number,
        f"DANH SÁCH ĐỀ NGHỊ {upper.upper()} KHEN THƯỞNG",
        annex_line(rc),
        f"Phong trào thi đua năm {rc.config.get('nam', '')}",
    )
    doc.paragraph(legal_basis(rc, UNION), italic=True)
    _award_list(doc, award_rows(rc, DESTINATIONS[UNION]))


def legal_basis(rc: ReportContext, track: str) -> str:
    """The texts the list's awards were judged by (the rule set of the review day): a proposal
    names its legal basis, so the receiving body sees which law was applied."""
    regime = rc.shortlist.regime
    rules = regime.state if track == STATE else regime.union
    return f"Căn cứ: {rules.name}; xét ngày {regime.review_date:%d/%m/%Y}."


def write_council_list(ws: Worksheet, rc: ReportContext) -> None:
    """State titles and the agency's Giấy khen, proposed to the agency's emulation council:
    the list the tờ trình to the council carries."""
    doc = Document(ws, AWARD_WIDTHS, rc.config, rc.day, landscape=True)
    doc.header(number=False)
    council = role_name(DESTINATIONS[STATE], rc.config)
    doc.title(
        "DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG",
        f"Phong trào thi đua năm {rc.config.get('nam', '')}",
    )
    doc.paragraph(
        f"(Kèm theo Tờ trình số        {symbol(rc.config, 'TTr')} ngày "
        f"{rc.day:%d/%m/%Y} của Ban Chấp hành {rc.config.get('ten_cong_doan', '')} "
        f"gửi {council})",
        italic=True,
    )
    doc.paragraph(legal_basis(rc, STATE), italic=True)
    _award_list(doc, award_rows(rc, DESTINATIONS[STATE]))


WORK_COLUMNS = [
    Col("STT", "stt", align="center"),
    Col("Tên công trình, sản phẩm, phần việc", "ten"),
    Col("Loại", "loai", align="center"),
    Col("Tổ công đoàn", "to"),
    Col("Quy mô", "quy_mo"),
    Col("Giá trị (đồng)", "gia_tri", "#,##0", "right"),
    Col("Nguồn kinh phí", "nguon_kinh_phi"),
    Col("Thời gian thực hiện", "thoi_gian", align="center"),
    Col("Cấp gắn biển", "cap_gan_bien"),
    Col("Trạng thái", "trang_thai", align="center"),
]
WORK_WIDTHS = [5, 36, 11, 18, 14, 15, 14, 14, 24, 13]


def _period(start, end) -> str:
    parts = [d.strftime("%d/%m/%Y") for d in (start, end) if not pd.isna(d)]
    return " - ".join(parts)


def write_works(ws: Worksheet, rc: ReportContext, number: int) -> None:
    doc = Document(ws, WORK_WIDTHS, rc.config, rc.day, landscape=True)
    doc.header(number=False)
    doc.annex(number, "DANH SÁCH CÔNG TRÌNH, SẢN PHẨM, PHẦN VIỆC ĐỀ NGHỊ GẮN BIỂN", annex_line(rc))
    works = proposed_works(rc)
    rows: list = []
    levels = [lv for lv in rc.plaque_levels if lv in set(works["cap_gan_bien"])]
    levels += sorted(set(works["cap_gan_bien"]) - set(levels))
    for i, level in enumerate(levels, start=1):
        part = works[works["cap_gan_bien"] == level]
        rows.append(
            f"{roman(i)}. CHÀO MỪNG {(level or 'chưa ghi cấp').upper()}: "
            f"{len(part)} công trình, sản phẩm"
        )
        for j, rec in enumerate(part.to_dict("records"), start=1):
            rows.append(
                {
                    **rec,
                    "stt": j,
                    "to": rc.group_names.get(rec["ma_to"], rec["ma_to"]),
                    "thoi_gian": _period(rec["ngay_bat_dau"], rec["ngay_hoan_thanh"]),
                    "gia_tri": rec["gia_tri"] or None,
                }
            )
    if not levels:
        doc.paragraph("Chưa có công trình, sản phẩm nào đề nghị gắn biển.", italic=True)
    else:
        doc.table(
            WORK_COLUMNS,
            rows,
            {
                "ten": f"Cộng: {len(works)} công trình, sản phẩm",
                "gia_tri": float(works["gia_tri"].sum()),
            },
            keep=3,
            tail=doc.signature_height(False),
        )
    doc.signature(with_recipients=False)
    doc.finish()


def proposed_works(rc: ReportContext) -> pd.DataFrame:
    return rc.works[rc.works["trang_thai"] == WORK_PROPOSED_FOR_PLAQUE]


def proposed_count(rc: ReportContext, destination: str = DESTINATIONS[UNION]) -> int:
    """Proposals sent to one destination that the moment's report carries (the BC sheets:
    the upper union's, at the tổng kết; a sơ kết proposes none)."""
    if not rc.moment.is_year:
        return 0
    return sum(len(part) for _, part in award_sections(rc, destination))
