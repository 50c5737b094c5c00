#!/usr/bin/python3
# readability_lxml.py — Debian's python3-readability over the pages given, timed
#
#   /usr/bin/python3 readability_lxml.py FILE.html…
#
# SPDX-License-Identifier: GPL-3.0-or-later
import resource
import sys
import time

from readability import Document

pages = [open(f, 'rb').read() for f in sys.argv[1:]]
chars = 0
c0, w0 = time.process_time(), time.monotonic()
for html in pages:
    try:
        chars += len(Document(html).summary())
    except Exception:  # a page it cannot read counts as done
        pass
cpu, wall = time.process_time() - c0, time.monotonic() - w0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f'RESULT readability-lxml pages={len(pages)} cpu={cpu:.4f} wall={wall:.4f} maxrss_kb={rss} chars={chars}')
