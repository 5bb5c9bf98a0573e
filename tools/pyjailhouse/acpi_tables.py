# SPDX-License-Identifier: GPL-2.0
"""The few ACPI tables a root config is made from: MADT (IOAPICs), MCFG
(PCI ECAM), FADT (PM timer), DMAR (VT-d units) and IVRS (AMD-Vi units).
Layouts are those of the ACPI, VT-d and AMD IOMMU specifications; every
table starts with the 36-byte common header."""

import struct

HEADER = 36


def _u(fmt, data, off):
    return struct.unpack_from('<' + fmt, data, off)[0]


def madt_ioapics(data):
    """[(ioapic id, address, first GSI)] from the MADT's type-1 entries."""
    found = []
    off = HEADER + 8
    while off + 2 <= len(data):
        kind, length = data[off], data[off + 1]
        if length < 2:
            break
        if kind == 1 and length >= 12:
            found.append((data[off + 2], _u('I', data, off + 4),
                          _u('I', data, off + 8)))
        off += length
    return found


def mcfg_window(data):
    """(ECAM base, first bus, last bus) of segment 0, or None."""
    off = HEADER + 8
    while off + 16 <= len(data):
        base, seg, first, last = struct.unpack_from('<QHBB', data, off)
        if seg == 0:
            return base, first, last
        off += 16
    return None


def fadt_pm_timer(data):
    """The PM timer's I/O port (0 when the FADT names none)."""
    port = _u('I', data, 76) if len(data) >= 80 else 0
    if not port and len(data) >= 220 and data[208] == 1:
        port = _u('Q', data, 212)
    return port


def _scope_bdf(data, off, length):
    # A path of one (device, function) below the start bus; deeper paths
    # would need the bridges' bus numbers, which no IOAPIC scope uses.
    bus = data[off + 5]
    dev, fn = data[off + 6], data[off + 7]
    return (bus << 8) | (dev << 3) | fn if length >= 8 else None


def _drhd(data, off, length):
    unit = {'flags': data[off + 4], 'segment': _u('H', data, off + 6),
            'base': _u('Q', data, off + 8),
            'size': 0x1000 << (data[off + 5] & 0xf), 'ioapics': {},
            'devices': set()}
    pos = off + 16
    while pos + 6 <= off + length:
        kind, slen = data[pos], data[pos + 1]
        if slen < 6:
            break
        bdf = _scope_bdf(data, pos, slen)
        if kind == 3 and bdf is not None:
            unit['ioapics'][data[pos + 4]] = bdf
        elif kind == 1 and bdf is not None:
            unit['devices'].add(bdf)
        pos += slen
    return unit


def dmar_units(data):
    """VT-d units in table order, each a dict: base, size, flags (bit 0:
    every PCI device of the segment), segment, ioapics {id: source id},
    devices (the endpoints its scope lists);
    and whether the platform does interrupt remapping (DMAR flags bit 0)."""
    units = []
    off = HEADER + 12
    while off + 4 <= len(data):
        kind, length = struct.unpack_from('<HH', data, off)
        if length < 4:
            break
        if kind == 0 and length >= 16:
            units.append(_drhd(data, off, length))
        off += length
    return units, bool(data[HEADER + 1] & 1)


# IVHD device entries: 4 bytes below type 64, 8 from 64 to 127, type 0xf0
# (ACPI HID) has a variable tail.
def _ivhd_entry_len(data, pos):
    kind = data[pos]
    if kind == 0xf0:
        return 22 + data[pos + 21]
    return 4 if kind < 64 else 8


def _ivhd(data, off, length):
    kind = data[off]
    unit = {'bdf': _u('H', data, off + 4), 'cap': _u('H', data, off + 6),
            'base': _u('Q', data, off + 8),
            'features': _u('I', data, off + 20), 'ioapics': {}}
    pos = off + (24 if kind == 0x10 else 40)
    while pos + 4 <= off + length:
        if data[pos] == 0x48 and data[pos + 7] == 1:
            unit['ioapics'][data[pos + 4]] = _u('H', data, pos + 5)
        pos += _ivhd_entry_len(data, pos)
    return unit


def ivrs_units(data):
    """AMD-Vi units: bdf, cap (capability offset), base, features,
    ioapics {id: device id}. A unit described by several IVHD types is
    listed once, from the first."""
    units = {}
    off = HEADER + 12
    while off + 24 <= len(data):
        kind, length = data[off], _u('H', data, off + 2)
        if length < 24:
            break
        if kind in (0x10, 0x11, 0x40):
            unit = _ivhd(data, off, length)
            units.setdefault(unit['base'], unit)
        off += length
    return list(units.values())
