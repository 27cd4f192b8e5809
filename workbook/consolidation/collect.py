"""Which files a batch consists of: folders expanded, owner files and duplicates set aside.

Nothing here opens a workbook; it only decides, for every path the officer named, whether it is a
candidate group workbook or a file set aside with a reason (an Excel owner file ``~$…``, a file of
another kind named explicitly, a byte-for-byte copy of another file in the batch, the master).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..safe_io import HASH_CHARS, file_hash

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# Files left out on purpose, not because something is wrong with them: they do not make the run
# fail (a checked copy written by `thidua validate` next to the workbook it copies).
SKIPPED_CODES = frozenset({"checked-copy"})


@dataclass(frozen=True)
class Candidate:
    path: Path
    sha256: str

    @property
    def short_hash(self) -> str:
        return self.sha256[:HASH_CHARS]


@dataclass(frozen=True)
class SetAside:
    path: Path
    code: str  # stable slug: owner-file, not-a-workbook, duplicate-file, is-master, ...
    reason: str  # Vietnamese, says what to do
    sha256: str = ""
    group: str = ""
    rows: int = 0  # rows read from it and not merged (0 when it could not be read)

    @property
    def blocking(self) -> bool:
        """Whether the officer must act on it (everything but a file skipped on purpose)."""
        return self.code not in SKIPPED_CODES

    def to_dict(self) -> dict:
        return {
            "file": self.path.name,
            "path": str(self.path),
            "code": self.code,
            "reason": self.reason,
            "hash": self.sha256[:HASH_CHARS],
            "group": self.group,
            "rows": self.rows,
            "blocking": self.blocking,
        }


def is_owner_file(path: Path) -> bool:
    return path.name.startswith("~$")


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[SetAside]]:
    """Files named, and workbook files found under folders named, in a stable order."""
    files: list[Path] = []
    aside: list[SetAside] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
            )
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() in WORKBOOK_SUFFIXES or is_owner_file(path):
                files.append(path)
            else:
                aside.append(
                    SetAside(
                        path, "not-a-workbook", "Không phải tệp sổ tính (.xlsx, .xlsm, .xls, .ods)."
                    )
                )
        else:
            aside.append(SetAside(path, "not-found", "Không tìm thấy tệp hoặc thư mục này."))
    return files, aside


def collect(
    paths: Iterable[str | Path], master: Path | None = None
) -> tuple[list[Candidate], list[SetAside]]:
    """Candidates to read (each once, by content) and the files set aside with their reason."""
    files, aside = expand(paths)
    master_id = _identity(master) if master and master.exists() else None
    seen: dict[str, Path] = {}
    seen_paths: set = set()
    candidates: list[Candidate] = []
    for path in files:
        ident = _identity(path)
        if ident in seen_paths:
            continue  # the same file named twice (a folder and a file in it)
        seen_paths.add(ident)
        if is_owner_file(path):
            aside.append(
                SetAside(path, "owner-file", "Tệp khóa tạm của Excel (~$…), không phải sổ; bỏ qua.")
            )
            continue
        if master_id is not None and ident == master_id:
            aside.append(
                SetAside(path, "is-master", "Đây chính là sổ chính; không gộp vào chính nó.")
            )
            continue
        digest = file_hash(path)
        if digest in seen:
            aside.append(
                SetAside(
                    path,
                    "duplicate-file",
                    f"Trùng nội dung với tệp {seen[digest].name} (cùng mã băm); chỉ gộp một lần.",
                    sha256=digest,
                )
            )
            continue
        seen[digest] = path
        candidates.append(Candidate(path, digest))
    return candidates, aside


def _identity(path: Path):
    try:
        stat = path.stat()
        return (stat.st_dev, stat.st_ino)
    except OSError:
        return path.resolve()
