# SPDX-License-Identifier: GPL-2.0
"""The C text of a root config from what config_create gathered. The
layout is that of include/jailhouse/cell-config.h, written the way the
shipped configs (configs/x86/) are."""

FLAGS = {
    'RAM': 'JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |\n'
           '\t\t\t\tJAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA',
    'RW': 'JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE',
    'IO': 'JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |\n'
          '\t\t\t\tJAILHOUSE_MEM_IO',
    'ROM': 'JAILHOUSE_MEM_READ',
}

HEAD = """\
// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell config of this machine, written by `jailhouse config create`
 * ({vendor} CPU, {ncpus} CPUs{iommu}). Read it before use: it grants the
 * root cell every device Linux found. Build it like the configs in
 * configs/x86/ (gcc -c, objcopy -O binary) and check the result with
 * `jailhouse config check`.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {{
	struct jailhouse_system header;
	__u64 cpus[{ncpuwords}];
	struct jailhouse_memory mem_regions[{nregions}];
	struct jailhouse_irqchip irqchips[{nchips}];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[{ndevs}];
	struct jailhouse_pci_capability pci_caps[{ncaps}];
}} __attribute__((packed)) config = {{
	.header = {{
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {{
			.phys_start = {hv_start:#x},
			.size = {hv_size:#x},
		}},
		.debug_console = {{
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		}},
		.platform_info = {{
{mmcfg}{iommus}			.x86 = {{
				.pm_timer_address = {pm_timer:#x},
				.apic_mode = {apic_mode},
			}},
		}},
		.root_cell = {{
			.name = "{name}",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
		}},
	}},

	.cpus = {{
{cpus}
	}},

	.mem_regions = {{
{regions}
	}},

	.irqchips = {{
{chips}
	}},

	/* Every port but PCI config space (0xcf8-0xcff, the hypervisor's) */
	.pio_regions = {{
		PIO_RANGE(0x0, 0xcf8),
		PIO_RANGE(0xd00, 0xf300),
	}},

	.pci_devices = {{
{devices}
	}},

	.pci_caps = {{
{caps}
	}},
}};
"""


