"""Files a re-run need not read again: the same content the master's rows of the group came from.

After a merge the ledger (``Nhật ký``) records, per merged file, its name, its hash and a *data
mark*: a digest of the group's rows in the master as that run left them (data and provenance
columns), of the master's campaign identity and template version, and — when the rows were
checked — of the set-up they were checked against. A later run skips a file when the latest
ledger line for that name and hash carries a mark that the master's current rows of the group
reproduce: then reading the file again could only find every row unchanged. Any edit of the
group's rows in the master (a value, a deleted or added row, provenance), a changed set-up (when
checking), another campaign identity or template version changes the mark, and the file is read.

A mark is written only for a file merged whole: no row held back, no text cut for length; a file
with either is read on every run until it is fixed, so what was not merged is reported every
time. The findings of a file not read again are not repeated one by one: the mark carries how
many errors and warnings its rows had, the result says so for the file (and an error still makes
the run's exit code 1), and the master's own check (``thidua validate``) lists them with their
cells. A mark made without checking (``--no-check``) never lets a checked run skip the file; a
checked mark serves a run without checking whatever the set-up (that run reports no checked
counts, as reading the file without checking would not).

A file set to skip is read after all when another file of the batch claims its group or a key of
its rows: the decision is then the one a full read makes. A checked copy skipped beside a file is
recorded too (``c-<hash>``) and skipped again, unread, beside that same file. A run that changes
no row but made marks the ledger lacks (the set-up changed; a checked run after one without)
writes the ledger alone, so that the next run need not read those files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from itertools import repeat
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .. import schema
from ..findings import ERROR, WARNING
from ..reading import ROW, WorkbookData
from ..row_columns import row_columns
from ..tables import records
from .collect import HASH_CHARS, Candidate
from .merge import PROVENANCE_KEYS, MergePlan
from .read_group import DATA_KEYS, GroupRead, row_key
from .sheet_rows import column

if TYPE_CHECKING:
    from .master_rows import MasterRows

CHECKED, UNCHECKED = "k", "n"  # how the rows behind a mark were merged: checked or not
COPY = "c"  # "c-<hash>": a checked copy, skipped beside the file with that (short) hash
SETUP_CHARS = 8
LEDGER_KEY = "nhat_ky"
# What the master read must hold for the decision: every table but the outputs, and the ledger.
MASTER_KEYS = tuple(s.key for s in schema.MASTER_ORDER if s.role != "output") + (LEDGER_KEY,)
UNCHANGED_STATUS = "không đọc lại"
UNCHANGED_REASON = (
    "Tệp không đổi từ lần gộp trước (cùng tên, cùng mã băm) và các dòng của tổ "
    "trong sổ chính vẫn như lúc gộp: không đọc, không kiểm tra lại; các dòng "
    "giữ nguyên."
)


@dataclass(frozen=True)
class Unchanged:
    candidate: Candidate
    group: str
    rows: int  # the group's rows in the master, all unchanged
    mark: str
    errors: int = 0  # findings the file's rows had when merged
    warnings: int = 0
    copy_of: Path | None = None  # a checked copy (``thidua validate``) of this skipped file


def _norm(value: Any) -> str:
    """One spelling per value as the merge compares them: blank is blank, 3 is 3.0."""
    if type(value) is str:  # most cells: the fast way first
        return "s:" + value if value else ""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return f"b:{value}"
    if isinstance(value, (int, float)):
        return f"n:{int(value) if float(value).is_integer() else repr(float(value))}"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, (dt.date, dt.datetime)):
        return f"d:{value.isoformat()}"
    return f"s:{value}"


def _sheet_keys(sheet: schema.Sheet) -> tuple[str, ...]:
    return tuple(sheet.keys) + PROVENANCE_KEYS


@dataclass(frozen=True)
class Context:
    """What a group's merge depended on besides its file."""

    base: str  # template version and the master's campaign identity
    setup: str  # the set-up the rows are checked against (members, phases, lists)


