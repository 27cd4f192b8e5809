"""The facts criteria count, as whole columns: one row per member × phase, per group × phase.

Built with merges and group-bys only (no per-member Python loop): 100,000 members × 2 phases
take well under a second. Each ``*_units`` function returns the units of one criterion for every
row at once; the caller multiplies by the points per unit and applies the cap.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..values import to_text
from .context import ScoringInput
from .rubric import Criterion

# the columns that key the facts: a member, a union group, a phase
MEMBER_KEY, GROUP_KEY, PHASE_KEY = "ma_doan_vien", "ma_to", "dot"


def clean_codes(s: pd.Series) -> pd.Series:
    """Codes as text, blanks as '' (object dtype: hashing and grouping stay fast).

    The reader already cleaned the text (NFC, trimmed); anything else (a number typed where
    a code belongs, spaces from a hand-made frame) goes through ``to_text``."""
    values = s.to_numpy(dtype=object)
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind not in ("string", "empty"):
        values = np.array([to_text(v) for v in values], dtype=object)
    out = pd.Series(values, index=s.index, dtype=object)
    return out.where(out.notna(), "")


def text_lookup(keys: pd.Series, table: Mapping[Any, str]) -> pd.Series:
    """Text looked up per key, '' where the table has none (an empty table stays text)."""
    return pd.Series([table.get(k, "") for k in keys], index=keys.index, dtype=object)


def numbers(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").fillna(0.0).astype(float)


def dates(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, errors="coerce")


def registrations_in_force(
    regs: pd.DataFrame, phases: list[str], column: str = PHASE_KEY
) -> pd.DataFrame:
    """Each registration once per phase it is in force: from its own phase to the last.

    People register once for the year (the titles are annual); a registration made in Đợt 1
    still stands in Đợt 2, so participation and the registration criteria count it in both.
    A registration for an unknown phase stays as it is (it matches no phase)."""
    order = {p: i for i, p in enumerate(phases)}
    start = regs[column].map(order)
    parts = [regs[start.isna()]]
    for i, phase in enumerate(phases):
        parts.append(regs[start <= i].assign(**{column: phase}))
    return pd.concat(parts).sort_index(kind="stable")


class Grid:
    """Rows subject × phase laid out as ``subject_id * n_phases + phase_id``: events map to
    their row by two hash look-ups, and counts or sums are one ``np.bincount``."""

    def __init__(self, subjects: pd.Series, phases: list[str]):
        self.subjects = pd.Index(subjects)
        self.phases = pd.Index(phases)
        self.size = len(self.subjects) * len(self.phases)

    def keys(self, subjects: pd.Series, phases: pd.Series) -> np.ndarray:
        """Row of each event; -1 for an unknown subject or phase."""
        s = self.subjects.get_indexer(subjects)
        p = self.phases.get_indexer(phases)
        return np.where((s >= 0) & (p >= 0), s * len(self.phases) + p, -1)

    def count(self, keys: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        ok = keys >= 0
        w = None if weights is None else np.asarray(weights, dtype=float)[ok]
        return np.bincount(keys[ok], weights=w, minlength=self.size).astype(float)

    def frame(self) -> pd.DataFrame:
        n, p = len(self.subjects), len(self.phases)
        return pd.DataFrame(
            {
                "_s": np.repeat(np.arange(n), p),
                "dot": np.tile(np.asarray(self.phases, dtype=object), n),
            }
        )


def read_members(inp: ScoringInput) -> pd.DataFrame:
    """Members with a code, each once (the first row wins)."""
    members = inp.table("doan_vien")
    members = pd.DataFrame(
        {
            MEMBER_KEY: clean_codes(members["ma_doan_vien"]),
            "ho_dem": clean_codes(members["ho_dem"]),
            "ten": clean_codes(members["ten"]),
            GROUP_KEY: clean_codes(members["ma_to"]),
        }
    )
    return members[members[MEMBER_KEY] != ""].drop_duplicates(MEMBER_KEY).reset_index(drop=True)


def read_groups(inp: ScoringInput, members: pd.DataFrame) -> pd.DataFrame:
    """Union groups with a code, each once, plus any group a member names that the group
    table lacks (named by its code); with the collective's annual rating."""
    groups = inp.table("to_cong_doan")
    groups = pd.DataFrame(
        {GROUP_KEY: clean_codes(groups["ma_to"]), "ten_to": clean_codes(groups["ten_to"])}
    )
    groups = groups[groups[GROUP_KEY] != ""].drop_duplicates(GROUP_KEY)
    extra = sorted(set(members[GROUP_KEY]) - set(groups[GROUP_KEY]) - {""})
    groups = pd.concat([groups, pd.DataFrame({GROUP_KEY: extra, "ten_to": extra})])
    # the collective's official annual rating (Xếp loại năm), for the rubric's 'Xếp loại'
    groups["xep_loai_to"] = text_lookup(groups[GROUP_KEY], inp.annual_ratings("Tập thể"))
    return groups.reset_index(drop=True)


