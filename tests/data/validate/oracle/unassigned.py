#!/usr/bin/env python3
"""Writes src/validate/rules/unassigned.rs: the unassigned code points
(general category Cn) of the Unicode version of the Python that runs this,
as ranges. Python's repr() escapes them; the table lets bashio's repr do the
same. Run with the Python the Supervisor runs on, from the repository root:

    python3 tests/data/validate/oracle/unassigned.py > src/validate/rules/unassigned.rs
"""
import unicodedata

ranges = []
start = None
for code in range(0x110000):
    unassigned = unicodedata.category(chr(code)) == "Cn"
    if unassigned and start is None:
        start = code
    if not unassigned and start is not None:
        ranges.append((start, code - 1))
        start = None
if start is not None:
    ranges.append((start, 0x10FFFF))

print("//! The code points Unicode has not assigned (general category Cn), as of")
print(f"//! Unicode {unicodedata.unidata_version}, in ranges: Python's `repr()` escapes them. Written by")
print("//! tests/data/validate/oracle/unassigned.py from Python's own tables.")
print()
print(f"pub(super) const UNASSIGNED: [(u32, u32); {len(ranges)}] = [")
for at in range(0, len(ranges), 4):
    row = " ".join(f"(0x{a:X}, 0x{b:X})," for a, b in ranges[at:at + 4])
    print(f"    {row}")
print("];")
print()
print("/// Whether Unicode has not assigned this code point.")
print("pub(super) fn is_unassigned(code: u32) -> bool {")
print("    UNASSIGNED")
print("        .binary_search_by(|&(start, end)| {")
print("            if end < code {")
print("                std::cmp::Ordering::Less")
print("            } else if start > code {")
print("                std::cmp::Ordering::Greater")
print("            } else {")
print("                std::cmp::Ordering::Equal")
print("            }")
print("        })")
print("        .is_ok()")
print("}")
