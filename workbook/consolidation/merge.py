"""The merge plan: which rows of the master each group's file adds, changes, removes or leaves.

Rows a group owns in the master are those whose provenance ``Tổ nguồn`` is that group; a newer
file of the group replaces exactly those rows, matched by each sheet's row key. Rows typed into
the master by hand (no ``Tổ nguồn``) and rows of groups not in this batch are never touched.
Nothing is resolved silently: a row without a key, a key repeated within one file, and a key
claimed by two owners are held back, each with its reason and every place involved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any

from .. import schema
from ..findings import ERROR, Finding, define
from ..reading import ROW
from .read_group import SHEET, GroupRead, row_key, row_key_text
from .sheet_rows import column

MISSING_KEY = define(
    "missing-row-key",
    ERROR,
    "Dòng thiếu {columns}: không xác định được dòng này để gộp. Điền đủ rồi gửi lại.",
)
DUPLICATE_KEY = define(
    "duplicate-row-key",
    ERROR,
    "{what} '{value}' đã có ở dòng {first} của cùng trang; dòng này không "
    "được gộp. Sửa mã cho khác nhau rồi gửi lại.",
)
KEY_CONFLICT = define(
    "key-conflict",
    ERROR,
    "{what} '{value}' có ở nhiều nơi: {places}. Không tự chọn bên nào: các "
    "dòng mới không được gộp, dòng đang có trong sổ chính giữ nguyên. Thống "
    "nhất lại rồi gộp lại.",
)

KINDS = ("added", "changed", "removed", "unchanged", "held")
PROVENANCE_KEYS = tuple(c.key for c in schema.PROVENANCE)


@dataclass(slots=True)  # a hundred thousand of them per run: half the cost to make
class OutRow:
    """A body row of the merged table: ``values`` to write, or None to keep master row as is."""

    values: dict[str, Any] | None
    origin: int | None  # the master's Excel row it continues (manual columns follow it)


@dataclass
class SheetPlan:
    key: str
    rows: list[OutRow] = field(default_factory=list)
    dirty: bool = False  # anything to write on this sheet


@dataclass
class HeldRow:
    file: str
    sheet: str
    cell: str
    row_key: str
    group: str
    code: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


@dataclass
class Change:
    group: str
    sheet: str
    row_key: str
    kind: str  # changed | removed
    columns: list[str] = field(default_factory=list)  # Vietnamese headers that changed

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class MergePlan:
    sheets: dict[str, SheetPlan] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # group -> kind -> n
    held: list[HeldRow] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def dirty(self) -> bool:
        return any(p.dirty for p in self.sheets.values())

    def count(self, group: str, kind: str, n: int = 1) -> None:
        counts = self.counts.get(group)
        if counts is None:
            counts = self.counts[group] = dict.fromkeys(KINDS, 0)
        counts[kind] += n


class _Values:
    """A merged row's values: the sheet's data columns of the file's row (None where it has
    none), then its provenance (sheet, row, group, file, file hash), taken with one C lookup
    per row: a batch merges a hundred thousand rows."""

    def __init__(self, data_keys: list[str]):
        self.data_keys = data_keys
        # the provenance in the order the values come: the row's own, then its file's
        self.keys = (*data_keys, "trang_nguon", "dong_nguon", "to_nguon", "tep_nguon", "bam_nguon")
        assert set(self.keys[len(data_keys) :]) == set(PROVENANCE_KEYS)
        self.take = itemgetter(*data_keys, SHEET, ROW)
        self.read: GroupRead | None = None
        self.file: tuple[str, str, str] = ("", "", "")

    def __call__(self, read: GroupRead, new: dict[str, Any]) -> dict[str, Any]:
        if read is not self.read:  # the group, file and hash of the file last seen
            self.read, self.file = read, (read.group, read.file, read.short_hash)
        try:
            return dict(zip(self.keys, self.take(new) + self.file))
        except KeyError:  # a row without every column (built by hand, not by the reader)
            data = [new.get(k) for k in self.data_keys]
            return dict(zip(self.keys, (*data, new[SHEET], new[ROW], *self.file)))


def plan_merge(
    master_rows: Mapping[str, Sequence[dict[str, Any]]],
    reads: list[GroupRead],
    master_file: str = "",
) -> MergePlan:
    """Merge plan for every data sheet; ``reads`` are accepted files, one per group."""
    plan = MergePlan()
    for read in reads:
        plan.count(read.group, "added", 0)
    for sheet in schema.DATA_SHEETS:
        plan.sheets[sheet.key] = _plan_sheet(
            plan, sheet, master_rows.get(sheet.key, []), reads, master_file
        )
    return plan


def _what(sheet: schema.Sheet) -> str:
    return " / ".join(sheet.column(k).header for k in sheet.row_key)


def _plan_sheet(
    plan: MergePlan,
    sheet: schema.Sheet,
    existing: Sequence[dict[str, Any]],
    reads: list[GroupRead],
    master_file: str,
) -> SheetPlan:
    """One data sheet's merge, in three steps: each file's rows by key, the keys claimed from two
    places held back, then the master walked in order with what is new appended."""
    incoming = _rows_by_key(plan, sheet, reads)
    conflicts = _hold_conflicts(plan, sheet, existing, incoming, master_file)
    return _walk_master(plan, sheet, existing, reads, incoming, conflicts)


Incoming = dict[str, dict[tuple, tuple[GroupRead, dict]]]  # group -> key -> (file, row)


def _rows_by_key(plan: MergePlan, sheet: schema.Sheet, reads: list[GroupRead]) -> Incoming:
    """Each file's rows by key; rows without a key, or repeating one, are held back."""
    incoming: Incoming = {}
    for read in reads:
        rows = read.rows.get(sheet.key, [])
        keys = _keys_of(sheet, rows)
        if None not in keys and len(set(keys)) == len(keys):  # the common file: all in C
            incoming[read.group] = dict(zip(keys, zip(repeat(read), rows)))  # type: ignore[arg-type]
            continue
        mine: dict[tuple, tuple[GroupRead, dict]] = {}
        for row, key in zip(rows, keys):
            if key is None or key in mine:
                cell = read.cell(sheet.key, row[ROW], sheet.row_key[0])
                text = row_key_text(sheet, row)
                where = {
                    "file": read.file,
                    "sheet": row[SHEET],
                    "cell": cell,
                    "sheet_key": sheet.key,
                    "row": row[ROW],
                    "column": sheet.row_key[0],
                    "row_key": text,
                }
                finding = (
                    MISSING_KEY.at(**where, columns=_what(sheet))
                    if key is None
                    else DUPLICATE_KEY.at(
                        **where, value=text, what=_what(sheet), first=mine[key][1][ROW]
                    )
                )
                _hold(plan, read, row, cell, sheet, finding)
            else:
                mine[key] = (read, row)
        incoming[read.group] = mine
    return incoming