def read_registrations(inp: ScoringInput, phases: list[str]) -> pd.DataFrame:
    """Registrations (both kinds), each repeated for every phase it is in force."""
    regs = inp.table("dang_ky")
    regs = pd.DataFrame(
        {
            "loai": clean_codes(regs["loai_doi_tuong"]),
            "ma": clean_codes(regs["ma_doi_tuong"]),
            PHASE_KEY: clean_codes(regs["dot"]),
            "danh_hieu": clean_codes(regs["danh_hieu"]),
            "phong_trao": clean_codes(regs["phong_trao"]),
            "ngay_dang_ky": dates(regs["ngay_dang_ky"]),
        }
    )
    return registrations_in_force(regs, phases)


def read_articles(inp: ScoringInput) -> pd.DataFrame:
    """Articles with the level (cấp) of the outlet that published them."""
    arts = inp.table("tin_bai")
    arts = pd.DataFrame(
        {
            MEMBER_KEY: clean_codes(arts["ma_doan_vien"]),
            PHASE_KEY: clean_codes(arts["dot"]),
            "co_quan_bao": clean_codes(arts["co_quan_bao"]),
        }
    )
    arts["cap"] = arts["co_quan_bao"].map(inp.outlet_levels).fillna("")
    return arts


def read_works(inp: ScoringInput) -> pd.DataFrame:
    works = inp.table("cong_trinh")
    return pd.DataFrame(
        {
            GROUP_KEY: clean_codes(works["ma_to"]),
            PHASE_KEY: clean_codes(works["dot"]),
            "trang_thai": clean_codes(works["trang_thai"]),
            "cap_gan_bien": clean_codes(works["cap_gan_bien"]),
            "loai": clean_codes(works["loai"]),
        }
    )


# each member's result per phase: column, conversion, value when the member has no result row
RESULT_COLUMNS = (
    ("xep_loai", clean_codes, ""),
    ("cap_sang_kien", clean_codes, ""),
    ("so_sang_kien", numbers, 0.0),
    ("so_hoat_dong", numbers, 0.0),
    ("so_vi_pham", numbers, 0.0),
)


