"""Minimal writer for the Compound File Binary format (MS-CFB), version 3.

Only what a VBA project (``vbaProject.bin``) needs: 512-byte sectors, a FAT whose
sector list fits in the header DIFAT (109 entries, i.e. files up to ~6.8 MB),
a mini stream with its miniFAT for streams shorter than 4096 bytes, and a
directory whose sibling trees are valid red-black trees.

Usage::

    data = write_cfb({"PROJECT": b"...", "VBA/dir": b"...", "VBA/Module1": b"..."})

Storages are implied by the paths. The output is deterministic (no timestamps,
no random CLSIDs), so the same input always gives the same bytes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR_SIZE = 512
MINI_SECTOR_SIZE = 64
MINI_STREAM_CUTOFF = 4096
DIR_ENTRY_SIZE = 128
HEADER_DIFAT_SLOTS = 109

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")

TYPE_STORAGE, TYPE_STREAM, TYPE_ROOT = 1, 2, 5
RED, BLACK = 0, 1


def cfb_name_key(name: str) -> tuple[int, str]:
    """Sort key of MS-CFB 2.6.4: shorter names first, then uppercase code-unit compare."""
    return (len(name.encode("utf-16-le")) // 2, name.upper())


@dataclass
class _Node:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, "_Node"] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = ENDOFCHAIN
    size: int = 0


def _check_name(name: str) -> None:
    if not name or len(name) > 31:
        raise ValueError(f"CFB entry name must have 1..31 characters: {name!r}")
    if any(c in name for c in "/\\:!"):
        raise ValueError(f"illegal character in CFB entry name: {name!r}")


def _build_tree(entries: dict[str, bytes]) -> _Node:
    root = _Node("Root Entry", TYPE_ROOT)
    for path, data in entries.items():
        parts = path.split("/")
        node = root
        for i, part in enumerate(parts):
            _check_name(part)
            last = i == len(parts) - 1
            existing = next(
                (c for k, c in node.children.items() if k.upper() == part.upper()), None
            )
            if existing is None:
                existing = _Node(
                    part, TYPE_STREAM if last else TYPE_STORAGE, bytes(data) if last else b""
                )
                node.children[part] = existing
            elif last or existing.kind != TYPE_STORAGE:
                raise ValueError(f"duplicate or conflicting CFB path: {path!r}")
            node = existing
    return root


def _balanced(nodes: list[_Node], depth: int, out: list[tuple[_Node, int]]) -> _Node | None:
    """Link ``nodes`` (sorted) as a size-balanced binary search tree; return its root."""
    if not nodes:
        return None
    mid = len(nodes) // 2
    top = nodes[mid]
    out.append((top, depth))
    left = _balanced(nodes[:mid], depth + 1, out)
    right = _balanced(nodes[mid + 1 :], depth + 1, out)
    top.left = left.sid if left else NOSTREAM
    top.right = right.sid if right else NOSTREAM
    return top


def _link_siblings(children: list[_Node]) -> int:
    """Make a red-black tree of one storage's children; return the root's stream id.

    A size-balanced tree has all its leaves on the last two levels, so colouring the
    deepest level red (when that level is not full) and everything else black gives
    equal black heights on every path and never two reds in a row.
    """
    ordered = sorted(children, key=lambda n: cfb_name_key(n.name))
    placed: list[tuple[_Node, int]] = []
    top = _balanced(ordered, 0, placed)
    if top is None:
        return NOSTREAM
    max_depth = max(d for _, d in placed)
    full = len(ordered) == 2 ** (max_depth + 1) - 1
    for node, depth in placed:
        node.color = RED if (depth == max_depth and not full) else BLACK
    return top.sid


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else ENDOFCHAIN


def _sectors_for(n_bytes: int, unit: int) -> int:
    return (n_bytes + unit - 1) // unit


def _number_entries(root: _Node) -> list[_Node]:
    """Give every entry its stream id (pre-order: root first, children by CFB name order)
    and link each storage's children as a red-black tree; return the entries by id."""
    order: list[_Node] = []

    def visit(node: _Node) -> None:
        node.sid = len(order)
        order.append(node)
        for child in sorted(node.children.values(), key=lambda n: cfb_name_key(n.name)):
            visit(child)

    visit(root)
    for node in order:
        if node.kind in (TYPE_ROOT, TYPE_STORAGE):
            node.child = _link_siblings(list(node.children.values()))
    root.color = BLACK
    return order


def _pack_mini_stream(small: list[_Node]) -> tuple[list[int], bytearray]:
    """Pack the small streams into 64-byte mini sectors; return the miniFAT and the mini stream."""
    minifat: list[int] = []
    mini = bytearray()
    for n in small:
        n.size = len(n.data)
        count = _sectors_for(n.size, MINI_SECTOR_SIZE)
        if count == 0:
            n.start = ENDOFCHAIN
            continue
        n.start = len(minifat)
        minifat.extend([0] * count)
        _chain(minifat, n.start, count)
        mini += n.data + b"\0" * (count * MINI_SECTOR_SIZE - n.size)
    return minifat, mini


