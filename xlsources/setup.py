"""`thidua excel setup`: tell the workbook's VBA (xlwings' RunPython) which Python to run.

xlwings looks for settings in a hidden ``xlwings.conf`` sheet, then an ``xlwings.conf`` file next
to the workbook, then the user's ``~/.xlwings/xlwings.conf``. The interpreter is a property of
the machine, not of the workbook that travels by e-mail, so we write the file next to the master
(or the user's file when no master is given), keeping any other settings already there.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

import xlwings

CONF_NAME = "xlwings.conf"


@dataclass
class SetupResult:
    conf_path: Path
    settings: dict[str, str]
    steps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"conf_path": str(self.conf_path), "settings": self.settings, "steps": self.steps}


def read_conf(path: Path) -> dict[str, str]:
    """xlwings.conf lines are `"KEY","VALUE"` (VBA's Input # format)."""
    if not path.exists():
        return {}
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return {r[0]: r[1] for r in rows if len(r) >= 2}


def write_conf(path: Path, settings: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f'"{k}","{v}"' for k, v in settings.items()]
    # VBA reads the file with the ANSI code page; plain ASCII paths are the safe case.
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def interpreter_settings(
    platform: str = sys.platform, executable: str = sys.executable
) -> dict[str, str]:
    if platform.startswith("win"):
        return {"INTERPRETER_WIN": executable}
    if platform == "darwin":
        return {"INTERPRETER_MAC": executable}
    return {"INTERPRETER_WIN": executable, "INTERPRETER_MAC": executable}


def source_root() -> Path | None:
    """The folder to add to PYTHONPATH when thidua runs from a checkout, not an install."""
    spec = importlib.util.find_spec("xlsources")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).resolve().parent.parent
    return None if "site-packages" in root.parts else root


def configure(master: Path | None = None, home: Path | None = None) -> SetupResult:
    conf = (
        (master.resolve().parent / CONF_NAME)
        if master
        else (home or Path.home()) / ".xlwings" / CONF_NAME
    )
    settings = read_conf(conf)
    settings.update(interpreter_settings())
    root = source_root()
    if root:
        settings["PYTHONPATH"] = str(root)
    write_conf(conf, settings)
    steps = [
        "Mở sổ thi đua (.xlsm) trong Excel; nếu Excel báo chặn macro, bấm chuột phải vào tệp → "
        "Properties → đánh dấu Unblock (Bỏ chặn) → OK, rồi mở lại.",
        "Hoặc đặt thư mục chứa sổ vào Trusted Locations: File → Options → Trust Center → "
        "Trust Center Settings → Trusted Locations → Add new location.",
        "Bấm Enable Content (Bật nội dung) khi Excel hỏi, rồi dùng thẻ Thi đua trên thanh ribbon.",
    ]
    if sys.platform == "darwin":
        steps.append(
            "Trên máy Mac, chạy một lần trong Terminal: xlwings runpython install "
            f"(cài tệp AppleScript của xlwings {xlwings.__version__})."
        )
    steps.append("Gặp trục trặc: bấm nút Chẩn đoán trên thẻ Thi đua, hoặc chạy thidua doctor.")
    return SetupResult(conf_path=conf, settings=settings, steps=steps)
