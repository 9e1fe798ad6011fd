import ArgumentParser
import FeedbackClassifier
import Foundation

/// `ingestd train`: trains the intent model from the corpus and reports it on the frozen test split.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the intent model on the corpus's train split and evaluate it on the frozen test split."
    )

    @Option(help: "Folder of labelled replies (<lang>.jsonl).")
    var corpus = "corpus/replies"

    @Option(help: "Where to write the model file.")
    var output = ModelLocator.defaultRelativePath

    @Option(help: "Name recorded in the model (default: the date).")
    var name: String?

    @Option(help: "L2 penalty on the weights (larger: simpler model).")
    var l2: Double = TextModelTrainer().l2

    @Option(help: "How many words one cross-language intent concept counts as (0 turns concepts off).")
    var cueWeight: Float = FeatureExtractor().cueWeight

    @Option(help: "Keep a feature only if it occurs in at least this many training replies.")
    var minDocumentFrequency: Int = TextModelTrainer().minDocumentFrequency

    @Option(help: "Weight term frequencies by inverse document frequency (true or false).")
    var idf: Bool = TextModelTrainer().inverseDocumentFrequency

    @Option(help: "How many words after a concept a negation still negates it (verb-second languages).")
    var negationAfter: Int = FeatureExtractor().negationAfter

    @Option(help: "Weight of a pair of concepts found in the same reply (0 turns pairs off).")
    var cuePairWeight: Float = FeatureExtractor().cuePairWeight

    @Option(help: "Start the final fit from the mean of the calibration folds' models (true or false).")
    var warmStart: Bool = TextModelTrainer().warmStart

    @Option(help: "Folds of the cross-validation whose out-of-fold predictions calibrate the model.")
    var folds: Int = TextModelTrainer().folds

    @Option(help: "Relative loss decrease under which the calibration folds' fits stop.")
    var calibrationTolerance: Double = TextModelTrainer().calibrationTolerance

    @Option(parsing: .upToNextOption, help: "Collectors' decisions exported as labelled JSON Lines, added to training.")
    var decisions: [String] = []

    @Flag(help: "List the training replies the cross-validation misclassifies (id, gold, predicted, start of the text).")
    var crossValidationErrors = false

    @Flag(help: "Replace the model at --output even if the new one is worse on the frozen test split.")
    var force = false

    func run() throws {
        let examples = try CorpusFiles.load(directory: corpus)
        var train = examples.filter { $0.split != "test" }
        for file in decisions {
            do {
                let extra = try CorpusReader.read(try Data(contentsOf: URL(fileURLWithPath: file)))
                train += extra.filter { $0.split != "test" }
                stderr("added \(extra.count) decisions from \(file)\n")
            } catch {
                throw CommandError("cannot read decisions \(file): \(error)")
            }
        }
        let test = examples.filter { $0.split == "test" }
        guard !train.isEmpty else { throw CommandError("the corpus has no training examples") }
        let clock = ContinuousClock()
        let start = clock.now
        stderr("training on \(train.count) replies (\(test.count) held out as the frozen test split)\n")
        let trainSet = train
        let listErrors = crossValidationErrors
        var trainer = FeedbackModelTrainer()
        trainer.text.l2 = l2
        trainer.text.minDocumentFrequency = minDocumentFrequency
        trainer.text.inverseDocumentFrequency = idf
        trainer.text.calibrationTolerance = calibrationTolerance
        guard folds >= 2 else { throw CommandError("--folds must be at least 2") }
        trainer.text.folds = folds
        trainer.text.warmStart = warmStart
        trainer.text.extractor.cueWeight = cueWeight
        trainer.text.extractor.negationAfter = negationAfter
        trainer.text.extractor.cuePairWeight = cuePairWeight
        trainer.text.extractor.useCues = cueWeight > 0
        let model = trainer.train(train, name: name ?? ISO8601DateFormatter().string(from: Date())) { step in
            switch step {
            case .columns(let n): stderr("  \(n) feature columns\n")
            case .fold(let i, let of): stderr("  calibration fold \(i)/\(of)\n")
            case .finalFit: stderr("  final fit\n")
            case .outOfFold(let predictions):
                guard listErrors, predictions.count == trainSet.count else { break }
                let labels = Intent.allCases
                for (example, p) in zip(trainSet, predictions) where labels[p] != example.intent {
                    let text = example.text.replacingOccurrences(of: "\n", with: " ").prefix(140)
                    print("cv\t\(example.id)\t\(example.intent.rawValue) -> \(labels[p].rawValue)\t\(text)")
                }
            case .crossValidated(let accuracy): stderr("  cross-validated accuracy on the train split: \(String(format: "%.1f%%", accuracy * 100))\n")
            case .iteration(let i, let loss): if i % 25 == 0 { stderr("    iteration \(i), loss \(String(format: "%.4f", loss))\n") }
            }
        }
        let seconds = (clock.now - start).seconds
        stderr("trained in \(String(format: "%.1f", seconds)) s\n")
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let evaluation = test.isEmpty ? nil : Evaluation(examples: test, predictions: test.map { model.predictIntent($0.text) })
        // Promotion: the new model replaces the current one only if it is not worse on the frozen test split.
        if let evaluation, !force, let current = try? FeedbackModel(contentsOf: url) {
            let before = Evaluation(examples: test, predictions: test.map { current.predictIntent($0.text) })
            if evaluation.macroF1 < before.macroF1 {
                let candidate = output + ".candidate"
                try model.encoded().write(to: URL(fileURLWithPath: candidate), options: .atomic)
                print(EvaluationReport.render(evaluation))
                throw CommandError(String(format: "not promoted: macro-F1 %.3f on the frozen test split is below the current model's %.3f; "
                    + "the new model is in %@ (use --force to replace anyway)", evaluation.macroF1, before.macroF1, candidate))
            }
        }
        try model.encoded().write(to: url, options: .atomic)
        print("model written to \(output) (\(model.intent.featureCount) features, temperature \(String(format: "%.2f", model.intent.metadata.temperature)))")
        if let evaluation {
            print(EvaluationReport.render(evaluation))
            print(EntityReport.render(examples: test, model: model))
        }
    }
}

func stderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
