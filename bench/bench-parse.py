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
# Rates use CPU time (steadier than wall time on a shared machine) of the
# fastest of 3 runs for each parser; wall time is printed too.
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


def run_ours(build, feeds, items, out_dir):
    exe = os.path.join(build, 'bench', 'bench-parse')
    res = subprocess.run([exe, '--feeds', str(feeds), '--items', str(items),
                          '--write', out_dir], capture_output=True, text=True)
    sys.stdout.write(res.stdout)
    if res.returncode != 0:
        sys.exit('bench-parse failed: ' + res.stderr)
    for line in res.stdout.splitlines():
        if line.startswith('RESULT clippings'):
            fields = dict(kv.split('=') for kv in line.split()[2:])
            return int(fields['items']), int(fields['bytes']), float(fields['cpu']), float(fields['wall'])
    sys.exit('bench-parse printed no RESULT line')


def run_xmllint(files, repeat):
    best = None
    for _ in range(repeat):
        cpu0, wall0 = children_cpu(), time.monotonic()
        subprocess.run(['xmllint', '--stream', '--noout'] + files, check=True)
        run = (children_cpu() - cpu0, time.monotonic() - wall0)
        best = run if best is None or run[0] < best[0] else best
    return best


def run_feedparser(files, repeat):
    import feedparser
    datas = [open(f, 'rb').read() for f in files]
    best = None
    for _ in range(repeat):
        items = 0
        cpu0, wall0 = time.process_time(), time.monotonic()
        for data in datas:
            items += len(feedparser.parse(data).entries)
        run = (items, time.process_time() - cpu0, time.monotonic() - wall0)
        best = run if best is None or run[1] < best[1] else best
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('build')
    ap.add_argument('--feeds', type=int, default=2000)
    ap.add_argument('--items', type=int, default=50)
    ap.add_argument('--peer-feeds', type=int, default=100)
    args = ap.parse_args()

    if shutil.which('xmllint') is None:
        sys.exit('xmllint is missing (apt install libxml2-utils)')
    out_dir = tempfile.mkdtemp(prefix='clippings-bench-parse-')
    try:
        items, size, cpu, wall = run_ours(args.build, args.feeds, args.items, out_dir)
        files = sorted(glob.glob(os.path.join(out_dir, '*.xml')))
        per_feed = size / len(files)

        # each peer, like bench-parse itself, counts its fastest of 3 runs
        x_cpu, x_wall = run_xmllint(files, 3)
        print('xmllint --stream: %d items, %.1f MB in %.3f s CPU (%.3f s wall): '
              '%.0f items/s, %.1f MB/s' % (items, size / 1e6, x_cpu, x_wall,
                                            items / x_cpu, size / 1e6 / x_cpu))

        peer = files[:args.peer_feeds]
        f_items, f_cpu, f_wall = run_feedparser(peer, 3)
        f_size = per_feed * len(peer)
        print('feedparser %s: %d items, %.1f MB in %.3f s CPU (%.3f s wall): '
              '%.0f items/s, %.2f MB/s' % (__import__('feedparser').__version__, f_items,
                                            f_size / 1e6, f_cpu, f_wall, f_items / f_cpu,
                                            f_size / 1e6 / f_cpu))

        ours = items / cpu
        print()
        print('clippings: %.0f items/s, %.1f MB/s (parse + sanitise + plain text)'
              % (ours, size / 1e6 / cpu))
        print('ratio vs xmllint --stream: %.2fx  (goal >= 0.5x)' % (ours / (items / x_cpu)))
        print('ratio vs feedparser:       %.1fx  (goal >= 25x)' % (ours / (f_items / f_cpu)))
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
