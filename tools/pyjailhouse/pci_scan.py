# SPDX-License-Identifier: GPL-2.0
"""PCI functions of the root cell as their config spaces describe them:
type (device or bridge), capabilities with the lengths the hypervisor
filters by, MSI and MSI-X geometry. Register layouts: PCI Local Bus and
PCI Express specifications."""

import struct

EXT_CAP = 0x8000

# Capabilities the root may write (power management, MSI, MSI-X: Linux
# programs them); every other one is listed read-only at its length.
WRITABLE = {0x01, 0x05, 0x11}
STD_LEN = {0x01: 8, 0x03: 8, 0x09: None, 0x0d: 8, 0x12: 2, 0x13: 6,
           0x11: 12}
EXT_LEN = {0x01: 0x48, 0x03: 0x0c, 0x0d: 8, 0x0e: 8, 0x0f: 8, 0x10: 0x40,
           0x18: 8, 0x1b: 8, 0x1e: 0x10}


def _u(fmt, data, off):
    return struct.unpack_from('<' + fmt, data, off)[0]


def _msi_len(ctrl):
    return (14 if ctrl & 0x80 else 10) + (10 if ctrl & 0x100 else 0)


def _std_len(data, off, cap_id):
    if cap_id == 0x05:
        return _msi_len(_u('H', data, off + 2))
    if cap_id == 0x10:
        return 0x3c if (data[off + 2] & 0xf) >= 2 else 0x24
    if cap_id == 0x09:
        return max(data[off + 2], 2)
    return STD_LEN.get(cap_id, 4)


def _std_caps(data):
    caps, off, seen = [], data[0x34] & 0xfc, set()
    if not _u('H', data, 0x06) & 0x10:
        return caps
    while off >= 0x40 and off not in seen and off + 2 <= len(data):
        seen.add(off)
        cap_id = data[off]
        caps.append({'id': cap_id, 'start': off,
                     'len': _std_len(data, off, cap_id),
                     'write': cap_id in WRITABLE})
        off = data[off + 1] & 0xfc
    return caps


def _ext_caps(data):
    caps, off, seen = [], 0x100, set()
    while len(data) >= 0x1000 and off >= 0x100 and off not in seen:
        seen.add(off)
        header = _u('I', data, off)
        if header in (0, 0xffffffff):
            break
        cap_id = header & 0xffff
        caps.append({'id': EXT_CAP | cap_id, 'start': off,
                     'len': EXT_LEN.get(cap_id, 4), 'write': False})
        off = (header >> 20) & 0xffc
    return caps


def _bar_address(data, bir):
    low = _u('I', data, 0x10 + 4 * bir)
    addr = low & ~0xf
    if (low & 0x6) == 0x4 and bir < 5:
        addr |= _u('I', data, 0x14 + 4 * bir) << 32
    return addr


def _msi_info(data, caps):
    info = {}
    for cap in caps:
        if cap['id'] == 0x05:
            ctrl = _u('H', data, cap['start'] + 2)
            info['msi_vectors'] = 1 << ((ctrl >> 1) & 7)
            info['msi_64bits'] = bool(ctrl & 0x80)
            info['msi_maskable'] = bool(ctrl & 0x100)
        elif cap['id'] == 0x11:
            ctrl = _u('H', data, cap['start'] + 2)
            table = _u('I', data, cap['start'] + 4)
            vectors = (ctrl & 0x7ff) + 1
            info['msix_vectors'] = vectors
            info['msix_address'] = _bar_address(data, table & 7) + \
                (table & ~7)
            info['msix_size'] = (vectors * 16 + 0xfff) & ~0xfff
    return info


def function(name, data):
    """One function (name DDDD:BB:DD.F, its config space bytes) as a dict:
    domain, bdf, bridge, caps, and the MSI/MSI-X keys it has."""
    domain, bus, devfn = name.split(':')
    dev, fn = devfn.split('.')
    caps = _std_caps(data) + _ext_caps(data)
    fun = {'name': name, 'domain': int(domain, 16),
           'bdf': (int(bus, 16) << 8) | (int(dev, 16) << 3) | int(fn),
           'bridge': (data[0x0e] & 0x7f) == 1, 'caps': caps,
           'vendor': _u('H', data, 0), 'device': _u('H', data, 2)}
    fun.update(_msi_info(data, caps))
    return fun
