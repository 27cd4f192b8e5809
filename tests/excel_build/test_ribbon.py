"""Ribbon XML and VBA callbacks: schema subset, callbacks exist, RunPython targets."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

import pytest
from lxml import etree

from xlsources.xlsm import customui_xml, own_bas_sources, ribbon_actions, runpython_targets

from .customui_check import NS, check_customui

EXPECTED_MACROS = {
    "validate",
    "score",
    "shortlist",
    "report",
    "import_members",
    "make_groups",
    "consolidate",
    "doctor",
}
EXPECTED_ACTIONS = {
    "ThiDua_Validate",
    "ThiDua_Score",
    "ThiDua_Shortlist",
    "ThiDua_Report",
    "ThiDua_ImportMembers",
    "ThiDua_MakeGroups",
    "ThiDua_Consolidate",
    "ThiDua_Doctor",
}
CALLBACK_SUB = re.compile(
    r"^[ \t]*(?:Public[ \t]+)?Sub[ \t]+(\w+)[ \t]*\([ \t]*(?:ByRef[ \t]+|ByVal[ \t]+)?"
    r"control[ \t]+As[ \t]+(?:Office\.)?IRibbonControl[ \t]*\)",
    re.I | re.M,
)


def test_customui_passes_structural_schema_check():
    assert check_customui(customui_xml()) == []


def test_customui_header_and_tab():
    raw = customui_xml()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"')
    root = etree.fromstring(raw)
    assert root.tag == f"{{{NS}}}customUI"
    tabs = root.findall(f".//{{{NS}}}tab")
    assert [(t.get("id"), t.get("label")) for t in tabs] == [("tabThiDua", "Thi đua")]
    groups = [g.get("label") for g in root.iter(f"{{{NS}}}group")]
    assert groups == ["Dữ liệu", "Kết quả", "Hỗ trợ"]


def test_buttons_are_large_with_icon_label_and_tips():
    root = etree.fromstring(customui_xml())
    buttons = list(root.iter(f"{{{NS}}}button"))
    assert len(buttons) == 8
    for b in buttons:
        assert b.get("size") == "large"
        for attr in ("imageMso", "label", "screentip", "supertip", "onAction"):
            assert b.get(attr), (b.get("id"), attr)
    labels = {b.get("onAction"): b.get("label") for b in buttons}
    assert labels == {
        "ThiDua_Validate": "Kiểm tra dữ liệu",
        "ThiDua_ImportMembers": "Nhập đoàn viên",
        "ThiDua_MakeGroups": "Tạo sổ tổ",
        "ThiDua_Consolidate": "Gộp sổ tổ",
        "ThiDua_Score": "Tính điểm",
        "ThiDua_Shortlist": "Lập danh sách khen thưởng",
        "ThiDua_Report": "Báo cáo cấp trên",
        "ThiDua_Doctor": "Chẩn đoán",
    }


def test_vietnamese_text_is_nfc():
    text = customui_xml().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "đ" in text  # really Vietnamese, not stripped of diacritics


def test_every_action_has_a_public_ribbon_callback():
    actions = ribbon_actions(customui_xml())
    assert set(actions) == EXPECTED_ACTIONS and len(actions) == len(set(actions))
    subs = set()
    for text in own_bas_sources().values():
        subs |= set(CALLBACK_SUB.findall(text))
        assert not re.search(r"^[ \t]*Private[ \t]+Sub[ \t]+ThiDua_", text, re.M | re.I)
    assert set(actions) <= subs


def test_runpython_targets_are_the_macro_entry_points():
    text = own_bas_sources()["ThiDua.bas"]
    targets = runpython_targets(text)
    assert {m for m, _ in targets} == {"xlsources.macros"}
    assert sorted(f for _, f in targets) == sorted(EXPECTED_MACROS)
    assert "RunPython command" in text  # the single place that calls xlwings


def test_own_vba_is_ascii_and_declares_itself():
    for name, text in own_bas_sources().items():
        assert text.isascii(), name
        assert text.startswith(f'Attribute VB_Name = "{name[:-4]}"')
        assert re.search(r"^Option Explicit$", text, re.M)


def test_bas_files_ship_as_package_data():
    names = [p.name for p in resources.files("xlsources").joinpath("vba").iterdir()]
    assert "ThiDua.bas" in names


# --------------------------------------------------------------------------- the checkers can fail
BAD_DOCS = {
    "wrong namespace": b'<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>',
    "button outside group": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x">'
    f'<button id="b" label="b" onAction="A"/></tab></tabs></ribbon></customUI>'.encode(),
    "bad size": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x"><group id="g" label="g">'
    f'<button id="b" label="b" onAction="A" size="huge"/></group></tab></tabs></ribbon>'
    f"</customUI>".encode(),
    "duplicate id": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x"><group id="t" label="g"/>'
    f"</tab></tabs></ribbon></customUI>".encode(),
    "bad id": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="1t" label="x"/></tabs></ribbon>'
    f"</customUI>".encode(),
    "unknown attribute": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x" colour="red"/>'
    f"</tabs></ribbon></customUI>".encode(),
    "no onAction": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x"><group id="g" label="g">'
    f'<button id="b" label="b"/></group></tab></tabs></ribbon></customUI>'.encode(),
    "two images": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x"><group id="g" label="g">'
    f'<button id="b" label="b" onAction="A" imageMso="Help" image="x"/></group></tab></tabs>'
    f"</ribbon></customUI>".encode(),
    "empty label": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label=""/></tabs></ribbon>'
    f"</customUI>".encode(),
    "long keytip": f'<customUI xmlns="{NS}"><ribbon><tabs><tab id="t" label="x" keytip="ABCD"/></tabs>'
    f"</ribbon></customUI>".encode(),
    "not xml": b"<customUI",
}


@pytest.mark.parametrize("case", sorted(BAD_DOCS))
def test_checker_rejects(case):
    assert check_customui(BAD_DOCS[case]) != []


@pytest.mark.parametrize(
    "command",
    [
        'RunPython "import xlsources.macros; xlsources.macros.validate()"',
        'RunPython "import xlsources.macros as m; n.validate()"',
        'RunPython "import os as m; m.system(""x"")" & "more"\r\nx = "import oops"',
    ],
)
def test_runpython_targets_rejects_unexpected_commands(command):
    with pytest.raises(ValueError):
        runpython_targets(command)


def test_runpython_targets_ignores_comments_and_other_strings():
    text = (
        '\' RunPython "import evil as e; e.x()"\r\n'
        'MsgBox "importance"\r\n'
        'RunPython "import a.b as m; m.f(" & PyStr(x) & ")"  \' "import no"\r\n'
    )
    assert runpython_targets(text) == [("a.b", "f")]
