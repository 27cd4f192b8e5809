"""Writer of VBA projects (MS-OVBA) for ``xl/vbaProject.bin``, source only.

Why our own writer: the ``ms-ovba`` package (0.0.1) mis-compresses long repeats,
and ``pyOpenVBA`` keeps a performance cache that does not conform to what MS-OVBA
asks of writers. MS-OVBA says a writer should produce a source-only project:
``_VBA_PROJECT`` with version 0xFFFF and no PerformanceCache, module streams that
hold only compressed source (MODULEOFFSET 0). The host then compiles the source on
load. xlwings' shipped templates carry the same 0xFFFF version marker.

Public API: :class:`VbaModule`, :func:`build_vba_project`, :func:`document_module`,
:func:`class_module_from_cls`. The streams' compression is ``ovba_compression``.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass
from typing import Literal

from xlsources.cfb import write_cfb
from xlsources.ovba_compression import compress

VBA_PROJECT_STREAM = b"\xcc\x61\xff\xff\x00\x00\x00"  # 0x61CC, version 0xFFFF, reserved


# --------------------------------------------------------------------------- modules
Kind = Literal["standard", "class", "document"]


@dataclass(frozen=True)
class VbaModule:
    """One VBA module: its name, kind and full source text (with Attribute lines)."""

    name: str
    kind: Kind
    source: str

    def __post_init__(self) -> None:
        if self.kind not in ("standard", "class", "document"):
            raise ValueError(f"unknown module kind {self.kind!r}")
        if (
            not self.name.isascii()
            or not self.name.replace("_", "a").isalnum()
            or not self.name[0].isalpha()
            or len(self.name) > 31
        ):
            raise ValueError(f"invalid VBA module name {self.name!r}")

    def source_bytes(self) -> bytes:
        """The source as stored: CRLF line ends, final CRLF, code page 1252."""
        return normalise_source(self.source).encode("cp1252")


def normalise_source(text: str) -> str:
    """CRLF line endings and exactly one trailing CRLF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    return text.replace("\n", "\r\n") + "\r\n"


DOCUMENT_BASES = {
    "workbook": "0{00020819-0000-0000-C000-000000000046}",
    "worksheet": "0{00020820-0000-0000-C000-000000000046}",
}
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"


def document_module(name: str, base: Literal["workbook", "worksheet"]) -> VbaModule:
    """The attribute-only document module Excel keeps for the workbook or a sheet."""
    lines = [
        f'Attribute VB_Name = "{name}"',
        f'Attribute VB_Base = "{DOCUMENT_BASES[base]}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = True",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = True",
    ]
    return VbaModule(name, "document", "\r\n".join(lines) + "\r\n")


def class_module_from_cls(text: str) -> VbaModule:
    """Turn an exported ``.cls`` file into the module Excel stores after importing it.

    Excel drops the ``VERSION 1.0 CLASS`` / ``BEGIN`` ... ``END`` header, and adds
    ``VB_Base`` after ``VB_Name`` and ``VB_TemplateDerived`` / ``VB_Customizable``
    after ``VB_Exposed`` when they are missing (as in xlwings' own templates).
    """
    lines = normalise_source(text).split("\r\n")[:-1]
    if lines and lines[0].strip().upper().startswith("VERSION ") and "CLASS" in lines[0].upper():
        try:
            end = next(i for i, line in enumerate(lines) if line.strip().upper() == "END")
        except StopIteration:
            raise ValueError("class header has no END line") from None
        lines = lines[end + 1 :]
    attrs = {line.split("=")[0].split()[1] for line in lines if line.startswith("Attribute ")}
    name_line = next(
        (i for i, line in enumerate(lines) if line.startswith("Attribute VB_Name")), None
    )
    if name_line is None:
        raise ValueError("class module has no Attribute VB_Name line")
    name = lines[name_line].split("=", 1)[1].strip().strip('"')
    if "VB_Base" not in attrs:
        lines.insert(name_line + 1, f'Attribute VB_Base = "{CLASS_BASE}"')
    exposed = next(
        (i for i, line in enumerate(lines) if line.startswith("Attribute VB_Exposed")), None
    )
    extra = [
        f"Attribute {a} = False"
        for a in ("VB_TemplateDerived", "VB_Customizable")
        if a not in attrs
    ]
    if extra:
        at = exposed + 1 if exposed is not None else name_line + 2
        lines[at:at] = extra
    return VbaModule(name, "class", "\r\n".join(lines) + "\r\n")


