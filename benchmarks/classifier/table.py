"""Prints the classifier benchmark's table from its JSON lines (first line: ingestd). Usage: python3 table.py ROWS.jsonl"""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
base = rows[0]
print(f"frozen test split: {base['test']} replies; train split: {rows[-1].get('train', '?')} replies")
print("msgs/s: prediction on one core, wall clock and CPU time of the process (the machine is shared: CPU is steadier);")
print("peers' msgs/s predicts the whole split as one batch, '1-by-1' one call per reply (as ingestd is measured)")
print(f"{'implementation':<18}{'macro-F1':>9}{'acc':>7}{'worst lang':>12}{'train s':>9}{'CPU s':>8}"
      f"{'msgs/s':>9}{'CPU':>8}{'1-by-1':>8}{'CPU':>8}{'ingestd F1':>11}{'speed':>8}{'train':>8}")
for r in rows:
    worst = min(r["per_language"], key=r["per_language"].get)
    single = r.get("single_msgs_per_s", r["msgs_per_s"])
    cpu_single = r.get("cpu_single_msgs_per_s", r["cpu_msgs_per_s"])
    delta = "" if r is base else f"{base['macro_f1'] - r['macro_f1']:+.3f}"
    speed = "" if r is base else f"{base['cpu_msgs_per_s'] / r['cpu_msgs_per_s']:.2f}x"
    train = "" if r is base else f"{r['train_cpu_s'] / base['train_cpu_s']:.2f}x"
    print(f"{r['impl']:<18}{r['macro_f1']:>9.3f}{r['accuracy']:>7.3f}{worst + ' ' + format(r['per_language'][worst], '.2f'):>12}"
          f"{r['train_s']:>9.1f}{r['train_cpu_s']:>8.1f}{r['msgs_per_s']:>9.0f}{r['cpu_msgs_per_s']:>8.0f}"
          f"{single:>8.0f}{cpu_single:>8.0f}{delta:>11}{speed:>8}{train:>8}")
print(f"{'ingestd interpret':<18}{'':>45}{base['interpret_msgs_per_s']:>9.0f}{base['cpu_interpret_msgs_per_s']:>8.0f}"
      "  ReplyInterpreter.interpret: language, intent, entities, proposals, summary")
print("ratios vs ingestd: 'ingestd F1' = ingestd's macro-F1 minus the peer's; 'speed' = ingestd's CPU msgs/s over the "
      "peer's batch CPU msgs/s;\n'train' = the peer's training CPU seconds over ingestd's (above 1: ingestd is faster). "
      "ingestd's train s is its own 'trained in' line,\nits CPU s the whole `ingestd train` command (corpus loading and "
      "test report included); the peers' training includes choosing C by 5-fold CV.")
for r in rows[1:]:
    extra = f"; final fit alone {r['fit_s']:.1f} s ({r['fit_cpu_s']:.1f} CPU s)" if r.get("fit_s") != r["train_s"] else ""
    print(f"  {r['impl']}: {r.get('params', '')}{extra}")
print()
langs = sorted({lang for r in rows for lang in r["per_language"]})
print("accuracy per language".ljust(22) + "".join(f"{r['impl'][:16]:>18}" for r in rows))
for lang in langs:
    print(f"{lang:<22}" + "".join(f"{r['per_language'].get(lang, float('nan')):>18.3f}" for r in rows))
