import Foundation

/// Trains a ``TextModel`` deterministically: feature columns from the training texts, out-of-fold predictions
/// (k-fold) for temperature scaling and per-intent thresholds, then the final fit on every example.
public struct TextModelTrainer: Sendable {
    /// L2 penalty on the weights.
    public var l2: Double = 1e-5
    /// A feature becomes a column when it occurs in at least this many training replies.
    public var minDocumentFrequency = 2
    /// Folds for the out-of-fold predictions used by calibration.
    public var folds = 5
    /// Precision a proposal must reach on the out-of-fold predictions.
    public var targetPrecision: Float = 0.95
    /// Fewest out-of-fold predictions of an intent for its threshold to be trusted (else it always abstains).
    public var minimumSupport = 8
    public var maxIterations = 300
    /// Relative decrease of the loss under which a calibration fold's fit stops (the final fit uses 1e-9): the
    /// out-of-fold predictions only set the temperature and thresholds, so they need not be fitted as tightly.
    public var calibrationTolerance = 1e-5
    /// Starts the final fit from the mean of the calibration folds' models (fewer iterations to the same minimum).
    public var warmStart = true
    /// Scales each column by its smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1.
    public var inverseDocumentFrequency = true
    public var extractor = FeatureExtractor()

    public init() {}

    /// What the trainer reports while it works.
    public enum Progress: Sendable {
        case columns(Int)
        case fold(Int, of: Int)
        case finalFit
        case iteration(Int, loss: Double)
        /// Accuracy of the out-of-fold predictions on the training replies (a cross-validated estimate).
        case crossValidated(accuracy: Double)
        /// The out-of-fold prediction (label index) of every training text, in input order.
        case outOfFold(predictions: [Int])
    }

    /// Trains on `texts` with their `targets`, each one of `labels` (the model's label order).
    public func train(texts: [String], targets: [String], labels: [String], name: String,
                      progress: (@Sendable (Progress) -> Void)? = nil) -> TextModel {
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let counts = texts.map { extractor.features($0) }
        let (columnHashes, frequencies) = Self.columns(counts, minimumDocuments: minDocumentFrequency)
        progress?(.columns(columnHashes.count))
        let columns = ColumnIndex(columnHashes)
        let n = Float(texts.count)
        let weights = inverseDocumentFrequency ? frequencies.map { log((1 + n) / (1 + Float($0))) + 1 } : nil
        let rows = counts.map { SparseVector(counts: $0, columns: columns, weights: weights) }
        let y = targets.map { labelIndex[$0] ?? 0 }

        // Out-of-fold logits: each example predicted by a model that did not see it.
        let foldOf = Self.stratifiedFolds(y, folds: folds)
        var outOfFold = [[Float]](repeating: [], count: rows.count)
        // The mean of the fold models: the final fit starts there (near its minimum) rather than from zeros.
        var meanTheta = [Double](repeating: 0, count: columnHashes.count * labels.count + labels.count)
        for fold in 0..<folds {
            progress?(.fold(fold + 1, of: folds))
            let trainIdx = rows.indices.filter { foldOf[$0] != fold }
            let model = SoftmaxRegression.fit(rows: trainIdx.map { rows[$0] }, labels: trainIdx.map { y[$0] },
                                              classes: labels.count, features: columnHashes.count, l2: l2,
                                              maxIterations: maxIterations, relativeTolerance: calibrationTolerance)
            for i in rows.indices where foldOf[i] == fold { outOfFold[i] = model.logits(rows[i]) }
            if warmStart {
                for (k, w) in model.weights.enumerated() { meanTheta[k] += Double(w) / Double(folds) }
                for (k, b) in model.biases.enumerated() { meanTheta[model.weights.count + k] += Double(b) / Double(folds) }
            }
        }
        let outOfFoldLabels = outOfFold.map { logits in logits.indices.max { logits[$0] < logits[$1] } ?? 0 }
        let crossValidatedAccuracy = Double(zip(outOfFoldLabels, y).filter { $0 == $1 }.count) / Double(max(y.count, 1))
        progress?(.crossValidated(accuracy: crossValidatedAccuracy))
        progress?(.outOfFold(predictions: outOfFoldLabels))
        let temperature = Calibration.temperature(logits: outOfFold, labels: y)
        let thresholds = Calibration.thresholds(logits: outOfFold, labels: y, temperature: temperature,
                                                classes: labels.count, precision: targetPrecision,
                                                minimumSupport: minimumSupport)
        progress?(.finalFit)
        let final = SoftmaxRegression.fit(rows: rows, labels: y, classes: labels.count, features: columnHashes.count,
                                          l2: l2, maxIterations: maxIterations, start: warmStart ? meanTheta : nil) {
            progress?(.iteration($0, loss: $1))
        }
        let metadata = TextModel.Metadata(
            name: name, trainedExamples: texts.count, temperature: temperature,
            thresholds: Dictionary(uniqueKeysWithValues: zip(labels, thresholds)),
            targetPrecision: targetPrecision, l2: l2, extractor: extractor, labels: labels)
        return TextModel(metadata: metadata, columnHashes: columnHashes, columnWeights: weights, regression: final)
    }

    /// Hashes seen in at least `minimumDocuments` replies, with the number of replies each is seen in. The most
    /// frequent come first (ties by hash, so the order is deterministic): the weights a reply touches then lie close
    /// together in memory, which makes the gradient several times faster than columns in hash order.
    static func columns(_ counts: [FeatureCounts], minimumDocuments: Int) -> (hashes: [UInt64], documents: [Int]) {
        var documentFrequency: [UInt64: Int] = [:]
        for c in counts { c.forEach { h, _ in documentFrequency[h, default: 0] += 1 } }
        let kept = documentFrequency.filter { $0.value >= minimumDocuments }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return (kept.map(\.key), kept.map(\.value))
    }

    /// Fold of each example: examples of each label dealt round-robin in input order.
    static func stratifiedFolds(_ labels: [Int], folds: Int) -> [Int] {
        var next: [Int: Int] = [:]
        return labels.map { label in
            let fold = next[label, default: 0]
            next[label] = (fold + 1) % folds
            return fold
        }
    }
}
