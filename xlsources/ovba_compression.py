"""The compression of VBA streams (MS-OVBA 2.4.1): ``compress`` for the writer, ``decompress``
to read back what Excel or we wrote."""

from __future__ import annotations

import struct

CHUNK = 4096


def _copy_token_help(difference: int) -> tuple[int, int]:
    """MS-OVBA 2.4.1.3.19.1: (bit_count, maximum_length) for a position in a chunk."""
    bit_count = max((difference - 1).bit_length(), 4)
    return bit_count, (0xFFFF >> bit_count) + 3


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    """Compress ``data[start:end]`` (at most 4096 bytes) into one CompressedChunk."""
    out = bytearray(b"\0\0")
    heads: dict[bytes, list[int]] = {}  # 3-byte prefix -> positions, oldest first
    cur = start
    overflow = False
    while cur < end and not overflow:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if cur >= end:
                break
            best_len, best_off = 0, 0
            if cur > start and cur + 3 <= end:
                bit_count, max_len = _copy_token_help(cur - start)
                limit = min(max_len, end - cur)
                for cand in reversed(heads.get(data[cur : cur + 3], ())):
                    length = 3
                    while length < limit and data[cand + length] == data[cur + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, cur - cand
                        if length == limit:
                            break
            step = best_len if best_len >= 3 else 1
            if best_len >= 3:
                token = ((best_off - 1) << (16 - bit_count)) | (best_len - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
            else:
                out.append(data[cur])
            for pos in range(cur, cur + step):
                if pos + 3 <= end:
                    heads.setdefault(data[pos : pos + 3], []).append(pos)
            cur += step
            if len(out) > CHUNK + 2:
                overflow = True
                break
        out[flag_at] = flags
    if overflow or len(out) > CHUNK + 2:
        # 2.4.1.3.10: a raw chunk always holds 4096 bytes (the tail is padded with 0x00).
        raw = data[start:end] + b"\0" * (CHUNK - (end - start))
        return struct.pack("<H", 0x3000 | (CHUNK - 1)) + raw
    struct.pack_into("<H", out, 0, 0xB000 | (len(out) - 3))
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Compress ``data`` into a CompressedContainer (MS-OVBA 2.4.1)."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        out += _compress_chunk(data, start, min(start + CHUNK, len(data)))
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """Decompress a CompressedContainer (MS-OVBA 2.4.1.3.1)."""
    if not container or container[0] != 0x01:
        raise ValueError("not a compressed container (signature byte != 0x01)")
    out = bytearray()
    pos = 1
    while pos < len(container):
        header = struct.unpack_from("<H", container, pos)[0]
        if (header >> 12) & 0x7 != 0b011:
            raise ValueError("bad CompressedChunkSignature")
        size = (header & 0x0FFF) + 3
        end = min(pos + size, len(container))
        pos += 2
        chunk_start = len(out)
        if not header & 0x8000:
            out += container[pos : pos + CHUNK]
            pos += CHUNK
            continue
        while pos < end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= end:
                    break
                if flags & (1 << bit):
                    token = struct.unpack_from("<H", container, pos)[0]
                    pos += 2
                    bit_count, _ = _copy_token_help(len(out) - chunk_start)
                    length = (token & (0xFFFF >> bit_count)) + 3
                    offset = (token >> (16 - bit_count)) + 1
                    if offset > len(out) - chunk_start:
                        raise ValueError("copy token points before the chunk")
                    for _ in range(length):
                        out.append(out[-offset])
                else:
                    out.append(container[pos])
                    pos += 1
    return bytes(out)
