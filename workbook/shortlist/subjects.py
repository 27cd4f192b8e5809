"""What every award's list says alike about one kind of subject, computed once per kind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..scoring.compute import name_ranks
from ..scoring.explain import fmt_array
from .facts import ratings_summary


class Subjects:
    """What every award's list says alike about one kind of subject (members or groups): the
    name order, the points in words and the summary of achievements, computed once per kind,
    not once per award (a provincial master has eight awards over thirty thousand members)."""

    def __init__(self, frame: pd.DataFrame, group: bool, year: int | None):
        self.frame, self.group, self.year = frame, group, year
        self._names: np.ndarray | None = None
        self._score: np.ndarray | None = None
        self._summary: np.ndarray | None = None

    @property
    def name_order(self) -> np.ndarray:
        if self._names is None:
            f = self.frame
            self._names = (
                name_ranks(f["ten_to"]) if self.group else name_ranks(f["ten"], f["ho_dem"])
            )
        return self._names

    @property
    def score(self) -> np.ndarray:
        """'điểm thi đua cả năm 8,5 (hạng 3)' of each subject."""
        if self._score is None:
            self._score = (
                "điểm thi đua cả năm "
                + fmt_array(self.frame["tong"].to_numpy())
                + " (hạng "
                + fmt_array(self.frame["hang"].to_numpy())
                + ")"
            )
        return self._score

    @property
    def summary(self) -> np.ndarray:
        if self._summary is None:
            self._summary = _summary(self.frame, self.group, self.year)
        return self._summary


def _summary(subjects: pd.DataFrame, group: bool, year: int | None) -> np.ndarray:
    """'Tóm tắt thành tích' of the proposal lists: the facts, not the rules."""
    score = (
        "điểm thi đua cả năm "
        + fmt_array(subjects["tong"].to_numpy())
        + " (hạng "
        + fmt_array(subjects["hang"].to_numpy())
        + f"/{len(subjects)})"
    )
    if group:
        return (
            ratings_summary(subjects, year)
            + "; "
            + fmt_array(subjects["so_doan_vien"])
            + " đoàn viên; "
            + fmt_array(subjects["so_sang_kien"].to_numpy())
            + " sáng kiến; "
            + score
        )
    sk = fmt_array(subjects["sk_cong_nhan"].to_numpy())
    arts = fmt_array(subjects["so_tin_bai"].to_numpy())
    return (
        ratings_summary(subjects, year)
        + "; "
        + sk
        + " sáng kiến được công nhận; "
        + arts
        + " tin, bài; "
        + score
    )
