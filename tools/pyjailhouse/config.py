# SPDX-License-Identifier: GPL-2.0
"""Binary `.cell` files: parse them into objects and write them back.

A system file is `struct jailhouse_system` (with the root cell descriptor
embedded) followed by the root cell's arrays; a cell file is a
`struct jailhouse_cell_desc` followed by its arrays.  Parsing stops with
ConfigFormatError only where the rest of the file cannot be trusted
(signature, revision, architecture, truncation); everything else is left to
the checks."""

from . import abi, cpuset
from .layout import Layout


class ConfigFormatError(Exception):
    """The file is not a config this parser can read.  `problems` lists
    every reason found, one sentence each."""

    def __init__(self, problems):
        super().__init__('; '.join(problems))
        self.problems = problems


class Cell:
    """A cell descriptor with its arrays."""

    def __init__(self, desc, architecture, cpu_bitmap, arrays):
        self.desc = desc
        # A root cell descriptor carries no signature or architecture of
        # its own; the system header's architecture applies.
        self.architecture = architecture
        self.cpu_bitmap = cpu_bitmap
        for _, _, attr in abi.CELL_ARRAYS:
            setattr(self, attr, list(arrays.get(attr, [])))

    @property
    def name(self):
        raw = self.desc.name.split(b'\0', 1)[0]
        return raw.decode('utf-8', 'replace')

    @property
    def flags(self):
        return self.desc.flags

    @property
    def word_size(self):
        return abi.CPU_WORD_SIZE[self.architecture]

    @property
    def cpus(self):
        return cpuset.decode(self.cpu_bitmap, self.word_size)

    def sync_counts(self):
        """Make the descriptor's sizes match the arrays held, after a
        caller has edited them."""
        changes = {count: len(getattr(self, attr))
                   for count, _, attr in abi.CELL_ARRAYS}
        changes['cpu_set_size'] = len(self.cpu_bitmap)
        self.desc = self.desc.copy(**changes)

    def arrays_bytes(self):
        data = self.cpu_bitmap
        for _, _, attr in abi.CELL_ARRAYS:
            data += b''.join(item.pack() for item in getattr(self, attr))
        return data

    def to_bytes(self):
        """The cell file image, with the descriptor as it is (call
        sync_counts() first after editing arrays)."""
        return self.desc.pack() + self.arrays_bytes()


class SystemConfig:
    """A system config: the header and the root cell."""

    def __init__(self, header, root_cell):
        self.header = header
        self.root_cell = root_cell

    @property
    def architecture(self):
        return self.header.architecture

    @property
    def flags(self):
        return self.header.flags

    @property
    def hypervisor_memory(self):
        return self.header.hypervisor_memory

    def platform(self):
        """The architecture part of platform_info, decoded."""
        layout = (abi.PLATFORM_X86 if self.architecture == abi.ARCH_X86
                  else abi.PLATFORM_ARM)
        return layout.unpack_from(self.header.arch)

    def iommu_units(self):
        raw = self.header.iommu_units
        return [abi.IOMMU.unpack_from(raw, index * abi.IOMMU.size)
                for index in range(abi.MAX_IOMMU_UNITS)]

    def to_bytes(self):
        header = self.header.copy(root_cell=self.root_cell.desc)
        return header.pack() + self.root_cell.arrays_bytes()


def _check_header(kind, signature, expected, revision, architecture):
    problems = []
    if signature != expected:
        problems.append('bad signature %r, expected %r for a %s config' %
                        (_show(signature), expected.decode(), kind))
    if revision != abi.CONFIG_REVISION:
        problems.append('config revision %d, expected %d' %
                        (revision, abi.CONFIG_REVISION))
    if architecture not in abi.ARCH_NAMES:
        problems.append('unknown architecture %d (known: %s)' %
                        (architecture, ', '.join(
                            '%d %s' % item
                            for item in sorted(abi.ARCH_NAMES.items()))))
    return problems


def _show(raw):
    return raw.decode('ascii', 'backslashreplace')


def arrays_size(desc):
    """Bytes the arrays declared by a cell descriptor take."""
    size = desc.cpu_set_size
    for count, layout, _ in abi.CELL_ARRAYS:
        size += getattr(desc, count) * layout.size
    return size


def _parse_arrays(data, offset, desc, architecture):
    """Decode the arrays after a descriptor; returns (cell, end offset)."""
    needed = offset + arrays_size(desc)
    if len(data) < needed:
        raise ConfigFormatError([
            'truncated: %d bytes, but the header declares %d '
            '(header and arrays)' % (len(data), needed)])
    bitmap = bytes(data[offset:offset + desc.cpu_set_size])
    offset += desc.cpu_set_size
    arrays = {}
    for count, layout, attr in abi.CELL_ARRAYS:
        items = []
        for _ in range(getattr(desc, count)):
            items.append(layout.unpack_from(data, offset))
            offset += layout.size
        arrays[attr] = items
    return Cell(desc, architecture, bitmap, arrays), offset


def _header_too_short(data, layout, kind):
    if len(data) < layout.size:
        raise ConfigFormatError([
            'truncated: %d bytes, shorter than the %d-byte %s header' %
            (len(data), layout.size, kind)])


class Parsed:
    """What a parse returns: the config plus the count of bytes beyond
    the declared end (non-zero means trailing garbage)."""

    def __init__(self, config, trailing):
        self.config = config
        self.trailing = trailing


# The first 8 bytes, common to jailhouse_system and jailhouse_cell_desc.
_PREFIX = Layout('config_prefix', [
    ('signature', '5s'), ('architecture', 'B'), ('revision', 'H'),
])


def _check_prefix(data, kind, expected):
    """Judge signature, architecture and revision before the length: they
    share their offsets in both kinds of file, and "this is a cell file,
    not a system file" explains a short file better than its length."""
    if len(data) < _PREFIX.size:
        return
    prefix = _PREFIX.unpack_from(data)
    problems = _check_header(kind, prefix.signature, expected,
                             prefix.revision, prefix.architecture)
    if problems:
        raise ConfigFormatError(problems)


def parse_cell(data):
    _check_prefix(data, 'cell', abi.CELL_SIGNATURE)
    _header_too_short(data, abi.CELL_DESC, 'cell')
    desc = abi.CELL_DESC.unpack_from(data)
    cell, end = _parse_arrays(data, abi.CELL_DESC.size, desc,
                              desc.architecture)
    return Parsed(cell, len(data) - end)


def parse_system(data):
    _check_prefix(data, 'system', abi.SYSTEM_SIGNATURE)
    _header_too_short(data, abi.SYSTEM, 'system')
    header = abi.SYSTEM.unpack_from(data)
    root, end = _parse_arrays(data, abi.SYSTEM.size, header.root_cell,
                              header.architecture)
    return Parsed(SystemConfig(header, root), len(data) - end)


def is_system(data):
    """Whether the data starts like a system config (for callers that
    accept either kind)."""
    return bytes(data[:len(abi.SYSTEM_SIGNATURE)]) == abi.SYSTEM_SIGNATURE
