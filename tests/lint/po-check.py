#!/usr/bin/env python3
# po-check.py — a translation is complete and current:
#
#   po-check.py SOURCE_ROOT LANG    msgfmt --check clean, no fuzzy and no
#                                   untranslated entry, and every message
#                                   the sources hold now (xgettext over
#                                   po/POTFILES.in) is in po/LANG.po
#   po-check.py SOURCE_ROOT         the sources: po/POTFILES.in names every
#                                   file with translatable strings, and no
#                                   message is cut by a printf macro
#                                   (xgettext cannot read "%" G_GINT64_FORMAT)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n 'glib' preset, as po/meson.build uses it.
KEYWORDS = ['--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
            '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
            '--keyword=g_dpgettext2:2c,3']
GETTEXT_CALL = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(')
CUT_BY_MACRO = re.compile(r'"\s*G_G[A-Z0-9]+_FORMAT\b')


def fail(lines):
    for line in lines:
        print(line)
    sys.exit(1)


def potfiles(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def check_sources(root):
    listed = set(potfiles(root))
    problems = ['po/POTFILES.in names %s, which is not there' % p
                for p in sorted(listed) if not os.path.exists(os.path.join(root, p))]
    for folder, _, names in os.walk(os.path.join(root, 'src')):
        for name in sorted(names):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if not name.endswith(('.c', '.ui')):
                continue
            text = open(path, encoding='utf-8').read()
            has = ('translatable="yes"' in text) if name.endswith('.ui') else GETTEXT_CALL.search(text)
            if has and rel not in listed:
                problems.append('%s has translatable strings but is not in po/POTFILES.in' % rel)
            if name.endswith('.c'):
                for m in GETTEXT_CALL.finditer(text):
                    # The call's first line or two: where a message's literals are.
                    call = text[m.end():m.end() + 300].split(';')[0]
                    if CUT_BY_MACRO.search(call):
                        line = text.count('\n', 0, m.start()) + 1
                        problems.append('%s:%d: a G_*_FORMAT macro inside a translatable message: '
                                        'xgettext stops there (use PRId64, %%zu…)' % (rel, line))
    if problems:
        fail(problems)
    print('po/POTFILES.in lists all %d files with translatable strings' % len(listed))


def msgids(po_text):
    """The (context, id) of each entry of a po or pot file, obsolete ones left out."""
    out = set()
    entry = {}
    key = None
    for line in po_text.split('\n'):
        if line.startswith('#~'):
            continue
        for field in ('msgctxt', 'msgid_plural', 'msgid', 'msgstr'):
            if line.startswith(field + ' ') or line.startswith(field + '['):
                if field in ('msgctxt', 'msgid') and 'msgstr' in entry:
                    entry = {}
                key = field
                entry[key] = entry.get(key, '') + eval(line[line.index(' ') + 1:])
                break
        else:
            if line.startswith('"') and key:
                entry[key] += eval(line)
            continue
        if key == 'msgstr' and entry.get('msgid'):
            out.add((entry.get('msgctxt'), entry['msgid']))
    return out


def check_language(root, lang):
    po = os.path.join(root, 'po', lang + '.po')
    run = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', po],
                         capture_output=True, text=True)
    print(run.stdout + run.stderr, end='')
    if run.returncode != 0:
        fail(['%s: msgfmt --check failed' % po])
    if 'fuzzy' in run.stderr or 'untranslated' in run.stderr:
        fail(['%s: every message must be translated, none fuzzy' % po])
    xgettext = shutil.which('xgettext')
    if xgettext is None:
        print('xgettext not found: whether the file is current is not checked')
        return
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'clippings.pot')
        subprocess.run([xgettext, '--from-code=UTF-8', '--files-from=po/POTFILES.in',
                        '--output=' + pot]
                       + KEYWORDS, cwd=root, check=True, capture_output=True)
        want = msgids(open(pot, encoding='utf-8').read())
    have = msgids(open(po, encoding='utf-8').read())
    missing = sorted(want - have, key=lambda k: k[1])
    if missing:
        fail(['%s lacks %d message(s) the sources have (msgmerge it, then translate them):'
              % (po, len(missing))] + ['  %s%r' % ('[%s] ' % c if c else '', m) for c, m in missing])
    print('%s: all %d messages of the sources translated' % (po, len(want)))


if __name__ == '__main__':
    if len(sys.argv) == 2:
        check_sources(sys.argv[1])
    elif len(sys.argv) == 3:
        check_language(sys.argv[1], sys.argv[2])
    else:
        print(__doc__)
        sys.exit(2)