class Facts:
    def __init__(self, inp: ScoringInput):
        phases = inp.phase_codes
        self.phases = phases
        self.members = read_members(inp)
        self.groups = read_groups(inp, self.members)
        self.grid = Grid(self.members[MEMBER_KEY], phases)
        self.group_grid = Grid(self.groups[GROUP_KEY], phases)

        regs = read_registrations(inp, phases)
        self.regs = regs[regs["loai"] == "Cá nhân"].rename(columns={"ma": MEMBER_KEY})
        self.group_regs = regs[regs["loai"] == "Tập thể"].rename(columns={"ma": GROUP_KEY})
        self.reg_keys = self.grid.keys(self.regs[MEMBER_KEY], self.regs[PHASE_KEY])
        self.group_reg_keys = self.group_grid.keys(
            self.group_regs[GROUP_KEY], self.group_regs[PHASE_KEY]
        )
        self.articles = read_articles(inp)
        self.article_keys = self.grid.keys(self.articles[MEMBER_KEY], self.articles[PHASE_KEY])
        self.works = read_works(inp)
        self.work_keys = self.group_grid.keys(self.works[GROUP_KEY], self.works[PHASE_KEY])

        self.base = self._member_base(inp)
        self.to_group = self._member_to_group_rows()
        self.group_base = self._group_base()

    def _member_base(self, inp: ScoringInput) -> pd.DataFrame:
        """One row per member × phase: the member, their results (the first result row per
        member and phase counts), their article and registration counts and earliest
        registration date."""
        grid = self.grid
        cells = grid.frame()
        base = self.members.iloc[cells["_s"].to_numpy()].reset_index(drop=True)
        base[PHASE_KEY] = cells[PHASE_KEY].to_numpy()
        results = inp.table("ket_qua")
        key = grid.keys(clean_codes(results["ma_doan_vien"]), clean_codes(results["dot"]))
        keep = np.flatnonzero(key >= 0)
        first_keys, first = np.unique(key[keep], return_index=True)  # first row per cell
        rows = keep[first]
        for col, convert, blank in RESULT_COLUMNS:
            values = np.full(grid.size, blank, dtype=object if blank == "" else float)
            values[first_keys] = convert(results[col]).to_numpy()[rows]
            base[col] = values
        base["so_tin_bai"] = grid.count(self.article_keys)
        base["so_dang_ky"] = grid.count(self.reg_keys)
        base["ngay_dang_ky"] = self._earliest(self.regs["ngay_dang_ky"], self.reg_keys, grid.size)
        return base

    def _member_to_group_rows(self) -> np.ndarray:
        """Each member row's group row (same phase); -1 when the group is unknown."""
        n_phases = len(self.phases)
        gid = self.group_grid.subjects.get_indexer(self.base[GROUP_KEY])
        pid = np.tile(np.arange(n_phases), len(self.members))
        return np.where(gid >= 0, gid * n_phases + pid, -1)

    def _group_base(self) -> pd.DataFrame:
        """One row per group × phase: the group, its member count, its members' initiatives
        and articles summed, and its earliest registration date."""
        group_grid = self.group_grid
        gcells = group_grid.frame()
        group_base = self.groups.iloc[gcells["_s"].to_numpy()].reset_index(drop=True)
        group_base[PHASE_KEY] = gcells[PHASE_KEY].to_numpy()
        group_base["so_doan_vien"] = group_grid.count(self.to_group)
        group_base["so_sang_kien"] = self._by_group(self.base["so_sang_kien"], "sum")
        group_base["so_tin_bai"] = self._by_group(self.base["so_tin_bai"], "sum")
        group_base["ngay_dang_ky"] = self._earliest(
            self.group_regs["ngay_dang_ky"], self.group_reg_keys, group_grid.size
        )
        return group_base

    @staticmethod
    def _earliest(days: pd.Series, keys: np.ndarray, size: int) -> pd.Series:
        ok = keys >= 0
        first = pd.Series(days.to_numpy()[ok]).groupby(keys[ok]).min()
        return pd.Series(pd.NaT, index=range(size), dtype="datetime64[ns]").where(
            ~pd.Index(range(size)).isin(first.index), first.reindex(range(size))
        )

    def _by_group(self, values: pd.Series | np.ndarray, how: str) -> np.ndarray:
        total = self.group_grid.count(self.to_group, np.asarray(values, dtype=float))
        if how == "sum":
            return total
        size = self.group_grid.count(self.to_group)
        return np.divide(total, size, out=np.zeros_like(total), where=size > 0)

    @staticmethod
    def _matching(events: pd.DataFrame, keys: np.ndarray, cond: set, *fields: str) -> np.ndarray:
        if not cond:
            return keys
        hit = np.zeros(len(events), dtype=bool)
        for f in fields:
            hit |= events[f].isin(cond).to_numpy()
        return np.where(hit, keys, -1)

    # -- units of one criterion -------------------------------------------------------------

    def member_units(self, c: Criterion) -> np.ndarray:
        b, cond = self.base, set(c.condition)
        if c.source == "Xếp loại":
            hit = b["xep_loai"].isin(cond) if cond else b["xep_loai"] != ""
            return hit.to_numpy(dtype=float)
        if c.source == "Sáng kiến":
            hit = b["cap_sang_kien"].isin(cond) if cond else pd.Series(True, index=b.index)
            return np.where(hit, b["so_sang_kien"], 0.0)
        if c.source == "Đăng ký thi đua":
            return self.grid.count(
                self._matching(self.regs, self.reg_keys, cond, "danh_hieu", "phong_trao")
            )
        if c.source == "Tin bài":
            return self.grid.count(
                self._matching(self.articles, self.article_keys, cond, "cap", "co_quan_bao")
            )
        if c.source == "Hoạt động":
            return b["so_hoat_dong"].to_numpy(dtype=float)
        if c.source == "Vi phạm":
            return b["so_vi_pham"].to_numpy(dtype=float)
        return np.zeros(len(b))

    def group_units(self, c: Criterion) -> np.ndarray:
        cond = set(c.condition)
        if c.source in ("Sáng kiến", "Tin bài", "Vi phạm"):
            return self._by_group(self.member_units(c), "sum")
        if c.source == "Hoạt động":
            return self._by_group(self.member_units(c), "mean")
        if c.source == "Tỷ lệ xếp loại":
            rating = self.base["xep_loai"]
            hit = rating.isin(cond) if cond else rating != ""
            return np.round(self._by_group(hit.to_numpy(dtype=float), "mean") * 100, 2)
        if c.source == "Tỷ lệ đăng ký":
            regs = self.grid.count(
                self._matching(self.regs, self.reg_keys, cond, "danh_hieu", "phong_trao")
            )
            return np.round(self._by_group((regs > 0).astype(float), "mean") * 100, 2)
        if c.source == "Xếp loại":
            rating = self.group_base[GROUP_KEY].map(
                dict(zip(self.groups[GROUP_KEY], self.groups["xep_loai_to"]))
            )
            hit = rating.isin(cond) if cond else rating.fillna("") != ""
            return hit.to_numpy(dtype=float)
        if c.source == "Đăng ký thi đua":
            return self.group_grid.count(
                self._matching(
                    self.group_regs, self.group_reg_keys, cond, "danh_hieu", "phong_trao"
                )
            )
        if c.source == "Công trình":
            return self.group_grid.count(
                self._matching(
                    self.works, self.work_keys, cond, "trang_thai", "cap_gan_bien", "loai"
                )
            )
        return np.zeros(len(self.group_base))