def context_base(identity: tuple[set[str], str]) -> str:
    plans, union = identity
    return f"{schema.TEMPLATE_VERSION}\x1f{sorted(plans)}\x1f{union}\x1e"


def context(data: WorkbookData, identity: tuple[set[str], str]) -> Context:
    base = context_base(identity)
    digest = hashlib.sha256()
    for sheet in schema.MASTER_ORDER:
        if sheet.role in ("setup", "lists") and sheet.key in data.tables:
            # repr is enough here: the same master read the same way gives the same text
            frame = data.tables[sheet.key]
            keys = [c.key for c in sheet.columns if c.key in frame.columns]
            digest.update(repr((sheet.key, keys, frame[keys].values.tolist())).encode())
    return Context(base, digest.hexdigest()[:SETUP_CHARS])


def group_lines(
    rows_by_sheet: Mapping[str, Sequence[dict[str, Any]]], groups: set[str]
) -> dict[str, list[str]]:
    """Each group's rows (owner ``Tổ nguồn``), sheet by sheet, in the master's order."""
    out: dict[str, list[str]] = {g: [] for g in groups}
    for sheet in schema.DATA_SHEETS:
        for g in groups:
            out[g].append(f"\x1d{sheet.key}\x1e")
        every = rows_by_sheet.get(sheet.key, ())
        owners = column(every, "to_nguon")
        rows = [every[i] for i, owner in enumerate(owners) if (owner or "") in out]
        for row, line in zip(rows, _lines(_sheet_keys(sheet), rows)):
            out[row.get("to_nguon") or ""].append(line)
    return out


def _lines(keys: tuple[str, ...], rows: list[dict[str, Any]]) -> list[str]:
    """One line per row, its cells spelled by ``_norm``; a column at a time (a first run marks
    every row of the batch: a million cells), each value other than text spelled once."""
    if not rows or not keys:
        return []
    columns = [_spelled(cells) for cells in row_columns(rows, keys)]
    columns[-1] = list(map(add, columns[-1], repeat("\x1e")))  # each line ends with \x1e
    return list(map("\x1f".join, zip(*columns)))


def _spelled(cells: list[Any]) -> list[str]:
    types = set(map(type, cells))
    if types == {str} and "" not in cells:  # text only (names, titles): in C
        return list(map("s:".__add__, cells))
    if types <= {str, type(None)}:  # text and blanks: inline
        return ["s:" + v if v else "" for v in cells]
    # Each distinct value spelled once. Values equal across types spell alike (3 and 3.0 are
    # "n:3", a date is no datetime's equal) but for True == 1 == 1.0: with a bool among
    # numbers, the type is part of the key.
    if bool in types and types & {int, float}:
        keys: list[Any] = list(zip(map(type, cells), cells))
        values = {key: key[1] for key in dict.fromkeys(keys)}
    else:
        keys, values = cells, {v: v for v in dict.fromkeys(cells)}
    spelled = {
        k: ("s:" + v if v else "") if v.__class__ is str else _norm(v) for k, v in values.items()
    }
    return list(map(spelled.__getitem__, keys))


def mark(mode: str, ctx: Context, lines: list[str], errors: int = 0, warnings: int = 0) -> str:
    """``k-<rows>-<set-up>-<errors>-<warnings>``: how the rows were merged (checked or not),
    a digest of the group's rows with the template and campaign identity, the set-up they were
    checked against (zeros when not checked) and what was found in them."""
    setup = ctx.setup if mode == CHECKED else "0" * SETUP_CHARS
    return f"{mode}-{rows_digest(ctx, lines)}-{setup}-{errors}-{warnings}"


def rows_digest(ctx: Context, lines: list[str]) -> str:
    """A mark's digest of a group's rows (``group_lines``) in the merge's context."""
    digest = hashlib.sha256(ctx.base.encode())
    digest.update("".join(lines).encode())  # the lines one after another, hashed at once
    return digest.hexdigest()[:HASH_CHARS]


