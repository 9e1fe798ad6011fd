// Classifier benchmark: scores a model file on the frozen test split (`"split": "test"`) and measures predictions per
// second on one thread, for the intent model alone and for the whole `ReplyInterpreter.interpret` (context from the
// example's `now` and `open_items`). Usage: classifier-bench MODEL ROUNDS FILE.jsonl... Prints one JSON line.
// CLF_BENCH_SPLIT=train scores the train split instead (entity extraction is not learned, so its misses there are
// the ones to study); CLF_BENCH_MISSES=1 lists, on standard error, the ids of the items whose qualification, promise
// date or amount differs from the label (ids and values only, never the text); CLF_BENCH_INTENT_ONLY=1 skips the
// interpreter's timing (for profiling the intent model alone); CLF_BENCH_TRAIN_NAME=NAME first trains a model on the
// train split of the files (as `ingestd train` does, named NAME) and writes it to MODEL; CLF_BENCH_ITEM_THRESHOLD sets
// ReplyInterpreter.itemIntentThreshold; CLF_BENCH_ERRORS=1 lists, on standard error, the ids of the replies whose intent
// is wrong with the gold and predicted intents (never the text). With CLF_BENCH_TRAIN_NAME: CLF_BENCH_CV_ERRORS=1 lists
// the ids of the train replies the out-of-fold models get wrong ("cv", id, gold, predicted); CLF_BENCH_SHUFFLE=SEED
// trains on another deterministic order of the train split (other folds: average several seeds, one order's
// cross-validated accuracy moves by up to a point); CLF_BENCH_CUE_WEIGHT, CLF_BENCH_PAIR_WEIGHT, CLF_BENCH_L2,
// CLF_BENCH_MIN_DF, CLF_BENCH_CHAR_GRAMS (e.g. 3-5) and CLF_BENCH_CAL_TOL override the trainer's settings.
import FeedbackClassifier
import Foundation
import Glibc

