# SPDX-License-Identifier: GPL-2.0
"""`jailhouse config create [-r ROOT] [--mem-hv SIZE] FILE.c`: write the
C source of a root (system) config for this x86 machine, from
/proc, the ACPI tables and PCI config spaces under ROOT (default /; or the
archive `jailhouse config collect` wrote on the target).

The hypervisor's memory is the start of the region Linux was told to keep
off with memmap=SIZE$ADDR; the rest of that region becomes RAM that the
root cell hands to non-root cells. Exit status: 0 written, 1 the machine
lacks what a config needs, 2 usage error."""

import argparse
import re
import sys

from . import acpi_tables, config_render, iomem, pci_scan
from .sysroot import ArchiveError, open_root

PROG = 'jailhouse-config-create'
MiB = 1 << 20


class Problem(Exception):
    """The machine (or collected tree) lacks something a config needs."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        print('%s: %s (try --help)' % (PROG, message), file=sys.stderr)
        sys.exit(2)


def _size(text):
    m = re.fullmatch(r'(\d+)([KMG]?)', text.strip().upper())
    if not m:
        raise argparse.ArgumentTypeError('not a size: %r (e.g. 6M)' % text)
    return int(m.group(1)) << {'': 0, 'K': 10, 'M': 20, 'G': 30}[m.group(2)]


def _arguments(argv):
    p = _Parser(prog=PROG, description='Write a root cell config (C) for '
                'this x86 machine.')
    p.add_argument('-r', '--root', default='/', help='read /proc, /sys '
                   'below this folder (default /), or from this archive '
                   'of `jailhouse config collect`')
    p.add_argument('--mem-hv', type=_size, default=6 * MiB,
                   help='hypervisor memory at the start of the memmap= '
                   'reservation (default 6M)')
    p.add_argument('--name', default='RootCell', help='root cell name')
    p.add_argument('file', help='C file to write, - for stdout')
    return p.parse_args(argv)


def _reservation(cmdline):
    """(start, size) of the first memmap=SIZE$START of the command line."""
    m = re.search(r'memmap=(\d+)([KMG]?)\$(0x[0-9a-fA-F]+|\d+)', cmdline)
    if not m:
        raise Problem('the kernel command line has no memmap=SIZE$ADDRESS '
                      'reservation for the hypervisor (see '
                      'Documentation/setup-x86.md)')
    size = int(m.group(1)) << {'': 0, 'K': 10, 'M': 20, 'G': 30}[m.group(2)]
    return int(m.group(3), 0), size


def _cpus(cpuinfo):
    ids = [int(m) for m in re.findall(r'^processor\s*:\s*(\d+)', cpuinfo,
                                      re.M)]
    if not ids:
        raise Problem('/proc/cpuinfo lists no processor')
    vendor = re.search(r'^vendor_id\s*:\s*(\S+)', cpuinfo, re.M)
    flags = re.search(r'^flags\s*:(.*)$', cpuinfo, re.M)
    return ids, vendor.group(1) if vendor else '?', \
        set(flags.group(1).split()) if flags else set()


def _iommus(root):
    """IOMMU units (dicts for config_render) and whether VT-d offers
    interrupt remapping."""
    dmar, ivrs = root.optional_data('sys/firmware/acpi/tables/DMAR'), \
        root.optional_data('sys/firmware/acpi/tables/IVRS')
    if dmar:
        units, ir = acpi_tables.dmar_units(dmar)
        return [dict(u, type='INTEL') for u in units], ir
    if ivrs:
        return [dict(u, type='AMD', size=0x4000)
                for u in acpi_tables.ivrs_units(ivrs)], False
    return [], False


def _amd_msi_caps(root, units):
    for u in units:
        if u['type'] != 'AMD':
            continue
        name = '0000:%02x:%02x.%x' % (u['bdf'] >> 8, (u['bdf'] >> 3) & 0x1f,
                                      u['bdf'] & 7)
        fun = pci_scan.function(name, root.pci_config(name)) \
            if name in root.pci_functions() else {'caps': []}
        u['msi_cap'] = next((c['start'] for c in fun['caps']
                             if c['id'] == 0x05), 0)


def _ioapics(root, units):
    madt = root.data('sys/firmware/acpi/tables/APIC')
    chips = []
    for ioapic_id, address, gsi_base in acpi_tables.madt_ioapics(madt):
        sid = next((u['ioapics'][ioapic_id] for u in units
                    if ioapic_id in u['ioapics']), None)
        chips.append({'id': ioapic_id, 'address': address,
                      'gsi_base': gsi_base, 'sid': sid})
    return chips


def _memory(root, hv, units, mmcfg, chips):
    top = iomem.parse(root.text('proc/iomem'))
    regs = iomem.regions(top)
    start, size, hv_size = hv
    regs = iomem.cut(regs, start, start + size)
    regs.append(iomem.Region(start + hv_size, start + size, iomem.RAM,
                             'memmap= reservation after the hypervisor: '
                             'RAM for non-root cells'))
    holes = [(u['base'], u['base'] + u['size']) for u in units]
    holes += [(c['address'], c['address'] + 0x1000) for c in chips]
    holes.append((0xfee00000, 0xfef00000))
    if mmcfg:
        holes.append((mmcfg[0], mmcfg[0] + ((mmcfg[2] + 1) << 20)))
    # What the hypervisor keeps: IOMMU units, IOAPICs, local APIC, ECAM.
    for lo, hi in holes:
        regs = iomem.cut(regs, lo, hi)
    return iomem.merge(sorted(regs, key=lambda r: r.start))


def gather(root, mem_hv, name):
    """Everything config_render needs, as one dict."""
    cmdline = root.text('proc/cmdline')
    res_start, res_size = _reservation(cmdline)
    if mem_hv > res_size:
        raise Problem('--mem-hv %#x is larger than the memmap= reservation '
                      '(%#x)' % (mem_hv, res_size))
    cpus, vendor, flags = _cpus(root.text('proc/cpuinfo'))
    units, ir = _iommus(root)
    _amd_msi_caps(root, units)
    mcfg = root.optional_data('sys/firmware/acpi/tables/MCFG')
    mmcfg = acpi_tables.mcfg_window(mcfg) if mcfg else None
    chips = _ioapics(root, units)
    fadt = root.optional_data('sys/firmware/acpi/tables/FACP')
    x2apic = 'x2apic' in flags and ir and 'nox2apic' not in cmdline
    return {
        'name': name, 'vendor': vendor, 'cpus': cpus,
        'hv': (res_start, mem_hv),
        'regions': _memory(root, (res_start, res_size, mem_hv), units,
                           mmcfg, chips),
        'iommus': units, 'mmcfg': mmcfg, 'ioapics': chips,
        'pm_timer': acpi_tables.fadt_pm_timer(fadt) if fadt else 0,
        'x2apic': x2apic,
        'pci': [pci_scan.function(n, root.pci_config(n))
                for n in root.pci_functions()],
    }


def main(argv=None):
    args = _arguments(sys.argv[1:] if argv is None else argv)
    tmp = None
    try:
        root, tmp = open_root(args.root)
        text = config_render.render(gather(root, args.mem_hv, args.name))
    except (Problem, ArchiveError) as e:
        print('%s: %s' % (PROG, e), file=sys.stderr)
        return 1
    except OSError as e:
        print('%s: cannot read %s: %s' % (PROG, e.filename, e.strerror),
              file=sys.stderr)
        return 1
    finally:
        if tmp:
            tmp.cleanup()
    if args.file == '-':
        sys.stdout.write(text)
        return 0
    try:
        with open(args.file, 'w') as f:
            f.write(text)
    except OSError as e:
        print('%s: cannot write %s: %s' % (PROG, args.file, e.strerror),
              file=sys.stderr)
        return 1
    return 0
