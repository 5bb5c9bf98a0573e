# SPDX-License-Identifier: GPL-2.0
#
# What reaches the driver, and how its errors are explained: the fake
# build logs each ioctl and fails it with JH_FAKE_ERRNO.

C=$T/req
mkdir -p "$C"
"$MKCONFIG" system "$C/sys.cell"
"$MKCONFIG" cell "$C/cell.cell"
printf 'KERNEL' >"$C/kernel"
printf 'INITRD\001' >"$C/initrd"

log_is()
{
	local name=$1 want=$2 got
	got=$(cat "$JH_FAKE_LOG")
	check "$name" "driver saw: $got; wanted: $want" [ "$got" = "$want" ]
}

# with_errno ERRNO NAME STATUS TEXT COMMAND...
with_errno()
{
	local err=$1
	shift
	JH_FAKE_ERRNO=$err expect "$@"
}

new_root
with_driver 0
fake_log
unset JH_FAKE_ERRNO

expect "enable" 0 "" "$FAKE" enable "$C/sys.cell"
log_is "enable passes the config" 'ENABLE data=JHSYS\x00\x0e\x00'

fake_log
expect "cell create" 0 "" "$FAKE" cell create "$C/cell.cell"
log_is "create passes the whole config" 'CREATE size=204 data=JHCLL\x00\x0e\x00linux\x00\x00\x00...'

fake_log
expect "cell load" 0 "" "$FAKE" cell load linux "$C/kernel" -a 0x100000 \
	--string "console=ttyS0 quiet" --address=4096 "$C/initrd"
log_is "load: images, addresses, NUL-terminated string" \
"LOAD id=-1 name=linux images=3
IMAGE size=6 target=0x100000 data=KERNEL
IMAGE size=20 target=0x1000 data=console=ttyS0 quiet\\x00
IMAGE size=7 target=0x0 data=INITRD\\x01"

fake_log
expect "cell load by id" 0 "" "$FAKE" cell load 3 -s x -a 12
log_is "load by id, decimal address" "LOAD id=3 name= images=1
IMAGE size=2 target=0xc data=x\\x00"

fake_log
expect "cell start" 0 "" "$FAKE" cell start linux
expect "cell shutdown" 0 "" "$FAKE" cell shutdown 2
expect "cell destroy" 0 "" "$FAKE" cell destroy 2-a
expect "disable" 0 "" "$FAKE" disable
log_is "start, shutdown (load of nothing), destroy, disable" \
"START id=-1 name=linux
LOAD id=2 name= images=0
DESTROY id=-1 name=2-a
DISABLE"

# Hypervisor not enabled: cell requests and disable are refused with
# EINVAL (or ENODEV) and the tool reads the state from sysfs.
NOTEN="Jailhouse is not enabled."
with_errno EINVAL "disable while disabled" 1 "jailhouse disable: $NOTEN" "$FAKE" disable
with_errno EINVAL "create while disabled" 1 "$NOTEN" "$FAKE" cell create "$C/cell.cell"
with_errno ENODEV "start while disabled" 1 "$NOTEN" "$FAKE" cell start linux
with_errno EINVAL "load while disabled" 1 "$NOTEN" "$FAKE" cell load 1 "$C/kernel"

# enable
with_errno ENODEV "enable: no VMX/SVM" 1 "no hardware virtualization support (VMX/SVM/EL2)" \
	"$FAKE" enable "$C/sys.cell"
with_errno EINVAL "enable: config rejected" 1 "the driver rejected the system config" \
	"$FAKE" enable "$C/sys.cell"
with_errno EBUSY "enable: memory or KVM, nothing to tell them apart" 1 \
	"the hypervisor memory is not reserved (memmap= or mem= on the kernel command line), or the CPU's virtualization is in use (KVM, or a VHE kernel on ARM); see dmesg." \
	"$FAKE" enable "$C/sys.cell"
