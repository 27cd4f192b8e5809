"""The award shortlist: two tracks, each award by its cited criteria, quotas, one reason each.

Order of work (``make_shortlist``):
1. The titles the campaign uses are the rows of `Danh hiệu`; the rule sets of the review day
   (``ScoringInput.regime``) say, for each, its track, who decides it, where it is proposed,
   its legal basis and its criteria. A row the rule sets do not know is listed for manual review.
2. Titles (danh hiệu thi đua) are decided in dependency order (CSTĐCS needs LĐTT proposed).
   Each needs every automatic criterion; criteria needing evidence the workbook lacks are listed
   for the council, never guessed.
3. Forms (Giấy khen, Bằng khen) are given within the quota the officer records (from the
   upper union or the agency); one form per person (or group) per track and year, the highest
   level first, so nobody is proposed for both a Bằng khen and the Giấy khen below it.

Quotas (``quota.py``) cap the proposals among the eligible, in the order of the whole-campaign
rank (points, then the tie-breaks of ``workbook.scoring.compute``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..rulesets import STATE, AwardRule, Regime, role_name
from ..scoring import ScoreResult, ScoringInput
from ..scoring.explain import fmt_array
from ..scoring.rubric import GROUP
from .criteria import Context, describe, evaluate
from .facts import group_facts, member_facts
from .quota import quota_cap
from .result import NOT_PROPOSED, PROPOSED, ShortlistResult, TitleOutcome
from .subjects import Subjects
from .titles import SheetTitle, read_titles


class Evaluation:
    """Every automatic criterion of one award, for every subject."""

    def __init__(self, award: AwardRule, subjects: pd.DataFrame, ctx: Context, group: bool):
        n = len(subjects)
        self.ok = np.ones(n, dtype=bool)
        self.met = np.full(n, "", dtype=object)
        self.missing = np.full(n, "", dtype=object)
        for c in award.criteria:
            if c.manual:
                continue
            out = evaluate(c, subjects, ctx, group)
            phrase = describe(c) + ": " + out.value
            self.met = _join(self.met, np.where(out.ok, phrase, ""))
            self.missing = _join(self.missing, np.where(out.ok, "", phrase))
            self.ok &= out.ok


def _join(acc: np.ndarray, more: np.ndarray) -> np.ndarray:
    """Phrases appended with '; ', strings built only where there is one to add."""
    out = np.array(acc, dtype=object)  # a copy: an accumulator may be shared
    idx = np.flatnonzero(more != "")
    if len(idx):
        head, tail = out[idx], np.asarray(more, dtype=object)[idx]
        out[idx] = np.where(head != "", head + "; " + tail, tail)
    return out


def _order(awards: list[AwardRule]) -> list[AwardRule]:
    """Titles before forms; within each, an award after those its criteria refer to."""
    done: list[AwardRule] = []
    pending = sorted(awards, key=lambda a: (a.is_form, a.level))
    while pending:
        known = {d.code for d in done}
        ready = next((a for a in pending if a.depends_on <= known), None)
        if ready is None:  # a cycle: the loader refuses such data, so this means a bug
            raise ValueError(
                "award criteria refer to each other in a cycle: "
                + ", ".join(a.code for a in pending)
            )
        done.append(ready)
        pending.remove(ready)
    return done


def make_shortlist(inp: ScoringInput, scores: ScoreResult) -> ShortlistResult:
    """Every award of the campaign's Danh hiệu sheet decided under the review day's rule sets."""
    sheet_titles, notes = read_titles(inp)
    return decide_awards(
        member_facts(inp, scores),
        group_facts(inp, scores),
        inp.regime,
        sheet_titles,
        year=inp.year,
        config=inp.config,
        scores=scores,
        notes=notes,
    )


def decide_awards(
    members: pd.DataFrame,
    groups: pd.DataFrame,
    regime: Regime,
    sheet_titles: list[SheetTitle],
    *,
    year: int | None,
    config: dict[str, str],
    scores: ScoreResult | None = None,
    notes: list[str] | None = None,
) -> ShortlistResult:
    """The decisions from the year's facts (``facts.member_facts`` / ``group_facts`` columns);
    pure, so property tests can feed it generated members."""
    awards = {a.code: a for rs in regime.sets for a in rs.awards}
    ctx = Context(
        members=members,
        groups=groups,
        year=year,
        names={code: a.name for code, a in awards.items()},
    )
    for t in sheet_titles:  # the campaign's own wording ("Giấy khen của Giám đốc Sở")
        if t.code in awards:
            ctx.names[t.code] = t.name
    notes = [regime.reason, *([regime.warning] if regime.warning else []), *(notes or [])]
    unrated = int((members["xep_loai_nam"] == "").sum()) if len(members) else 0
    if unrated:
        notes.append(
            f"{unrated} đoàn viên chưa có kết quả xếp loại chất lượng năm {year or ''} "
            "trên trang Xếp loại năm: chưa xét được các danh hiệu cần kết quả này."
        )
    listed = {t.code: t for t in sheet_titles}
    outcomes: dict[str, TitleOutcome] = {}
    frames: dict[str, pd.DataFrame] = {}
    forms: list[tuple[AwardRule, Evaluation]] = []
    kinds = {False: Subjects(members, False, year), True: Subjects(groups, True, year)}
    for award in _order(list(awards.values())):
        group = award.subject == GROUP
        subjects = groups if group else members
        key = "ma_to" if group else "ma_doan_vien"
        ev = Evaluation(award, subjects, ctx, group)
        if group and award.track == STATE:
            _needs_unit(ev, subjects)
        ctx.eligible[award.code] = set(subjects[key][ev.ok])
        title = listed.get(award.code)
        outcome = _outcome(award, title, ctx.names[award.code], config)
        outcomes[award.code] = outcome
        if award.is_form:
            forms.append((award, ev))
            continue
        frames[award.code] = _decide(award, outcome, kinds[group], ev, ctx, taken=set())
        ctx.proposed[award.code] = set(
            frames[award.code].loc[frames[award.code]["ket_qua"] == PROPOSED, "ma"]
        )
    # forms: per track and subject, highest level first, one form each
    taken: dict[tuple[str, str], dict[str, str]] = {}
    for award, ev in sorted(forms, key=lambda f: -f[0].level):
        group = award.subject == GROUP
        already = taken.setdefault((award.track, award.subject), {})
        frame = _decide(award, outcomes[award.code], kinds[group], ev, ctx, taken=already)
        frames[award.code] = frame
        chosen = set(frame.loc[frame["ket_qua"] == PROPOSED, "ma"])
        ctx.proposed[award.code] = chosen
        already.update({code: award.name for code in chosen})
    shown = [outcomes[t.code] for t in sheet_titles if t.code in outcomes]
    manual = [t for t in sheet_titles if t.code not in awards]
    hidden = [a.name for code, a in awards.items() if code not in listed]
    if hidden:
        notes.append(
            "Bộ quy tắc còn có: " + ", ".join(hidden) + " (không có trên trang Danh "
            "hiệu nên không lập danh sách; vẫn được xét khi danh hiệu khác cần đến)."
        )
    order = {t.code: i for i, t in enumerate(sheet_titles)}
    parts = [frames[o.code] for o in shown]
    decisions = pd.concat(parts, ignore_index=True) if parts else _empty()
    decisions["_title_order"] = decisions["ma_danh_hieu"].map(order)
    decisions = decisions.sort_values(
        ["_title_order", "_outcome_order", "thu_tu", "_name_order"],
        na_position="last",
        kind="stable",
    ).drop(columns=["_title_order", "_outcome_order", "_name_order"])
    return ShortlistResult(
        regime=regime,
        phases=scores.phases if scores else [],
        year=year,
        titles=shown,
        manual=[m.outcome(config) for m in manual],
        decisions=decisions.reset_index(drop=True),
        scores=scores,
        notes=notes,
        config=config,
        eligible=dict(ctx.eligible),
    )


def _needs_unit(ev: Evaluation, groups: pd.DataFrame) -> None:
    """State collective titles go to the agency's department the group stands for."""
    missing = groups["don_vi"].to_numpy(dtype=object) == ""
    ev.ok &= ~missing
    ev.missing = _join(
        ev.missing,
        np.where(
            missing,
            "Danh hiệu tập thể của Nhà nước xét cho phòng, đơn vị: tổ chưa ghi 'Phòng, "
            "đơn vị tương ứng' trên trang Tổ công đoàn",
            "",
        ),
    )


