# SPDX-License-Identifier: GPL-2.0
"""The files `jailhouse config create` reads, below a root folder: `/` on
the target machine, or a copy of its files elsewhere."""

import glob
import os


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

