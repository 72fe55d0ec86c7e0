#!/usr/bin/env python3
"""Peptide-length windows from the protein sequences of Debian's hmmer-examples package (see SOURCES.md).

Usage: make_training_set.py EXAMPLES_DIR OUT_DIR
EXAMPLES_DIR is /usr/share/doc/hmmer/examples of an installed (or `dpkg-deb -x`-extracted) hmmer-examples.
Writes train.txt and valid.txt (one sequence per line). Held-out windows come from whole held-out proteins,
so no validation window overlaps a training protein.
"""
import gzip, os, random, sys

STANDARD = set("ACDEFGHIKLMNPQRSTVWY")
PROTEIN_FILES = ["tutorial/fn3.sto", "tutorial/Pkinase.sto", "tutorial/globins4.sto", "tutorial/globins45.fa",
                 "testsuite/RRM_1.sto.gz", "testsuite/SMC_N.sto.gz", "testsuite/LuxC.sto.gz", "testsuite/Patched.sto.gz",
                 "testsuite/Caudal_act.sto.gz", "testsuite/PSE.sto", "testsuite/minifam.gz"]

def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return f.read().splitlines()

def sequences(path):
    """(name, ungapped upper-case sequence) from Stockholm (possibly several alignments) or FASTA."""
    lines = read_text(path)
    seqs = {}
    if any(l.startswith(">") for l in lines):
        name = None
        for l in lines:
            if l.startswith(">"):
                name = l[1:].split()[0]; seqs[name] = ""
            elif name:
                seqs[name] += l.strip()
    else:
        for l in lines:
            if not l.strip() or l.startswith("#") or l.startswith("//"):
                continue
            parts = l.split()
            if len(parts) == 2:
                seqs[parts[0]] = seqs.get(parts[0], "") + parts[1]
    for name, s in seqs.items():
        yield name, "".join(c for c in s.upper() if c.isalpha())

def windows(seq, rng):
    """Windows of 8 to 40 residues at random starts, about one per 6 residues of protein."""
    out = []
    for _ in range(max(1, len(seq) // 6)):
        n = rng.randint(8, 40)
        if len(seq) < n:
            continue
        start = rng.randint(0, len(seq) - n)
        w = seq[start:start + n]
        if set(w) <= STANDARD:
            out.append(w)
    return out

def main(src, out):
    rng = random.Random(20261124)
    proteins = {}
    for f in PROTEIN_FILES:
        for name, s in sequences(os.path.join(src, f)):
            if len(s) >= 8 and sum(c in STANDARD for c in s) >= 0.9 * len(s):
                proteins.setdefault(s, name)
    unique = sorted(proteins)
    rng.shuffle(unique)
    held = len(unique) // 10
    splits = {"valid.txt": unique[:held], "train.txt": unique[held:]}
    os.makedirs(out, exist_ok=True)
    for file, prots in splits.items():
        ws = sorted({w for p in prots for w in windows(p, rng)})
        rng.shuffle(ws)
        with open(os.path.join(out, file), "w") as f:
            f.write("\n".join(ws) + "\n")
        print(f"{file}: {len(ws)} windows from {len(prots)} proteins ({sum(map(len, prots))} residues)")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
