"""`thidua doctor` and the "Chẩn đoán" button: what is installed, and is the master sound.

Each check says what it found and, when something is wrong, how to fix it, in Vietnamese.
"""

from __future__ import annotations

import importlib.metadata as md
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from workbook.ooxml import CONTENT_TYPES_PART, PACKAGE_RELS_PART

from .setup import CONF_NAME, read_conf
from .xlsm import customui_xml, own_bas_sources, ribbon_actions, runpython_targets

PACKAGES = ("thidua", "xlwings", "openpyxl", "pandas", "click", "python-calamine", "XlsxWriter")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


@dataclass
class DoctorReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "checks": [c.__dict__ for c in self.checks]}


def check_python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check(
        "Python",
        ok,
        f"{sys.version.split()[0]} tại {sys.executable}",
        "" if ok else "Cài Python 3.11 trở lên rồi cài lại thidua.",
    )


def check_packages() -> list[Check]:
    out = []
    for name in PACKAGES:
        try:
            out.append(Check(f"Gói {name}", True, md.version(name)))
        except md.PackageNotFoundError:
            fix = "pip install thidua" if name == "thidua" else f"pip install {name}"
            out.append(Check(f"Gói {name}", False, "chưa cài", f"Chạy: {fix}"))
    return out


def check_macro_module(macros: ModuleType | Exception) -> Check:
    """Every ribbon button's RunPython target exists in xlsources.macros: the module, or why it
    could not be imported. The caller imports it (the CLI) or passes itself (the button), so this
    module never imports macros, which imports it."""
    if isinstance(macros, Exception):
        err = macros
        return Check(
            "Mô-đun macro",
            False,
            f"không nạp được xlsources.macros: {err}",
            "Cài lại thidua (pip install --force-reinstall thidua).",
        )
    targets = [t for text in own_bas_sources().values() for t in runpython_targets(text)]
    missing = [f for _, f in targets if not callable(getattr(macros, f, None))]
    if missing:
        return Check(
            "Mô-đun macro",
            False,
            f"thiếu hàm: {', '.join(missing)}",
            "Phiên bản thidua không khớp với sổ; chạy thidua excel build SỔ.",
        )
    return Check(
        "Mô-đun macro", True, f"{len(targets)} nút trên thẻ Thi đua đều có hàm Python tương ứng"
    )


def check_master_file(path: Path) -> list[Check]:
    if not path.exists():
        return [Check("Sổ thi đua", False, f"không thấy tệp {path}", "Kiểm tra lại đường dẫn.")]
    if not zipfile.is_zipfile(path):
        return [
            Check(
                "Sổ thi đua",
                False,
                f"{path.name} không phải tệp .xlsm",
                "Tạo lại sổ bằng: thidua init So-thi-dua.xlsm",
            )
        ]
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        rels = (
            zf.read(PACKAGE_RELS_PART).decode("utf-8", "replace")
            if PACKAGE_RELS_PART in names
            else ""
        )
        types = zf.read(CONTENT_TYPES_PART).decode("utf-8", "replace")
        ui = zf.read("customUI/customUI14.xml") if "customUI/customUI14.xml" in names else b""
    fix_build = f'Chạy: thidua excel build "{path.name}" (giữ nguyên dữ liệu).'
    checks = [
        Check(
            "Sổ có macro",
            "xl/vbaProject.bin" in names and "macroEnabled" in types,
            "có dự án VBA" if "xl/vbaProject.bin" in names else "không có dự án VBA",
            "" if "xl/vbaProject.bin" in names else fix_build,
        ),
        Check(
            "Thẻ Thi đua (ribbon)",
            bool(ui) and "ui/extensibility" in rels,
            "có" if ui and "ui/extensibility" in rels else "thiếu phần customUI",
            "" if ui and "ui/extensibility" in rels else fix_build,
        ),
    ]
    if ui:
        same = ribbon_actions(ui) == ribbon_actions(customui_xml())
        checks.append(
            Check(
                "Phiên bản ribbon",
                same,
                "khớp phiên bản thidua đang cài" if same else "cũ hơn bản đang cài",
                "" if same else fix_build,
            )
        )
    conf = path.resolve().parent / CONF_NAME
    user_conf = Path.home() / ".xlwings" / CONF_NAME
    settings = {**read_conf(user_conf), **read_conf(conf)}
    key = "INTERPRETER_MAC" if sys.platform == "darwin" else "INTERPRETER_WIN"
    interpreter = settings.get(key, "")
    ok = bool(interpreter) and Path(interpreter).exists()
    checks.append(
        Check(
            "Cấu hình xlwings",
            ok,
            f"{key} = {interpreter}" if interpreter else "chưa có " + key,
            "" if ok else f'Chạy: thidua excel setup "{path.name}"',
        )
    )
    return checks


def diagnose(macros: ModuleType | Exception, master: Path | None = None) -> DoctorReport:
    report = DoctorReport([check_python(), *check_packages(), check_macro_module(macros)])
    if master is not None:
        report.checks.extend(check_master_file(Path(master)))
    return report