def mark_digest(recorded: str) -> str | None:
    """The rows digest a mark carries (None: not a data mark)."""
    parts = _parts(recorded)
    return None if parts is None else parts[1]


def _parts(recorded: str) -> tuple[str, str, str, int, int] | None:
    parts = recorded.split("-")
    if (
        len(parts) != 5
        or parts[0] not in (CHECKED, UNCHECKED)
        or not (parts[3].isdigit() and parts[4].isdigit())
    ):
        return None
    return parts[0], parts[1], parts[2], int(parts[3]), int(parts[4])


def has_marks(data: WorkbookData) -> bool:
    """Whether the master's ledger has the data mark column (found on the sheet)."""
    return "dau_du_lieu" in data.columns.get(LEDGER_KEY, {})


def ledger_marks(data: WorkbookData) -> dict[tuple[str, str], str]:
    """(file name, short hash) -> the mark on the latest ledger line for them ('' if none)."""
    frame = data.tables.get(LEDGER_KEY)
    if frame is None or not has_marks(data):
        return {}
    out: dict[tuple[str, str], str] = {}
    for row in records(frame):
        name, digest = row.get("tep"), row.get("bam")
        if name and digest:
            out[(str(name), str(digest))] = str(row.get("dau_du_lieu") or "")
    return out


def ledger_behind(data: WorkbookData, files: list[tuple[str, str]], marks: dict[str, str]) -> bool:
    """Whether a mark this run made is not the ledger's latest for its file: the run then
    records it even with no row to change (the set-up changed, a checked run after one without
    checking), so that the next run need not read the file. A second run records nothing."""
    if not has_marks(data):
        return False  # an older master: its ledger has nowhere to keep a mark
    recorded = ledger_marks(data)
    return any(
        marks.get(digest) and recorded.get((name, digest[:HASH_CHARS])) != marks[digest]
        for name, digest in files
    )


def find_unchanged(
    data: WorkbookData,
    candidates: list[Candidate],
    known: set[str],
    ctx: Context,
    check: bool,
    master: MasterRows,
) -> dict[Path, Unchanged]:
    """Candidates whose latest ledger mark the master's rows of their group still reproduce."""
    marks = ledger_marks(data)
    wanted: dict[Path, tuple[Candidate, str]] = {}
    for c in candidates:
        recorded = marks.get((c.path.name, c.short_hash), "")
        if recorded[:2] == f"{CHECKED}-" or (not check and recorded[:2] == f"{UNCHECKED}-"):
            wanted[c.path] = (c, recorded)
    if not wanted:
        return {}
    # Which group a file holds is known without opening it: the group whose master rows all
    # came from this very file content (provenance names the file and its hash).
    triples = {
        (owner or "", file or "", digest or "")
        for rows in master.rows.values()
        for owner, file, digest in set(
            zip(column(rows, "to_nguon"), column(rows, "tep_nguon"), column(rows, "bam_nguon"))
        )
    }
    sources: dict[str, set[tuple[str, str]]] = {}
    for owner, file, digest in triples:
        if owner:
            sources.setdefault(owner, set()).add((file, digest))
    by_source = {next(iter(s)): g for g, s in sources.items() if len(s) == 1}
    owners = {p: by_source.get((c.path.name, c.short_hash)) for p, (c, _) in wanted.items()}
    groups = {p: g for p, g in owners.items() if g is not None and g in known}
    now = master.digests(set(groups.values()), ctx)
    out: dict[Path, Unchanged] = {}
    for path, group in groups.items():
        candidate, recorded = wanted[path]
        was = _parts(recorded)
        digest, row_count = now[group]
        if was is None or was[1] != digest or (check and was[2] != ctx.setup):
            continue
        # Run without checking: its findings would not include the checked ones.
        errors, warnings = was[3:] if check or was[0] == UNCHECKED else (0, 0)
        out[path] = Unchanged(candidate, group, row_count, recorded, errors, warnings)
    # Two files of one group: the decision which is right is the officer's (a full read).
    per_group: dict[str, int] = {}
    for u in out.values():
        per_group[u.group] = per_group.get(u.group, 0) + 1
    out = {p: u for p, u in out.items() if per_group[u.group] == 1}
    # A checked copy skipped beside its original then is skipped again beside it unread: the
    # same two contents give the same decision.
    originals = {u.candidate.short_hash: u for u in out.values()}
    for c in candidates:
        recorded = marks.get((c.path.name, c.short_hash), "")
        original = originals.get(recorded[2:]) if recorded[:2] == f"{COPY}-" else None
        if original is not None and c.path not in out:
            out[c.path] = Unchanged(c, original.group, 0, recorded, copy_of=original.candidate.path)
    return out


