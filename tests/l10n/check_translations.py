#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations against the current sources (issue 15).

1. lupdate extracts every string without a warning ("tr() cannot be called without context",
   "Class ... lacks Q_OBJECT macro", ...): a warning means a string that no translation reaches.
2. Run on a copy of each committed .ts (so new strings come out unfinished, as a translator would
   get them): every current source string has a finished translation, every numerus form filled.
3. Each translation keeps the source's placeholders (%1..%99, %n), its accelerator (&X, at most
   one), its leading and trailing whitespace and its line breaks.

Usage: check_translations.py LUPDATE SOURCE_DIR TS...
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r'%(?:\d{1,2}|n)')
# A single & followed by a non-space, not "&&" and not an HTML entity (&amp; &lt; &#8230; ...).
ACCEL = re.compile(r'(?<!&)&(?![&\s]|[a-zA-Z]+;|#\d+;)')


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def accelerators(text):
    return len(ACCEL.findall(text))


def edges(text):
    return (text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):], text.count('\n'))


def check_message(where, source, forms, numerus):
    problems = []
    want = placeholders(source)
    for form in forms:
        got = placeholders(form)
        # A singular form may spell the number out ("einen") only when the source has no %n.
        if got != want:
            problems.append(f'{where}: placeholders {want} in the source, {got} in “{form}”')
        if accelerators(form) != accelerators(source):
            problems.append(f'{where}: the source has {accelerators(source)} accelerator(s), “{form}” has {accelerators(form)}')
        if edges(form) != edges(source):
            problems.append(f'{where}: leading/trailing whitespace or line breaks differ from the source in “{form}”')
    if accelerators(source) > 1:
        problems.append(f'{where}: the source has more than one accelerator')
    return problems


def check_ts(path, require_all):
    """require_all: every message must be finished (False for the plural-only English file,
    which lists only numerus messages anyway)."""
    problems = []
    count = 0
    root = ET.parse(path).getroot()
    for ctx in root.findall('context'):
        name = ctx.findtext('name')
        for msg in ctx.findall('message'):
            tr = msg.find('translation')
            if tr.get('type') in ('vanished', 'obsolete'):
                continue
            count += 1
            source = msg.findtext('source')
            where = f'{os.path.basename(path)} [{name}] “{source[:70]}”'
            numerus = msg.get('numerus') == 'yes'
            forms = [f.text or '' for f in tr.findall('numerusform')] if numerus else [tr.text or '']
            if tr.get('type') == 'unfinished' or any(not f for f in forms):
                if require_all or numerus:
                    problems.append(f'{where}: no finished translation')
                continue
            problems += check_message(where, source, forms, numerus)
    return count, problems


def main():
    lupdate, srcdir, *ts_files = sys.argv[1:]
    dirs = [os.path.join(srcdir, d) for d in ('core', 'ui', 'app')]
    incs = [a for d in dirs for a in ('-I', d)]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files:
            copy = os.path.join(tmp, os.path.basename(ts))
            shutil.copy(ts, copy)
            plural_only = os.path.basename(ts).endswith('_en.ts')
            cmd = [lupdate, '-locations', 'none', '-no-obsolete'] + (['-pluralonly'] if plural_only else []) \
                + incs + dirs + ['-ts', copy]
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f'lupdate failed ({run.returncode}): {run.stderr}')
            for line in (run.stdout + run.stderr).splitlines():
                if line.startswith(('Scanning directory', 'Updating', '    Found', '    Kept',
                                    '    Removed', '    Same-text', '    Number heuristic', 'Stripping non plural')) or not line.strip():
                    continue
                problems.append(f'lupdate: {line}')
            count, p = check_ts(copy, require_all=not plural_only)
            problems += p
            print(f'{os.path.basename(ts)}: {count} messages checked')
    for p in problems:
        print(p)
    print(f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
