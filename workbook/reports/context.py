"""The data every report draws from, gathered once (valid rows only) for one moment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..scoring import CAMPAIGN, ScoreResult, ScoringInput
from ..scoring.bands import ScoreBands
from ..scoring.facts import clean_codes, dates, numbers, registrations_in_force
from ..shortlist import ShortlistResult
from .moment import Moment, choose_moment


@dataclass
class ReportContext:
    config: dict[str, str]
    moment: Moment
    scores: ScoreResult
    shortlist: ShortlistResult
    members: pd.DataFrame
    regs: pd.DataFrame  # registrations made in the moment's phases
    regs_in_force: pd.DataFrame  # registrations standing in its phases (one per phase)
    works: pd.DataFrame  # works of the moment's phases
    articles: pd.DataFrame  # articles of the moment's phases
    results: pd.DataFrame  # Kết quả rows of the moment's phases
    movements: list[str]
    plaque_levels: list[str]
    outlets: list[tuple[str, str]]
    phase_names: dict[str, str]
    group_names: dict[str, str]
    title_names: dict[str, str]  # Danh hiệu code -> name
    milestones: dict[str, str]  # phase code -> the anniversaries it salutes
    all_phases: list[str]  # every phase of the plan, in order
    bands: ScoreBands  # the union rubric's point bands and score range
    annual_ratings: dict[str, str]  # member code -> the year's official rating (Xếp loại năm)

    @property
    def day(self) -> dt.date:
        return self.moment.day

    @property
    def phases(self) -> list[str]:
        return list(self.moment.phases)

    @property
    def score_phase(self) -> str:
        """The 'dot' of the score rows that sum up the moment: the phase, or the year."""
        return CAMPAIGN if self.moment.is_year else self.moment.phases[0]

    def group_scores(self) -> pd.DataFrame:
        groups = self.scores.groups
        return groups[groups["dot"] == self.score_phase].sort_values("hang")

    @property
    def notes(self) -> list[str]:
        """What the officer should know and the pages sent upward do not say."""
        return [*self.scores.notes, *self.moment.notes]


def _in(frame: pd.DataFrame, phases: tuple[str, ...]) -> pd.DataFrame:
    return frame[frame["dot"].isin(phases)].reset_index(drop=True)


def report_context(
    inp: ScoringInput,
    scores: ScoreResult,
    shortlist: ShortlistResult,
    moment: Moment | None = None,
    day: dt.date | None = None,
) -> ReportContext:
    """Everything the report pages draw from, for ``moment`` (default: the latest phase that
    has ended); ``day`` overrides the moment's report date."""
    if moment is None:
        moment = choose_moment(inp.config, inp.phases, day=day)
    elif day is not None:
        moment = choose_moment(inp.config, inp.phases, moment.code, day)
    m = inp.table("doan_vien")
    members = pd.DataFrame(
        {"ma_doan_vien": clean_codes(m["ma_doan_vien"]), "ma_to": clean_codes(m["ma_to"])}
    )
    members = members[members["ma_doan_vien"] != ""].drop_duplicates("ma_doan_vien")
    r = inp.table("dang_ky")
    regs = pd.DataFrame(
        {
            "loai": clean_codes(r["loai_doi_tuong"]),
            "ma": clean_codes(r["ma_doi_tuong"]),
            "dot": clean_codes(r["dot"]),
            "phong_trao": clean_codes(r["phong_trao"]),
            "danh_hieu": clean_codes(r["danh_hieu"]),
        }
    )
    w = inp.table("cong_trinh")
    works = pd.DataFrame(
        {
            "ma_cong_trinh": clean_codes(w["ma_cong_trinh"]),
            "ten": clean_codes(w["ten_cong_trinh"]),
            "loai": clean_codes(w["loai"]),
            "ma_to": clean_codes(w["ma_to"]),
            "dot": clean_codes(w["dot"]),
            "quy_mo": clean_codes(w["quy_mo"]),
            "gia_tri": numbers(w["gia_tri"]),
            "nguon_kinh_phi": clean_codes(w["nguon_kinh_phi"]),
            "ngay_bat_dau": dates(w["ngay_bat_dau"]),
            "ngay_hoan_thanh": dates(w["ngay_hoan_thanh"]),
            "cap_gan_bien": clean_codes(w["cap_gan_bien"]),
            "trang_thai": clean_codes(w["trang_thai"]),
        }
    )
    a = inp.table("tin_bai")
    articles = pd.DataFrame(
        {"co_quan_bao": clean_codes(a["co_quan_bao"]), "dot": clean_codes(a["dot"])}
    )
    articles["cap"] = articles["co_quan_bao"].map(inp.outlet_levels).fillna("")
    k = inp.table("ket_qua")
    results = pd.DataFrame(
        {
            "ma_doan_vien": clean_codes(k["ma_doan_vien"]),
            "dot": clean_codes(k["dot"]),
            "xep_loai": clean_codes(k["xep_loai"]),
            "so_sang_kien": numbers(k["so_sang_kien"]).fillna(0),
            "cap_sang_kien": clean_codes(k["cap_sang_kien"]),
        }
    )
    mv = inp.table("phong_trao")
    plaques = inp.table("ds_cap_gan_bien")
    outlets = inp.table("ds_co_quan_bao")
    groups = inp.table("to_cong_doan")
    titles = inp.table("danh_hieu")
    return ReportContext(
        config=inp.config,
        moment=moment,
        scores=scores,
        shortlist=shortlist,
        members=members,
        regs=_in(regs, moment.phases),
        # a registration made once stands from its phase to the campaign's end
        regs_in_force=_in(registrations_in_force(regs, list(inp.phases["ma_dot"])), moment.phases),
        works=_in(works, moment.phases),
        articles=_in(articles, moment.phases),
        results=_in(results, moment.phases),
        movements=[x for x in clean_codes(mv["ten_phong_trao"]) if x],
        plaque_levels=[x for x in clean_codes(plaques["gia_tri"]) if x],
        outlets=[
            (n, c)
            for n, c in zip(clean_codes(outlets["gia_tri"]), clean_codes(outlets["cap"]))
            if n
        ],
        phase_names=dict(zip(inp.phases["ma_dot"], inp.phases["ten_dot"].map(str))),
        group_names={
            c: n for c, n in zip(clean_codes(groups["ma_to"]), clean_codes(groups["ten_to"])) if c
        },
        title_names={
            c: n
            for c, n in zip(
                clean_codes(titles["ma_danh_hieu"]), clean_codes(titles["ten_danh_hieu"])
            )
            if c
        },
        milestones=dict(
            zip(
                inp.phases["ma_dot"],
                clean_codes(inp.phases.get("moc_ky_niem", pd.Series([""] * len(inp.phases)))),
            )
        ),
        all_phases=list(inp.phases["ma_dot"]),
        bands=inp.bands,
        annual_ratings=inp.annual_ratings("Cá nhân"),
    )
