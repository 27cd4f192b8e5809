"""Structural checker for our customUI14 ribbon (a strict subset of the customUI14 XSD).

The official customui14.xsd is "Copyright (c) Microsoft Corporation. All rights reserved."
with no licence to redistribute, so it is not vendored; this checker enforces the
constraints of that schema that matter for the subset we use:
customUI > ribbon > tabs > tab > group > button, the attributes each element allows,
ids unique xsd:ID / NCName of 1..1024 characters, one identity attribute per control,
size in {normal, large}, keytips of 1..3 characters, string attributes 1..1024 characters,
mutually exclusive image attributes, no text content. On top of the schema we require
(project policy) a label on every tab/group/button and an onAction on every custom button.
"""

from __future__ import annotations

import re

from lxml import etree

from workbook.ooxml import CUSTOMUI14_NS as NS

_ID = {"id", "idQ", "idMso", "tag"}
_LABEL = {"label", "getLabel"}
_POSITION = {"insertAfterMso", "insertBeforeMso", "insertAfterQ", "insertBeforeQ"}
_VISIBLE = {"visible", "getVisible"}
_KEYTIP = {"keytip", "getKeytip"}
_IMAGE = {"image", "imageMso", "getImage"}
_TIPS = {"screentip", "getScreentip", "supertip", "getSupertip"}

ALLOWED = {
    "customUI": ({"onLoad", "loadImage"}, {"ribbon"}),
    "ribbon": ({"startFromScratch"}, {"tabs"}),
    "tabs": (set(), {"tab"}),
    "tab": (_ID | _LABEL | _POSITION | _VISIBLE | _KEYTIP, {"group"}),
    "group": (
        _ID
        | _LABEL
        | _POSITION
        | _VISIBLE
        | _KEYTIP
        | _IMAGE
        | _TIPS
        | {"autoScale", "centerVertically"},
        {"button"},
    ),
    "button": (
        _ID
        | _LABEL
        | _POSITION
        | _VISIBLE
        | _KEYTIP
        | _IMAGE
        | _TIPS
        | {
            "enabled",
            "getEnabled",
            "showLabel",
            "getShowLabel",
            "showImage",
            "getShowImage",
            "size",
            "getSize",
            "onAction",
        },
        set(),
    ),
}
BOOLEANS = {
    "startFromScratch",
    "visible",
    "enabled",
    "showLabel",
    "showImage",
    "autoScale",
    "centerVertically",
}
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def check_customui(xml: bytes) -> list[str]:
    """Return a list of problems (empty when the document is valid)."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed: {exc}"]
    problems: list[str] = []
    ids: set[str] = set()

    def walk(el: etree._Element, expected: set[str]) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            return
        qname = etree.QName(el)
        where = f"<{qname.localname}> line {el.sourceline}"
        if qname.namespace != NS:
            problems.append(f"{where}: namespace {qname.namespace!r}, expected {NS!r}")
            return
        if qname.localname not in expected:
            problems.append(f"{where}: not allowed here (expected one of {sorted(expected)})")
            return
        attrs, children = ALLOWED[qname.localname]
        for name, value in el.attrib.items():
            if name not in attrs:
                problems.append(f"{where}: attribute {name!r} not allowed")
            elif not 1 <= len(value) <= 1024:
                problems.append(f"{where}: {name} must have 1..1024 characters")
            if name in BOOLEANS and value not in ("true", "false", "1", "0"):
                problems.append(f"{where}: {name}={value!r} is not a boolean")
        if el.text and el.text.strip():
            problems.append(f"{where}: text content not allowed")
        if qname.localname in ("tab", "group", "button"):
            identity = [a for a in ("id", "idQ", "idMso") if a in el.attrib]
            if len(identity) != 1:
                problems.append(f"{where}: needs exactly one of id/idQ/idMso, has {identity}")
            custom = "id" in el.attrib
            if custom and "label" not in el.attrib:
                problems.append(f"{where}: custom control without a label")
            if qname.localname == "button" and custom and "onAction" not in el.attrib:
                problems.append(f"{where}: custom button without onAction")
        if "id" in el.attrib:
            ident = el.get("id")
            if not NCNAME.match(ident) or not 1 <= len(ident) <= 1024:
                problems.append(f"{where}: id {ident!r} is not an NCName of 1..1024 characters")
            if ident in ids:
                problems.append(f"{where}: duplicate id {ident!r}")
            ids.add(ident)
        for name in ("idMso", "imageMso"):
            if name in el.attrib and not NCNAME.match(el.get(name)):
                problems.append(f"{where}: {name} {el.get(name)!r} is not an NCName")
        if len(_IMAGE & set(el.attrib)) > 1:
            problems.append(f"{where}: image, imageMso and getImage are mutually exclusive")
        if "size" in el.attrib and el.get("size") not in ("normal", "large"):
            problems.append(f"{where}: size must be normal or large")
        if "keytip" in el.attrib and not re.fullmatch(r"\S{1,3}", el.get("keytip")):
            problems.append(f"{where}: keytip must be 1..3 non-blank characters")
        for child in el:
            walk(child, children)

    walk(root, {"customUI"})
    return problems
