"""The award shortlist: who is proposed for each title, who is not, and why."""
from .engine import NOT_PROPOSED, PROPOSED, ShortlistResult, TitleOutcome, make_shortlist, quota_for
from .rules import RULES

__all__ = ["NOT_PROPOSED", "PROPOSED", "RULES", "ShortlistResult", "TitleOutcome",
           "make_shortlist", "quota_for"]
