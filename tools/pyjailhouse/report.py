# SPDX-License-Identifier: GPL-2.0
"""Findings of the config checks and how they are printed."""

ERROR = 'error'
WARNING = 'warning'
# Facts the user must know that no config change can fix.
NOTE = 'note'


class Issue:
    """One finding about one file: a full sentence, no trailing period."""

    def __init__(self, path, message, severity=ERROR):
        self.path = path
        self.message = message
        self.severity = severity

    def __str__(self):
        return '%s: %s: %s' % (self.path, self.severity, self.message)


class Collector:
    """Gathers the findings of the checks for one file."""

    def __init__(self, path):
        self.path = path
        self.issues = []

    def error(self, message):
        self.issues.append(Issue(self.path, message, ERROR))

    def warning(self, message):
        self.issues.append(Issue(self.path, message, WARNING))

    def note(self, message):
        self.issues.append(Issue(self.path, message, NOTE))


def summary(issues, files):
    """The last line of a run."""
    errors = sum(1 for issue in issues if issue.severity == ERROR)
    warnings = sum(1 for issue in issues if issue.severity == WARNING)
    checked = '%d file%s' % (files, '' if files == 1 else 's')
    note = ''
    if warnings:
        note = ', %d warning%s' % (warnings, '' if warnings == 1 else 's')
    if errors:
        return '%d issue%s found in %s%s' % (
            errors, '' if errors == 1 else 's', checked, note)
    return 'no issues found in %s%s' % (checked, note)


def hexrange(start, size):
    """An address range as Jailhouse users write it: inclusive end."""
    if size == 0:
        return '0x%x, size 0' % start
    return '0x%x-0x%x' % (start, start + size - 1)


def describe_region(index, region, space='phys'):
    start = region.phys_start if space == 'phys' else region.virt_start
    return 'memory region %d (%s %s)' % (index, space,
                                         hexrange(start, region.size))