with_errno ENOENT "enable: no firmware" 1 "hypervisor firmware (jailhouse*.bin) is missing" \
	"$FAKE" enable "$C/sys.cell"
with_errno ENOEXEC "enable: bad firmware" 1 "not a valid image" \
	"$FAKE" enable "$C/sys.cell"
with_errno ENXIO "enable: a CPU without the hyp stub" 1 "a CPU cannot enter the hypervisor" \
	"$FAKE" enable "$C/sys.cell"
with_errno ENOMEM "enable: out of memory" 1 "out of memory" \
	"$FAKE" enable "$C/sys.cell"
with_errno ENOTTY "enable: wrong driver" 1 "/dev/jailhouse does not know this request" \
	"$FAKE" enable "$C/sys.cell"
with_errno ERANGE "enable: other errno" 1 "cannot enable Jailhouse: Numerical result out of range; see dmesg." \
	"$FAKE" enable "$C/sys.cell"

# A busy enable narrowed down by what Linux shows, in the order the driver
# checks: KVM with virtual machines first, then hypervisor memory that is
# System RAM in /proc/iomem.
"$MKCONFIG" system "$C/sys-ram.cell" hvmem=0x1000000,0x600000
"$MKCONFIG" system "$C/sys-edge.cell" hvmem=0x39f00000,0x200000
"$MKCONFIG" system "$C/sys-kept.cell" hvmem=0x3a000000,0x600000
mkdir -p "$R/proc"
cat >"$T/iomem" <<'EOF'
00000000-00000fff : Reserved
00001000-0009fbff : System RAM
000f0000-000fffff : System ROM
00100000-39ffffff : System RAM
  01000000-01ffffff : Kernel code
3a000000-3f1fffff : Reserved
3f200000-3ffdffff : System RAM
fee00000-fee00fff : Local APIC
EOF
cp "$T/iomem" "$R/proc/iomem"
RAMTEXT="the hypervisor memory 0x1000000-0x15fffff is not reserved but System RAM of Linux (reserve it with memmap= on the kernel command line)."
with_errno EBUSY "enable: hypervisor memory in System RAM" 1 \
	"jailhouse enable: $RAMTEXT" "$FAKE" enable "$C/sys-ram.cell"
with_errno EBUSY "enable: hypervisor memory partly in System RAM" 1 \
	"the hypervisor memory 0x39f00000-0x3a0fffff is not reserved but System RAM" \
	"$FAKE" enable "$C/sys-edge.cell"
with_errno EBUSY "enable: hypervisor memory reserved, cause unknown" 1 \
	"or the CPU's virtualization is in use (KVM, or a VHE kernel on ARM); see dmesg." \
	"$FAKE" enable "$C/sys-kept.cell"
# Other users than root read every address in /proc/iomem as zero.
sed 's/[0-9a-f]*-[0-9a-f]* :/00000000-00000000 :/' "$T/iomem" >"$R/proc/iomem"
with_errno EBUSY "enable: /proc/iomem without addresses" 1 \
	"the hypervisor memory is not reserved (memmap= or mem= on the kernel command line), or" \
	"$FAKE" enable "$C/sys-ram.cell"
cp "$T/iomem" "$R/proc/iomem"

printf 'kvm_amd 155648 0 - Live 0x0\nkvm 1142784 1 kvm_amd, Live 0x0\n' \
	>"$R/proc/modules"
with_errno EBUSY "enable: KVM loaded without virtual machines" 1 \
	"jailhouse enable: $RAMTEXT" "$FAKE" enable "$C/sys-ram.cell"
printf 'kvm_amd 155648 2 - Live 0x0\nkvm 1142784 1 kvm_amd, Live 0x0\n' \
	>"$R/proc/modules"
with_errno EBUSY "enable: KVM with virtual machines" 1 \
	"jailhouse enable: KVM holds the CPU's virtualization (kvm_amd is in use); stop its virtual machines or unload kvm_amd." \
	"$FAKE" enable "$C/sys-ram.cell"
