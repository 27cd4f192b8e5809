"""Scores: per phase and for the whole campaign, per member and per union group.

>>> from workbook.reading import read_workbook
>>> from workbook.scoring import prepare, score_campaign
>>> result = score_campaign(prepare(read_workbook("so-thi-dua.xlsx")))  # doctest: +SKIP
"""

from .context import CAMPAIGN, Excluded, ScoringInput, prepare
from .engine import ScoreResult, score_campaign
from .rubric import GROUP, MEMBER, Criterion, parse_rubric

__all__ = [
    "CAMPAIGN",
    "Criterion",
    "Excluded",
    "GROUP",
    "MEMBER",
    "ScoreResult",
    "ScoringInput",
    "parse_rubric",
    "prepare",
    "score_campaign",
]
