# SPDX-License-Identifier: GPL-2.0
"""The CPU bitmap of a cell: an array of C unsigned long words.

On a little-endian machine bit n lands in byte n / 8 whatever the word
size, but the size of the array must still be a whole number of words of
the architecture the config was built for (4 bytes on ARMv7, 8 elsewhere),
so decoding goes word by word to keep that boundary visible."""

import struct

_WORD_FORMATS = {4: '<I', 8: '<Q'}


def decode(data, word_size):
    """The set of CPU ids whose bits are set in `data`.

    A partial last word is padded with zeros; whether such a size is
    acceptable is for the checks to say."""
    fmt = _WORD_FORMATS[word_size]
    cpus = set()
    for index in range(0, len(data), word_size):
        chunk = data[index:index + word_size].ljust(word_size, b'\0')
        word, = struct.unpack(fmt, chunk)
        base = index * 8
        bit = 0
        while word:
            if word & 1:
                cpus.add(base + bit)
            word >>= 1
            bit += 1
    return cpus


def encode(cpus, word_size, size=None):
    """The bitmap bytes for a set of CPU ids, `size` bytes long (by
    default just enough whole words)."""
    fmt = _WORD_FORMATS[word_size]
    bits = word_size * 8
    if size is None:
        words = (max(cpus, default=-1) // bits) + 1
        size = max(words, 1) * word_size
    words = (size + word_size - 1) // word_size
    data = b''
    for index in range(words):
        word = 0
        for cpu in cpus:
            if cpu // bits == index:
                word |= 1 << (cpu % bits)
        data += struct.pack(fmt, word)
    if any(cpu >= size * 8 for cpu in cpus):
        raise ValueError('CPU id does not fit into a %d-byte set' % size)
    return data[:size]


def format_list(cpus):
    """CPU ids as a compact list like "0-3,6"."""
    ranges = []
    for cpu in sorted(cpus):
        if ranges and ranges[-1][1] == cpu - 1:
            ranges[-1][1] = cpu
        else:
            ranges.append([cpu, cpu])
    return ','.join(str(a) if a == b else '%d-%d' % (a, b)
                    for a, b in ranges)
