"""The facts criteria count, as whole columns: one row per member × phase, per group × phase.

Built with merges and group-bys only (no per-member Python loop): 100,000 members × 2 phases
take well under a second. Each ``*_units`` function returns the units of one criterion for every
row at once; the caller multiplies by the points per unit and applies the cap.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .context import ScoringInput
from .rubric import Criterion

M, G, P = "ma_doan_vien", "ma_to", "dot"


def codes(s: pd.Series) -> pd.Series:
    """Codes as stripped text; blanks become ''."""
    return s.where(s.notna(), "").astype(str).str.strip()


def numbers(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").fillna(0.0).astype(float)


def dates(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, errors="coerce")


def _index(frame: pd.DataFrame, keys: list[str]) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[keys])


class Facts:
    def __init__(self, inp: ScoringInput):
        phases = inp.phase_codes
        members = inp.table("doan_vien")
        members = pd.DataFrame({M: codes(members["ma_doan_vien"]),
                                "ho_dem": codes(members["ho_dem"]), "ten": codes(members["ten"]),
                                G: codes(members["ma_to"])})
        self.members = members[members[M] != ""].drop_duplicates(M).reset_index(drop=True)
        groups = inp.table("to_cong_doan")
        groups = pd.DataFrame({G: codes(groups["ma_to"]), "ten_to": codes(groups["ten_to"]),
                               "xep_loai_to": codes(groups["xep_loai_tap_the"])})
        groups = groups[groups[G] != ""].drop_duplicates(G)
        extra = sorted(set(self.members[G]) - set(groups[G]) - {""})
        groups = pd.concat([groups, pd.DataFrame({G: extra, "ten_to": extra, "xep_loai_to": ""})])
        self.groups = groups.reset_index(drop=True)
        self.phases = phases

        base = self.members.merge(pd.DataFrame({P: phases}), how="cross")
        results = inp.table("ket_qua")
        results = pd.DataFrame({
            M: codes(results["ma_doan_vien"]), P: codes(results["dot"]),
            "xep_loai": codes(results["xep_loai"]), "cap_sang_kien": codes(results["cap_sang_kien"]),
            "so_sang_kien": numbers(results["so_sang_kien"]),
            "so_hoat_dong": numbers(results["so_hoat_dong"]),
            "so_vi_pham": numbers(results["so_vi_pham"]),
        }).drop_duplicates([M, P])
        base = base.merge(results, on=[M, P], how="left")
        for col in ("xep_loai", "cap_sang_kien"):
            base[col] = base[col].fillna("")
        for col in ("so_sang_kien", "so_hoat_dong", "so_vi_pham"):
            base[col] = base[col].fillna(0.0)

        regs = inp.table("dang_ky")
        regs = pd.DataFrame({"loai": codes(regs["loai_doi_tuong"]),
                             "ma": codes(regs["ma_doi_tuong"]), P: codes(regs["dot"]),
                             "danh_hieu": codes(regs["danh_hieu"]),
                             "phong_trao": codes(regs["phong_trao"]),
                             "ngay_dang_ky": dates(regs["ngay_dang_ky"])})
        self.regs = regs[regs["loai"] == "Cá nhân"].rename(columns={"ma": M})
        self.group_regs = regs[regs["loai"] == "Tập thể"].rename(columns={"ma": G})

        arts = inp.table("tin_bai")
        arts = pd.DataFrame({M: codes(arts["ma_doan_vien"]), P: codes(arts["dot"]),
                             "co_quan_bao": codes(arts["co_quan_bao"])})
        arts["cap"] = arts["co_quan_bao"].map(inp.outlet_levels).fillna("")
        self.articles = arts

        works = inp.table("cong_trinh")
        self.works = pd.DataFrame({G: codes(works["ma_to"]), P: codes(works["dot"]),
                                   "trang_thai": codes(works["trang_thai"]),
                                   "cap_gan_bien": codes(works["cap_gan_bien"]),
                                   "loai": codes(works["loai"])})

        self.index = _index(base, [M, P])
        base["so_tin_bai"] = self.count(self.articles, self.index, [M, P])
        base["so_dang_ky"] = self.count(self.regs, self.index, [M, P])
        first = self.regs.groupby([M, P])["ngay_dang_ky"].min()
        base["ngay_dang_ky"] = first.reindex(self.index).to_numpy()
        self.base = base

        gbase = self.groups.merge(pd.DataFrame({P: phases}), how="cross")
        self.gindex = _index(gbase, [G, P])
        size = base.groupby([G, P]).size()
        gbase["so_doan_vien"] = size.reindex(self.gindex, fill_value=0).to_numpy()
        gbase["so_sang_kien"] = self._by_group(base["so_sang_kien"], "sum")
        gbase["so_tin_bai"] = self._by_group(base["so_tin_bai"], "sum")
        gfirst = self.group_regs.groupby([G, P])["ngay_dang_ky"].min()
        gbase["ngay_dang_ky"] = gfirst.reindex(self.gindex).to_numpy()
        self.gbase = gbase

    @staticmethod
    def count(events: pd.DataFrame, index: pd.MultiIndex, keys: list[str]) -> np.ndarray:
        counts = events.groupby(keys, sort=False).size()
        return counts.reindex(index, fill_value=0).to_numpy(dtype=float)

    def _by_group(self, values: pd.Series | np.ndarray, how: str) -> np.ndarray:
        frame = pd.DataFrame({G: self.base[G].to_numpy(), P: self.base[P].to_numpy(),
                              "v": np.asarray(values, dtype=float)})
        agg = frame.groupby([G, P])["v"].agg(how)
        return agg.reindex(self.gindex, fill_value=0.0).fillna(0.0).to_numpy(dtype=float)

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
            regs = self.regs
            if cond:
                regs = regs[regs["danh_hieu"].isin(cond) | regs["phong_trao"].isin(cond)]
            return self.count(regs, self.index, [M, P])
        if c.source == "Tin bài":
            arts = self.articles
            if cond:
                arts = arts[arts["cap"].isin(cond) | arts["co_quan_bao"].isin(cond)]
            return self.count(arts, self.index, [M, P])
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
            regs = self.regs
            if cond:
                regs = regs[regs["danh_hieu"].isin(cond) | regs["phong_trao"].isin(cond)]
            hit = self.count(regs, self.index, [M, P]) > 0
            return np.round(self._by_group(hit.astype(float), "mean") * 100, 2)
        if c.source == "Xếp loại":
            rating = self.gbase[G].map(dict(zip(self.groups[G], self.groups["xep_loai_to"])))
            hit = rating.isin(cond) if cond else rating.fillna("") != ""
            return hit.to_numpy(dtype=float)
        if c.source == "Đăng ký thi đua":
            regs = self.group_regs
            if cond:
                regs = regs[regs["danh_hieu"].isin(cond) | regs["phong_trao"].isin(cond)]
            return self.count(regs, self.gindex, [G, P])
        if c.source == "Công trình":
            works = self.works
            if cond:
                works = works[works["trang_thai"].isin(cond) | works["cap_gan_bien"].isin(cond)
                              | works["loai"].isin(cond)]
            return self.count(works, self.gindex, [G, P])
        return np.zeros(len(self.gbase))
