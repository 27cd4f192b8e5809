"""A digest of what an output sheet shows, so that a run can leave alone a sheet that shows it.

``shortlist`` draws the Điểm sheet again, although ``score`` drew it minutes before from the
same data: on a provincial master that is a hundred thousand rows spelled, deflated and written
for nothing. A writer may therefore give ``rewrite_outputs`` a fingerprint of what it would draw;
the fingerprint is kept with the sheet (``sheet_segments``' outline), and a later run whose
fingerprint is the same keeps the sheet as stored instead of drawing it.

Equal fingerprints must mean equal sheets, so a fingerprint covers:
- every value the writer reads, by value (pandas' row hashes) and by type (a date and its text
  spell different cells);
- the code that draws: thidua's version and the source of the modules named, so that a sheet
  drawn by other code is drawn again.

A difference the digest sees that the sheet would not show only costs a redraw.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from . import __version__


def fingerprint(*parts: Any, modules: tuple[ModuleType, ...] = ()) -> str:
    """A digest of ``parts`` (frames, or values whose ``repr`` says all they hold) and of the
    drawing code (``modules``, by source)."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for module in modules:
        digest.update(Path(module.__file__ or "").read_bytes())
    for part in parts:
        if isinstance(part, pd.DataFrame):
            _add_frame(digest, part)
        else:
            digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")  # parts apart: ("ab", "c") is not ("a", "bc")
    return digest.hexdigest()


def _add_frame(digest: Any, frame: pd.DataFrame) -> None:
    shape = (list(map(str, frame.columns)), [str(t) for t in frame.dtypes], len(frame))
    digest.update(repr(shape).encode("utf-8", "surrogatepass"))
    for name in frame.columns:
        column = frame[name]
        kinds = set(map(type, column)) if column.dtype == object else {column.dtype}
        digest.update(repr(sorted(map(str, kinds))).encode())
        if len(kinds - {type(None)}) > 1:  # mixed types: which cell holds which
            digest.update("\x1f".join(type(v).__name__ for v in column).encode())
        try:
            rows = pd.util.hash_pandas_object(column, index=False)
        except TypeError:  # a cell pandas cannot hash (a list): its repr
            rows = pd.util.hash_pandas_object(column.map(repr), index=False)
        digest.update(rows.to_numpy().tobytes())
