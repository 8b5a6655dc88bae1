#!/usr/bin/python3
"""Write N synthetic but valid reference claims (SPEC section 5) to stdout.

Every claim has a unique id, one or two names, sometimes a `where`, and two
values with years (`in YEAR`, `as of YEAR-MM`), all measuring one thing.
Names are drawn from a generated vocabulary of pronounceable pseudo-words,
so the index grows with N while the prose rarely names a claim. The first
--common claims (default 10, whatever N) are named with plain English nouns
that news prose does use (our own list), so the matching path after a name
hit is exercised too, equally for 10 and for 100,000 claims: the prose
names the same few claims and only the size of the index differs.

The output is deterministic for a given --seed.

    bench/gen_claims.py 1000 > /tmp/claims-1k.claims
    bench/gen_claims.py 100000 --files 4000 --dir /tmp/claims-100k-in-4000
"""
import argparse
import os
import random
import sys

ONSETS = ["b", "br", "c", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j",
          "k", "l", "m", "n", "p", "pl", "qu", "r", "s", "st", "t", "tr",
          "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
CODAS = ["", "n", "r", "l", "s", "th", "nd", "rk", "x", "m"]

# Plain nouns and places, written for this generator (not from any corpus).
COMMON_NOUNS = ["sales", "profits", "jobs", "workers", "shares", "prices",
                "exports", "imports", "budget", "debt", "subscribers",
                "passengers", "visitors", "customers", "viewers", "players",
                "fans", "tickets", "stores", "factories", "users", "sites"]
COMMON_PLACES = ["Europe", "Asia", "Japan", "France", "Germany", "China",
                 "India", "Africa", "London", "Scotland", "Wales"]

# One unit per claim: a count of a noun, dollars or a percentage.
UNITS = ["{n:,} {noun}", "{n:,} {noun}", "${m:.1f} million", "{p:.1f}%"]


def pseudo_word(rng):
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                   for _ in range(rng.choice((2, 2, 3))))


def vocabulary(rng, size):
    words = set()
    while len(words) < size:
        words.add(pseudo_word(rng))
    return sorted(words)


def quantity(rng, template, noun):
    hedge = "about " if rng.random() < 0.25 else ""
    return hedge + template.format(n=rng.randrange(100, 900000),
                                   m=rng.uniform(1, 900),
                                   p=rng.uniform(0.5, 60), noun=noun)


def claim_lines(rng, index, vocab, common):
    lines = [f"claim gen-{index:06d}"]
    if index < common:
        names = [COMMON_NOUNS[index % len(COMMON_NOUNS)]]
    else:
        names = [" ".join(rng.choice(vocab) for _ in range(rng.choice((1, 2, 2))))
                 for _ in range(rng.choice((1, 2)))]
    lines.append("  name    " + ", ".join(f'"{n}"' for n in names))
    if rng.random() < 0.3:
        lines.append(f'  where   "{rng.choice(COMMON_PLACES)}"')
    template, noun = rng.choice(UNITS), rng.choice(COMMON_NOUNS)
    year = rng.randrange(1995, 2024)
    month = rng.randrange(1, 13)
    lines.append(f"  value   {quantity(rng, template, noun)} in {year}")
    lines.append(f"  value   {quantity(rng, template, noun)} as of {year + 1}-{month:02d}")
    if rng.random() < 0.2:
        lines.append(f"  tolerance {rng.choice((1, 2, 5))}%")
    lines.append(f'  source  "Synthetic benchmark source {index}"')
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int, help="number of claims")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--common", type=int, default=10,
                    help="how many claims are named with plain English nouns")
    ap.add_argument("--files", type=int, default=0,
                    help="write the same claims into this many files of DIR (c0000.claims, ...) "
                         "instead of standard output, in turn")
    ap.add_argument("--dir", help="the directory for --files")
    args = ap.parse_args()
    if args.files > 0 and not args.dir:
        ap.error("--files needs --dir")
    rng = random.Random(args.seed)
    vocab = vocabulary(rng, max(200, min(20000, args.count // 2)))
    blocks = ("\n".join(claim_lines(rng, i, vocab, args.common)) + "\n\n" for i in range(args.count))
    if args.files <= 0:
        out = sys.stdout
        out.write(f"# {args.count} synthetic claims (bench/gen_claims.py, seed {args.seed})\n")
        for block in blocks:
            out.write(block)
        return
    # The same claims cut into files of about count / files claims each:
    # a set of facts kept a file per topic (docs/performance.md part 25).
    os.makedirs(args.dir, exist_ok=True)
    per_file = -(-args.count // args.files)
    for i, block in enumerate(blocks):
        if i % per_file == 0:
            out = open(os.path.join(args.dir, f"c{i // per_file:04d}.claims"), "w", encoding="utf-8")
        out.write(block)
        if (i + 1) % per_file == 0 or i + 1 == args.count:
            out.close()


if __name__ == "__main__":
    main()