def _outcome(
    award: AwardRule, title: SheetTitle | None, name: str, config: dict[str, str]
) -> TitleOutcome:
    return TitleOutcome(
        code=award.code,
        name=name,
        subject=award.subject,
        track=award.track,
        kind=award.kind,
        level=award.level,
        decider=role_name(award.decider, config),
        decider_role=award.decider,
        destination=award.destination,
        destination_name=role_name(award.destination, config),
        tdkt_code=title.tdkt_code if title else "",
        basis=award.basis.marked,
        authority=award.authority.marked if award.authority else "",
        criteria=[describe(c) for c in award.criteria if not c.manual],
        manual_criteria=[describe(c) for c in award.manual_criteria],
        quota_given=title.quota if title else None,
        note=award.note,
    )


def _decide(
    award: AwardRule,
    outcome: TitleOutcome,
    kind: Subjects,
    ev: Evaluation,
    ctx: Context,
    taken: dict[str, str] | set,
) -> pd.DataFrame:
    subjects, group = kind.frame, kind.group
    key = "ma_to" if group else "ma_doan_vien"
    quota, rule = quota_cap(award, outcome, ctx, len(ctx.members), len(ctx.groups))
    outcome.quota, outcome.quota_rule = quota, rule
    codes = subjects[key].to_numpy(dtype=object)
    higher = (
        np.array([taken.get(c, "") for c in codes], dtype=object)
        if isinstance(taken, dict) and taken
        else np.full(len(codes), "", dtype=object)
    )
    eligible = ev.ok.copy()
    free = eligible & (higher == "")
    out = _base_frame(award, outcome, subjects, group, ctx)
    thu_tu = pd.Series(np.nan, index=out.index)
    ranked = out.index[free][np.argsort(out["hang"].to_numpy()[free], kind="stable")]
    thu_tu[ranked] = np.arange(1, len(ranked) + 1)
    out["thu_tu"] = thu_tu
    within = free & ((thu_tu <= quota).to_numpy() if quota is not None else True)
    out["ket_qua"] = np.where(within, PROPOSED, NOT_PROPOSED)
    n_free = len(ranked)
    score = kind.score
    # Each phrase is built only for the rows that show it: a province has 100,000 subjects.
    place = np.full(len(codes), "", dtype=object)
    place[free] = (
        "xếp thứ " + fmt_array(thu_tu.to_numpy()[free]) + f"/{n_free} trong số đủ tiêu chuẩn"
    )
    cap = "" if quota is None else f"; trong chỉ tiêu {quota}"
    reasons = np.empty(len(codes), dtype=object)
    reasons[within] = (
        "Đủ tiêu chuẩn: " + ev.met[within] + "; " + score[within] + "; " + place[within] + cap
    )
    reasons[~within] = "Chưa đủ tiêu chuẩn: " + ev.missing[~within]
    cut = free & ~within
    # Those eligible but not proposed still see every criterion they met, with its citation.
    reasons[cut] = (
        "Đủ tiêu chuẩn: "
        + ev.met[cut]
        + "; nhưng ngoài chỉ tiêu ("
        + rule
        + "); "
        + place[cut]
        + "; "
        + score[cut]
    )
    other = eligible & (higher != "")
    reasons[other] = (
        "Đủ tiêu chuẩn: "
        + ev.met[other]
        + "; nhưng đã được đề nghị "
        + higher[other]
        + " (mỗi người, mỗi tập thể một hình thức khen thưởng của "
        + award.track.lower()
        + " trong năm; xét từ hình thức cao nhất)"
    )
    out["ly_do"] = reasons
    # proposed first, then eligible but not proposed, then the rest
    out["_outcome_order"] = np.where(within, 0, np.where(cut | other, 1, 2))
    out["_name_order"] = kind.name_order
    out["tom_tat"] = kind.summary
    for col in ("gioi_tinh", "ngay_sinh", "chuc_vu", "ten_sang_kien", "cap_sang_kien"):
        out[col] = subjects[col].to_numpy() if col in subjects else None
    outcome.eligible, outcome.proposed = int(eligible.sum()), int(within.sum())
    return out


