"""The award shortlist: who is proposed for each award, to whom, who is not, and why."""

from .engine import make_shortlist
from .quota import quota_for
from .result import NOT_PROPOSED, PROPOSED, ManualTitle, ShortlistResult, TitleOutcome

__all__ = [
    "NOT_PROPOSED",
    "PROPOSED",
    "ManualTitle",
    "ShortlistResult",
    "TitleOutcome",
    "make_shortlist",
    "quota_for",
]