@dataclass
class _Layout:
    """Where each region sits in the file, in 512-byte sectors after the header."""

    n_fat: int
    n_dir: int
    n_minifat: int
    n_mini: int
    n_big: list[int]
    fat: list[int]
    dir_start: int
    minifat_start: int

    @property
    def total(self) -> int:
        return self.n_fat + self.n_dir + self.n_minifat + self.n_mini + sum(self.n_big)


def _lay_out_sectors(
    root: _Node, n_entries: int, minifat: list[int], mini: bytearray, big: list[_Node]
) -> _Layout:
    """Count the sectors of every region, place them (FAT, directory, miniFAT, mini stream,
    big streams, in that order), chain them in the FAT and set the start of the root's mini
    stream and of every big stream."""
    n_dir = _sectors_for(n_entries * DIR_ENTRY_SIZE, SECTOR_SIZE)
    n_minifat = _sectors_for(len(minifat) * 4, SECTOR_SIZE)
    n_mini = _sectors_for(len(mini), SECTOR_SIZE)
    n_big = [_sectors_for(len(n.data), SECTOR_SIZE) for n in big]
    payload = n_dir + n_minifat + n_mini + sum(n_big)
    # The FAT covers its own sectors too.
    n_fat = 1
    while n_fat * (SECTOR_SIZE // 4) < payload + n_fat:
        n_fat += 1
    if n_fat > HEADER_DIFAT_SLOTS:
        raise ValueError("compound file too large for a header-only DIFAT")

    fat = [FREESECT] * (n_fat * SECTOR_SIZE // 4)
    for i in range(n_fat):
        fat[i] = FATSECT
    cursor = n_fat
    dir_start = cursor
    _chain(fat, cursor, n_dir)
    cursor += n_dir
    minifat_start = cursor if n_minifat else ENDOFCHAIN
    _chain(fat, cursor, n_minifat)
    cursor += n_minifat
    if n_mini:
        root.start, root.size = cursor, len(mini)
        _chain(fat, cursor, n_mini)
        cursor += n_mini
    for n, count in zip(big, n_big):
        n.start, n.size = cursor, len(n.data)
        _chain(fat, cursor, count)
        cursor += count
    layout = _Layout(n_fat, n_dir, n_minifat, n_mini, n_big, fat, dir_start, minifat_start)
    assert cursor == layout.total
    return layout


def _header(layout: _Layout) -> bytearray:
    header = bytearray(SECTOR_SIZE)
    struct.pack_into(
        "<8s16sHHHHH6sIIIIIIIII",
        header,
        0,
        SIGNATURE,
        b"\0" * 16,
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        layout.n_fat,
        layout.dir_start,
        0,
        MINI_STREAM_CUTOFF,
        layout.minifat_start,
        layout.n_minifat,
        ENDOFCHAIN,
        0,
    )
    difat = list(range(layout.n_fat)) + [FREESECT] * (HEADER_DIFAT_SLOTS - layout.n_fat)
    struct.pack_into("<109I", header, 76, *difat)
    return header


def _pad(blob: bytes | bytearray, count: int) -> bytes:
    return bytes(blob) + b"\0" * (count * SECTOR_SIZE - len(blob))


def _serialise(
    layout: _Layout, order: list[_Node], minifat: list[int], mini: bytearray, big: list[_Node]
) -> bytes:
    """Header, FAT, directory, miniFAT, mini stream and big streams, each padded to its sectors."""
    directory = bytearray()
    for n in order:
        directory += _dir_entry(n)
    while len(directory) % SECTOR_SIZE:
        directory += _unused_entry()
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += struct.pack("<I", FREESECT) * (
        (layout.n_minifat * SECTOR_SIZE - len(minifat_bytes)) // 4
    )

    out = _header(layout)
    out += struct.pack(f"<{len(layout.fat)}I", *layout.fat)
    out += directory
    out += minifat_bytes
    out += _pad(mini, layout.n_mini)
    for n, count in zip(big, layout.n_big):
        out += _pad(n.data, count)
    assert len(out) == SECTOR_SIZE * (1 + layout.total)
    return bytes(out)


def write_cfb(entries: dict[str, bytes]) -> bytes:
    """Return a CFB v3 file holding ``entries`` (``"Storage/Stream"`` path -> bytes)."""
    root = _build_tree(entries)
    order = _number_entries(root)
    streams = [n for n in order if n.kind == TYPE_STREAM]
    small = [n for n in streams if len(n.data) < MINI_STREAM_CUTOFF]
    big = [n for n in streams if len(n.data) >= MINI_STREAM_CUTOFF]
    minifat, mini = _pack_mini_stream(small)
    layout = _lay_out_sectors(root, len(order), minifat, mini, big)
    return _serialise(layout, order, minifat, mini, big)


def _dir_entry(n: _Node) -> bytes:
    name = n.name.encode("utf-16-le") + b"\0\0"
    start = n.start if n.kind != TYPE_STORAGE else 0
    size = n.size if n.kind != TYPE_STORAGE else 0
    if n.kind == TYPE_ROOT and size == 0:
        start = ENDOFCHAIN
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        n.kind,
        n.color,
        n.left,
        n.right,
        n.child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def _unused_entry() -> bytes:
    return struct.pack(
        "<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"\0" * 16, 0, 0, 0, 0, 0
    )
