#!/usr/bin/python3
# bench-parse.py — feed parsing: Clippings against its peers, same feeds, same run
#
#   bench/bench-parse.py BUILD_DIR [--feeds N] [--items N] [--peer-feeds N]
#
# bench-parse generates the corpus (2,000 feeds x 50 items by default, 1-3 KB
# HTML descriptions in English, Russian and Georgian), writes it out and
# times clip_feed_parse() over it (sanitising every item's HTML). This script
# then times, on the very same files:
#   - xmllint --stream --noout (libxml2 parsing, no extraction: the floor),
#     one process over all files;
#   - Debian's python3-feedparser (the reference parser), in this process,
#     over the first --peer-feeds files (it is ~50x slower; rates are per
#     item, so a subset measures the same thing in reasonable time).
# The parsers take turns for --rounds rounds (3); each keeps its fastest.
# Rates use CPU time (steadier than wall time on a shared machine); wall
# time is printed too.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_ours(build, feeds, items, out_dir, write):
    exe = os.path.join(build, 'bench', 'bench-parse')
    res = subprocess.run([exe, '--feeds', str(feeds), '--items', str(items), '--repeat', '1',
                          '--write' if write else '--read', out_dir],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit('bench-parse failed: ' + res.stderr)
    for line in res.stdout.splitlines():
        if line.startswith('RESULT clippings'):
            fields = dict(kv.split('=') for kv in line.split()[2:])
            return int(fields['items']), int(fields['bytes']), float(fields['cpu']), float(fields['wall'])
    sys.exit('bench-parse printed no RESULT line')


def run_xmllint(files):
    cpu0, wall0 = children_cpu(), time.monotonic()
    subprocess.run(['xmllint', '--stream', '--noout'] + files, check=True)
    return children_cpu() - cpu0, time.monotonic() - wall0


def run_feedparser(datas):
    import feedparser
    items = 0
    cpu0, wall0 = time.process_time(), time.monotonic()
    for data in datas:
        items += len(feedparser.parse(data).entries)
    return items, time.process_time() - cpu0, time.monotonic() - wall0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('build')
    ap.add_argument('--feeds', type=int, default=2000)
    ap.add_argument('--items', type=int, default=50)
    ap.add_argument('--peer-feeds', type=int, default=100)
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()

    if shutil.which('xmllint') is None:
        sys.exit('xmllint is missing (apt install libxml2-utils)')
    out_dir = tempfile.mkdtemp(prefix='clippings-bench-parse-')
    try:
        # The three parsers take turns, round after round, so that a busy
        # moment on a shared machine hits them alike; each keeps its
        # fastest round.
        ours = xml = fp = None
        datas = None
        for rnd in range(args.rounds):
            run = run_ours(args.build, args.feeds, args.items, out_dir, rnd == 0)
            ours = run if ours is None or run[2] < ours[2] else ours
            files = sorted(glob.glob(os.path.join(out_dir, '*.xml')))
            run = run_xmllint(files)
            xml = run if xml is None or run[0] < xml[0] else xml
            if datas is None:
                datas = [open(f, 'rb').read() for f in files[:args.peer_feeds]]
            run = run_feedparser(datas)
            fp = run if fp is None or run[1] < fp[1] else fp

        items, size, cpu, wall = ours
        x_cpu, x_wall = xml
        f_items, f_cpu, f_wall = fp
        f_size = sum(len(d) for d in datas)
        print('%d feeds x %d items, %.1f MB; fastest of %d rounds each, CPU time'
              % (len(files), args.items, size / 1e6, args.rounds))
        print('clippings:         %6d items in %.3f s CPU (%.3f s wall): %7.0f items/s, %6.1f MB/s'
              % (items, cpu, wall, items / cpu, size / 1e6 / cpu))
        print('xmllint --stream:  %6d items in %.3f s CPU (%.3f s wall): %7.0f items/s, %6.1f MB/s'
              % (items, x_cpu, x_wall, items / x_cpu, size / 1e6 / x_cpu))
        print('feedparser %s: %4d items in %.3f s CPU (%.3f s wall): %7.0f items/s, %6.2f MB/s'
              % (__import__('feedparser').__version__, f_items, f_cpu, f_wall, f_items / f_cpu,
                 f_size / 1e6 / f_cpu))
        print()
        print('clippings parses, sanitises and makes plain text of every item')
        print('ratio vs xmllint --stream: %.2fx  (goal >= 0.5x)' % ((items / cpu) / (items / x_cpu)))
        print('ratio vs feedparser:       %.1fx  (goal >= 25x)' % ((items / cpu) / (f_items / f_cpu)))
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
