"""The CFB writer: read back with olefile (strict), mini/regular boundary, valid red-black trees."""

from __future__ import annotations

import random

import olefile
import pytest

from xlsources.cfb import BLACK, NOSTREAM, RED, cfb_name_key, write_cfb

from .conftest import ole


def _roundtrip(entries: dict[str, bytes]) -> olefile.OleFileIO:
    data = write_cfb(entries)
    assert len(data) % 512 == 0
    f = ole(data)
    for path, blob in entries.items():
        assert f.openstream(path).read() == blob, path
        assert f.get_size(path) == len(blob)
    streams = {"/".join(p) for p in f.listdir(streams=True, storages=False)}
    assert streams == set(entries)
    return f


def test_vba_like_layout_roundtrips():
    rnd = random.Random(7)
    entries = {
        "PROJECT": b'ID="{X}"\r\n' * 40,
        "PROJECTwm": b"ThiDua\0T\0h\0i\0D\0u\0a\0\0\0\0\0",
        "VBA/_VBA_PROJECT": bytes.fromhex("cc61ffff000000"),
        "VBA/dir": rnd.randbytes(1273),
        "VBA/xlwings": rnd.randbytes(19531),
        "VBA/ThisWorkbook": rnd.randbytes(300),
        "VBA/Sheet1": b"",
    }
    f = _roundtrip(entries)
    assert f.get_type("VBA") == olefile.STGTY_STORAGE
    assert f.get_type("VBA/dir") == olefile.STGTY_STREAM


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 4095, 4096, 4097, 512 * 129])
def test_sizes_around_sector_and_cutoff(size):
    rnd = random.Random(size)
    _roundtrip({"S/a": rnd.randbytes(size), "b": rnd.randbytes(size // 2 + 1)})


def test_large_and_many_entries():
    rnd = random.Random(1)
    entries = {
        f"St{i % 3}/s{i}": rnd.randbytes(rnd.choice([10, 700, 5000, 70000])) for i in range(120)
    }
    _roundtrip(entries)


def test_fat_spanning_several_sectors():
    # > 128 sectors of payload needs more than one FAT sector.
    _roundtrip({"big": bytes(range(256)) * 2000, "small": b"x" * 100})


def test_name_order_shorter_first_then_uppercase():
    names = ["dir", "PROJECT", "_VBA_PROJECT", "ab", "AC", "Sheet10", "Sheet2", "b"]
    assert sorted(names, key=cfb_name_key) == [
        "b",
        "ab",
        "AC",
        "dir",
        "Sheet2",
        "PROJECT",
        "Sheet10",
        "_VBA_PROJECT",
    ]


def _check_tree(f: olefile.OleFileIO, first: int) -> list[str]:
    """In-order names of one sibling tree; asserts BST order and red-black rules."""
    entries = f.direntries
    order: list[str] = []

    def black_height(sid: int, parent_red: bool) -> int:
        if sid == NOSTREAM:
            return 1
        e = entries[sid]
        assert e.color in (RED, BLACK)
        assert not (parent_red and e.color == RED), "red node with a red child"
        left = black_height(e.sid_left, e.color == RED)
        order.append(e.name)
        right = black_height(e.sid_right, e.color == RED)
        assert left == right, "unequal black heights"
        return left + (e.color == BLACK)

    if first != NOSTREAM:
        assert entries[first].color == BLACK, "tree root must be black"
        black_height(first, False)
    keys = [cfb_name_key(n) for n in order]
    assert keys == sorted(keys) and len(set(keys)) == len(keys), order
    return order


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 31, 33])
def test_directory_trees_are_valid_red_black_trees(count):
    entries = {f"VBA/Module{i}": b"x" * i for i in range(count)}
    entries.update({"PROJECT": b"p", "PROJECTwm": b"w"})
    f = _roundtrip(entries)
    root = f.direntries[0]
    assert root.entry_type == olefile.STGTY_ROOT
    assert _check_tree(f, root.sid_child) == ["VBA", "PROJECT", "PROJECTwm"]
    vba = next(e for e in f.direntries if e is not None and e.name == "VBA")
    names = _check_tree(f, vba.sid_child)
    assert sorted(names) == sorted(f"Module{i}" for i in range(count))


def test_rejects_bad_names_and_conflicts():
    with pytest.raises(ValueError):
        write_cfb({"x" * 32: b""})
    with pytest.raises(ValueError):
        write_cfb({"a/b": b"", "a": b""})
    with pytest.raises(ValueError):
        write_cfb({"A": b"", "a": b""})


def test_deterministic():
    entries = {"VBA/dir": b"abc", "PROJECT": b"x" * 5000}
    assert write_cfb(entries) == write_cfb(dict(reversed(list(entries.items()))))
