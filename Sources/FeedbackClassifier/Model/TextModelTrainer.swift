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
    }

    /// Trains on `texts` with their `targets`, each one of `labels` (the model's label order).
    public func train(texts: [String], targets: [String], labels: [String], name: String,
                      progress: (@Sendable (Progress) -> Void)? = nil) -> TextModel {
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let counts = texts.map { extractor.features($0) }
        let columnHashes = Self.columns(counts, minimumDocuments: minDocumentFrequency)
        progress?(.columns(columnHashes.count))
        let columns = ColumnIndex(columnHashes)
        let rows = counts.map { SparseVector(counts: $0, columns: columns) }
        let y = targets.map { labelIndex[$0] ?? 0 }

        // Out-of-fold logits: each example predicted by a model that did not see it.
        let foldOf = Self.stratifiedFolds(y, folds: folds)
        var outOfFold = [[Float]](repeating: [], count: rows.count)
        for fold in 0..<folds {
            progress?(.fold(fold + 1, of: folds))
            let trainIdx = rows.indices.filter { foldOf[$0] != fold }
            let model = SoftmaxRegression.fit(rows: trainIdx.map { rows[$0] }, labels: trainIdx.map { y[$0] },
                                              classes: labels.count, features: columnHashes.count, l2: l2,
                                              maxIterations: maxIterations)
            for i in rows.indices where foldOf[i] == fold { outOfFold[i] = model.logits(rows[i]) }
        }
        let crossValidatedAccuracy = Double(zip(outOfFold, y).filter { logits, label in
            logits.indices.max { logits[$0] < logits[$1] } == label
        }.count) / Double(max(y.count, 1))
        progress?(.crossValidated(accuracy: crossValidatedAccuracy))
        let temperature = Calibration.temperature(logits: outOfFold, labels: y)
        let thresholds = Calibration.thresholds(logits: outOfFold, labels: y, temperature: temperature,
                                                classes: labels.count, precision: targetPrecision,
                                                minimumSupport: minimumSupport)
        progress?(.finalFit)
        let final = SoftmaxRegression.fit(rows: rows, labels: y, classes: labels.count, features: columnHashes.count,
                                          l2: l2, maxIterations: maxIterations) { progress?(.iteration($0, loss: $1)) }
        let metadata = TextModel.Metadata(
            name: name, trainedExamples: texts.count, temperature: temperature,
            thresholds: Dictionary(uniqueKeysWithValues: zip(labels, thresholds)),
            targetPrecision: targetPrecision, l2: l2, extractor: extractor, labels: labels)
        return TextModel(metadata: metadata, columnHashes: columnHashes, regression: final)
    }

    /// Hashes seen in at least `minimumDocuments` replies, sorted (so column order is deterministic).
    static func columns(_ counts: [FeatureCounts], minimumDocuments: Int) -> [UInt64] {
        var documentFrequency: [UInt64: Int] = [:]
        for c in counts { c.forEach { h, _ in documentFrequency[h, default: 0] += 1 } }
        return documentFrequency.filter { $0.value >= minimumDocuments }.keys.sorted()
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
