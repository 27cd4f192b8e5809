"""Export of the shortlist into the provincial emulation software's import templates.

The three templates (CANHAN individuals, TAPTHE collectives, DETAI initiatives) are rebuilt from
``templates/tdkt-codes.json`` — their layout (sheet DANHSACH: title on row 1, headers on row 3,
data from row 4, column widths) and the code lists of their DANHMUC sheet — rather than copied as
binary files: the codes are reviewable in a diff, nothing generated is committed, and each file
written carries the DANHMUC sheet again so an officer can check the codes.

The provincial software records state awards (Luật Thi đua, khen thưởng), so only the state
track is exported: LĐTT, CSTĐCS, Tập thể lao động tiên tiến / xuất sắc and the agency head's
Giấy khen. Union awards (Giấy khen of the upper union, Bằng khen of the provincial federation)
go to the upper union on BC Khen thưởng; the export says so. A collective is the agency's
department the union group stands for (Tổ công đoàn: "Phòng, đơn vị tương ứng"), never the
union group itself.

Codes: a title (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động …) goes to "Mã danh
hiệu thi đua"; a form (Giấy khen) to "Mã hình thức khen thưởng", each from the `Mã phần mềm
TĐKT` column of the Danh hiệu sheet. Staff category: leadership (from phó phòng up, by the
words of Chức vụ) or "người trực tiếp công tác"; collectives: "Cơ quan hành chính, sự nghiệp".
Gender: NAM / NU.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

import templates

from .errors import FileExistsRefused
from .rulesets import STATE, TITLE_KIND
from .safe_io import atomic_write
from .scoring import ScoringInput
from .scoring.facts import clean_codes, numbers
from .shortlist import ShortlistResult
from .shortlist.engine import TitleOutcome

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def load_codes() -> dict[str, Any]:
    return json.loads(templates.path("tdkt-codes.json").read_text(encoding="utf-8"))


@dataclass
class TdktExport:
    outdir: Path
    files: dict[str, Path] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        return "Xuất sang phần mềm TĐKT: " + ", ".join(
            f"{name}.xlsx ({self.rows[name]} dòng)" for name in self.files
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "outdir": str(self.outdir),
            "files": {k: str(v) for k, v in self.files.items()},
            "rows": self.rows,
            "notes": self.notes,
        }


def _codes_for(title: TitleOutcome) -> tuple[str, str]:
    """(form code, title code) of one title."""
    return ("", title.tdkt_code) if title.kind == TITLE_KIND else (title.tdkt_code, "")


def _staff_category(position: str, cfg: dict[str, Any]) -> str:
    words = cfg["tu_khoa_lanh_dao"]
    lead = any(position.lower().startswith(w.lower()) for w in words)
    return cfg["phan_loai_can_bo_lanh_dao"] if lead else cfg["phan_loai_can_bo_khac"]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def individual_rows(
    shortlist: ShortlistResult,
    config: dict[str, str],
    group_names: dict[str, str],
    cfg: dict[str, Any],
) -> list[dict[str, Any]]:
    rows = []
    titles = {t.code: t for t in shortlist.titles if t.subject == "Cá nhân" and t.track == STATE}
    proposed = shortlist.proposed()
    for code, title in titles.items():
        form, award = _codes_for(title)
        for rec in proposed[proposed["ma_danh_hieu"] == code].to_dict("records"):
            position = rec.get("chuc_vu") or ""
            rows.append(
                {
                    "ho_ten": rec["ho_ten"],
                    "gioi_tinh": cfg["gioi_tinh"].get(rec.get("gioi_tinh") or "", ""),
                    "ngay_sinh": _date(rec.get("ngay_sinh")),
                    "chuc_vu": position,
                    "phong_ban": group_names.get(rec["ma_to"], rec["ma_to"]),
                    "don_vi": config.get("co_quan", ""),
                    "dia_chi": None,
                    "ma_phan_loai": _staff_category(position, cfg),
                    "ma_hinh_thuc": form,
                    "ma_danh_hieu": award,
                }
            )
    return rows


def collective_rows(
    shortlist: ShortlistResult, config: dict[str, str], cfg: dict[str, Any]
) -> list[dict[str, Any]]:
    rows = []
    proposed = shortlist.proposed()
    agency = config.get("co_quan", "")
    for title in (t for t in shortlist.titles if t.subject == "Tập thể" and t.track == STATE):
        form, award = _codes_for(title)
        for rec in proposed[proposed["ma_danh_hieu"] == title.code].to_dict("records"):
            # ho_ten of a state collective is the department (Phòng, đơn vị tương ứng)
            rows.append(
                {
                    "ten": f"{rec['ho_ten']}, {agency}" if agency else rec["ho_ten"],
                    "ma_phan_loai": cfg["phan_loai_tap_the"],
                    "ma_hinh_thuc": form,
                    "ma_danh_hieu": award,
                }
            )
    return rows


def initiative_rows(
    inp: ScoringInput,
    shortlist: ShortlistResult,
    config: dict[str, str],
    group_names: dict[str, str],
) -> list[dict[str, Any]]:
    """Recognised initiatives of the people proposed for an individual title."""
    people = shortlist.proposed()
    people = people[(people["doi_tuong"] == "Cá nhân") & (people["khoi"] == STATE)]
    people = people.drop_duplicates("ma")
    names = dict(zip(people["ma"], people["ho_ten"]))
    groups = dict(zip(people["ma"], people["ma_to"]))
    res = inp.table("ket_qua")
    frame = pd.DataFrame(
        {
            "ma": clean_codes(res["ma_doan_vien"]),
            "ten": clean_codes(res["ten_sang_kien"]),
            "cap": clean_codes(res["cap_sang_kien"]),
            "n": numbers(res["so_sang_kien"]),
            "ngay": res["ngay_cong_nhan"],
        }
    )
    frame = frame[frame["ma"].isin(names) & (frame["n"] > 0) & (frame["cap"] != "")]
    unit = config.get("co_quan", "")
    rows = []
    for rec in frame.to_dict("records"):
        recognised_by = (
            unit if rec["cap"] == "Cơ sở" else f"Hội đồng sáng kiến cấp {rec['cap'].lower()}"
        )
        rows.append(
            {
                "ten": rec["ten"] or f"Sáng kiến cấp {rec['cap'].lower()}",
                "ngay_cong_nhan": _date(rec["ngay"]),
                "don_vi_cong_nhan": recognised_by,
                "tom_tat": f"Sáng kiến được công nhận cấp {rec['cap'].lower()}",
                "tac_gia": names[rec["ma"]],
                "phong_ban": group_names.get(groups[rec["ma"]], groups[rec["ma"]]),
                "co_quan": unit,
            }
        )
    return rows


def build_template(name: str, rows: list[dict[str, Any]], cfg: dict[str, Any]) -> Workbook:
    layout = cfg["mau"][name]
    cols = layout["cot"]
    wb = Workbook()
    ws = wb.active
    ws.title = layout["trang"]
    ws.cell(1, 1, layout["tieu_de"]).font = Font(bold=True, size=13)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    top = layout["dong_tieu_de_cot"]
    ws.freeze_panes = ws.cell(top + 1, 1).coordinate  # the column headers stay in view
    for j, col in enumerate(cols, start=1):
        cell = ws.cell(top, j, col["tieu_de"])
        cell.font, cell.border = Font(bold=True), BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[cell.column_letter].width = col["rong"]
    for i, row in enumerate(rows, start=1):
        for j, col in enumerate(cols, start=1):
            value = i if col["khoa"] == "stt" else row.get(col["khoa"])
            cell = ws.cell(top + i, j, value)
            cell.border = BOX
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, str):
                cell.data_type = "s"  # codes stay text; a value never becomes a formula
    catalogue = wb.create_sheet("DANHMUC")
    c = 1
    for key, header in (
        ("hinh_thuc", "Hình thức khen thưởng"),
        ("danh_hieu", "Danh hiệu thi đua"),
        ("phan_loai_can_bo" if name != "TAPTHE" else "phan_loai_tap_the", "Phân loại"),
        ("gioi_tinh", "Giới tính"),
    ):
        for j, text in enumerate(("STT", "Mã số", header)):
            catalogue.cell(2, c + j, text).font = Font(bold=True)
        for i, item in enumerate(cfg["danh_muc"][key], start=1):
            catalogue.cell(2 + i, c, i)
            catalogue.cell(2 + i, c + 1, item["ma"]).data_type = "s"
            catalogue.cell(2 + i, c + 2, item["ten"])
        c += 4
    return wb


def export_tdkt(
    inp: ScoringInput, shortlist: ShortlistResult, outdir: str | Path, force: bool = False
) -> TdktExport:
    outdir = Path(outdir)
    cfg = load_codes()
    groups = inp.table("to_cong_doan")
    # the state software knows the agency's departments, not union groups: a person's
    # "Tên phòng ban" is the department their group stands for (the group's name if none)
    units = [
        u or name for u, name in zip(clean_codes(groups["don_vi"]), clean_codes(groups["ten_to"]))
    ]
    group_names = dict(zip(clean_codes(groups["ma_to"]), units))
    data = {
        "CANHAN": individual_rows(shortlist, inp.config, group_names, cfg["mac_dinh"]),
        "TAPTHE": collective_rows(shortlist, inp.config, cfg["mac_dinh"]),
        "DETAI": initiative_rows(inp, shortlist, inp.config, group_names),
    }
    result = TdktExport(outdir=outdir)
    targets = {name: outdir / f"{name}.xlsx" for name in data}
    existing = [p.name for p in targets.values() if p.exists()]
    if existing and not force:
        raise FileExistsRefused(
            f"Thư mục {outdir} đã có {', '.join(existing)}. Chọn thư mục "
            "khác, hoặc dùng --force để ghi đè (bản cũ được sao lưu)."
        )
    regime = shortlist.regime
    # the import templates have fixed columns: the law applied is said to the officer instead
    result.notes.append(
        f"Danh sách xét theo {regime.state.name} (ngày xét khen thưởng "
        f"{regime.review_date:%d/%m/%Y})."
    )
    known = {i["ma"] for k in ("hinh_thuc", "danh_hieu") for i in cfg["danh_muc"][k]}
    union = [t.name for t in shortlist.titles if t.track != STATE and t.proposed]
    if union:
        result.notes.append(
            "Không xuất khen thưởng của Công đoàn (" + ", ".join(union) + "): "
            "phần mềm TĐKT của tỉnh nhận khen thưởng của Nhà nước; khen thưởng "
            "của Công đoàn gửi Công đoàn cấp trên theo trang BC Khen thưởng."
        )
    for t in shortlist.titles:
        if t.track == STATE and t.proposed and t.tdkt_code not in known:
            result.notes.append(
                f"Danh hiệu '{t.name}': mã phần mềm TĐKT '{t.tdkt_code}' không "
                "có trong danh mục; sửa cột Mã phần mềm TĐKT trên trang Danh hiệu."
            )
    for name, rows in data.items():
        wb = build_template(name, rows, cfg)
        if saved := atomic_write(targets[name], wb.save, overwrite=True):
            result.notes.append(f"Bản cũ của {name}.xlsx được sao lưu tại {saved}.")
        result.files[name], result.rows[name] = targets[name], len(rows)
    return result
