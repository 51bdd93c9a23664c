#!/usr/bin/env python3
"""Check that every quote in a dealdiff payload occurs verbatim in its source text.

Usage:
    python3 tests/verify_quotes.py [PAYLOAD.json] [--seeds DIR] [--map SOURCE_ID=FILE ...]

Whitespace runs are collapsed to single spaces on both sides before comparing;
nothing else is normalised (quote marks, dashes and case must match exactly).
Prints each mismatch and exits 1 if there is any, 0 otherwise.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PAYLOAD = os.path.join(HERE, "..", "www", "data", "msft-openai-2026.json")
DEFAULT_SEEDS = "/work/shared/seeds"
# Source id -> seed file name for www/data/msft-openai-2026.json
# (also used by www/data/three-versions-example.json).
DEFAULT_MAP = {
    "gmt8": "000_bc083fbd8fb0b394.txt",
    "cailian": "001_728ad766898714c8.txt",
    "aissential": "002_5664a74fb820f52d.txt",
    "unnamed-report": "003_8310d2ad483601b2.txt",
    "abab": "004_0d3ec922dd4fc5ce.txt",
}


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("payload", nargs="?", default=DEFAULT_PAYLOAD)
    ap.add_argument("--seeds", default=DEFAULT_SEEDS,
                    help="directory holding the seed files (default: %(default)s)")
    ap.add_argument("--map", action="append", default=[], metavar="ID=FILE",
                    help="map a source id to a file (relative to --seeds); repeatable")
    args = ap.parse_args(argv)

    mapping = dict(DEFAULT_MAP)
    for item in args.map:
        sid, sep, fname = item.partition("=")
        if not sep:
            ap.error("--map expects ID=FILE, got %r" % item)
        mapping[sid] = fname

    with open(args.payload, encoding="utf-8-sig") as f:
        payload = json.load(f)

    texts = {}
    mismatches = 0
    quotes = payload.get("quotes") or []
    for i, q in enumerate(quotes):
        qid, sid = q.get("id"), q.get("source")
        where = "quotes[%d] (%s)" % (i, qid)
        if sid not in mapping:
            print("MISMATCH %s: no seed file mapped for source %r" % (where, sid))
            mismatches += 1
            continue
        if sid not in texts:
            path = os.path.join(args.seeds, mapping[sid])
            try:
                with open(path, encoding="utf-8-sig") as f:
                    texts[sid] = collapse(f.read())
            except OSError as e:
                print("MISMATCH %s: cannot read %s: %s" % (where, path, e))
                mismatches += 1
                continue
        needle = collapse(q.get("text") or "")
        if not needle or needle not in texts[sid]:
            print("MISMATCH %s: text not found verbatim in %s\n    %r"
                  % (where, mapping[sid], needle))
            mismatches += 1

    print("%s: %d quotes checked, %d mismatches" % (args.payload, len(quotes), mismatches))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
