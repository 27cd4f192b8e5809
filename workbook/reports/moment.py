"""The moments a CĐCS reports upward: the sơ kết of a phase, and the year's tổng kết.

A moment names the phases its figures cover and the date printed on the report. The date is the
plan's reporting day for that moment (Cấu hình: "Ngày báo cáo sơ kết", "Ngày báo cáo tổng kết
năm"); when that is blank or unreadable, the phase's "Hạn báo cáo" (Đợt thi đua), then the
phase's last day. The officer can always give another date.

Without a choice, the moment is the latest phase that has ended: its sơ kết, or the tổng kết
when it is the last phase (the year is over).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from ..errors import ThiduaError
from ..text import clean_text
from ..values import BadValue, to_date

YEAR_WORDS = ("ca nam", "cả năm", "ca-nam", "tong ket", "tổng kết", "nam", "năm")
SO_KET, TONG_KET = "sơ kết", "tổng kết"
YEAR_CODE = "Cả năm"  # a moment's code for the year (a phase's code otherwise)


class MomentError(ThiduaError):
    code = "unknown-moment"


@dataclass(frozen=True)
class Moment:
    kind: str  # SO_KET | TONG_KET
    phases: tuple[str, ...]  # phase codes the figures cover, in order
    day: dt.date  # the date on the report
    year: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)  # for the officer, not the page

    @property
    def is_year(self) -> bool:
        return self.kind == TONG_KET

    @property
    def phase(self) -> str | None:
        return None if self.is_year else self.phases[0]

    @property
    def code(self) -> str:
        """Stable identifier written into the report file: the phase code, or 'Cả năm'."""
        return YEAR_CODE if self.is_year else self.phases[0]

    @property
    def label(self) -> str:
        """'sơ kết Đợt 1', 'tổng kết năm 2023'."""
        if self.is_year:
            return f"{TONG_KET} năm {self.year}".strip()
        return f"{SO_KET} {self.phases[0]}"

    @property
    def period(self) -> str:
        """'từ 09/12/2022 đến 30/6/2023' (empty when the phases have no dates)."""
        if not (self.start and self.end):
            return ""
        return f"từ {short_date(self.start)} đến {short_date(self.end)}"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "code": self.code,
            "label": self.label,
            "phases": list(self.phases),
            "date": self.day.isoformat(),
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "notes": list(self.notes),
        }


def short_date(day: dt.date) -> str:
    """'30/6/2023' as plans write it (day and month without a leading zero)."""
    return f"{day.day}/{day.month}/{day.year}"


@dataclass(frozen=True)
class _Phase:
    code: str
    start: dt.date | None
    end: dt.date | None
    deadline: dt.date | None


def _phases(frame: pd.DataFrame) -> list[_Phase]:
    out = []
    for rec in frame.to_dict("records"):
        out.append(
            _Phase(
                str(rec["ma_dot"]),
                _date(rec.get("ngay_bat_dau")),
                _date(rec.get("ngay_ket_thuc")),
                _date(rec.get("han_bao_cao")),
            )
        )
    return out


def _date(value) -> dt.date | None:
    try:
        return to_date(value)
    except BadValue:
        return None


def _fold(text: str) -> str:
    return (clean_text(text) or "").casefold()


def find_phase(phases: list[str], wanted: str) -> str | None:
    """The phase code an officer means by ``wanted``: the code itself ('Đợt 1'), or its
    number ('1'); None for the whole year. Raises MomentError for anything else."""
    text = _fold(wanted)
    if text in YEAR_WORDS:
        return None
    for code in phases:
        if _fold(code) == text:
            return code
    if re.fullmatch(r"\d+", text):
        for code in phases:
            numbers = re.findall(r"\d+", code)
            if numbers and int(numbers[-1]) == int(text):
                return code
    listed = ", ".join(phases) or "chưa có đợt nào"
    raise MomentError(
        f"Không có đợt '{wanted}' trên trang Đợt thi đua (các đợt: {listed}). "
        "Ghi mã đợt, số thứ tự của đợt, hoặc 'cả năm' cho báo cáo tổng kết."
    )


def _config_day(config: dict[str, str], key: str, label: str, notes: list[str]) -> dt.date | None:
    raw = config.get(key) or ""
    if not raw:
        return None
    try:
        return to_date(raw)
    except BadValue as err:
        notes.append(
            f"{label} trên trang Cấu hình ('{raw}') {err.reason}; dùng ngày khác "
            "theo trang Đợt thi đua."
        )
        return None


def report_moments(config: dict[str, str], phase_frame: pd.DataFrame) -> list[Moment]:
    """The sơ kết of every phase but the last, then the tổng kết: what the ribbon offers."""
    codes = [p.code for p in _phases(phase_frame)]
    return [make_moment(config, phase_frame, c) for c in codes[:-1]] + [
        make_moment(config, phase_frame, None)
    ]


def make_moment(
    config: dict[str, str], phase_frame: pd.DataFrame, phase: str | None, day: dt.date | None = None
) -> Moment:
    """The moment of one phase's sơ kết (``phase``) or of the year (None)."""
    phases = _phases(phase_frame)
    notes: list[str] = []
    year = config.get("nam") or ""
    if not phases:
        raise MomentError("Trang Đợt thi đua chưa có đợt nào: chưa lập được báo cáo.")
    if phase is None:
        covered = phases
        planned = _config_day(config, "ngay_bao_cao_tong_ket", "Ngày báo cáo tổng kết năm", notes)
        kind = TONG_KET
    else:
        covered = [p for p in phases if p.code == phase]
        if not covered:
            find_phase([p.code for p in phases], phase)  # raises with the list of phases
        planned = _config_day(config, "ngay_bao_cao_so_ket", "Ngày báo cáo sơ kết", notes)
        if planned and _phase_reported_on(phases, planned) != phase:
            planned = None  # the configured day belongs to another phase's sơ kết
        kind = SO_KET
    last = covered[-1]
    starts = [p.start for p in covered if p.start]
    ends = [p.end for p in covered if p.end]
    chosen = day or planned or last.deadline or last.end or dt.date.today()
    return Moment(
        kind=kind,
        phases=tuple(p.code for p in covered),
        day=chosen,
        year=year,
        start=min(starts) if starts else None,
        end=max(ends) if ends else None,
        notes=tuple(notes),
    )


