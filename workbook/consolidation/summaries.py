"""Upper-union mode: many CĐCS summaries → one provincial table, one row per CĐCS, with totals.

What is read from each file, in this order:
1. a sheet named ``BC Tổng hợp`` holding, within its first rows, a header row with the headers of
   ``SUMMARY_COLUMNS`` (matched without case or diacritics; extra columns and title lines above
   are fine); the first non-blank row under it is the CĐCS's line;
2. otherwise, a master workbook (stamp ``loai_so = master``): the same counts are computed from
   its set-up and data sheets, so the mode works whatever the report sheet looks like.
Anything else is set aside with its reason. Two files for the same CĐCS are both set aside.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import xlsxwriter

from .. import schema
from ..errors import UnreadableWorkbook
from ..reading import HEADER_SCAN_ROWS, header_key, open_calamine, read_workbook
from ..safe_io import atomic_write
from ..schema import Column as C
from ..text import vn_sort_key
from ..values import BadValue, convert, is_blank
from .collect import HASH_CHARS, SetAside, collect
from .runner import ProgressFn, run_batch

REPORT_SHEET = schema.sheet("bc_tong_hop").name
OUT_SHEET = "Tổng hợp CĐCS"
NAME_KEY = "cong_doan_co_so"
SUMMARY_COLUMNS = (
    C(NAME_KEY, "Công đoàn cơ sở", width=40),
    C("so_to", "Số tổ công đoàn", "int", width=10),
    C("so_doan_vien", "Số đoàn viên", "int", width=10),
    C("dk_ca_nhan", "Đăng ký cá nhân", "int", width=11),
    C("dk_tap_the", "Đăng ký tập thể", "int", width=11),
    C("dk_ldtt", "Đăng ký Lao động tiên tiến", "int", width=13),
    C("dk_cstdcs", "Đăng ký Chiến sĩ thi đua cơ sở", "int", width=13),
    C("cong_trinh", "Công trình, sản phẩm", "int", width=12),
    C("de_nghi_gan_bien", "Đề nghị gắn biển", "int", width=11),
    C("htxsnv", "Hoàn thành xuất sắc nhiệm vụ", "int", width=13),
    C("httnv", "Hoàn thành tốt nhiệm vụ", "int", width=12),
    C("sang_kien", "Sáng kiến", "int", width=10),
    C("tin_bai", "Tin, bài", "int", width=9),
)
COUNT_KEYS = tuple(c.key for c in SUMMARY_COLUMNS[1:])


@dataclass
class SummaryRead:
    path: Path
    sha256: str
    row: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # "bc" (report sheet) | "master" (counted from data sheets)
    error_code: str = ""
    error: str = ""


@dataclass
class SummaryResult:
    out: Path
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list)
    backup: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.set_aside else 0

    def to_dict(self) -> dict[str, Any]:
        return {"out": str(self.out), "units": len(self.rows), "rows": self.rows,
                "totals": self.totals, "set_aside": [s.to_dict() for s in self.set_aside],
                "backup": str(self.backup) if self.backup else None,
                "exit_code": self.exit_code}


def summary_from_master(path: Path) -> dict[str, Any]:
    """The summary line of one CĐCS, counted from its master's sheets."""
    data = read_workbook(path, sheets=("cau_hinh", "to_cong_doan", "doan_vien",
                                       *(s.key for s in schema.DATA_SHEETS)))
    config = {r["ma_muc"]: r["gia_tri"] for r in data.table("cau_hinh").to_dict("records")}
    reg, works, res = data.table("dang_ky"), data.table("cong_trinh"), data.table("ket_qua")
    initiatives = sum(v for v in res["so_sang_kien"] if isinstance(v, int))
    return {
        NAME_KEY: str(config.get("ten_cong_doan") or path.stem),
        "so_to": int(data.table("to_cong_doan")["ma_to"].notna().sum()),
        "so_doan_vien": int(data.table("doan_vien")["ma_doan_vien"].notna().sum()),
        "dk_ca_nhan": int((reg["loai_doi_tuong"] == "Cá nhân").sum()),
        "dk_tap_the": int((reg["loai_doi_tuong"] == "Tập thể").sum()),
        "dk_ldtt": int((reg["danh_hieu"] == "Lao động tiên tiến").sum()),
        "dk_cstdcs": int((reg["danh_hieu"] == "Chiến sĩ thi đua cơ sở").sum()),
        "cong_trinh": len(works),
        "de_nghi_gan_bien": int(works["trang_thai"].isin(
            ["Đề nghị gắn biển", "Đã gắn biển"]).sum()),
        "htxsnv": int((res["xep_loai"] == "HTXSNV").sum()),
        "httnv": int((res["xep_loai"] == "HTTNV").sum()),
        "sang_kien": initiatives,
        "tin_bai": len(data.table("tin_bai")),
    }


def _from_report(rows: list[list[Any]]) -> dict[str, Any] | None:
    lookup = {header_key(c.header): c for c in SUMMARY_COLUMNS}
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {j: lookup[header_key(v)] for j, v in enumerate(row)
                 if not is_blank(v) and header_key(v) in lookup}
        if NAME_KEY not in {c.key for c in found.values()} or len(found) < 3:
            continue
        for data_row in rows[i + 1:]:
            values = {c.key: data_row[j] if j < len(data_row) else None for j, c in found.items()}
            if is_blank(values.get(NAME_KEY)):
                continue
            out: dict[str, Any] = {}
            for j, col in found.items():
                try:
                    out[col.key] = convert(values[col.key], col.type)
                except BadValue:
                    raise ValueError(f"cột '{col.header}': '{values[col.key]}' không phải số")
            return out
    return None


