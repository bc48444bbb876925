#!/usr/bin/env python3
"""Converts one of the four public polyphonic piano-roll datasets of Boulanger-Lewandowski, Bengio and
Vincent (ICML 2012) from its pickle file to the JSON that `neural-piano train` and `evaluate` read.

Get the pickles from the paper's page, http://www-etud.iro.umontreal.ca/~boulanni/icml2012
("JSB Chorales.pickle", "MuseData.pickle", "Nottingham.pickle", "Piano-midi.de.pickle"), then e.g.
    python3 scripts/data/pickleToJson.py "Nottingham.pickle" data/nottingham
which writes data/nottingham/train.json, valid.json and test.json. Each pickle is a dict of splits; a split
is a list of pieces, a piece a list of frames, a frame the MIDI notes (21..108) sounding in it. The
authors transposed every piece to C major or C minor; JSB Chorales has a quarter note per frame, the
others an eighth (--steps-per-quarter overrides what the file name implies).
"""
import argparse
import json
import os
import pickle
import sys

LOWEST_MIDI, KEYS = 21, 88


def convert(pieces, split, name, steps_per_quarter):
    sequences = []
    for piece in pieces:
        frames = []
        for frame in piece:
            keys = sorted({int(note) - LOWEST_MIDI for note in frame})
            if any(k < 0 or k >= KEYS for k in keys):
                raise SystemExit(f"{name} {split}: a note outside the 88 keys (MIDI 21..108): {list(frame)}")
            frames.append(keys)
        sequences.append(frames)
    return {
        "dataset": name, "split": split, "keys": KEYS, "lowestMidi": LOWEST_MIDI,
        "stepsPerQuarter": steps_per_quarter, "transposedTo": "C major or C minor",
        "frames": sum(len(s) for s in sequences), "sequences": sequences,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pickle", help="the dataset's .pickle file")
    parser.add_argument("out", help="the folder for train.json, valid.json, test.json")
    parser.add_argument("--steps-per-quarter", type=int, help="frames per quarter note (default: 1 for JSB, else 2)")
    args = parser.parse_args()
    with open(args.pickle, "rb") as f:
        data = pickle.load(f, encoding="latin1")
    if not isinstance(data, dict) or not {"train", "valid"} <= set(data):
        raise SystemExit(f"{args.pickle}: not one of the piano-roll pickles (a dict with train, valid, test)")
    name = os.path.splitext(os.path.basename(args.pickle))[0]
    spq = args.steps_per_quarter or (1 if "jsb" in name.lower() else 2)
    os.makedirs(args.out, exist_ok=True)
    for split in ("train", "valid", "test"):
        if split not in data:
            continue
        converted = convert(data[split], split, name, spq)
        with open(os.path.join(args.out, f"{split}.json"), "w") as f:
            json.dump(converted, f, separators=(",", ":"))
        print(f"{args.out}/{split}.json: {len(converted['sequences'])} pieces, {converted['frames']} frames", file=sys.stderr)


if __name__ == "__main__":
    main()
