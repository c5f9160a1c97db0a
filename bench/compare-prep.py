#!/usr/bin/env python3
# compare-prep.py: corpora and queries for bench/compare.sh.
# SPDX-License-Identifier: MIT
#
# compare-prep.py bbc SRC N OUT
#     The BBC folder SRC repeated N times. For N > 1 the copies are written
#     to OUT/files/SECTION/NNN.cK.txt (copy 1 keeps the original text), so
#     each has its own id and its section folder. A copy's sentences are
#     shuffled (seeded by copy and file): the words of each article are the
#     same in every copy, but the leads differ, so lede's story keys do not
#     fold the copies of one article into one hit.
# compare-prep.py rss TARGZ OUT [DAYS]
#     The RSS corpus; with DAYS, only its first DAYS days, re-packed to
#     OUT/rss.tar.gz (for --quick), else the archive is used as it is.
# Both write OUT/peers.txt, every article in scriptindex's input format
# (field=value lines, "=" continues a value on a new line, a blank line
# ends a record), which the peers all read: id, headline, section, body.
# For RSS, which has no section, "section" holds the source as lede
# derives it (the host of the link without www. and the like), so the
# filter and the facet of the peers match lede's source field. Both print
# "ARTICLES BYTES" (BYTES: the input as lede reads it, unpacked).
#
# compare-prep.py queries PEERS SEED N OUT
#     N queries drawn from PEERS with a fixed seed, as lines
#     KIND<TAB>WORDS<TAB>FILTER: KIND is "words" (one or two words, any of
#     them may match), "phrase" (two adjacent body words, quoted) or
#     "filter" (one word, only articles whose section is FILTER). Words
#     are lower-case letters only and never stopwords, so every engine
#     reads them the same way.
import html
import io
import json
import os
import random
import re
import sys
import tarfile

STOP = set("""
a about above after again against all am an and any are as at be because
been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would
you your yours yourself yourselves said says say also new one two year
years told mr mrs ms last first could would may might must us
w z i o a na do nie się to że jak za od po ze dla jest co są ale czy
było być był była został została zostało przez oraz które który która
którzy jego jej ich tym tak już tylko może będzie jako przy pod nad bez
też jeszcze gdy albo lub aby więc tego tej ten ta te tu tam
""".split())
WORD = re.compile(r"[^\W\d_]+")
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"[ \t\r\f\v]+")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")


def record(out, fields):
    """Writes one record in scriptindex's format."""
    for name, value in fields:
        lines = value.replace("\r", "").split("\n")
        out.write(f"{name}={lines[0]}\n")
        for line in lines[1:]:
            out.write(f"={line}\n")
    out.write("\n")


def bbc_articles(src):
    for section in sorted(os.listdir(src)):
        folder = os.path.join(src, section)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                yield section, name, os.path.join(folder, name)


def split_article(text):
    """Headline (first non-empty line) and body paragraphs."""
    lines = text.replace("\r", "").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    headline = lines[0].strip() if lines else ""
    paras = [p.strip() for p in "\n".join(lines[1:]).split("\n\n")]
    return headline, [p for p in paras if p]


