#!/usr/bin/python3
# run.py — article extraction: Clippings against its peers, same pages, same run
#
#   bench/extract/run.py BUILD_DIR [--corpus DIR] [--rounds N]
#
# The pages of the shared extraction corpus (../shared/corpus/extraction,
# 181 real pages) are decompressed once into a temporary folder; then, on
# the very same files, in turns:
#   - bench-extract: clip_page_extract() (charset, parse, metadata, body,
#     dates, sanitised HTML and text), in one process;
#   - xmllint --html --noout: libxml2's HTML parser alone, one process over
#     all files (the floor: goal >= 0.5x its rate);
#   - Readability.js with jsdom, run by node (goal >= 20x its rate): npm
#     installs @mozilla/readability and jsdom into this folder on the first
#     run (never committed: see .gitignore);
#   - readability-lxml (Debian's python3-readability, apt install).
# Rates use CPU time of the extraction loop (steadier than wall time on a
# shared machine; xmllint's is its whole process); each keeps its fastest
# round. Peak memory is each process's maxrss. Runs one process at a time.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def result(line_prefix, text):
    for line in text.splitlines():
        if line.startswith('RESULT ' + line_prefix):
            return dict(kv.split('=') for kv in line.split()[2:])
    sys.exit(f'{line_prefix} printed no RESULT line:\n{text}')


def run(cmd, name, **kw):
    res = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if res.returncode != 0:
        sys.exit(f'{name} failed: {res.stderr[-2000:]}')
    return res.stdout


def ours(build, corpus, pages_dir, write):
    exe = os.path.join(build, 'bench', 'bench-extract')
    cmd = [exe, os.path.join(corpus, 'html'), '--ground-truth', os.path.join(corpus, 'ground-truth.json'),
           '--repeat', '1']
    if write:
        cmd += ['--write-html', pages_dir]
    r = result('clippings', run(cmd, 'bench-extract'))
    return float(r['cpu']), int(r['maxrss_kb']), int(r['bytes'])


def xmllint(files):
    # its own CPU and peak from /usr/bin/time: RUSAGE_CHILDREN's peak would
    # be the largest of every child so far (node's)
    with tempfile.NamedTemporaryFile('r') as t:
        subprocess.run(['/usr/bin/time', '-f', '%U %S %M', '-o', t.name, 'xmllint', '--html', '--noout']
                       + files, stderr=subprocess.DEVNULL, check=False)
        user, system, rss = t.read().split()[-3:]
    return float(user) + float(system), int(rss)


def ensure_readability_js():
    if os.path.isdir(os.path.join(HERE, 'node_modules', '@mozilla', 'readability')) and \
       os.path.isdir(os.path.join(HERE, 'node_modules', 'jsdom')):
        return True
    if shutil.which('npm') is None:
        print('npm is missing: Readability.js is left out')
        return False
    print('installing @mozilla/readability and jsdom into', HERE, '…')
    res = subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--prefix', HERE,
                          '@mozilla/readability', 'jsdom'], capture_output=True, text=True)
    if res.returncode != 0:
        print('npm install failed: Readability.js is left out\n' + res.stderr[-1000:])
        return False
    return True


def readability_js(files, urls_path):
    out = run(['node', os.path.join(HERE, 'readability.mjs'), urls_path] + files, 'readability.js')
    r = result('readability-js', out)
    if int(r['failed']):
        print(f"Readability.js+jsdom threw on {r['failed']} pages (counted as done)")
    return float(r['cpu']), int(r['maxrss_kb'])


def readability_lxml(files):
    out = run(['/usr/bin/python3', os.path.join(HERE, 'readability_lxml.py')] + files, 'readability-lxml')
    r = result('readability-lxml', out)
    return float(r['cpu']), int(r['maxrss_kb'])


def best(a, b):
    return b if a is None or b[0] < a[0] else a


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('build')
    ap.add_argument('--corpus', default=os.path.join(HERE, '..', '..', '..', 'shared', 'corpus', 'extraction'))
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(os.path.join(corpus, 'html')):
        sys.exit(f'{corpus}: no corpus (the shared extraction corpus is beside the checkout)')
    if shutil.which('xmllint') is None or not os.path.exists('/usr/bin/time'):
        sys.exit('xmllint or /usr/bin/time is missing (apt install libxml2-utils time)')
    have_js = ensure_readability_js()
    have_lxml = subprocess.run(['/usr/bin/python3', '-c', 'import readability'],
                               capture_output=True).returncode == 0
    if not have_lxml:
        print('python3-readability is missing (apt install python3-readability): left out')
    pages_dir = tempfile.mkdtemp(prefix='clippings-bench-extract-')
    try:
        truth = json.load(open(os.path.join(corpus, 'ground-truth.json')))
        urls_path = os.path.join(pages_dir, 'urls.json')
        json.dump({k: v.get('url') for k, v in truth.items()}, open(urls_path, 'w'))
        o = x = js = lx = None
        files = None
        for rnd in range(args.rounds):
            o = best(o, ours(args.build, corpus, pages_dir, rnd == 0))
            if files is None:
                files = sorted(os.path.join(pages_dir, f) for f in os.listdir(pages_dir) if f.endswith('.html'))
            x = best(x, xmllint(files))
            if have_js:
                js = best(js, readability_js(files, urls_path))
            if have_lxml:
                lx = best(lx, readability_lxml(files))
        n = len(files)
        size = o[2]
        print(f'{n} pages, {size / 1e6:.1f} MB; fastest of {args.rounds} rounds each, CPU time')
        rows = [('clippings', o[0], o[1]), ('xmllint --html', x[0], x[1])]
        if js:
            rows.append(('Readability.js+jsdom', js[0], js[1]))
        if lx:
            rows.append(('readability-lxml', lx[0], lx[1]))
        for name, cpu, rss in rows:
            print(f'{name:<22} {cpu:8.3f} s CPU  {n / cpu:9.1f} pages/s  {size / 1e6 / cpu:7.1f} MB/s  '
                  f'peak {rss / 1024:7.1f} MiB')
        print()
        print(f'ratio vs xmllint --html --noout: {(n / o[0]) / (n / x[0]):.2f}x  (goal >= 0.5x)')
        if js:
            print(f'ratio vs Readability.js+jsdom:   {(n / o[0]) / (n / js[0]):.1f}x  (goal >= 20x)')
        if lx:
            print(f'ratio vs readability-lxml:       {(n / o[0]) / (n / lx[0]):.1f}x')
    finally:
        shutil.rmtree(pages_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