def _phase_reported_on(phases: list[_Phase], day: dt.date) -> str | None:
    """The phase a sơ kết dated ``day`` reports on: the latest one ended by that day."""
    ended = [p for p in phases if p.end and p.end <= day]
    return ended[-1].code if ended else None


def default_moment(
    config: dict[str, str],
    phase_frame: pd.DataFrame,
    today: dt.date | None = None,
    day: dt.date | None = None,
) -> Moment:
    """The latest phase that has ended by ``today``: its sơ kết, or the tổng kết when it is the
    last phase. Before any phase ends: the sơ kết of the first phase."""
    phases = _phases(phase_frame)
    if not phases:
        raise MomentError("Trang Đợt thi đua chưa có đợt nào: chưa lập được báo cáo.")
    today = today or dt.date.today()
    ended = [p for p in phases if p.end and p.end <= today]
    if ended and ended[-1] is phases[-1]:
        return make_moment(config, phase_frame, None, day)
    return make_moment(config, phase_frame, (ended[-1] if ended else phases[0]).code, day)


def choose_moment(
    config: dict[str, str],
    phase_frame: pd.DataFrame,
    wanted: str | None = None,
    day: dt.date | None = None,
    today: dt.date | None = None,
) -> Moment:
    """The moment an officer asked for (``wanted``: a phase code or number, or 'cả năm'), or
    the default one."""
    if wanted is None or not str(wanted).strip():
        return default_moment(config, phase_frame, today, day)
    codes = [p.code for p in _phases(phase_frame)]
    return make_moment(config, phase_frame, find_phase(codes, str(wanted)), day)