def shuffled(paras, k, seed):
    """Copy k of a body: for k > 1 its sentences in a seeded order, in as
    many paragraphs as before. Sentences, not paragraphs: many BBC
    articles have few paragraphs, and copies whose leads matched would
    still share a story key."""
    if k == 1:
        return paras
    sentences = [s for p in paras for s in SENTENCE.split(p) if s]
    random.Random(seed).shuffle(sentences)
    n = len(paras)
    return [" ".join(sentences[i * len(sentences) // n:
                               (i + 1) * len(sentences) // n])
            for i in range(n)]


def prep_bbc(src, n, out):
    n = int(n)
    total = size = 0
    with open(os.path.join(out, "peers.txt"), "w", encoding="utf-8") as peers:
        for section, name, path in bbc_articles(src):
            with open(path, "rb") as f:
                raw = f.read()
            text = raw.decode("utf-8", errors="replace")
            headline, paras = split_article(text)
            for k in range(1, n + 1):
                if n == 1:
                    ident, data = f"{section}/{name}", raw
                else:
                    stem = name[:-len(".txt")]
                    ident = f"{section}/{stem}.c{k}.txt"
                    body = "\n\n".join(shuffled(paras, k, ident))
                    data = f"{headline}\n\n{body}\n".encode("utf-8")
                    dest = os.path.join(out, "files", ident)
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    with open(dest, "wb") as f:
                        f.write(data)
                h, p = split_article(data.decode("utf-8", errors="replace"))
                record(peers, [("id", ident), ("headline", h),
                               ("section", section),
                               ("body", "\n\n".join(p))])
                total += 1
                size += len(data)
    print(total, size)


def host(url):
    """The host of a link as lede's source: lower case, without one of
    www., m., feeds., rss., amp. when a dot is left after it."""
    m = re.match(r"https?://([^/?#]*)", url or "", re.I)
    if not m:
        return ""
    h = m.group(1).rsplit("@", 1)[-1].split(":", 1)[0].lower()
    for p in ("www.", "m.", "feeds.", "rss.", "amp."):
        if h.startswith(p) and "." in h[len(p):]:
            return h[len(p):]
    return h


def text_of(value):
    """HTML in a feed's text reduced to words, as the peers index it."""
    if not isinstance(value, str):
        return ""
    value = html.unescape(TAG.sub(" ", value))
    return "\n".join(SPACE.sub(" ", l).strip()
                     for l in value.split("\n") if l.strip())


def prep_rss(targz, out, days=None):
    total = size = 0
    keep = None
    if days is not None:
        keep = tarfile.open(os.path.join(out, "rss.tar.gz"), "w:gz")
    seen_days = []
    with tarfile.open(targz, "r:gz") as tar, \
            open(os.path.join(out, "peers.txt"), "w",
                 encoding="utf-8") as peers:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            day = member.name.split("/")[2]
            if keep is not None:
                if day not in seen_days:
                    if len(seen_days) == int(days):
                        break
                    seen_days.append(day)
            data = tar.extractfile(member).read()
            if keep is not None:
                keep.addfile(member, io.BytesIO(data))
            size += len(data)
            try:
                entries = json.loads(data)
            except ValueError:
                continue
            if isinstance(entries, dict):
                entries = [entries]
            for i, e in enumerate(entries):
                if not isinstance(e, dict):
                    continue
                link = e.get("link") or ""
                ident = link or f"{member.name}#{i + 1}"
                record(peers, [("id", ident),
                               ("headline", text_of(e.get("title"))),
                               ("section", host(link) or
                                host(e.get("source"))),
                               ("body", text_of(e.get("description")))])
                total += 1
    if keep is not None:
        keep.close()
    print(total, size)


def read_peers(path):
    rec, last = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rec:
                    yield rec
                rec, last = {}, None
            elif line.startswith("="):
                rec[last] += "\n" + line[1:]
            else:
                last, _, value = line.partition("=")
                rec[last] = value
    if rec:
        yield rec


def words_of(text):
    """Words standing alone between spaces and punctuation: not the
    parts of "Wal-Mart" or "Blair's", which engines split differently."""
    out = []
    for token in text.split():
        token = token.strip(".,;:!?\"'()[]\u2018\u2019\u201c\u201d")
        if WORD.fullmatch(token):
            out.append(token.lower())
    return out


def pairs_of(text):
    """Adjacent words with nothing but a space between them."""
    pairs = []
    for para in text.split("\n"):
        tokens = para.split()
        for a, b in zip(tokens, tokens[1:]):
            b = b.rstrip(".,;:!?\"')\u2019\u201d")
            if WORD.fullmatch(a) and WORD.fullmatch(b):
                a, b = a.lower(), b.lower()
                if good(a) and good(b):
                    pairs.append((a, b))
    return pairs


def good(word):
    return len(word) >= 3 and word not in STOP


def prep_queries(peers, seed, n, out):
    docs = [d for d in read_peers(peers) if d.get("headline")]
    rng = random.Random(int(seed))
    n = int(n)
    kinds = ["words"] * (2 * n // 5) + ["phrase"] * (3 * n // 10)
    kinds += ["filter"] * (n - len(kinds))
    lines = []
    for kind in kinds:
        while True:
            d = rng.choice(docs)
            head = [w for w in words_of(d["headline"]) if good(w)]
            if kind == "phrase":
                pairs = pairs_of(d.get("body", ""))
                if pairs:
                    lines.append(("phrase", " ".join(rng.choice(pairs)), ""))
                    break
            elif kind == "filter":
                if head and d.get("section"):
                    lines.append(("filter", rng.choice(head), d["section"]))
                    break
            elif head:
                k = min(len(head), rng.choice((1, 2)))
                lines.append(("words", " ".join(rng.sample(head, k)), ""))
                break
    rng.shuffle(lines)
    with open(out, "w", encoding="utf-8") as f:
        for kind, words, flt in lines:
            f.write(f"{kind}\t{words}\t{flt}\n")


def main(argv):
    if len(argv) >= 5 and argv[1] == "bbc":
        prep_bbc(argv[2], argv[3], argv[4])
    elif len(argv) in (4, 5) and argv[1] == "rss":
        prep_rss(argv[2], argv[3], argv[4] if len(argv) == 5 else None)
    elif len(argv) == 6 and argv[1] == "queries":
        prep_queries(argv[2], argv[3], argv[4], argv[5])
    else:
        sys.exit("usage: compare-prep.py bbc SRC N OUT | rss TARGZ OUT "
                 "[DAYS] | queries PEERS SEED N OUT")


if __name__ == "__main__":
    main(sys.argv)
