import ArgumentParser
import FeedbackClassifier
import Foundation

/// `ingestd evaluate`: scores a model on the frozen test split or on any labelled JSON Lines file.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a model on the corpus's frozen test split, or on labelled JSON Lines files."
    )

    @Option(help: "The model file.")
    var model = "models/feedback.igdm"

    @Option(help: "Folder of labelled replies whose test split is scored (ignored when FILEs are given).")
    var corpus = "corpus/replies"

    @Flag(help: "List every misclassified reply (id, gold, predicted, confidence, start of the text).")
    var errors = false

    @Argument(help: "Labelled JSON Lines files to score instead of the test split (every line counts).")
    var files: [String] = []

    func run() throws {
        let feedback: FeedbackModel
        do {
            feedback = try FeedbackModel(contentsOf: URL(fileURLWithPath: model))
        } catch {
            throw CommandError("cannot read the model \(model): \(error)")
        }
        let examples: [LabelledReply]
        if files.isEmpty {
            examples = try CorpusFiles.load(directory: corpus).filter { $0.split == "test" }
        } else {
            examples = try files.flatMap { file in
                do { return try CorpusReader.read(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                    throw CommandError("\(file): \(error)")
                }
            }
        }
        guard !examples.isEmpty else { throw CommandError("no labelled replies to score") }
        let predictions = examples.map { feedback.predictIntent($0.text) }
        print("model \(model) (\(feedback.intent.metadata.name))")
        print(EvaluationReport.render(Evaluation(examples: examples, predictions: predictions)))
        print(EntityReport.render(examples: examples, model: feedback, listMisses: errors))
        if errors {
            for (example, p) in zip(examples, predictions) where example.intent != p.intent {
                let text = example.text.replacingOccurrences(of: "\n", with: " ").prefix(110)
                print("\(example.id)\t\(example.intent.rawValue) -> \(p.intent.rawValue) \(String(format: "%.2f", p.confidence))\t\(text)")
            }
        }
    }
}
