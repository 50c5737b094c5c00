#!/usr/bin/python3
# Reads a CSV export back with Python's csv module (strict RFC 4180
# quoting) and prints {"bom": bool, "rows": [[cell, ...], ...]} as JSON, so
# test-export can compare what came out with what went in.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import io
import json
import sys

with open(sys.argv[1], newline='', encoding='utf-8') as f:
    data = f.read()
bom = data.startswith('\ufeff')
if bom:
    data = data[1:]
rows = list(csv.reader(io.StringIO(data, newline=''), strict=True))
json.dump({'bom': bom, 'rows': rows}, sys.stdout, ensure_ascii=False)
