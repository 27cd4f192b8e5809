"""What a consolidation remembers of the master it wrote, so that a re-run need not read it.

A re-run in which one group of two hundred resends its workbook must not cost what the first run
cost: reading the whole master (a million cells) is most of it. After every write the run keeps,
in the user's cache folder, a small *state* of the master it left: for each data row its place,
its owner, source file and hash and its key (what the merge needs from rows of groups not in the
batch), and each group's rows digest (what the ledger's data marks are checked against). The
state is named by the sha256 of the master file it describes, so it is used only while the
master is byte for byte that file, or a file an output run made from it putting every row back
byte for byte: any other edit, by Excel or by hand, and the run reads the master whole as
before. Nothing in it is needed for correctness; a state that is missing, damaged or of
another version is ignored. It holds no code: it is read with an unpickler that builds nothing
but plain values and dates.
"""

from __future__ import annotations

import builtins
import datetime as dt
import io
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import schema
from ..reading import ROW
from ..row_columns import row_columns
from ..user_cache import cache_dir, keep_file, same_rows_as
from ..zip_raw import Segment

FORMAT = 3
KEEP_STATES = 20  # the newest states kept in the folder (several masters, some backups)
# Columns of a data row the merge reads for a group not in the batch (and the set-up reads for
# the check: a work's status); a group in the batch has its rows read from the master whole.
LITE_COLUMNS = ("to_nguon", "tep_nguon", "bam_nguon")
LOOKUP_COLUMNS = {"cong_trinh": ("trang_thai",)}


def lite_keys(sheet: schema.Sheet) -> tuple[str, ...]:
    extra = LOOKUP_COLUMNS.get(sheet.key, ())
    return tuple(dict.fromkeys((*LITE_COLUMNS, *sheet.row_key, *extra)))


@dataclass
class MasterState:
    master_sha256: str
    base: str  # the merge context's base (template version, campaign identity) it was made in
    setup: str  # the merge context's digest of the set-up (the state's tables)
    writer: str  # 'zip' when the zip writer wrote the master: its rows can be patched
    header_rows: dict[str, int]  # data sheet key -> its table's header row
    sheet_names: dict[str, str]  # sheet key -> its name in the file (data and set-up sheets)
    columns: dict[str, dict[str, str]]  # sheet key -> column key -> letter
    lite: dict[str, dict[str, list]]  # sheet key -> ROW and lite_keys columns, rows in order
    digests: dict[str, tuple[str, int]] = field(default_factory=dict)  # group -> (digest, rows)
    # The set-up and lists as read (sheet key -> column -> values), and the stamp: a run reads
    # from the file only the ledger, which each run appends to.
    tables: dict[str, dict[str, list]] = field(default_factory=dict)
    stamp: dict[str, str] = field(default_factory=dict)
    epoch: dt.datetime | None = None
    # data sheet key -> its part's segments as the zip writer deflated them (zip_raw.Segment)
    segments: dict[str, list[tuple]] = field(default_factory=dict)
    version: tuple[int, str] = (FORMAT, schema.TEMPLATE_VERSION)

    def sheet_segments(self) -> dict[str, list[Segment]]:
        return {k: [Segment(*s) for s in v] for k, v in self.segments.items()}


def lite_columns(
    sheet: schema.Sheet, rows: list[dict[str, Any]], places: Iterable[int]
) -> dict[str, list]:
    """The state's columns of a sheet: each row's Excel row (``places``) and its lite values.
    Columns, not a tuple per row: a state of a hundred thousand rows is kept and loaded by
    every re-run, and lists of plain values pickle several times faster than tuples."""
    keys = lite_keys(sheet)
    columns = row_columns(rows, keys) if rows else [[] for _ in keys]
    return {ROW: list(places), **dict(zip(keys, columns))}


def _path(master_sha256: str) -> Path:
    return cache_dir() / "masters" / f"{master_sha256}.pickle"


class _PlainValues(pickle.Unpickler):
    """Only plain values and dates: a state file is never a way to run code."""

    ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time")}
    ALLOWED |= {("builtins", "set"), ("builtins", "frozenset")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")
        return getattr(dt if module == "datetime" else builtins, name)


def load(master_sha256: str) -> MasterState | None:
    """The state of the master with this hash, or None (absent, damaged, another version).

    Without one of its own, the state of an earlier master whose rows it holds as they were
    (output runs since, ``note_same_rows``), re-named for it: its rows' places, keys and digests
    hold; how the data sheets are stored does not (no segments), nor the zip writer's own
    spelling that a patch relies on (``writer`` unset: the next write splits and checks every
    row)."""
    state = _load(master_sha256)
    if state is not None:
        return state
    for earlier in same_rows_as(master_sha256):
        state = _load(earlier)
        if state is not None:
            state.master_sha256, state.segments, state.writer = master_sha256, {}, ""
            return state
    return None


def _load(master_sha256: str) -> MasterState | None:
    try:
        raw = _path(master_sha256).read_bytes()
        fields = _PlainValues(io.BytesIO(raw)).load()
        state = MasterState(**fields)
    except Exception:  # an optional speed-up: whatever is wrong with it, read the master
        return None
    if tuple(state.version) != (FORMAT, schema.TEMPLATE_VERSION):
        return None
    return state if state.master_sha256 == master_sha256 else None


def save(state: MasterState, replaces: str | None = None) -> bool:
    """Keep ``state`` (atomically); drop the state it replaces and the oldest beyond
    ``KEEP_STATES``. Returns whether it was kept (a read-only profile is not an error)."""
    data = pickle.dumps(dict(state.__dict__), protocol=pickle.HIGHEST_PROTOCOL)
    if not keep_file(_path(state.master_sha256), data, KEEP_STATES):
        return False
    if replaces and replaces != state.master_sha256:
        _path(replaces).unlink(missing_ok=True)
    return True
