"""Rule sets: the award law as data, per track, chosen by the day awards are reviewed.

``templates/rulesets/*.json`` hold one set each: the state sets (Luật TĐKT 2003/2013 + Nghị
định 91/2017 for reviews until 31/12/2023; Luật TĐKT 2022 + Nghị định 98/2023 + Thông tư
01/2024/TT-BNV from 01/01/2024) and the union sets (Quy chế khen thưởng QĐ 1689/QĐ-TLĐ, then
QĐ 999/QĐ-TLĐ from 29/05/2024). Each award names its deciding body, where the proposal goes,
its legal basis and its criteria, each with a citation and how far it was checked.
"""

from .choice import Regime, pick_regime
from .load import KIND_PARAMS, RuleSetError, load_rulesets, parse_ruleset
from .model import (
    CHECKED,
    DESTINATIONS,
    FORM_KIND,
    PRINCIPLE,
    ROLES,
    SECONDARY,
    STATE,
    STATUSES,
    TITLE_KIND,
    UNCONFIRMED,
    UNION,
    AwardRule,
    Citation,
    Criterion,
    Document,
    Quota,
    RuleSet,
    discipline_rank,
    role_name,
)

__all__ = [
    "CHECKED",
    "DESTINATIONS",
    "FORM_KIND",
    "KIND_PARAMS",
    "PRINCIPLE",
    "ROLES",
    "SECONDARY",
    "STATE",
    "STATUSES",
    "TITLE_KIND",
    "UNCONFIRMED",
    "UNION",
    "AwardRule",
    "Citation",
    "Criterion",
    "Document",
    "Quota",
    "Regime",
    "RuleSet",
    "RuleSetError",
    "discipline_rank",
    "load_rulesets",
    "parse_ruleset",
    "pick_regime",
    "role_name",
]