@main
struct ClassifierBench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 3, let rounds = Int(arguments[1]), rounds > 0 else {
            FileHandle.standardError.write(Data("usage: classifier-bench MODEL ROUNDS FILE.jsonl...\n".utf8))
            exit(64)
        }
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["CLF_BENCH_TRAIN_NAME"] {
            try train(files: Array(arguments.dropFirst(2)), name: name, output: arguments[0])
        }
        let model = try FeedbackModel(contentsOf: URL(fileURLWithPath: arguments[0]))
        let split = ProcessInfo.processInfo.environment["CLF_BENCH_SPLIT"] ?? "test"
        var test: [LabelledReply] = []
        for path in arguments.dropFirst(2) {
            test += try CorpusReader.read(try Data(contentsOf: URL(fileURLWithPath: path))).filter { $0.split == split }
        }
        guard !test.isEmpty else {
            FileHandle.standardError.write(Data("no test examples\n".utf8))
            exit(65)
        }
        let texts = test.map(\.text)
        let contexts = test.map(context(of:))
        var interpreter = ReplyInterpreter(model: model)
        if let threshold = environment["CLF_BENCH_ITEM_THRESHOLD"].flatMap(Float.init) { interpreter.itemIntentThreshold = threshold }

        // Quality: one pass (prediction is deterministic).
        let evaluation = Evaluation(examples: test, predictions: texts.map(model.predictIntent))

        if environment["CLF_BENCH_ERRORS"] == "1" {
            // Ids of the replies whose intent is wrong, with the gold and predicted intents (never the text).
            for example in test {
                let p = model.predictIntent(example.text)
                if p.intent != example.intent {
                    FileHandle.standardError.write(Data("\(example.id)\t\(example.intent.rawValue)\t\(p.intent.rawValue)\t\(p.confidence)\n".utf8))
                }
            }
        }
        if ProcessInfo.processInfo.environment["CLF_BENCH_MISSES"] == "1" {
            listMisses(test, contexts: contexts, interpreter: interpreter)
        }

        // Speed: one warm-up pass, then ROUNDS passes over every test reply.
        var checksum = 0
        for text in texts { checksum &+= model.predictIntent(text).intent.rawValue.utf8.count }
        let (intentSeconds, intentCPU) = measure {
            for _ in 0..<rounds {
                for text in texts { checksum &+= model.predictIntent(text).intent.rawValue.utf8.count }
            }
        }
        let interpretRounds = ProcessInfo.processInfo.environment["CLF_BENCH_INTENT_ONLY"] == "1" ? 0 : rounds
        for (text, context) in zip(texts, contexts) { checksum &+= interpreter.interpret(text, context: context).items.count }
        let (interpretSeconds, interpretCPU) = measure {
            for _ in 0..<interpretRounds {
                for (text, context) in zip(texts, contexts) {
                    checksum &+= interpreter.interpret(text, context: context).items.count
                }
            }
        }
        let messages = rounds * texts.count
        let languages = evaluation.perLanguage.keys.sorted().map { lang in
            let score = evaluation.perLanguage[lang]!
            return "\"\(lang)\": \(Double(score.right) / Double(score.total))"
        }
        print("{\"impl\": \"ingestd\", \"test\": \(test.count), \"accuracy\": \(evaluation.accuracy), "
              + "\"macro_f1\": \(evaluation.macroF1), \"per_language\": {\(languages.joined(separator: ", "))}, "
              + "\"messages\": \(messages), \"msgs_per_s\": \(Double(messages) / intentSeconds), "
              + "\"interpret_msgs_per_s\": \(Double(messages) / interpretSeconds), "
              + "\"cpu_msgs_per_s\": \(Double(messages) / intentCPU), "
              + "\"cpu_interpret_msgs_per_s\": \(Double(messages) / interpretCPU), \"checksum\": \(checksum)}")
    }

    /// Trains as `ingestd train` does (train split of `files`, default settings) and writes the model to `output`,
    /// with the CPU seconds of each phase on standard error.
    static func train(files: [String], name: String, output: String) throws {
        var examples: [LabelledReply] = []
        for path in files { examples += try CorpusReader.read(try Data(contentsOf: URL(fileURLWithPath: path))) }
        var train = examples.filter { $0.split != "test" }
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["CLF_BENCH_SHUFFLE"].flatMap(UInt64.init) {
            // Another deterministic order, so other cross-validation folds (the folds deal each label round-robin in
            // input order): the cross-validated accuracy over several orders is steadier than over one.
            var state = seed &+ 0x9E37_79B9_7F4A_7C15
            func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state >> 33
            }
            for i in stride(from: train.count - 1, to: 0, by: -1) { train.swapAt(i, Int(next() % UInt64(i + 1))) }
        }
        let start = cpuSeconds()
        var trainer = FeedbackModelTrainer()
        // Experiment knobs (defaults: the shipped settings).
        if let v = environment["CLF_BENCH_CUE_WEIGHT"].flatMap(Float.init) { trainer.text.extractor.cueWeight = v }
        if let v = environment["CLF_BENCH_PAIR_WEIGHT"].flatMap(Float.init) { trainer.text.extractor.cuePairWeight = v }
        if let v = environment["CLF_BENCH_CAL_TOL"].flatMap(Double.init) { trainer.text.calibrationTolerance = v }
        if let v = environment["CLF_BENCH_L2"].flatMap(Double.init) { trainer.text.l2 = v }
        if let v = environment["CLF_BENCH_MIN_DF"].flatMap(Int.init) { trainer.text.minDocumentFrequency = v }
        if let v = environment["CLF_BENCH_CHAR_GRAMS"] {
            let bounds = v.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2 { trainer.text.extractor.charGramLengths = bounds[0]...bounds[1] }
        }
        let listCV = environment["CLF_BENCH_CV_ERRORS"] == "1"
        let labels = Intent.allCases.map(\.rawValue)
        let shuffled = train
        let model = trainer.train(shuffled, name: name) { step in
            let phase: String? = switch step {
            case .columns(let n): "columns \(n)"
            case .fold(let i, _): "fold \(i)"
            case .finalFit: "final fit"
            case .crossValidated(let accuracy): "cross-validated accuracy \(accuracy)"
            case .outOfFold(let predictions) where listCV:
                // Ids of the train replies the out-of-fold models get wrong: id, gold, predicted (never the text).
                zip(shuffled, predictions).filter { $0.0.intent.rawValue != labels[$0.1] }
                    .map { "cv\t\($0.0.id)\t\($0.0.intent.rawValue)\t\(labels[$0.1])" }.joined(separator: "\n")
            default: nil
            }
            if let phase { FileHandle.standardError.write(Data(String(format: "%7.2f s  %@\n", cpuSeconds() - start, phase).utf8)) }
        }
        FileHandle.standardError.write(Data(String(format: "%7.2f s  trained\n", cpuSeconds() - start).utf8))
        try model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
    }

    /// Prints each labelled item the interpreter gets wrong: id, item, what is wrong, label and proposal.
    static func listMisses(_ examples: [LabelledReply], contexts: [ReplyContext], interpreter: ReplyInterpreter) {
        var lines: [String] = []
        var items = 0, qualificationsRight = 0, promises = 0, datesRight = 0, amounts = 0, amountsRight = 0
        for (example, context) in zip(examples, contexts) {
            guard let labelled = example.items, !labelled.isEmpty else { continue }
            let result = interpreter.interpret(example.text, context: context)
            for item in labelled {
                let proposal = result.items.first { $0.number == item.number }
                // Counted as `ingestd evaluate` counts them (EntityReport).
                items += 1
                if proposal?.qualification?.rawValue == item.qualification { qualificationsRight += 1 }
                if item.qualification == "promise_to_pay", let date = item.promiseDate {
                    promises += 1
                    if proposal?.promiseDate?.description == date { datesRight += 1 }
                }
                if let amount = item.amount {
                    amounts += 1
                    if proposal?.amount?.decimal == amount { amountsRight += 1 }
                }
                let got = proposal?.qualification?.rawValue ?? "-"
                let want = item.qualification ?? "-"
                if got != want {
                    lines.append("\(example.id)\tqual\t\(item.number)\twant \(want) got \(got)\tintent \(example.intent.rawValue) -> \(result.intent.intent.rawValue)")
                } else if want == "promise_to_pay", (item.promiseDate ?? "-") != (proposal?.promiseDate?.description ?? "-") {
                    lines.append("\(example.id)\tdate\t\(item.number)\twant \(item.promiseDate ?? "-") got \(proposal?.promiseDate?.description ?? "-")")
                }
                if let amount = item.amount, proposal?.amount?.decimal != amount {
                    lines.append("\(example.id)\tamount\t\(item.number)\twant \(amount) got \(proposal?.amount?.decimal ?? "-")")
                }
            }
        }
        lines.append(String(format: "items: qualification right %.1f%% (%d/%d); promise dates exact %.1f%% (%d/%d); "
                            + "partial amounts right %.1f%% (%d/%d)", Double(qualificationsRight) * 100 / Double(max(items, 1)),
                            qualificationsRight, items, Double(datesRight) * 100 / Double(max(promises, 1)), datesRight,
                            promises, Double(amountsRight) * 100 / Double(max(amounts, 1)), amountsRight, amounts))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The context the agenda would give: the example's day and open items.
    static func context(of example: LabelledReply) -> ReplyContext {
        ReplyContext(
            today: example.now.flatMap { LocalDate(iso: $0) } ?? LocalDate(year: 2026, month: 1, day: 1)!,
            openItems: (example.openItems ?? []).map { item in
                ReplyContext.OpenItem(number: item.number,
                                      amount: item.amount.flatMap { Money(decimal: $0, currency: item.currency) },
                                      due: item.due.flatMap { LocalDate(iso: $0) })
            })
    }

    /// Wall-clock and CPU seconds (this process) of `body`: on a shared machine the CPU time is the steadier one.
    static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let clock = ContinuousClock()
        let cpuStart = cpuSeconds()
        let start = clock.now
        body()
        let elapsed = clock.now - start
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpuSeconds() - cpuStart)
    }

    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
