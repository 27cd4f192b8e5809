"""The rule sets in words: the Vietnamese page docs/tieu-chuan-khen-thuong.md and the terminal.

The page is generated (``thidua rules --markdown``), never edited by hand; a test compares the
committed page with this output, so the documentation cannot drift from the data.
"""

from __future__ import annotations

from .choice import Regime
from .load import load_rulesets
from .model import ROLES, STATE, STATUSES, UNION, AwardRule, Citation, Criterion, RuleSet

DAY = "%d/%m/%Y"


def _cite(c: Citation | None) -> str:
    if c is None:
        return ""
    text = f"{c.text} — {STATUSES[c.status]}"
    return text + (f" ({c.note})" if c.note else "")


def _criterion_lines(c: Criterion, indent: str = "") -> list[str]:
    lines = [
        f"{indent}- {'Hội đồng xem xét: ' if c.manual else ''}{c.statement}"
        + (f". Căn cứ: {_cite(c.citation)}" if c.citation else "")
    ]
    for part in c.parts:
        lines += _criterion_lines(part, indent + "  ")
    return lines


def award_lines(a: AwardRule) -> list[str]:
    lines = [
        f"#### {a.name} ({a.code})",
        "",
        f"- {a.subject}; {a.kind.lower()}; bậc {a.level} trong khối {a.track}.",
        f"- Quyết định: {ROLES[a.decider]}"
        + (f" (căn cứ: {_cite(a.authority)})" if a.authority else "")
        + ".",
        f"- Đề nghị đến: {ROLES[a.destination]}.",
        f"- Căn cứ: {_cite(a.basis)}.",
        "",
        "Tiêu chuẩn:",
        "",
    ]
    for c in a.criteria:
        lines += _criterion_lines(c)
    if a.quota:
        lines.append(
            f"- Tỷ lệ: {a.quota.statement}. Căn cứ: {_cite(a.quota.citation)}. "
            f"Cách tính: {a.quota.rounding}."
        )
    if a.is_form:
        lines.append(
            "- Số lượng: theo chỉ tiêu được giao (ghi trên trang Danh hiệu); mỗi người, "
            "mỗi tập thể một hình thức khen thưởng của khối này trong năm, xét từ hình "
            "thức cao nhất."
        )
    if a.note:
        lines.append(f"- Ghi chú: {a.note}")
    return [*lines, ""]


def ruleset_lines(rs: RuleSet) -> list[str]:
    end = f"đến hết {rs.end:{DAY}}" if rs.end else "đến nay"
    lines = [
        f"### Bộ {rs.code}: {rs.name}",
        "",
        f"Áp dụng khi ngày xét khen thưởng từ {rs.start:{DAY}} {end}.",
        "",
    ]
    if rs.checked_until:
        lines += [f"Đã đối chiếu văn bản đến ngày {rs.checked_until:{DAY}}.", ""]
    lines += [rs.note, "", "Văn bản:", ""]
    lines += [f"- {d.full}" for d in rs.documents.values()]
    lines.append("")
    for a in rs.awards:
        lines += award_lines(a)
    return lines


def render_markdown() -> str:
    sets = sorted(load_rulesets().values(), key=lambda r: (r.track != STATE, r.start))
    lines = [
        "# Tiêu chuẩn khen thưởng",
        "",
        "Trang này được tạo từ các bộ quy tắc trong `templates/rulesets/` bằng lệnh",
        "`thidua rules --markdown`; không sửa tay (kiểm thử so sánh trang này với dữ liệu).",
        "",
        "Hai khối không trộn lẫn: **khen thưởng của Nhà nước** (Luật Thi đua, khen thưởng; thủ "
        "trưởng cơ quan hoặc Chủ tịch Ủy ban nhân dân tỉnh quyết định; Công đoàn cơ sở đề nghị "
        "qua Hội đồng Thi đua – Khen thưởng của cơ quan) và **khen thưởng của Công đoàn** (Quy "
        "chế khen thưởng của tổ chức Công đoàn; Công đoàn cấp trên quyết định). Bộ quy tắc được "
        "chọn theo **ngày xét khen thưởng** ghi trên trang Cấu hình, không theo thời gian của "
        "đợt thi đua. Kết quả xếp loại chất lượng năm (HTXSNV, HTTNV, HTNV, KHTNV) là dữ liệu "
        "cơ quan nhập trên trang Xếp loại năm, không suy ra từ điểm thi đua.",
        "",
        "Mức xác minh của căn cứ:",
        "",
    ]
    lines += [f"- *{label}*" for label in STATUSES.values()]
    lines.append("")
    for track in (STATE, UNION):
        lines += [f"## Khen thưởng của {track}", ""]
        for rs in (r for r in sets if r.track == track):
            lines += ruleset_lines(rs)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def regime_lines(regime: Regime) -> list[str]:
    """The regime of one review day, for the terminal."""
    lines = [regime.reason]
    if regime.warning:
        lines.append(f"Lưu ý: {regime.warning}")
    for rs in regime.sets:
        lines += ["", f"KHEN THƯỞNG CỦA {rs.track.upper()} — bộ {rs.code}: {rs.name}"]
        for a in rs.awards:
            lines.append(
                f"  {a.name}: {ROLES[a.decider]} quyết định; đề nghị đến "
                f"{ROLES[a.destination]}; căn cứ {a.basis.marked}"
            )
            for c in a.criteria:
                prefix = "Hội đồng xem xét: " if c.manual else ""
                lines.append(
                    f"    - {prefix}{c.statement} ({c.citation.marked})"
                    if c.citation
                    else f"    - {prefix}{c.statement}"
                )
            if a.quota:
                lines.append(f"    - {a.quota.statement} ({a.quota.citation.marked})")
    return lines
