"""MS-OVBA pieces: compression against olevba's decompressor, dir records, PROJECT encryption."""

from __future__ import annotations

import random
import re
import struct

import pytest
from oletools.olevba import decompress_stream

from xlsources import ovba
from xlsources.ovba import (
    REFERENCES,
    VbaModule,
    class_module_from_cls,
    decrypt_data,
    dir_stream,
    document_module,
    encrypt_data,
    project_stream,
)
from xlsources.ovba_compression import compress, decompress

from .conftest import ole, vba_bin

_rnd = random.Random(2024)
CASES = {
    "empty": b"",
    "one": b"a",
    "three": b"abc",
    "run_4095": b"a" * 4095,
    "run_4096": b"a" * 4096,
    "run_4097": b"a" * 4097,
    "run_10000": b"x" * 10000,
    "run_after_prefix": b"Attribute VB_Name\r\n" + b" " * 9000 + b"End Sub\r\n",
    "period_3": b"abc" * 5000,
    "period_7_across_chunks": b"Sub A()\r" * 3000,
    "random_4096": _rnd.randbytes(4096),
    "random_8192": _rnd.randbytes(8192),
    "random_10000": _rnd.randbytes(10000),
    "two_letters": bytes(_rnd.choice(b"ab") for _ in range(20000)),
    "text": (
        b"Public Sub ThiDua_Validate(control As IRibbonControl)\r\n"
        b'    CallPython "import xlsources.macros as m; m.validate()"\r\nEnd Sub\r\n'
    )
    * 200,
    "runs_then_random": b"z" * 5000 + _rnd.randbytes(5000) + b"q" * 4100,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_compress_roundtrips_through_olevba(name):
    data = CASES[name]
    packed = compress(data)
    assert decompress_stream(bytearray(packed)) == data
    assert decompress(packed) == data


@pytest.mark.parametrize("name", ["run_10000", "period_3", "text"])
def test_repetitive_input_really_compresses(name):
    assert len(compress(CASES[name])) < len(CASES[name]) // 8


def test_long_runs_use_maximal_copy_tokens():
    # 4096 x 'a' = 1 literal + a few copy tokens (the longest copies the token format
    # allows at each position): well under 40 bytes.
    assert len(compress(b"a" * 4096)) < 40
    # Each 4096-byte chunk starts fresh: two chunks of a run are twice one chunk.
    assert len(compress(b"a" * 8192)) == 1 + 2 * (len(compress(b"a" * 4096)) - 1)


def test_incompressible_chunks_are_raw():
    data = CASES["random_8192"]
    packed = compress(data)
    assert len(packed) == 1 + 2 * (2 + 4096)
    header = struct.unpack_from("<H", packed, 1)[0]
    assert header == 0x3FFF  # signature 0b011, flag 0 (raw), size 4096 + 2 - 3


def test_incompressible_short_tail_is_padded_as_the_spec_says():
    data = random.Random(5).randbytes(3900)  # 3900 + 488 flag bytes > 4096: must be raw
    packed = compress(data)
    assert decompress_stream(bytearray(packed)) == data + b"\0" * 196


def test_decompress_reads_excel_written_streams(xlwings_template):
    f = ole(vba_bin(xlwings_template))
    for stream in ("VBA/dir", "VBA/xlwings"):
        raw = f.openstream(stream).read()
        assert decompress(raw) == decompress_stream(bytearray(raw))


# --------------------------------------------------------------------------- dir stream
def parse_dir(data: bytes) -> list[tuple[int, bytes]]:
    """Split a decompressed dir stream into (id, payload); PROJECTVERSION is special."""
    out, pos = [], 0
    while pos < len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        if rid == 0x0009:
            size = 6
        out.append((rid, data[pos + 6 : pos + 6 + size]))
        pos += 6 + size
    assert pos == len(data)
    return out


def test_dir_stream_records():
    mods = [
        document_module("ThisWorkbook", "workbook"),
        document_module("Sheet1", "worksheet"),
        VbaModule("ThiDua", "standard", 'Attribute VB_Name = "ThiDua"\n'),
        VbaModule("Dictionary", "class", 'Attribute VB_Name = "Dictionary"\n'),
    ]
    recs = parse_dir(dir_stream(mods, syskind=3))
    d = dict(recs)
    assert d[0x0001] == struct.pack("<I", 3)
    assert d[0x0002] == d[0x0014] == struct.pack("<I", 0x409)
    assert d[0x0003] == struct.pack("<H", 1252)
    assert d[0x0004] == b"VBAProject"
    assert d[0x000F] == struct.pack("<H", 4)
    assert d[0x0013] == struct.pack("<H", 0xFFFF)
    ids = [r for r, _ in recs]
    assert ids[:14] == [
        0x01,
        0x02,
        0x14,
        0x03,
        0x04,
        0x05,
        0x40,
        0x06,
        0x3D,
        0x07,
        0x08,
        0x09,
        0x0C,
        0x3C,
    ]
    assert ids[-1] == 0x10
    assert [p for r, p in recs if r == 0x19] == [
        b"ThisWorkbook",
        b"Sheet1",
        b"ThiDua",
        b"Dictionary",
    ]
    assert [p for r, p in recs if r == 0x47] == [m.name.encode("utf-16-le") for m in mods]
    assert [r for r in ids if r in (0x21, 0x22)] == [0x22, 0x22, 0x21, 0x22]
    assert all(p == b"\0\0\0\0" for r, p in recs if r == 0x31)  # MODULEOFFSET 0
    assert ids.count(0x2B) == 4
    assert [p for r, p in recs if r == 0x16] == [b"stdole", b"Office"]
    with pytest.raises(ValueError):
        dir_stream(mods, syskind=7)


def _registered_refs(dir_data: bytes) -> dict[str, bytes]:
    recs = parse_dir(dir_data)
    refs, name = {}, None
    for rid, payload in recs:
        if rid == 0x16:
            name = payload.decode("cp1252")
        elif rid == 0x0D:
            refs[name] = payload
    return refs


def test_office_reference_matches_xlwings_template(xlwings_template):
    theirs = _registered_refs(
        decompress(ole(vba_bin(xlwings_template)).openstream("VBA/dir").read())
    )
    ours = _registered_refs(dir_stream([document_module("ThisWorkbook", "workbook")]))
    assert ours["Office"] == theirs["Office"]
    libid = ours["stdole"][4 : 4 + struct.unpack_from("<I", ours["stdole"])[0]].decode()
    assert libid == dict(REFERENCES)["stdole"]
    assert libid.startswith("*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#")


# --------------------------------------------------------------------------- PROJECT stream
def test_encryption_reads_xlwings_values(xlwings_template):
    text = ole(vba_bin(xlwings_template)).openstream("PROJECT").read().decode("cp1252")
    fields = dict(re.findall(r'^(ID|CMG|DPB|GC)="([^"]*)"', text, re.M))
    assert decrypt_data(fields["ID"], fields["CMG"]) == ovba.NO_PROTECTION
    assert decrypt_data(fields["ID"], fields["DPB"]) == ovba.NO_PASSWORD
    assert decrypt_data(fields["ID"], fields["GC"]) == ovba.VISIBLE


@pytest.mark.parametrize("seed", [0, 0x8D, 0xFF, 0x06])
def test_encryption_roundtrip(seed):
    pid = "{5CF9CDAB-B77B-4FE4-BD7E-D29900070E1B}"
    for data in (b"\0", b"\xff", b"\0\0\0\0", b"password-hash-bytes"):
        assert decrypt_data(pid, encrypt_data(pid, data, seed)) == data
    with pytest.raises(ValueError):
        decrypt_data("{00000000-0000-0000-0000-000000000001}", encrypt_data(pid, b"\0", seed))


def test_project_stream_lines():
    mods = [
        document_module("ThisWorkbook", "workbook"),
        document_module("Sheet1", "worksheet"),
        VbaModule("ThiDua", "standard", "x"),
        VbaModule("Dictionary", "class", "x"),
    ]
    text = project_stream(mods).decode("cp1252")
    lines = text.split("\r\n")
    assert re.fullmatch(r'ID="\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}"', lines[0])
    assert lines[1:5] == [
        "Document=ThisWorkbook/&H00000000",
        "Document=Sheet1/&H00000000",
        "Module=ThiDua",
        "Class=Dictionary",
    ]
    assert 'Name="VBAProject"' in lines and 'HelpContextID="0"' in lines
    assert "[Host Extender Info]" in lines and "[Workspace]" in lines
    assert lines[-5:] == [
        "ThisWorkbook=0, 0, 0, 0, C",
        "Sheet1=0, 0, 0, 0, C",
        "ThiDua=0, 0, 0, 0, C",
        "Dictionary=0, 0, 0, 0, C",
        "",
    ]
    pid = lines[0][4:-1]
    fields = dict(re.findall(r'^(CMG|DPB|GC)="([^"]*)"', text, re.M))
    assert decrypt_data(pid, fields["GC"]) == b"\xff"
    assert decrypt_data(pid, fields["DPB"]) == b"\0"
    assert decrypt_data(pid, fields["CMG"]) == b"\0\0\0\0"


# --------------------------------------------------------------------------- module sources
def test_class_module_matches_what_excel_stored(xlwings_template):
    """Our .cls import gives the same header Excel wrote into xlwings' template."""
    from pathlib import Path

    import xlwings
    from oletools.olevba import VBA_Parser

    cls = (Path(xlwings.__file__).parent / "addin" / "Dictionary.cls").read_bytes().decode("cp1252")
    ours = class_module_from_cls(cls).source.split("\r\n")
    codes = {vf: code for _, _, vf, code in VBA_Parser(str(xlwings_template)).extract_macros()}
    theirs = codes["Dictionary.cls"].replace("\r\n", "\n").split("\n")
    n_attr = next(i for i, line in enumerate(theirs) if not line.startswith("Attribute "))
    assert ours[:n_attr] == theirs[:n_attr]
    assert not ours[0].startswith("VERSION")
    # Excel also re-cases identifiers (Err -> err); apart from that the body is unchanged.
    assert [s.lower() for s in ours[n_attr:-1]] == [
        s.lower() for s in theirs[n_attr : len(ours) - 1]
    ]


def test_document_modules_match_what_excel_stored(xlwings_template):
    from oletools.olevba import VBA_Parser

    codes = {vf: code for _, _, vf, code in VBA_Parser(str(xlwings_template)).extract_macros()}
    assert document_module("ThisWorkbook", "workbook").source == codes["ThisWorkbook.cls"]
    assert document_module("Sheet1", "worksheet").source == codes["Sheet1.cls"]


def test_module_name_validation():
    for bad in ("", "1abc", "has space", "Thi-Dua", "Đoàn", "x" * 32):
        with pytest.raises(ValueError):
            VbaModule(bad, "standard", "")
    with pytest.raises(ValueError):
        VbaModule("Ok", "form", "")
