# SPDX-License-Identifier: GPL-2.0
"""Describe a packed little-endian C struct once and use the description
both to decode and to encode it.

Keeping one field list per struct means the parser and the writer (used by
the test corpus and a future `config create`) can never disagree about the
layout."""

import struct


class Record:
    """A decoded struct: plain attributes named like the C fields."""

    def __init__(self, layout, values):
        self._layout = layout
        for name, value in zip(layout.names, values):
            setattr(self, name, value)

    @property
    def layout(self):
        return self._layout

    def pack(self):
        return self._layout.pack(self)

    def copy(self, **changes):
        """A new record with some fields replaced; the original stays."""
        values = [changes.pop(name, getattr(self, name))
                  for name in self._layout.names]
        if changes:
            raise AttributeError('%s has no field(s) %s' %
                                 (self._layout.name, ', '.join(changes)))
        return Record(self._layout, values)

    def __eq__(self, other):
        return (isinstance(other, Record) and self._layout is other._layout
                and self.pack() == other.pack())

    def __repr__(self):
        fields = ', '.join('%s=%r' % (n, getattr(self, n))
                           for n in self._layout.names)
        return '%s(%s)' % (self._layout.name, fields)


class Layout:
    """A packed struct given as [(field name, struct format), ...].

    A format with a count ("6I") is a C array and decodes to a tuple; "5s"
    is a char array and decodes to bytes; another Layout is an embedded
    struct and decodes to a Record of its own."""

    def __init__(self, name, fields):
        self.name = name
        self.names = [field for field, _ in fields]
        self._nested = {field: fmt for field, fmt in fields
                        if isinstance(fmt, Layout)}
        fields = [(field, '%ds' % fmt.size if isinstance(fmt, Layout)
                   else fmt) for field, fmt in fields]
        self._formats = [fmt for _, fmt in fields]
        self._struct = struct.Struct('<' + ''.join(self._formats))
        self.size = self._struct.size
        # How many flat struct values each field consumes: arrays of
        # numbers take several, strings and scalars one.
        self._widths = []
        for fmt in self._formats:
            count = fmt[:-1]
            if count and fmt[-1] != 's':
                self._widths.append(int(count))
            else:
                self._widths.append(0)
        self._offsets = {}
        offset = 0
        for field, fmt in fields:
            self._offsets[field] = offset
            offset += struct.calcsize('<' + fmt)

    def offset_of(self, field):
        """Byte offset of a field, like C's offsetof()."""
        return self._offsets[field]

    def unpack_from(self, data, offset=0):
        flat = self._struct.unpack_from(data, offset)
        values = []
        pos = 0
        for width in self._widths:
            if width:
                values.append(tuple(flat[pos:pos + width]))
                pos += width
            else:
                values.append(flat[pos])
                pos += 1
        for index, name in enumerate(self.names):
            if name in self._nested:
                values[index] = self._nested[name].unpack_from(values[index])
        return Record(self, values)

    def pack(self, record):
        flat = []
        for name, width in zip(self.names, self._widths):
            value = getattr(record, name)
            if name in self._nested:
                value = value.pack()
            if width:
                flat.extend(value)
            else:
                flat.append(value)
        return self._struct.pack(*flat)

    def make(self, **values):
        """A record with the given fields and all others zero."""
        defaults = []
        for name, fmt, width in zip(self.names, self._formats, self._widths):
            if name in self._nested:
                default = self._nested[name].make()
            elif width:
                default = (0,) * width
            elif fmt.endswith('s'):
                default = b''
            else:
                default = 0
            defaults.append(values.pop(name, default))
        if values:
            raise AttributeError('%s has no field(s) %s' %
                                 (self.name, ', '.join(values)))
        return Record(self, defaults)
