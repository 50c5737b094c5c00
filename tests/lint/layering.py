#!/usr/bin/env python3
"""The layers DESIGN.md draws, checked on the tree.

- src/core never includes GTK or libadwaita;
- a core module includes another module's public header only: a
  *-private.h it includes lives in its own folder;
- the front ends (src/ui, src/cli) include no private or SQL-level header
  of core, and open no writer: they change the archive through commands.

Prints each breach as FILE:LINE: what; exits 1 when there is any.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
core = root / "src" / "core"
include = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')
writer_open = re.compile(r"clip_(store|archive)_open\w*\s*\([^;]*CLIP_STORE_OPEN_DEFAULT")
breaches = []


def sources(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in (".c", ".h"))


for path in sources(core):
    module = path.parent
    for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        m = include.match(line)
        if not m:
            continue
        name = m.group(1)
        if name.startswith(("gtk/", "adwaita")):
            breaches.append(f"{path}:{n}: core includes {name}")
        if name.endswith("-private.h") and not (module / name).exists():
            breaches.append(f"{path}:{n}: {name} is private to another module")

for front in ("ui", "cli"):
    for path in sources(root / "src" / front):
        text = path.read_text(errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            m = include.match(line)
            if m and (m.group(1) == "clip-store-sql.h" or
                      (m.group(1).endswith("-private.h") and
                       not (path.parent / m.group(1)).exists())):
                breaches.append(f"{path}:{n}: a front end includes {m.group(1)}")
        for m in writer_open.finditer(text):
            n = text.count("\n", 0, m.start()) + 1
            breaches.append(f"{path}:{n}: a front end opens a writer (use commands)")

for b in breaches:
    print(b)
print(f"{len(breaches)} breaches of the layers")
sys.exit(1 if breaches else 0)
