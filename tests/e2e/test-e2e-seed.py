#!/usr/bin/python3
# test-e2e-seed.py — the real app over the accessibility bus: add an outlet
# through the Add Outlet dialog, find the seed article flagged by the
# "Russian interference" rule, open it and read the words that matched;
# then open its alert in the Alerts view and press s and m there, which
# flag it and mark it unread, not the article selected in the list nor
# any other (checked with clippings-cli); a search that cannot be read
# says why where the results would be; a search's scope shows under it
# and one click clears it; and, the window 400 px wide, an alert tapped
# shows its article (read, in the archive). Before that, it walks every
# page (articles, alerts, rules) and dialog (Add Outlet, Preferences,
# Export, Term Lists, the rule editor, Outlet Properties, Keyboard
# Shortcuts) and fails on a button, toggle, menu button, switch or entry a
# screen reader could not name (no name, or its class's: "GtkMenuButton",
# "GtkImage").
#
#   test-e2e-seed.py CLIPPINGS SCHEMA_DIR SEED_ARTICLE SCREENSHOT
#
# Runs under xvfb-run -a dbus-run-session; exits 77 (skipped) without a
# display, dogtail or the shared seed article.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import email.utils
import html
import json
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77


def skip(why):
    print('SKIP:', why)
    sys.exit(SKIP)


if len(sys.argv) != 5:
    print(__doc__)
    sys.exit(2)
clippings, schema_dir, seed_path, screenshot = sys.argv[1:]
if not os.environ.get('DISPLAY'):
    skip('no display (run under xvfb-run)')
if not os.path.exists(seed_path):
    skip('the shared seed article is not beside the checkout')
# dogtail refuses to start without this in its own environment (TESTING.md).
os.environ['GTK_MODULES'] = 'gail:atk-bridge'
try:
    from dogtail import config, tree
except Exception as e:  # noqa: BLE001 - any import failure means "not here"
    skip('dogtail is not installed: %s' % e)
config.config.searchShowingOnly = False
config.config.defaultDelay = 0.2
config.config.searchCutoffCount = 10


def seed_feed():
    """An RSS feed whose first item is the seed article, as the outlet
    would publish it, and two unrelated items."""
    lines = open(seed_path, encoding='utf-8').read().split('\n')
    title = lines[2].strip()
    body = '\n'.join(lines[3:]).split('MORE HEADLINES')[0].strip()
    paragraphs = ''.join('<p>%s</p>' % html.escape(p.strip())
                         for p in body.split('\n') if p.strip())
    items = [(title, paragraphs, 'https://rustavi2.ge/en/news/1')]
    items += [('Tbilisi opens a new metro station', '<p>The line runs to the airport.</p>',
               'https://rustavi2.ge/en/news/2'),
              ('Wine harvest up by a tenth', '<p>Kakheti growers report a good year.</p>',
               'https://rustavi2.ge/en/news/3')]
    now = time.time()
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
           '<title>Rustavi 2 (test)</title><link>https://rustavi2.ge/en</link>',
           '<description>Seed</description>']
    for i, (t, b, u) in enumerate(items):
        out.append('<item><title>%s</title><link>%s</link><guid>%s</guid>'
                   '<pubDate>%s</pubDate><description>%s</description></item>'
                   % (html.escape(t), u, u, email.utils.formatdate(now - i * 600), html.escape(b)))
    out.append('</channel></rss>')
    return title, '\n'.join(out).encode('utf-8')


