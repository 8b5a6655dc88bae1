#!/usr/bin/python3
"""Write a claims file of long series and a draft that cites them.

REGIONS claims named "jobless rate", each with its region as `where` and
one value a month from 1975 to 2024 (600 values), `as of` or `in` each
month; and a Markdown draft of SENTENCES sentences, each giving one
region's rate in one month (a figure drawn at random, so most disagree
with the reference). Both are made up, our own words, and deterministic
for a given --seed. For docs/performance.md part 25:

    bench/gen_series.py --scope as_of series.claims draft.md
"""
import argparse
import random

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims", help="the claims file to write")
    ap.add_argument("draft", help="the draft to write")
    ap.add_argument("--regions", type=int, default=50)
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--scope", choices=["as_of", "in"], default="as_of")
    ap.add_argument("--per-sentence", type=int, default=1,
                    help="figures a sentence: above 1, sentences of that many clauses, each a region's "
                         "rate in March of a year")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    keyword = "as of" if args.scope == "as_of" else "in"
    with open(args.claims, "w", encoding="utf-8") as f:
        for k in range(args.regions):
            f.write(f'claim rate-{k}\n  name "jobless rate"\n  where "Region{k}"\n')
            for year in range(1975, 2025):
                for month in range(1, 13):
                    f.write(f"  value {rng.uniform(2, 12):.1f}% {keyword} {year}-{month:02d}\n")
            f.write("\n")
    with open(args.draft, "w", encoding="utf-8") as f:
        for _ in range(args.sentences):
            if args.per_sentence > 1:
                clauses = [f"the jobless rate in Region{rng.randrange(args.regions)} was "
                           f"{rng.uniform(2, 12):.1f}% in March {rng.randrange(1975, 2025)}"
                           for _ in range(args.per_sentence)]
                f.write("Reports said " + ", ".join(clauses) + ".\n\n")
                continue
            k, year, month = rng.randrange(args.regions), rng.randrange(1975, 2025), rng.randrange(12)
            f.write(f"In Region{k} the jobless rate was {rng.uniform(2, 12):.1f}% in "
                    f"{MONTHS[month]} {year}, officials said.\n\n")


if __name__ == "__main__":
    main()