def _base_frame(
    award: AwardRule, outcome: TitleOutcome, subjects: pd.DataFrame, group: bool, ctx: Context
) -> pd.DataFrame:
    if group:
        unit = subjects["don_vi"].to_numpy(dtype=object)
        name = (
            np.where(unit != "", unit, subjects["ten_to"].to_numpy(dtype=object))
            if award.track == STATE
            else "Tổ công đoàn " + subjects["ten_to"].to_numpy(dtype=object)
        )
    else:
        name = subjects["ho_ten"].to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "ma_danh_hieu": award.code,
            "danh_hieu": outcome.name,
            "khoi": award.track,
            "loai": award.kind,
            "doi_tuong": award.subject,
            "quyet_dinh": outcome.decider,
            "noi_nhan": outcome.destination,
            "noi_nhan_ten": outcome.destination_name,
            "ma": subjects["ma_to" if group else "ma_doan_vien"].to_numpy(),
            "ho_ten": name,
            "ma_to": subjects["ma_to"].to_numpy(),
            "diem": subjects["tong"].to_numpy(),
            "hang": subjects["hang"].to_numpy(),
        }
    )


def _empty() -> pd.DataFrame:
    cols = [
        "ma_danh_hieu",
        "danh_hieu",
        "khoi",
        "loai",
        "doi_tuong",
        "quyet_dinh",
        "noi_nhan",
        "noi_nhan_ten",
        "ma",
        "ho_ten",
        "ma_to",
        "diem",
        "hang",
        "thu_tu",
        "ket_qua",
        "ly_do",
        "_outcome_order",
        "_name_order",
        "tom_tat",
    ]
    return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
