#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/nested-kvm.sh: can this host's KVM run the hypervisor in a guest?
# Prints vmx or svm (what the guest gets with -cpu host) and exits 0 when
# the host CPU has VT-x or AMD-V, /dev/kvm is usable and kvm_intel or
# kvm_amd was loaded with nested=1; otherwise prints why not and exits 1.
set -eu -o pipefail

if grep -qw vmx /proc/cpuinfo; then
	flag=vmx mod=kvm_intel
elif grep -qw svm /proc/cpuinfo; then
	flag=svm mod=kvm_amd
else
	echo "the host CPU shows neither VMX nor SVM"
	exit 1
fi
if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
	echo "/dev/kvm is not usable"
	exit 1
fi
case "$(cat "/sys/module/$mod/parameters/nested" 2>/dev/null)" in
Y|y|1) echo "$flag" ;;
*) echo "$mod is loaded without nested=1"; exit 1 ;;
esac
