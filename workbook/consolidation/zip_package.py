"""The zip writer's package: the data sheets rewritten (``zip_write``, ``zip_patch``), their notes
moved with their rows (``zip_notes``), the ledger's new rows appended, and every other part of
the master copied as stored."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any, BinaryIO, Mapping

from .. import schema
from ..excel_dates import package_epoch
from ..ooxml import CALC_CHAIN_PART, CONTENT_TYPES_PART, WORKBOOK_PART, WORKBOOK_RELS_PART
from ..package_parts import copy_package, is_binary_workbook, sheet_parts
from ..sheet_xml import Unsupported
from ..zip_raw import Deflated, Segment, deflate_sheet
from .merge import OutRow
from .zip_notes import move_notes, without_legacy_drawing, without_overrides
from .zip_patch import PatchedSheet, SegmentedSheet, SegmentRows
from .zip_write import SheetRewrite, _table_part, date_styles


def _patched_sheet(
    sheet: schema.Sheet,
    zin: zipfile.ZipFile,
    fh: BinaryIO,
    part: str,
    table_xml: bytes,
    segments: list[Segment] | None,
    dates: set[bytes],
    epoch: dt.datetime,
) -> SheetRewrite:
    """A sheet this writer wrote: by its segments when they are known, else whole."""
    if segments:
        try:
            rows = SegmentRows(fh, zin.getinfo(part), segments)
            return SegmentedSheet(sheet, rows, table_xml, dates, epoch)
        except Unsupported:
            pass
    return PatchedSheet(sheet, zin.read(part), table_xml, dates, epoch)


def rewrite_package(
    source: Path,
    target: Path,
    rows_by_sheet: dict[str, list[OutRow]],
    log_rows: list[dict[str, Any]],
    *,
    patch: bool = False,
    segments: Mapping[str, list[Segment]] | None = None,
    segments_out: dict[str, list[Segment]] | None = None,
) -> None:
    """Write ``target``: ``source`` with the given tables' bodies replaced and log rows appended.

    Data sheets are deflated in segments (``zip_raw``); ``segments_out`` receives them, by
    sheet key. ``patch``: ``source`` is the very file this writer last wrote (``master_cache``
    knows), so its data sheets are patched where their rows change (``zip_patch``) instead of
    split and checked whole, and ``segments`` (from that write) let the segments whose rows
    keep their place be copied as they are stored."""
    with zipfile.ZipFile(source) as zin, open(source, "rb") as fh:
        if is_binary_workbook(zin):
            raise Unsupported("binary workbook")
        parts = {name: part for name, part in sheet_parts(zin).items() if part}
        dates = date_styles(zin)
        epoch = package_epoch(zin.read(WORKBOOK_PART))
        replaced: dict[str, bytes | Deflated] = {}
        dropped: set[str] = set()  # parts left out: notes of sheets left without, the calc chain
        jobs = dict(rows_by_sheet)
        for key in [*jobs, *(["nhat_ky"] if log_rows else [])]:
            sheet = schema.SHEETS[key]
            if sheet.name not in parts:
                raise Unsupported(f"sheet {sheet.name} missing")
            part = parts[sheet.name]
            table_xml_part = _table_part(zin, part, sheet.table)
            table_xml = zin.read(table_xml_part)
            if patch and key != "nhat_ky":
                known = (segments or {}).get(key)
                rewrite = _patched_sheet(sheet, zin, fh, part, table_xml, known, dates, epoch)
            else:
                rewrite = SheetRewrite(sheet, zin.read(part), table_xml, dates, epoch)
            if key == "nhat_ky":
                kept = [
                    OutRow(None, r)
                    for r in range(rewrite.min_row + 1, rewrite.max_row + 1)
                    if not rewrite.is_blank_row(r)
                ]
                out_rows = kept + [OutRow(values, None) for values in log_rows]
            else:
                out_rows = jobs[key]
                notes = move_notes(zin, part, out_rows, rewrite.min_row, rewrite.max_row)
                if notes is not None:
                    replaced.update(notes.replaced)
                    dropped |= notes.drop
                    if notes.none_left:
                        rewrite.tail = without_legacy_drawing(rewrite.tail)
                        rewrite.tail_changed = True
            built: bytes | Deflated
            built, replaced[table_xml_part] = rewrite.build(out_rows)
            if key != "nhat_ky" and not isinstance(built, Deflated):
                built = deflate_sheet(built, rewrite.min_row + 1)
            if isinstance(built, Deflated) and segments_out is not None:
                segments_out[key] = built.segments
            replaced[part] = built
        if CALC_CHAIN_PART in zin.namelist():  # cell positions moved: Excel rebuilds the chain
            dropped.add(CALC_CHAIN_PART)
        if dropped:
            replaced[CONTENT_TYPES_PART] = without_overrides(
                zin.read(CONTENT_TYPES_PART), sorted(dropped)
            )
        replaced[WORKBOOK_RELS_PART] = re.sub(
            rb'<Relationship[^>]*Target="[^"]*calcChain.xml"[^>]*/>',
            b"",
            zin.read(WORKBOOK_RELS_PART),
        )
        copy_package(zin, target, replaced, drop=dropped | {CALC_CHAIN_PART})