def serve(data):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            self.send_response(200)
            self.send_header('Content-Type', 'application/rss+xml; charset=utf-8')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_for(what, find, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = find()
            if found:
                return found
        except Exception:  # noqa: BLE001 - nodes come and go while we look
            pass
        time.sleep(0.3)
    # What the screen showed, beside the test's own screenshot.
    subprocess.run(['import', '-window', 'root', screenshot.replace('.png', '-failed.png')],
                   check=False)
    raise AssertionError('timed out waiting for ' + what)


def labels(node, pred):
    return node.findChildren(lambda n: n.roleName == 'label' and pred(n.name or ''))


def chips_in_row(title):
    """The "Russian interference" labels in the row that holds title."""
    node = title
    # A list view's item, or a table's row.
    while node is not None and not any(r in (node.roleName or '') for r in ('row', 'list item')):
        node = node.parent
    if node is None:
        return []
    return labels(node, lambda name: name == 'Russian interference')


def button_with_label(node, text):
    found = labels(node, lambda name: name == text)
    for label in found:
        if label.parent is not None and label.parent.roleName == 'push button':
            return label.parent
    return None


def showing_button(node, name):
    # GTK 4.8 reports no "showing" state; a page's widgets have a size once
    # the page has been shown.
    return [n for n in node.findChildren(lambda n: n.roleName == 'push button' and n.name == name)
            if n.size[0] > 0]


def press(keys):
    """Real key presses (XTest), into the window under the pointer (inside
    it at 400 px wide too)."""
    subprocess.run(['xdotool', 'mousemove', '200', '300'], check=True)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', keys], check=True)


def keyboard_shortcuts(app, window):
    """The shortcuts the Keyboard Shortcuts window lists, pressed as keys."""
    for name in ('Mark all read', 'Term lists'):
        assert not showing_button(window, name), name + ' was shown before its shortcut'
    press('ctrl+shift+a')
    wait_for('the Alerts page (Ctrl+Shift+A)', lambda: showing_button(window, 'Mark all read'))
    press('ctrl+shift+r')
    wait_for('the Rules page (Ctrl+Shift+R)', lambda: showing_button(window, 'Term lists'))
    press('ctrl+n')
    wait_for('the Add Outlet dialog (Ctrl+N)',
             lambda: app.child(roleName='frame', name='Add Outlet', retry=False))
    press('Escape')
    wait_for('the dialog closed (Escape)',
             lambda: not [f for f in app.children if f.roleName == 'frame' and f.name == 'Add Outlet'])


def articles(data_dir, *options):
    """The titles clippings-cli lists with options, from the archive."""
    cli = os.environ.get('CLIPPINGS_CLI')
    out = subprocess.run([cli, '--data-dir', data_dir, 'articles', 'list', '--json', '--limit=0']
                         + list(options), check=True, capture_output=True, text=True).stdout
    return sorted(a['title'] for a in json.loads(out))


def states(data_dir):
    """Every article's title with its read and flag state, from the archive."""
    cli = os.environ.get('CLIPPINGS_CLI')
    out = subprocess.run([cli, '--data-dir', data_dir, 'articles', 'list', '--json', '--limit=0'],
                         check=True, capture_output=True, text=True).stdout
    return {a['title']: (a['read'], a['flag']) for a in json.loads(out)}


def changed(before, after):
    return sorted(t for t in after if before.get(t) != after[t])


def alerts_act_on_shown(window, title, data_dir):
    """s and m pressed in the Alerts view act on the article it shows."""
    press('ctrl+shift+a')
    wait_for('the Alerts page', lambda: showing_button(window, 'Mark all read'))
    # The rule's section of the Alerts view, a list named after the rule.
    section = wait_for('the rule\'s alerts', lambda: window.findChildren(
        lambda n: n.roleName == 'list' and n.name == 'Russian interference')[0])
    wait_for('the seed article\'s alert', lambda: labels(section, lambda name: name == title)[0]).click()
    wait_for('its article beside the alerts',
             lambda: [n for n in showing_button(window, 'Flag') if n.sensitive])
    assert articles(data_dir, '--flagged') == [], articles(data_dir, '--flagged')
    before = states(data_dir)
    press('s')
    wait_for('the seed article flagged (s)', lambda: articles(data_dir, '--flagged') == [title])
    press('m')
    wait_for('the seed article unread (m)', lambda: title in articles(data_dir, '--unread'))
    # The article selected in the list, behind the Alerts view, is as it
    # was, and so is every other: only the one shown changed.
    after = states(data_dir)
    assert changed(before, after) == [title], (before, after)
    assert after[title][1] and not after[title][0], after[title]
    assert 'Tbilisi opens a new metro station' not in articles(data_dir, '--unread')


def present(node, name, role='label'):
    """Nodes of role named name. GTK 4.8 takes a hidden widget out of the
    tree, but a page a stack or a leaflet does not show stays in it, with
    the place it last had: present() tells the first kind only."""
    return node.findChildren(lambda n: n.roleName == role and n.name == name)


def type_search(text):
    """Ctrl+F, then the query typed over whatever the entry held."""
    press('ctrl+f')
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+a'], check=True)
    subprocess.run(['xdotool', 'type', '--delay', '20', text], check=True)


def search_explains_itself(window, outlet):
    """A search that cannot be read says why in place of the results; a
    search's scope shows under it, and one click searches everything."""
    wait_for('the way back to the list', lambda: present(window, 'Back to the articles', 'push button')
             )[0].doActionNamed('click')
    wait_for('the list again', lambda: present(window, 'Refresh all outlets', 'push button'))

    type_search('Russia* NEAR/500 interfer*')
    wait_for('the error in place of the results', lambda: present(window, 'This Search Cannot Be Read'))
    why = wait_for('why, with the column', lambda: labels(window, lambda name: 'column 14' in name))
    print('the results area says:', why[0].name.replace('\n', ' / '))
    assert 'too far' in why[0].name, why[0].name
    wait_for('"Search error" under the title', lambda: present(window, 'Search error'))
    for wrong in ('No Results', 'No Articles Match'):
        assert not present(window, wrong), wrong + ' said for a search that cannot be read'
    subprocess.run(['xdotool', 'mousemove', '0', '900'], check=False)
    subprocess.run(['import', '-window', 'root', screenshot.replace('.png', '-search-error.png')], check=False)

    type_search('metro')
    wait_for('its one result', lambda: present(window, '1 result'))
    wait_for('the scope: every article', lambda: present(window, 'In all articles'))
    # The outlet picked: the search stays, and says where it looks.
    sources = window.findChildren(lambda n: n.roleName == 'list' and n.name == 'Sources')[0]
    labels(sources, lambda name: name == outlet)[0].click()
    chip = 'In ' + outlet
    wait_for('the scope chip "%s"' % chip, lambda: present(window, chip))
    assert not present(window, 'In all articles'), 'both scopes shown'
    wait_for('its one result in the outlet', lambda: present(window, '1 result'))
    subprocess.run(['xdotool', 'mousemove', '0', '900'], check=False)
    subprocess.run(['import', '-window', 'root', screenshot.replace('.png', '-scope.png')], check=False)
    # One click.
    wait_for('its clear button', lambda: present(window, 'Search all articles', 'push button')
             )[0].doActionNamed('click')
    wait_for('the scope cleared', lambda: present(window, 'In all articles'))
    assert not present(window, chip), 'the chip stayed'
    assert present(window, '1 result'), 'the search did not stay'


def narrow_alert_opens(window, title, data_dir):
    """400 px wide: an alert tapped in the Alerts view shows its article
    in place of the list, and reads it."""
    wid = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^Clippings$'],
                         check=True, capture_output=True, text=True).stdout.split()[0]
    subprocess.run(['xdotool', 'windowsize', wid, '400', '800'], check=True)
    wait_for('the narrow window', lambda: window.size[0] <= 420)
    press('ctrl+shift+a')
    section = wait_for('the rule\'s alerts', lambda: window.findChildren(
        lambda n: n.roleName == 'list' and n.name == 'Russian interference')[0])
    assert title in articles(data_dir, '--unread'), 'the seed article was read already'
    # Folded: the article pane has its way back to the list.
    wait_for('the Alerts view folded', lambda: present(window, 'Back to the alerts', 'push button'))
    subprocess.run(['xdotool', 'mousemove', '0', '900'], check=False)
    subprocess.run(['import', '-window', 'root', screenshot.replace('.png', '-narrow-alerts.png')], check=False)
    before = states(data_dir)
    labels(section, lambda name: name == title)[0].click()
    # The leaflet shows the article: its body is laid out where the list
    # was (wide, it was beside the list, right of x = 460).
    body = wait_for('its body, in the narrow window', lambda: [
        n for n in labels(window, lambda name: 'subject of Russian interference' in name)
        if 0 <= n.position[0] - window.position[0] < 400 and n.size[0] > 0])
    print('narrow: the article\'s body at x', body[0].position[0], 'width', body[0].size[0])
    wait_for('the alert\'s article read', lambda: title not in articles(data_dir, '--unread'))
    assert changed(before, states(data_dir)) == [title]
    subprocess.run(['xdotool', 'mousemove', '0', '900'], check=False)
    subprocess.run(['import', '-window', 'root', screenshot.replace('.png', '-narrow.png')], check=False)


