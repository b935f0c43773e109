"""Spotting a damaged embedded index before Chroma opens it.

Chroma's native HNSW reader trusts its segment files: a truncated `header.bin` or a zeroed
`link_lists.bin` makes the whole process die ("double free or corruption", segmentation
fault) instead of raising. So before a local index is opened, each segment folder's files
are checked against the sizes their own header promises. The layout is that of chroma-hnswlib
(chromadb 1.5): `header.bin` holds a persist version (int32) and then hnswlib's header
fields; `data_level0.bin` holds `max_elements` rows of `size_data_per_element` bytes;
`length.bin` one float32 per element; `link_lists.bin` one uint32 byte-count per element
followed by that many bytes of upper-level links.
"""

from __future__ import annotations

import struct
from pathlib import Path

_HEADER = struct.Struct("<iQQQQQQiIQQQdQ")  # 100 bytes, see the module docstring
HEADER_FILE = "header.bin"
_SEGMENT_FILES = ("header.bin", "data_level0.bin", "length.bin", "link_lists.bin")


def damage(index_dir: Path) -> list[str]:
    """What is wrong with the index folder's segment files (empty: nothing found)."""
    problems: list[str] = []
    for folder in sorted(p for p in index_dir.iterdir() if p.is_dir()):
        if (folder / HEADER_FILE).exists():
            problems += [f"{folder.name}: {why}" for why in _segment_damage(folder)]
    return problems


def _segment_damage(folder: Path) -> list[str]:
    missing = [name for name in _SEGMENT_FILES if not (folder / name).is_file()]
    if missing:
        return [f"missing {', '.join(missing)}"]
    header = (folder / HEADER_FILE).read_bytes()
    if len(header) != _HEADER.size:
        return [f"header.bin has {len(header)} bytes, not {_HEADER.size}"]
    (version, _offset0, max_elements, count, row_bytes, _label_at, _data_at, _level, _entry,
     max_m, max_m0, m, _mult, _ef) = _HEADER.unpack(header)
    if version < 1 or m < 1 or max_m < 1 or max_m0 < max_m or count > max_elements:
        return ["header.bin holds impossible values"]
    problems = []
    data_size = (folder / "data_level0.bin").stat().st_size
    if data_size < count * row_bytes:
        problems.append(f"data_level0.bin has {data_size} bytes, needs {count * row_bytes}")
    length_size = (folder / "length.bin").stat().st_size
    if length_size < count * 4:
        problems.append(f"length.bin has {length_size} bytes, needs {count * 4}")
    if not _links_fit((folder / "link_lists.bin").read_bytes(), count, max_m * 4 + 4):
        problems.append("link_lists.bin does not match the element count")
    return problems


def _links_fit(links: bytes, count: int, block: int) -> bool:
    """Every element's byte-count is a whole number of link blocks and they add up exactly."""
    at = 0
    for _ in range(count):
        if at + 4 > len(links):
            return False
        (size,) = struct.unpack_from("<I", links, at)
        if size % block:
            return False
        at += 4 + size
    return at == len(links)