def _keys_of(sheet: schema.Sheet, rows: list[dict[str, Any]]) -> list[tuple | None]:
    """``row_key`` of each row."""
    parts = [[row.get(k) for row in rows] for k in sheet.row_key]
    return [None if None in key or "" in key else key for key in zip(*parts)]


def _hold_conflicts(
    plan: MergePlan,
    sheet: schema.Sheet,
    existing: Sequence[dict[str, Any]],
    incoming: Incoming,
    master_file: str,
) -> set[tuple]:
    """Keys claimed by two places (batch files, or a master row nobody in this batch owns):
    reported, and the files' rows with them held back. Returns those keys."""
    batch = set(incoming)
    claimed: set[tuple] = set()  # keys of the batch's files
    conflicts: set[tuple] = set()  # ... claimed by two files, or by a master row
    for mine in incoming.values():  # one file per group: a key met again is another group's
        conflicts.update(claimed.intersection(mine))
        claimed.update(mine)
    in_master: dict[tuple, list[dict]] = defaultdict(list)  # claimed keys' rows nobody here owns
    firsts = {key[0] for key in claimed}
    for i, value in enumerate(column(existing, sheet.row_key[0])):
        if value not in firsts:  # a re-run's batch claims few keys of a big master
            continue
        row = existing[i]
        owner = row.get("to_nguon") or ""
        found = row_key(sheet, row)
        if found is None or owner in batch:
            continue
        if found in claimed:
            conflicts.add(found)
            in_master[found].append(row)
    # Where each conflicting key is claimed, spelled only for those (a batch has a million keys).
    claims: dict[tuple, list[str]] = defaultdict(list)
    for group, mine in incoming.items():
        for key in conflicts & mine.keys():
            read, row = mine[key]
            claims[key].append(
                f"{read.file} › {row[SHEET]}!"
                f"{read.cell(sheet.key, row[ROW], sheet.row_key[0])} (tổ {group})"
            )
    for key in conflicts:
        for row in in_master[key]:
            owner = row.get("to_nguon") or ""
            who = f"tổ {owner}" if owner else "nhập tay"
            claims[key].append(f"{master_file} › {sheet.name} dòng {row[ROW]} ({who})")
    for key in sorted(conflicts, key=str):
        value = " / ".join(str(v) for v in key)
        plan.findings.append(
            KEY_CONFLICT.at(
                sheet=sheet.name,
                sheet_key=sheet.key,
                row_key=value,
                value=value,
                what=_what(sheet),
                places="; ".join(claims[key]),
            )
        )
        for group, mine in incoming.items():
            if key in mine:
                read, row = mine.pop(key)
                cell = read.cell(sheet.key, row[ROW], sheet.row_key[0])
                plan.held.append(
                    HeldRow(
                        read.file,
                        row[SHEET],
                        cell,
                        value,
                        group,
                        KEY_CONFLICT.code,
                        "Mã trùng với nơi khác: " + "; ".join(p for p in claims[key]),
                    )
                )
                plan.count(group, "held")
    return conflicts


