import Foundation

/// Multinomial logistic regression over sparse rows, L2-regularised, trained with ``LBFGS``.
struct SoftmaxRegression: Sendable {
    /// Weights, feature-major: `weights[feature * classes + k]`.
    var weights: [Float]
    var biases: [Float]
    let classes: Int
    let features: Int

    /// Fits on `rows` with labels in `0..<classes`. `l2` is the penalty on weights per example; the fit stops when
    /// one step lowers the loss by less than `relativeTolerance` of it. `start` (weights then biases) is where the
    /// optimiser begins (zeros when nil); the loss is convex, so the start changes the path, not the minimum.
    static func fit(rows: [SparseVector], labels: [Int], classes: Int, features: Int, l2: Double,
                    maxIterations: Int = 300, relativeTolerance: Double = 1e-9, start: [Double]? = nil,
                    progress: ((Int, Double) -> Void)? = nil) -> SoftmaxRegression {
        let n = Double(rows.count)
        let weightCount = features * classes
        let objective: ([Double]) -> (Double, [Double]) = { theta in
            var grad = [Double](repeating: 0, count: theta.count)
            var loss = 0.0
            // Scores live in a buffer of the closure's own, not a captured array (whose every access is checked).
            let scores = UnsafeMutableBufferPointer<Double>.allocate(capacity: classes)
            defer { scores.deallocate() }
            scores.initialize(repeating: 0)
            theta.withUnsafeBufferPointer { t in
                grad.withUnsafeMutableBufferPointer { gr in
                    for (row, label) in zip(rows, labels) {
                        for k in 0..<classes { scores[k] = t[weightCount + k] }
                        for (j, v) in zip(row.indices, row.values) {
                            let base = Int(j) * classes
                            for k in 0..<classes { scores[k] += Double(v) * t[base + k] }
                        }
                        let top = scores.max() ?? 0
                        var total = 0.0
                        for k in 0..<classes { scores[k] = exp(scores[k] - top); total += scores[k] }
                        loss -= log(max(scores[label] / total, 1e-300))
                        for k in 0..<classes {
                            let diff = scores[k] / total - (k == label ? 1 : 0)
                            scores[k] = diff
                            gr[weightCount + k] += diff / n
                        }
                        for (j, v) in zip(row.indices, row.values) {
                            let base = Int(j) * classes
                            for k in 0..<classes { gr[base + k] += Double(v) * scores[k] / n }
                        }
                    }
                    for i in 0..<weightCount {
                        loss += 0.5 * l2 * n * t[i] * t[i] / n
                        gr[i] += l2 * t[i]
                    }
                }
            }
            return (loss / n, grad)
        }
        var optimizer = LBFGS()
        optimizer.maxIterations = maxIterations
        optimizer.relativeTolerance = relativeTolerance
        let origin = start.flatMap { $0.count == weightCount + classes ? $0 : nil }
            ?? [Double](repeating: 0, count: weightCount + classes)
        let theta = optimizer.minimize(origin, objective: objective,
                                       progress: progress)
        return SoftmaxRegression(weights: theta[0..<weightCount].map(Float.init),
                                 biases: theta[weightCount...].map(Float.init), classes: classes, features: features)
    }

    /// Raw scores (logits) of one row.
    func logits(_ row: SparseVector) -> [Float] {
        var scores = biases
        weights.withUnsafeBufferPointer { w in
            for (j, v) in zip(row.indices, row.values) {
                let base = Int(j) * classes
                for k in 0..<classes { scores[k] += v * w[base + k] }
            }
        }
        return scores
    }

    /// Softmax of logits divided by `temperature`.
    static func probabilities(_ logits: [Float], temperature: Float = 1) -> [Float] {
        let scaled = logits.map { $0 / temperature }
        let top = scaled.max() ?? 0
        let exps = scaled.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