printf 'kvm_intel 380928 0 - Live 0x0\nkvm 1142784 1 kvm_intel, Live 0x0\n' \
	>"$R/proc/modules"
mkdir -p "$R/sys/module/kvm/parameters"
echo Y >"$R/sys/module/kvm/parameters/enable_virt_at_load"
with_errno EBUSY "enable: KVM that turns VMX on when loaded" 1 \
	"KVM holds the CPU's virtualization (kvm_intel is in use)" \
	"$FAKE" enable "$C/sys-kept.cell"
echo N >"$R/sys/module/kvm/parameters/enable_virt_at_load"
with_errno EBUSY "enable: KVM that waits for virtual machines" 1 \
	"or the CPU's virtualization is in use (KVM, or a VHE kernel on ARM); see dmesg." \
	"$FAKE" enable "$C/sys-kept.cell"
rm -rf "$R/proc/modules" "$R/proc/iomem" "$R/sys/module"

new_root
with_driver 1
add_cell 0 RootCell running 0-1 ""
with_errno EBUSY "enable twice" 1 "jailhouse enable: Jailhouse is already enabled." \
	"$FAKE" enable "$C/sys.cell"

# cells
with_errno EEXIST "create duplicate" 1 "a cell with this name already exists" \
	"$FAKE" cell create "$C/cell.cell"
with_errno EINVAL "create rejected" 1 "the cell config was rejected" \
	"$FAKE" cell create "$C/cell.cell"
with_errno EBUSY "create: resources busy" 1 "not available in the root cell" \
	"$FAKE" cell create "$C/cell.cell"
with_errno ENOENT "start unknown name" 1 "no cell \"linux\" exists." \
	"$FAKE" cell start linux
with_errno ENOENT "destroy unknown id" 1 "no cell 7 exists." \
	"$FAKE" cell destroy 7
with_errno ENOENT "shutdown unknown" 1 "no cell \"x\" exists." \
	"$FAKE" cell shutdown x
with_errno EINVAL "load outside loadable memory" 1 "does not fit into a loadable memory region" \
	"$FAKE" cell load linux "$C/kernel" -a 0xdead0000
with_errno EINVAL "destroy root cell" 1 "the root cell cannot be destroyed." \
	"$FAKE" cell destroy 0
with_errno EINVAL "destroy root cell by name" 1 "the root cell cannot be destroyed." \
	"$FAKE" cell destroy RootCell
with_errno EINVAL "shutdown other cell rejected" 1 "the request was rejected by the driver; see dmesg." \
	"$FAKE" cell shutdown apic-demo
with_errno EINVAL "start root cell" 1 "the root cell cannot be started." \
	"$FAKE" cell start 0
with_errno EINVAL "load root cell" 1 "the root cell cannot be loaded." \
	"$FAKE" cell load 0 "$C/kernel"
if [ "$(id -u)" -eq 0 ]; then
	with_errno EPERM "destroy refused by the cell" 1 "the cell refused the request (running/locked)" \
		"$FAKE" cell destroy linux
	with_errno EPERM "shutdown denied by the cell" 1 "the cell denied the shutdown request and keeps running." \
		"$FAKE" cell shutdown linux
	with_errno EPERM "disable refused" 1 "refused the shutdown of the hypervisor" \
		"$FAKE" disable
else
	with_errno EPERM "destroy without root" 1 "this needs root privileges" \
		"$FAKE" cell destroy linux
fi
with_errno EINVAL "disable rejected while enabled" 1 "cannot disable Jailhouse: Invalid argument; see dmesg." \
	"$FAKE" disable

# The request never reaches the driver when the file checks fail.
fake_log
"$FAKE" enable "$C/cell.cell" 2>/dev/null
"$FAKE" cell load linux "$C/kernel" -a 2>/dev/null
log_is "failed checks make no request" ""
unset JH_FAKE_LOG JH_FAKE_ERRNO
