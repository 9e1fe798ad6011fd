// Classifier benchmark: scores a model file on the frozen test split (`"split": "test"`) and measures predictions per
// second on one thread, for the intent model alone and for the whole `ReplyInterpreter.interpret` (context from the
// example's `now` and `open_items`). Usage: classifier-bench MODEL ROUNDS FILE.jsonl... Prints one JSON line.
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
        let model = try FeedbackModel(contentsOf: URL(fileURLWithPath: arguments[0]))
        var test: [LabelledReply] = []
        for path in arguments.dropFirst(2) {
            test += try CorpusReader.read(try Data(contentsOf: URL(fileURLWithPath: path))).filter { $0.split == "test" }
        }
        guard !test.isEmpty else {
            FileHandle.standardError.write(Data("no test examples\n".utf8))
            exit(65)
        }
        let texts = test.map(\.text)
        let contexts = test.map(context(of:))
        let interpreter = ReplyInterpreter(model: model)

        // Quality: one pass (prediction is deterministic).
        let evaluation = Evaluation(examples: test, predictions: texts.map(model.predictIntent))

        // Speed: one warm-up pass, then ROUNDS passes over every test reply.
        var checksum = 0
        for text in texts { checksum &+= model.predictIntent(text).intent.rawValue.utf8.count }
        let (intentSeconds, intentCPU) = measure {
            for _ in 0..<rounds {
                for text in texts { checksum &+= model.predictIntent(text).intent.rawValue.utf8.count }
            }
        }
        for (text, context) in zip(texts, contexts) { checksum &+= interpreter.interpret(text, context: context).items.count }
        let (interpretSeconds, interpretCPU) = measure {
            for _ in 0..<rounds {
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