# --------------------------------------------------------------------------- project
def build_vba_project(
    modules: list[VbaModule],
    *,
    project_name: str = "VBAProject",
    project_id: str | None = None,
    syskind: int = 3,
) -> bytes:
    """Return a source-only ``vbaProject.bin`` holding ``modules`` (order is kept)."""
    names = [m.name.upper() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError("duplicate VBA module names")
    streams = {
        "PROJECT": project_stream(modules, project_name, project_id),
        "PROJECTwm": projectwm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": compress(dir_stream(modules, project_name, syskind)),
    }
    for m in modules:
        streams[f"VBA/{m.name}"] = compress(m.source_bytes())
    return write_cfb(streams)


# --------------------------------------------------------------------------- dir stream
def _rec(rid: int, payload: bytes) -> bytes:
    return struct.pack("<HI", rid, len(payload)) + payload


def _u16(text: str) -> bytes:
    return text.encode("utf-16-le")


# References as Excel writes them for a new workbook. The Office record is copied from
# the dir stream of xlwings' quickstart_standalone.xlsm (a test checks it still matches);
# stdole ("OLE Automation") is the other reference every new Excel project carries.
REFERENCES: tuple[tuple[str, str], ...] = (
    (
        "stdole",
        "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#"
        "C:\\Windows\\System32\\stdole2.tlb#OLE Automation",
    ),
    (
        "Office",
        "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
        "C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL"
        "#Microsoft Office 16.0 Object Library",
    ),
)

MODULE_TYPE = {"standard": 0x0021, "class": 0x0022, "document": 0x0022}


def dir_stream(
    modules: list[VbaModule], project_name: str = "VBAProject", syskind: int = 3
) -> bytes:
    """The decompressed ``VBA/dir`` stream (MS-OVBA 2.3.4.2)."""
    if syskind not in (0, 1, 2, 3):
        raise ValueError("PROJECTSYSKIND must be 0..3 (1 = Win32, 3 = Win64)")
    name = project_name.encode("cp1252")
    out = bytearray()
    out += _rec(0x0001, struct.pack("<I", syskind))  # PROJECTSYSKIND
    out += _rec(0x0002, struct.pack("<I", 0x0409))  # PROJECTLCID
    out += _rec(0x0014, struct.pack("<I", 0x0409))  # PROJECTLCIDINVOKE
    out += _rec(0x0003, struct.pack("<H", 1252))  # PROJECTCODEPAGE
    out += _rec(0x0004, name)  # PROJECTNAME
    out += _rec(0x0005, b"") + _rec(0x0040, b"")  # PROJECTDOCSTRING
    out += _rec(0x0006, b"") + _rec(0x003D, b"")  # PROJECTHELPFILEPATH
    out += _rec(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _rec(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION 1.0
    out += _rec(0x000C, b"") + _rec(0x003C, b"")  # PROJECTCONSTANTS
    for ref_name, libid in REFERENCES:
        out += _rec(0x0016, ref_name.encode("cp1252")) + _rec(0x003E, _u16(ref_name))
        lib = libid.encode("cp1252")
        body = struct.pack("<I", len(lib)) + lib + struct.pack("<IH", 0, 0)
        out += _rec(0x000D, body)  # REFERENCEREGISTERED
    out += _rec(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    out += _rec(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for m in modules:
        mname = m.name.encode("cp1252")
        out += _rec(0x0019, mname) + _rec(0x0047, _u16(m.name))  # MODULENAME (+UNICODE)
        out += _rec(0x001A, mname) + _rec(0x0032, _u16(m.name))  # MODULESTREAMNAME
        out += _rec(0x001C, b"") + _rec(0x0048, b"")  # MODULEDOCSTRING
        out += _rec(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: source only
        out += _rec(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _rec(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _rec(MODULE_TYPE[m.kind], b"")  # MODULETYPE
        out += _rec(0x002B, b"")  # module terminator
    out += _rec(0x0010, b"")  # dir terminator
    return bytes(out)


# --------------------------------------------------------------------------- PROJECT stream
def encrypt_data(project_id: str, data: bytes, seed: int) -> str:
    """MS-OVBA 2.4.3.2 data encryption, as hex text (used by CMG, DPB and GC)."""
    version, proj_key = 2, sum(project_id.encode("cp1252")) & 0xFF
    version_enc, proj_key_enc = seed ^ version, seed ^ proj_key
    out = [seed, version_enc, proj_key_enc]
    unencrypted_1, encrypted_1, encrypted_2 = proj_key, proj_key_enc, version_enc
    ignored = [0] * ((seed & 6) // 2)
    for byte in ignored + list(struct.pack("<I", len(data))) + list(data):
        enc = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        out.append(enc)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, enc, byte
    return bytes(out).hex().upper()


def decrypt_data(project_id: str, hex_text: str) -> bytes:
    """Inverse of :func:`encrypt_data` (MS-OVBA 2.4.3.3); checks version and key."""
    raw = bytes.fromhex(hex_text)
    seed, version_enc, proj_key_enc = raw[0], raw[1], raw[2]
    if seed ^ version_enc != 2:
        raise ValueError("bad encryption version")
    proj_key = seed ^ proj_key_enc
    if proj_key != sum(project_id.encode("cp1252")) & 0xFF:
        raise ValueError("project key does not match the project id")
    unencrypted_1, encrypted_1, encrypted_2 = proj_key, proj_key_enc, version_enc
    plain = bytearray()
    for enc in raw[3:]:
        byte = enc ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        plain.append(byte)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, enc, byte
    plain = plain[(seed & 6) // 2 :]
    length = struct.unpack_from("<I", plain)[0]
    if len(plain) != 4 + length:
        raise ValueError("bad encrypted data length")
    return bytes(plain[4:])


def default_project_id(modules: list[VbaModule]) -> str:
    """A stable project GUID derived from the module names (deterministic builds)."""
    key = "thidua-vba:" + ",".join(m.name for m in modules)
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, key)).upper() + "}"


NO_PROTECTION = struct.pack("<I", 0)  # ProjectProtectionState: nothing locked
NO_PASSWORD = b"\x00"  # ProjectPassword: no password
VISIBLE = b"\xff"  # ProjectVisibilityState: project visible


def project_stream(
    modules: list[VbaModule], project_name: str = "VBAProject", project_id: str | None = None
) -> bytes:
    """The PROJECT stream (MS-OVBA 2.3.1): unprotected, visible, no password."""
    pid = project_id or default_project_id(modules)
    lines = [f'ID="{pid}"']
    for m in modules:
        if m.kind == "document":
            lines.append(f"Document={m.name}/&H00000000")
        elif m.kind == "class":
            lines.append(f"Class={m.name}")
        else:
            lines.append(f"Module={m.name}")
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        # Seeds fixed for reproducible output; values decrypt to: protection state 0,
        # no password (one 0x00 byte), visibility state 0xFF (visible).
        f'CMG="{encrypt_data(pid, NO_PROTECTION, 0x8D)}"',
        f'DPB="{encrypt_data(pid, NO_PASSWORD, 0x8D)}"',
        f'GC="{encrypt_data(pid, VISIBLE, 0x8D)}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def projectwm_stream(modules: list[VbaModule]) -> bytes:
    """The PROJECTwm stream (MS-OVBA 2.3.3): MBCS and UTF-16 name of every module."""
    out = bytearray()
    for m in modules:
        out += m.name.encode("cp1252") + b"\0" + _u16(m.name) + b"\0\0"
    return bytes(out + b"\0\0")