# The roles of controls a person operates; each needs a name of its own.
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'switch',
            'text', 'entry', 'password text', 'combo box', 'spin button', 'menu button'}


def unnamed_controls(root, where):
    """The controls under root without a name a person could hear."""
    found = []

    def walk(node, path, depth):
        try:
            role, name = node.roleName, (node.name or '').strip()
            children = list(node.children)
        except Exception:  # noqa: BLE001 - a node went away while we looked
            return
        if role in CONTROLS and (not name or name.startswith(('Gtk', 'Adw', 'Clip'))):
            found.append('%s: %s %r under %s' % (where, role, name, ' / '.join(path[-3:])))
        if depth < 80:
            for child in children:
                if child is not None:
                    walk(child, path + ['%s “%s”' % (role, name)], depth + 1)

    walk(root, [], 0)
    return found


def frame(app, name):
    """The app's windows called name (None: any but the main window)."""
    return [f for f in app.children if f.roleName == 'frame' and
            (f.name == name if name is not None else f.name != 'Clippings')]


def controls_shown(node):
    """A positive sign that a dialog's controls are on the bus: at least
    one button or entry under it (a walk before that would pass empty)."""
    return node.findChildren(lambda n: n.roleName in ('push button', 'toggle button', 'text',
                                                       'check box', 'combo box'))


