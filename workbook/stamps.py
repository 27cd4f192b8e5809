"""The hidden stamp (sheet ``_thidua``) of a workbook thidua made: what it is, whose it is.

``stamp_values`` writes it (master and group workbooks); ``version_refusal`` and
``campaign_refusal`` are the one place that decides whether a returned group workbook belongs to
a master — a template this version reads, the same campaign, the same union (CĐCS) — for
``consolidate`` and ``validate`` alike, so the two never disagree about a file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import schema
from .findings import ERROR, Finding, define
from .headers import header_key

KIND, VERSION, PLAN, UNION, GROUP = "loai_so", "phien_ban_mau", "ke_hoach", "cong_doan", "ma_to"
CHECKED_COPY_OF = "ban_kiem_tra_cua"  # in a checked copy: the hash of the file it copies
KIND_NAMES = {"master": "sổ chính", "group": "sổ tổ"}


def stamp_values(kind: str, plan: str, union: str, **more: str) -> dict[str, str]:
    from . import __version__

    return {
        KIND: kind,
        VERSION: schema.TEMPLATE_VERSION,
        PLAN: plan,
        UNION: union,
        "ngay_tao": dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
        "cong_cu": f"thidua {__version__}",
        **more,
    }


def template_major(version: str) -> str:
    return str(version or "").split(".")[0]


def _same(a: Any, b: Any) -> bool:
    """Words compare without case, marks or spacing."""
    return header_key(a) == header_key(b)


def master_identity(
    master_stamp: dict[str, str], master_config: dict[str, Any]
) -> tuple[set[str], str]:
    """(plan numbers the master answers to, its union's name): the plan number on Cấu hình
    (officers may correct it) and the one it was created with."""
    plans = {str(v) for v in (master_config.get("so_ke_hoach"), master_stamp.get(PLAN)) if v}
    return plans, str(master_config.get("ten_cong_doan") or master_stamp.get(UNION) or "")


WRONG_TEMPLATE_VERSION = define(
    "wrong-template-version",
    ERROR,
    "Sổ làm theo mẫu phiên bản {version}, sổ chính dùng mẫu {current}. Hãy chép dữ liệu sang sổ "
    "tổ mới do Ban Chấp hành phát hành rồi gửi lại.",
)
OTHER_CAMPAIGN = define(
    "other-campaign",
    ERROR,
    "Sổ tổ này thuộc kế hoạch thi đua {plan}, còn sổ chính là kế hoạch {plans}: có thể gửi nhầm "
    "sổ của đợt thi đua khác. Không gộp; hãy dùng sổ tổ do Ban Chấp hành phát hành cho kế "
    "hoạch này.",
)
OTHER_UNION = define(
    "other-union",
    ERROR,
    "Sổ tổ này của {union}, còn sổ chính của {master_union}: có thể gửi nhầm sổ của công đoàn "
    "cơ sở khác. Không gộp; hãy kiểm tra lại người gửi.",
)


def version_refusal(stamp: dict[str, str], file: str = "") -> Finding | None:
    """An error when the template is one this version cannot read."""
    version = stamp.get(VERSION, "")
    if template_major(version) == template_major(schema.TEMPLATE_VERSION):
        return None
    return WRONG_TEMPLATE_VERSION.at(
        file=file,
        sheet=schema.STAMP.name,
        sheet_key=schema.STAMP.key,
        value=version,
        version=version or "(không rõ)",
        current=schema.TEMPLATE_VERSION,
    )


def campaign_refusal(
    stamp: dict[str, str], plans: set[str], union: str, file: str = ""
) -> Finding | None:
    """An error when a group workbook was issued for another campaign or by another union.
    Old group workbooks without the union in their stamp are judged on the plan alone."""
    plan = stamp.get(PLAN, "")
    if plan and plans and not any(_same(plan, p) for p in plans):
        return OTHER_CAMPAIGN.at(
            file=file,
            sheet=schema.STAMP.name,
            sheet_key=schema.STAMP.key,
            value=plan,
            plan=plan,
            plans=", ".join(sorted(plans)),
        )
    other = stamp.get(UNION, "")
    if other and union and not _same(other, union):
        return OTHER_UNION.at(
            file=file,
            sheet=schema.STAMP.name,
            sheet_key=schema.STAMP.key,
            value=other,
            union=other,
            master_union=union,
        )
    return None
