import ArgumentParser
import FeedbackClassifier
import Foundation

/// `ingestd corpus`: statistics and coverage of the labelled corpus, export, and the replies to label next.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Corpus statistics and coverage warnings, export, and the most uncertain replies to label next.",
        subcommands: [Stats.self, Export.self, Uncertain.self],
        defaultSubcommand: Stats.self
    )

    /// `ingestd corpus stats`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts per language and intent, splits, and warnings.")

        @Option(help: "Folder of labelled replies.")
        var corpus = "corpus/replies"

        func run() throws {
            let examples = try CorpusFiles.load(directory: corpus)
            print(CorpusStatistics.render(examples))
        }
    }

    /// `ingestd corpus export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the corpus (or one split) as one JSON Lines file.")

        @Option(help: "Folder of labelled replies.")
        var corpus = "corpus/replies"

        @Option(help: "Only this split: train or test.")
        var split: String?

        @Argument(help: "The file to write.")
        var output: String

        func run() throws {
            var examples = try CorpusFiles.load(directory: corpus)
            if let split { examples = examples.filter { $0.split == split } }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = Data()
            for example in examples {
                data.append(try encoder.encode(example))
                data.append(0x0A)
            }
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            print("wrote \(examples.count) replies to \(output)")
        }
    }

    /// `ingestd corpus uncertain`.
    struct Uncertain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the replies the model is least sure of (smallest margin between its two best intents).",
            discussion: "FILEs are JSON Lines with a \"text\" key per line (e.g. exported replies), or plain-text bodies.")

        @Option(help: "The model file.")
        var model = ModelLocator.defaultRelativePath

        @Option(name: [.customShort("n"), .long], help: "How many to list.")
        var count = 20

        @Argument(help: "Replies to rank.")
        var files: [String]

        func run() throws {
            let feedback = try FeedbackModel(contentsOf: URL(fileURLWithPath: model))
            var scored: [(margin: Float, source: String, text: String, prediction: IntentPrediction)] = []
            for file in files {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                for (index, text) in Self.texts(data).enumerated() {
                    let p = feedback.predictIntent(text)
                    let margin = p.ranked[0].confidence - (p.ranked.count > 1 ? p.ranked[1].confidence : 0)
                    scored.append((margin, "\(file):\(index + 1)", text, p))
                }
            }
            for item in scored.sorted(by: { $0.margin < $1.margin }).prefix(count) {
                let second = item.prediction.ranked.count > 1 ? item.prediction.ranked[1].intent.rawValue : "-"
                let text = item.text.replacingOccurrences(of: "\n", with: " ").prefix(100)
                print(String(format: "%.3f", item.margin) + "\t\(item.source)\t\(item.prediction.intent.rawValue) / \(second)\t\(text)")
            }
        }

        /// The texts of a JSON Lines file (its "text" keys) or of a plain-text body.
        static func texts(_ data: Data) -> [String] {
            let lines = data.split(separator: 0x0A)
            let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
            if !objects.isEmpty, objects.count == lines.count { return objects.compactMap { $0["text"] as? String } }
            return [String(decoding: data, as: UTF8.self)]
        }
    }
}
