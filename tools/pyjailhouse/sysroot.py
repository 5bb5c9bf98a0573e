# SPDX-License-Identifier: GPL-2.0
"""The files `jailhouse config create` reads, below a root folder: `/` on
the target machine, or a copy of its files elsewhere, or the archive
`jailhouse config collect` wrote there."""

import glob
import os
import tarfile
import tempfile


class SysRoot:
    """Reads paths such as 'proc/iomem' below root."""

    def __init__(self, root='/'):
        self.root = root

    def path(self, rel):
        return os.path.join(self.root, rel)

    def exists(self, rel):
        return os.path.exists(self.path(rel))

    def data(self, rel):
        with open(self.path(rel), 'rb') as f:
            return f.read()

    def text(self, rel):
        return self.data(rel).decode('ascii', 'replace')

    def optional_data(self, rel):
        return self.data(rel) if self.exists(rel) else None

    def pci_functions(self):
        """Names (DDDD:BB:DD.F) of the PCI functions with a config file."""
        found = glob.glob(self.path('sys/bus/pci/devices/*/config'))
        return sorted(os.path.basename(os.path.dirname(p)) for p in found)

    def pci_config(self, name):
        return self.data('sys/bus/pci/devices/%s/config' % name)



class ArchiveError(Exception):
    """The archive cannot be read, or holds what no collector writes."""


def _safe_member(member):
    name = member.name
    return member.isfile() and not name.startswith('/') and \
        '..' not in name.split('/')


def unpack(archive, into):
    """Unpack the regular files of archive below into; refuses links,
    devices and names that would leave into."""
    try:
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if not _safe_member(member):
                    raise ArchiveError('%s: %r is not a collected file' %
                                       (archive, member.name))
                dest = os.path.join(into, member.name)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with tar.extractfile(member) as src, \
                        open(dest, 'wb') as out:
                    out.write(src.read())
    except tarfile.TarError as e:
        raise ArchiveError('%s: not a readable tar archive (%s)' %
                           (archive, e))


def open_root(root):
    """A SysRoot for a folder, or for an archive unpacked into a temporary
    folder (returned too, to be cleaned up; else None)."""
    if not os.path.isfile(root):
        return SysRoot(root), None
    tmp = tempfile.TemporaryDirectory(prefix='jailhouse-collect-')
    unpack(root, tmp.name)
    return SysRoot(tmp.name), tmp