def check_dialog(app, keys, name, problems, close='Escape'):
    """Opens a dialog with keys, checks its controls, closes it."""
    press(keys)
    dialog = wait_for('the %s dialog (%s)' % (name, keys), lambda: frame(app, name)[0])
    wait_for('its controls', lambda: controls_shown(dialog))
    print('checking', dialog.name)
    if not dialog.name or dialog.name.startswith('Gtk'):
        problems.append('a window without a title of its own: %r' % dialog.name)
    problems += unnamed_controls(dialog, dialog.name)
    press(close)
    wait_for('the %s dialog closed' % name, lambda: not frame(app, name))


def every_control_named(app, window):
    """Every page and dialog: no control without a name."""
    problems = []
    press('ctrl+shift+a')
    wait_for('the Alerts page', lambda: showing_button(window, 'Mark all read'))
    problems += unnamed_controls(window, 'Alerts')
    press('ctrl+shift+r')
    wait_for('the Rules page', lambda: showing_button(window, 'Term lists'))
    problems += unnamed_controls(window, 'Rules')
    showing_button(window, 'Term lists')[0].doActionNamed('click')
    lists = wait_for('the Term Lists window', lambda: frame(app, 'Term Lists')[0])
    wait_for('its controls', lambda: controls_shown(lists))
    problems += unnamed_controls(lists, 'Term Lists')
    press('Escape')
    wait_for('Term Lists closed', lambda: not frame(app, 'Term Lists'))
    wait_for('New Rule', lambda: showing_button(window, 'New Rule'))[0].doActionNamed('click')
    editor = wait_for('the rule editor', lambda: frame(app, 'New Rule')[0])
    wait_for('its controls', lambda: controls_shown(editor))
    problems += unnamed_controls(editor, 'New Rule')
    press('Escape')
    wait_for('the rule editor closed', lambda: not frame(app, 'New Rule'))
    wait_for('Back to the Articles',
             lambda: showing_button(window, 'Back to the Articles'))[0].doActionNamed('click')
    wait_for('the articles', lambda: showing_button(window, 'Refresh all outlets'))
    problems += unnamed_controls(window, 'Articles')
    check_dialog(app, 'ctrl+n', 'Add Outlet', problems)
    check_dialog(app, 'ctrl+comma', 'Preferences', problems)
    check_dialog(app, 'ctrl+e', 'Export', problems)
    # GtkShortcutsWindow's title is GTK's own.
    check_dialog(app, 'ctrl+question', None, problems)
    # An outlet's own view, and its properties.
    # The sidebar's row, left of the list's rows that name the outlet too.
    wait_for('the outlet in the sidebar',
             lambda: min(labels(window, lambda name: name == 'Rustavi 2 (test)'),
                         key=lambda n: n.position[0])).click()
    wait_for('Outlet properties',
             lambda: showing_button(window, 'Outlet properties'))[0].doActionNamed('click')
    props = wait_for('the outlet dialog', lambda: [f for f in app.children if f.roleName == 'frame'
                                                   and f.name not in ('Clippings', '')][0])
    wait_for('its controls', lambda: controls_shown(props))
    problems += unnamed_controls(props, props.name)
    press('Escape')
    for problem in problems:
        print('UNNAMED', problem)
    assert not problems, '%d controls have no name a screen reader can say' % len(problems)