def to_read_again(
    reads: list[GroupRead],
    unchanged: dict[Path, Unchanged],
    master_rows: Mapping[str, Sequence[dict[str, Any]]],
) -> list[Path]:
    """Files set to skip whose group another file of the batch claims, or whose rows' keys a
    file read now also uses: their rows take part in the decision, as in a full run (with
    the checked copies skipped beside them)."""
    groups = {u.group: p for p, u in unchanged.items() if u.copy_of is None}
    if not groups:  # nothing skipped (every first run): nothing to read again
        return []
    again = {groups[r.group] for r in reads if r.group in groups}
    keys: dict[str, dict[tuple, str]] = {}
    for sheet in schema.DATA_SHEETS:
        mine = keys.setdefault(sheet.key, {})
        # only keys a file read now uses can matter: their first part sifts the master's rows
        first = sheet.row_key[0]
        used = {row.get(first) for read in reads for row in read.rows.get(sheet.key, [])}
        rows = master_rows.get(sheet.key, [])
        for i, value in enumerate(column(rows, first)):
            if value not in used:
                continue
            row = rows[i]
            owner = row.get("to_nguon") or ""
            key = row_key(sheet, row)
            if owner in groups and key is not None:
                mine[key] = owner
    for read in reads:
        for sheet in schema.DATA_SHEETS:
            for row in read.rows.get(sheet.key, []):
                found = row_key(sheet, row)
                owner = None if found is None else keys[sheet.key].get(found)
                if owner is not None and owner != read.group:
                    again.add(groups[owner])
    return [p for p, u in unchanged.items() if p in again or u.copy_of in again]


_NOT_MARKED: dict[str, Any] = {}  # a kept row of a group not marked: its lines are not made


def marks_after(
    plan: MergePlan,
    master_rows: Mapping[str, Sequence[dict[str, Any]]],
    accepted: list[GroupRead],
    long_files: set[str],
    ctx: Context,
    mode: str,
) -> dict[str, str]:
    """sha256 -> the mark of each file merged whole, over its group's rows after the merge."""
    held = {h.group for h in plan.held}
    clean = {r.group: r for r in accepted if r.group not in held and r.file not in long_files}
    if not clean:
        return {}
    after: dict[str, Sequence[dict[str, Any]]] = {}
    for key in DATA_KEYS:
        before = master_rows.get(key, [])
        sheet_plan = plan.sheets.get(key)
        if sheet_plan is None or not sheet_plan.dirty:
            after[key] = before
            continue
        # a row kept is looked at only when its group is marked (a re-run marks a few)
        owners = column(before, "to_nguon")
        at = {n: i for i, n in enumerate(column(before, ROW)) if (owners[i] or "") in clean}
        after[key] = [
            out.values
            if out.values is not None
            else (before[at[out.origin]] if out.origin in at else _NOT_MARKED)
            for out in sheet_plan.rows
        ]
    lines = group_lines(after, set(clean))
    return {
        r.sha256: mark(
            mode,
            ctx,
            lines[g],
            sum(1 for f in r.findings if f.severity == ERROR),
            sum(1 for f in r.findings if f.severity == WARNING),
        )
        for g, r in clean.items()
    }
