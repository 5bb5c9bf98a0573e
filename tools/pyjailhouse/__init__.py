# SPDX-License-Identifier: GPL-2.0
"""Python helpers of the Stockade tools (config check, later config create
and cell linux).  Standard library only, so that the helpers run on any
target that has a plain Python 3 interpreter."""
