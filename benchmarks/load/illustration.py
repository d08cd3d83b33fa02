#!/usr/bin/env python3
"""Writes the 48x48 PNG that zimwriterfs requires as --illustration (a plain
blue square with a white bar; no dependencies beyond the standard library)."""
import struct
import sys
import zlib


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main(path: str) -> None:
    size = 48
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            bar = 20 <= y < 28 and 8 <= x < 40
            row += bytes((255, 255, 255)) if bar else bytes((51, 102, 204))
        rows.append(bytes(row))
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1])