def read_summary(path: str | Path, sha256: str) -> SummaryRead:
    """Pure per-file step of the upper-union mode; never raises for a bad file."""
    path = Path(path)
    out = SummaryRead(path, sha256)
    try:
        book = open_calamine(path)
        if REPORT_SHEET in book.sheet_names:
            rows = book.get_sheet_by_name(REPORT_SHEET).to_python(skip_empty_area=False)
            found = _from_report(rows)
            if found is not None:
                out.row, out.source = {k: found.get(k) for k in (NAME_KEY, *COUNT_KEYS)}, "bc"
                return out
        stamp = read_workbook(path, sheets=("to_cong_doan",)).stamp
        if stamp.get("loai_so") == "master":
            out.row, out.source = summary_from_master(path), "master"
            return out
        out.error_code, out.error = "not-a-summary", (
            f"Không có trang '{REPORT_SHEET}' với dòng tiêu đề chuẩn, cũng không phải sổ chính "
            "của CĐCS; không tổng hợp được.")
    except UnreadableWorkbook as err:
        out.error_code = "password-protected" if "mật khẩu" in err.message else "corrupt"
        out.error = err.message
    except ValueError as err:
        out.error_code = "bad-summary-value"
        out.error = f"Báo cáo có số liệu không đọc được: {err}."
    return out


def consolidate_summaries(out: str | Path, paths: Sequence[str | Path], *, force: bool = False,
                          workers: int | None = None, scheduler: Any = None,
                          progress: ProgressFn | None = None) -> SummaryResult:
    out = Path(out)
    candidates, aside = collect(paths, out)
    result = SummaryResult(out=out, set_aside=list(aside))
    reads = run_batch(read_summary, [(c.path, c.sha256) for c in candidates], workers=workers,
                      scheduler=scheduler, progress=progress,
                      label=lambda item: Path(item[0]).name)
    by_name: dict[str, list[SummaryRead]] = defaultdict(list)
    for read in reads:
        if read.error_code:
            result.set_aside.append(SetAside(read.path, read.error_code, read.error, read.sha256))
        else:
            by_name[str(read.row[NAME_KEY])].append(read)
    for name, claimants in by_name.items():
        if len(claimants) > 1:
            files = ", ".join(r.path.name for r in claimants)
            for read in claimants:
                result.set_aside.append(SetAside(
                    read.path, "unit-claimed-twice", f"Có {len(claimants)} báo cáo cùng của "
                    f"'{name}': {files}. Giữ một bản đúng rồi tổng hợp lại.", read.sha256))
            continue
        read = claimants[0]
        result.rows.append({**read.row, "tep_nguon": read.path.name,
                            "bam_nguon": read.sha256[:HASH_CHARS], "nguon": read.source})
    result.rows.sort(key=lambda r: vn_sort_key(r[NAME_KEY]))
    result.totals = {k: sum(r.get(k) or 0 for r in result.rows) for k in COUNT_KEYS}
    result.backup = atomic_write(out, lambda tmp: _write(tmp, result), overwrite=force)
    return result


def _write(path: Path, result: SummaryResult) -> None:
    """One sheet, streamed with XlsxWriter: title, header, a line per CĐCS, totals."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_numbers": False})
    font = {"font_name": "Times New Roman", "font_size": 11, "border": 1}
    title = wb.add_format({**font, "bold": True, "font_size": 14, "border": 0})
    head = wb.add_format({**font, "bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                          "text_wrap": True, "align": "center", "valign": "vcenter"})
    text, number = wb.add_format(font), wb.add_format({**font, "num_format": "#,##0"})
    total_text = wb.add_format({**font, "bold": True})
    total_num = wb.add_format({**font, "bold": True, "num_format": "#,##0"})
    ws = wb.add_worksheet(OUT_SHEET)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=30 / 25.4, right=15 / 25.4, top=20 / 25.4, bottom=20 / 25.4)
    ws.write_string(0, 0, "TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA CỦA CÁC CÔNG ĐOÀN CƠ SỞ", title)
    columns = (C("stt", "STT", "int", width=6), *SUMMARY_COLUMNS,
               C("tep_nguon", "Tệp nguồn", width=30), C("bam_nguon", "Mã băm tệp", width=18))
    for j, col in enumerate(columns):
        ws.set_column(j, j, col.width)
        ws.write_string(2, j, col.header, head)
    ws.set_row(2, 45)
    r = 2
    for i, row in enumerate(result.rows, start=1):
        r += 1
        values = {"stt": i, **row}
        for j, col in enumerate(columns):
            value = values.get(col.key)
            if value is None:
                ws.write_blank(r, j, None, text)
            elif col.type == "int":
                ws.write_number(r, j, value, number)
            else:
                ws.write_string(r, j, str(value), text)  # text stays text, never a formula
    r += 1
    ws.write_string(r, 1, "Tổng cộng", total_text)
    for j, col in enumerate(columns):
        if col.key in result.totals:
            ws.write_number(r, j, result.totals[col.key], total_num)
    ws.freeze_panes(3, 2)
    ws.repeat_rows(2)
    wb.close()
