#!/usr/bin/python3
# test-e2e-i18n.py — the real app in a language, read over the
# accessibility bus: the main window of a first start (the empty state,
# the default rules) names nothing in English. Every accessible name
# (labels, buttons, menu buttons, toggles, entries) is compared with the
# English messages of po/LANG.po; a name that is an English message the
# language translates differently, or that holds an English word the
# archive's data does not, fails the test.
#
#   test-e2e-i18n.py CLIPPINGS SCHEMA_DIR LOCALE_DIR PO_FILE LANG SCREENSHOT
#
# Runs under xvfb-run -a dbus-run-session; exits 77 (skipped) without a
# display or dogtail.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(why):
    print('SKIP:', why)
    sys.exit(SKIP)


if len(sys.argv) != 7:
    print(__doc__)
    sys.exit(2)
clippings, schema_dir, locale_dir, po_file, lang, screenshot = sys.argv[1:]
if not os.environ.get('DISPLAY'):
    skip('no display (run under xvfb-run)')
os.environ['GTK_MODULES'] = 'gail:atk-bridge'
try:
    from dogtail import config, tree
except Exception as e:  # noqa: BLE001 - any import failure means "not here"
    skip('dogtail is not installed: %s' % e)
config.config.searchShowingOnly = False
config.config.defaultDelay = 0.2
config.config.searchCutoffCount = 10

# Words that stay as they are in every language.
KEPT = {'clippings', 'ctrl', 'shift', 'opml', 'rss', 'atom', 'json', 'csv', 'pdf', 'html'}


def po_messages(path):
    """English message (mnemonics removed) -> its translation."""
    out = {}
    entry = {}
    key = None
    for line in open(path, encoding='utf-8').read().split('\n') + ['msgid ""']:
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?|msgstr\[\d\]) (".*")$', line)
        if m:
            if m.group(1) in ('msgctxt', 'msgid') and 'msgstr' in entry:
                if entry.get('msgid'):
                    out[entry['msgid'].replace('_', '')] = entry['msgstr'].replace('_', '')
                entry = {}
            key = {'msgstr[0]': 'msgstr'}.get(m.group(1), m.group(1))
            if key.startswith('msgstr['):
                key = None
                continue
            entry[key] = entry.get(key, '') + json.loads(m.group(2))
        elif line.startswith('"') and key:
            entry[key] += json.loads(line)
    return out


def wait_for(what, find, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = find()
            if found:
                return found
        except Exception:  # noqa: BLE001 - nodes come and go while we look
            pass
        time.sleep(0.3)
    raise AssertionError('timed out waiting for ' + what)


def data_words(data_dir):
    """The words of the archive's own data: the default rules and lists."""
    cli = os.environ.get('CLIPPINGS_CLI')
    words = set(KEPT)
    for args in (['rules', 'list', '--json'], ['lists', 'list']):
        out = subprocess.run([cli, '--data-dir', data_dir] + args, check=True,
                             capture_output=True, text=True,
                             env=dict(os.environ, LANGUAGE='', LC_ALL='C.UTF-8')).stdout
        words |= {w.lower() for w in re.findall(r'[A-Za-z]+', out)}
    return words


def walk(node, found):
    """The accessible names of node and its descendants that have a size."""
    try:
        name = node.name or ''
        role = node.roleName
    except Exception:  # noqa: BLE001 - nodes come and go while we look
        return
    try:
        showing = node.size[0] > 0 and node.size[1] > 0
    except Exception:  # noqa: BLE001 - not every node has a component
        showing = True
    if name and showing:
        found.append((role, name))
    try:
        children = node.children
    except Exception:  # noqa: BLE001
        children = []
    for child in children:
        walk(child, found)


def main():
    english = po_messages(po_file)
    data_dir = tempfile.mkdtemp(prefix='clippings-e2e-i18n-')
    env = dict(os.environ)
    for key in ('GTK_A11Y', 'NO_AT_BRIDGE', 'GTK_MODULES'):
        env.pop(key, None)
    env.update(CLIPPINGS_DATA_DIR=data_dir, GSETTINGS_BACKEND='memory',
               GSETTINGS_SCHEMA_DIR=schema_dir, GSK_RENDERER='cairo',
               CLIPPINGS_LOCALEDIR=locale_dir, LANGUAGE=lang, LC_ALL='C.UTF-8')
    app_process = subprocess.Popen([clippings], env=env)
    try:
        app = wait_for('the application on the bus', lambda: tree.root.application('clippings'))
        window = wait_for('the main window', lambda: [f for f in app.children if f.roleName == 'frame'][0])
        # The empty state's button, translated, once the window is filled.
        add = english['Add Outlet…']
        wait_for('the empty state', lambda: window.findChildren(lambda n: (n.name or '') == add))
        words = data_words(data_dir)
        names = []
        walk(window, names)
        problems = []
        checked = 0
        for role, name in names:
            # GTK 4.8 names an unnamed widget after its type: not a string
            # of ours (unnamed controls are the accessibility test's).
            if re.fullmatch(r'(Gtk|Adw)[A-Z][A-Za-z]+', name):
                continue
            checked += 1
            plain = name.replace('_', '')
            if plain in english and english[plain] != plain:
                problems.append('%s “%s” is not translated' % (role, name))
                continue
            stray = [w for w in re.findall(r'[A-Za-z]{3,}', name) if w.lower() not in words]
            if stray:
                problems.append('%s “%s” has the English word “%s”' % (role, name, stray[0]))
        print('%d names in the window (%s), %d of them ours' % (len(names), lang, checked))
        subprocess.run(['import', '-window', 'root', screenshot], check=False)
        for p in problems:
            print('  ' + p)
        assert checked >= 10, names
        assert not problems, '%d untranslated names' % len(problems)
    finally:
        app_process.terminate()
        app_process.wait(10)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