def main():
    title, feed = seed_feed()
    server = serve(feed)
    url = 'http://127.0.0.1:%d/en/rss/society' % server.server_address[1]
    data_dir = tempfile.mkdtemp(prefix='clippings-e2e-')
    env = dict(os.environ)
    for key in ('GTK_A11Y', 'NO_AT_BRIDGE', 'GTK_MODULES'):
        env.pop(key, None)
    env.update(CLIPPINGS_DATA_DIR=data_dir, GSETTINGS_BACKEND='memory',
               GSETTINGS_SCHEMA_DIR=schema_dir, GSK_RENDERER='cairo')
    app_process = subprocess.Popen([clippings], env=env)
    try:
        app = wait_for('the application on the bus', lambda: tree.root.application('clippings'))
        window = wait_for('the main window', lambda: app.child(roleName='frame', name='Clippings'))

        # The empty state's suggested action opens the dialog.
        wait_for('Add Outlet…', lambda: button_with_label(window, 'Add Outlet…')).doActionNamed('click')
        dialog = wait_for('the Add Outlet dialog',
                          lambda: app.child(roleName='frame', name='Add Outlet'))
        address = wait_for('the address field',
                           lambda: dialog.findChildren(lambda n: n.roleName == 'text')[0])
        address.text = url
        wait_for('Add', lambda: button_with_label(dialog, 'Add')).doActionNamed('click')

        # The outlet is fetched as soon as it is added; then a refresh, as
        # the analyst would press it.
        wait_for('the refresh button',
                 lambda: window.child(roleName='push button', name='Refresh all outlets')
                 ).doActionNamed('click')
        row_title = wait_for('the seed article in the list',
                             lambda: labels(window, lambda name: name == title)[0], 120)
        # The chip in the article's own row (the sidebar and the Rules page
        # name the rule too).
        chips = wait_for('its “Russian interference” chip',
                         lambda: chips_in_row(row_title))
        print('chip found in', chips[0].parent.roleName)

        # Open it: a click on its row (windows sit at 0,0 without a window manager).
        row_title.click()
        # Each rule that flagged it, with the words that matched, beside its chip.
        wait_for('the words that flagged it',
                 lambda: labels(window, lambda name: name.startswith('Matched:')))
        why = None
        for label in labels(window, lambda name: name.startswith('Matched:')):
            print('reading view says:', label.name)
            siblings = [c.name for c in label.parent.children if c.roleName == 'label']
            if 'Russian interference' in siblings:
                why = label.name
        assert why is not None, 'no “Russian interference” row in the reading view'
        assert 'Russian' in why and 'interference' in why, why
        body = labels(window, lambda name: 'subject of Russian interference' in name)
        assert body, 'the body is not shown'
        # The pointer away, so no tooltip covers the list.
        subprocess.run(['xdotool', 'mousemove', '0', '900'], check=False)
        time.sleep(1)
        subprocess.run(['import', '-window', 'root', screenshot], check=False)
        assert os.path.getsize(screenshot) > 0, 'no screenshot'
        print('screenshot:', screenshot)
        # Another article selected (and read) in the list.
        labels(window, lambda name: name == 'Tbilisi opens a new metro station')[0].click()
        wait_for('the metro article read',
                 lambda: 'Tbilisi opens a new metro station' not in articles(data_dir, '--unread'))
        keyboard_shortcuts(app, window)
        alerts_act_on_shown(window, title, data_dir)
        search_explains_itself(window, 'Rustavi 2 (test)')
        every_control_named(app, window)
        narrow_alert_opens(window, title, data_dir)
    finally:
        app_process.terminate()
        app_process.wait(10)
        server.shutdown()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
