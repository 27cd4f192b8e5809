"""The standard figures of one CĐCS at one moment: what the upper union totals across CĐCSs.

Defined once here: the report's "Số liệu chung" table prints them (one line per figure), the
Word report quotes them, and the province's consolidation reads them back by these labels.
People are counted once however many registrations they made, a registration standing from
its phase to the campaign's end; works, initiatives and articles are those of the moment's
phases; the proposals are those the report's award list carries (union awards, to the upper
union: state titles go to the agency's council, not upward).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import Column
from ..schema.lists import SUBJECT_TYPES, WORK_PROPOSED_FOR_PLAQUE
from .context import ReportContext

INDIVIDUAL, COLLECTIVE = SUBJECT_TYPES
# Title codes of the Danh hiệu sheet whose registrations the upper union counts.
REGISTERED_TITLES = {"dk_ldtt": "LDTT", "dk_cstdcs": "CSTDCS"}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    aliases: tuple[str, ...] = ()  # labels of earlier versions, still read

    @property
    def column(self) -> Column:
        return Column(self.key, self.label, "int", width=12, aliases=self.aliases)


FIGURES: tuple[Figure, ...] = (
    Figure("so_to", "Số tổ công đoàn", "tổ"),
    Figure("so_doan_vien", "Số đoàn viên", "người"),
    Figure("dk_ca_nhan", "Đoàn viên đăng ký thi đua", "người", ("Đăng ký cá nhân",)),
    Figure("dk_tap_the", "Tổ công đoàn đăng ký thi đua", "tổ", ("Đăng ký tập thể",)),
    Figure("dk_ldtt", "Đăng ký Lao động tiên tiến", "người"),
    Figure("dk_cstdcs", "Đăng ký Chiến sĩ thi đua cơ sở", "người"),
    Figure(
        "cong_trinh", "Công trình, sản phẩm, phần việc", "công trình", ("Công trình, sản phẩm",)
    ),
    Figure("de_nghi_gan_bien", "Công trình đề nghị gắn biển", "công trình", ("Đề nghị gắn biển",)),
    Figure("sang_kien", "Sáng kiến được công nhận", "sáng kiến", ("Sáng kiến",)),
    Figure("tin_bai", "Tin, bài", "tin, bài"),
    Figure("de_nghi_khen_thuong", "Đề nghị khen thưởng", "lượt"),
)
FIGURE_KEYS = tuple(f.key for f in FIGURES)


def figures(rc: ReportContext, proposed: int) -> dict[str, int]:
    """The standard figures of ``rc``'s moment; ``proposed`` is the number of proposals the
    report's award list carries (0 for a sơ kết, which proposes none)."""
    regs = rc.regs_in_force
    people = regs[(regs["loai"] == INDIVIDUAL) & regs["ma"].isin(set(rc.members["ma_doan_vien"]))]
    groups = regs[(regs["loai"] == COLLECTIVE) & regs["ma"].isin(set(rc.group_names))]
    out = {
        "so_to": len(rc.group_names),
        "so_doan_vien": len(rc.members),
        "dk_ca_nhan": int(people["ma"].nunique()),
        "dk_tap_the": int(groups["ma"].nunique()),
    }
    for key, code in REGISTERED_TITLES.items():
        name = rc.title_names.get(code)
        out[key] = int(people[people["danh_hieu"] == name]["ma"].nunique()) if name else 0
    out["cong_trinh"] = len(rc.works)
    out["de_nghi_gan_bien"] = int((rc.works["trang_thai"] == WORK_PROPOSED_FOR_PLAQUE).sum())
    out["sang_kien"] = int(rc.results["so_sang_kien"].sum())
    out["tin_bai"] = len(rc.articles)
    out["de_nghi_khen_thuong"] = int(proposed)
    return {f.key: out[f.key] for f in FIGURES}


def percent(part: float, whole: float) -> float:
    """A share in percent, two decimals (0 when there is nothing to share)."""
    return round(100 * part / whole, 2) if whole else 0.0


def vn_number(value: float) -> str:
    """'95,5' / '1.234': Vietnamese decimal comma and thousands dot."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