def _cpus(ids):
    words = [0] * (max(ids) // 64 + 1)
    for i in ids:
        words[i // 64] |= 1 << (i % 64)
    return words


def _region(r):
    return ('\t\t/* %s */ {\n'
            '\t\t\t.phys_start = %#x,\n'
            '\t\t\t.virt_start = %#x,\n'
            '\t\t\t.size = %#x,\n'
            '\t\t\t.flags = %s,\n'
            '\t\t},' % (r.comment, r.start, r.start, r.size, FLAGS[r.kind]))


def _iommu(u):
    lines = ['\t\t\t\t{',
             '\t\t\t\t\t.type = JAILHOUSE_IOMMU_%s,' % u['type'],
             '\t\t\t\t\t.base = %#x,' % u['base'],
             '\t\t\t\t\t.size = %#x,' % u['size']]
    if u['type'] == 'AMD':
        lines += ['\t\t\t\t\t.amd = {',
                  '\t\t\t\t\t\t.bdf = %#x,' % u['bdf'],
                  '\t\t\t\t\t\t.base_cap = %#x,' % u['cap'],
                  '\t\t\t\t\t\t.msi_cap = %#x,' % u['msi_cap'],
                  '\t\t\t\t\t\t.features = %#x,' % u['features'],
                  '\t\t\t\t\t},']
    return '\n'.join(lines + ['\t\t\t\t},'])


def _iommus(units):
    if not units:
        return ''
    return ('\t\t\t.iommu_units = {\n%s\n\t\t\t},\n' %
            '\n'.join(_iommu(u) for u in units))


def _mmcfg(mmcfg):
    if not mmcfg:
        return ''
    return ('\t\t\t.pci_mmconfig_base = %#x,\n'
            '\t\t\t.pci_mmconfig_end_bus = %#x,\n' % (mmcfg[0], mmcfg[2]))


def _chip(c):
    sid = c['sid']
    note = 'source id from the DMAR/IVRS' if sid is not None else \
        'no source id in the DMAR/IVRS'
    return ('\t\t/* IOAPIC %d, GSI %d on (%s): every pin */ {\n'
            '\t\t\t.address = %#x,\n'
            '\t\t\t.id = %#x,\n'
            '\t\t\t.pin_bitmap = {\n'
            '\t\t\t\t0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,\n'
            '\t\t\t},\n'
            '\t\t},' % (c['id'], c['gsi_base'], note, c['address'],
                        sid or 0))


def _iommu_index(units, fun):
    """The unit whose scope lists the function, else the one taking every
    device of its segment, else the first."""
    for n, u in enumerate(units):
        if u.get('segment', 0) == fun['domain'] and \
                fun['bdf'] in u.get('devices', ()):
            return n
    for n, u in enumerate(units):
        if u.get('segment', 0) == fun['domain'] and u.get('flags', 1) & 1:
            return n
    return 0


def _device(fun, caps_start, units):
    lines = ['\t\t/* %s (%04x:%04x) */ {' % (fun['name'], fun['vendor'],
                                             fun['device']),
             '\t\t\t.type = JAILHOUSE_PCI_TYPE_%s,' %
             ('BRIDGE' if fun['bridge'] else 'DEVICE'),
             '\t\t\t.iommu = %d,' % _iommu_index(units, fun),
             '\t\t\t.domain = %#x,' % fun['domain'],
             '\t\t\t.bdf = %#x,' % fun['bdf']]
    if fun['caps']:
        lines += ['\t\t\t.caps_start = %d,' % caps_start,
                  '\t\t\t.num_caps = %d,' % len(fun['caps'])]
    if 'msi_vectors' in fun:
        lines += ['\t\t\t.num_msi_vectors = %d,' % fun['msi_vectors'],
                  '\t\t\t.msi_64bits = %d,' % fun['msi_64bits'],
                  '\t\t\t.msi_maskable = %d,' % fun['msi_maskable']]
    if 'msix_vectors' in fun:
        lines += ['\t\t\t.num_msix_vectors = %d,' % fun['msix_vectors'],
                  '\t\t\t.msix_region_size = %#x,' % fun['msix_size'],
                  '\t\t\t.msix_address = %#x,' % fun['msix_address']]
    return '\n'.join(lines + ['\t\t},'])


def _cap(fun, cap):
    cid = ('JAILHOUSE_PCI_EXT_CAP | %#04x' if cap['id'] & 0x8000
           else '%#04x') % (cap['id'] & 0x7fff)
    return ('\t\t/* %s */ { .id = %s, .start = %#x, .len = %#x,%s },' %
            (fun['name'][5:], cid, cap['start'], cap['len'],
             ' .flags = JAILHOUSE_PCICAPS_WRITE,' if cap['write'] else ''))


def render(info):
    devices, caps = [], []
    for fun in info['pci']:
        devices.append(_device(fun, len(caps), info['iommus']))
        caps.extend(_cap(fun, c) for c in fun['caps'])
    words = _cpus(info['cpus'])
    kinds = sorted({u['type'] for u in info['iommus']})
    return HEAD.format(
        vendor=info['vendor'], ncpus=len(info['cpus']),
        iommu=(', ' + '/'.join({'INTEL': 'VT-d', 'AMD': 'AMD-Vi'}[k]
                                for k in kinds)) if kinds else '',
        ncpuwords=len(words), nregions=len(info['regions']),
        nchips=len(info['ioapics']), ndevs=len(info['pci']),
        ncaps=len(caps), hv_start=info['hv'][0], hv_size=info['hv'][1],
        mmcfg=_mmcfg(info['mmcfg']), iommus=_iommus(info['iommus']),
        pm_timer=info['pm_timer'],
        apic_mode='JAILHOUSE_APIC_MODE_X2APIC' if info['x2apic']
        else 'JAILHOUSE_APIC_MODE_XAPIC',
        name=info['name'],
        cpus='\n'.join('\t\t%#x,' % w for w in words),
        regions='\n'.join(_region(r) for r in info['regions']),
        chips='\n'.join(_chip(c) for c in info['ioapics']),
        devices='\n'.join(devices), caps='\n'.join(caps))