def _walk_master(
    plan: MergePlan,
    sheet: schema.Sheet,
    existing: Sequence[dict[str, Any]],
    reads: list[GroupRead],
    incoming: Incoming,
    conflicts: set[tuple],
) -> SheetPlan:
    """The master in order: each row kept, updated in place or dropped; then what is new."""
    batch, data_keys = set(incoming), sheet.keys
    merged = _Values(data_keys)
    out = SheetPlan(sheet.key)
    seen: dict[str, set[tuple]] = defaultdict(set)
    places = column(existing, ROW)
    owners = column(existing, "to_nguon")
    mine = [i for i, owner in enumerate(owners) if (owner or "") in batch]
    start = 0  # the first row not yet placed
    for i in mine:
        # the rows before, of groups not in the batch (most rows of a re-run), kept as they are
        out.rows.extend(map(OutRow, repeat(None), places[start:i]))
        start = i + 1
        row, owner = existing[i], owners[i] or ""
        key = row_key(sheet, row)
        if key is None or key in conflicts or key in seen[owner]:
            out.rows.append(OutRow(None, row[ROW]))
            continue
        seen[owner].add(key)
        found = incoming[owner].get(key)
        if found is None:
            plan.count(owner, "removed")
            plan.changes.append(Change(owner, sheet.name, row_key_text(sheet, row), "removed"))
            out.dirty = True
            continue
        read, new = found
        values = merged(read, new)
        same_data = [row.get(k) for k in data_keys] == [values[k] for k in data_keys]
        diff = (
            []
            if same_data
            else [sheet.column(k).header for k in data_keys if not _same(row.get(k), new.get(k))]
        )
        if diff:
            plan.count(owner, "changed")
            plan.changes.append(
                Change(owner, sheet.name, row_key_text(sheet, row), "changed", diff)
            )
        else:
            plan.count(owner, "unchanged")
        if diff or [row.get(k) for k in PROVENANCE_KEYS] != [values[k] for k in PROVENANCE_KEYS]:
            out.rows.append(OutRow(values, row[ROW]))
            out.dirty = True
        else:
            out.rows.append(OutRow(None, row[ROW]))
    out.rows.extend(map(OutRow, repeat(None), places[start:]))
    for read in reads:
        done = seen.get(read.group, ())
        new_rows = [
            OutRow(merged(read, new), None)
            for key, (_, new) in incoming[read.group].items()
            if key not in done
        ]
        if new_rows:
            out.rows.extend(new_rows)
            plan.count(read.group, "added", len(new_rows))
            out.dirty = True
    return out


def _hold(
    plan: MergePlan, read: GroupRead, row: dict, cell: str, sheet: schema.Sheet, finding: Finding
) -> None:
    plan.findings.append(finding)
    plan.held.append(
        HeldRow(
            read.file,
            row[SHEET],
            cell,
            row_key_text(sheet, row),
            read.group,
            finding.code,
            finding.message,
        )
    )
    plan.count(read.group, "held")


def _same(a: Any, b: Any) -> bool:
    """Typed values compare equal; blank is blank whatever its spelling."""
    if a in (None, "") and b in (None, ""):
        return True
    return (
        type(a) is type(b)
        and a == b
        or (
            isinstance(a, (int, float))
            and isinstance(b, (int, float))
            and not isinstance(a, bool)
            and not isinstance(b, bool)
            and a == b
        )
    )
