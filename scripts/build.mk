# SPDX-License-Identifier: GPL-2.0
#
# Settings shared by every sub-make: architecture names and tools.
# Included with the repository root in $(TOPDIR).

ARCH ?= $(shell uname -m)

ifneq ($(filter x86_64 x86 amd64,$(ARCH)),)
SRCARCH := x86
DEBARCH := amd64
else ifneq ($(filter arm64 aarch64,$(ARCH)),)
SRCARCH := arm64
DEBARCH := arm64
else ifneq ($(filter arm armhf armv7l,$(ARCH)),)
SRCARCH := arm
DEBARCH := armhf
else
$(error unsupported ARCH '$(ARCH)': use x86_64, arm64 or arm)
endif

# A cross build of a foreign architecture picks Debian's cross compiler
# unless the caller names one.
HOSTARCH := $(shell uname -m)
ifeq ($(CROSS_COMPILE),)
ifeq ($(SRCARCH)-$(HOSTARCH),arm64-x86_64)
CROSS_COMPILE := aarch64-linux-gnu-
else ifeq ($(SRCARCH)-$(HOSTARCH),arm-x86_64)
CROSS_COMPILE := arm-linux-gnueabihf-
endif
endif

CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy
HOSTCC ?= gcc

ABI_INCLUDES := -I$(TOPDIR)/include -I$(TOPDIR)/include/arch/$(SRCARCH)

Q := $(if $(V),,@)
