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
                    let tb = t.baseAddress!, gb = gr.baseAddress!
                    // Four classes at a time (SIMD4, unaligned loads and stores), the rest one by one: the same
                    // operations per class in the same order as a plain loop, so the same sums.
                    let wide = classes / 4 * 4
                    for (row, label) in zip(rows, labels) {
                        for k in 0..<classes { scores[k] = tb[weightCount + k] }
                        row.indices.withUnsafeBufferPointer { idx in
                            row.values.withUnsafeBufferPointer { vals in
                                for e in 0..<idx.count {
                                    let base = Int(idx[e]) * classes
                                    let v = Double(vals[e])
                                    var k = 0
                                    while k < wide {
                                        let w = UnsafeRawPointer(tb + base + k).loadUnaligned(as: SIMD4<Double>.self)
                                        let s = UnsafeRawPointer(scores.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                                        UnsafeMutableRawPointer(scores.baseAddress! + k).storeBytes(of: s + v * w, as: SIMD4<Double>.self)
                                        k += 4
                                    }
                                    while k < classes { scores[k] += v * tb[base + k]; k += 1 }
                                }
                            }
                        }
                        let top = scores.max() ?? 0
                        var total = 0.0
                        for k in 0..<classes { scores[k] = exp(scores[k] - top); total += scores[k] }
                        loss -= log(max(scores[label] / total, 1e-300))
                        for k in 0..<classes {
                            let diff = scores[k] / total - (k == label ? 1 : 0)
                            scores[k] = diff
                            gb[weightCount + k] += diff / n
                        }
                        row.indices.withUnsafeBufferPointer { idx in
                            row.values.withUnsafeBufferPointer { vals in
                                for e in 0..<idx.count {
                                    let base = Int(idx[e]) * classes
                                    let v = Double(vals[e])
                                    var k = 0
                                    while k < wide {
                                        let d = UnsafeRawPointer(scores.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                                        let g = UnsafeRawPointer(gb + base + k).loadUnaligned(as: SIMD4<Double>.self)
                                        UnsafeMutableRawPointer(gb + base + k).storeBytes(of: g + v * d / n, as: SIMD4<Double>.self)
                                        k += 4
                                    }
                                    while k < classes { gb[base + k] += v * scores[k] / n; k += 1 }
                                }
                            }
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

    /// Raw scores of hashed counts mapped to `columns`, valued as ``SparseVector`` values them (1 + ln tf, times the
    /// column weight, L2-normalised), without building the row.
    func logits(counts: FeatureCounts, columns: ColumnIndex, weights columnWeights: [Float]?) -> [Float] {
        var sums = [Float](repeating: 0, count: classes)
        var squares: Float = 0
        let classes = self.classes
        weights.withUnsafeBufferPointer { w in
            sums.withUnsafeMutableBufferPointer { s in
                counts.forEach { hash, count in
                    guard let column = columns[hash] else { return }
                    var value = 1 + log(count)
                    if let columnWeights { value *= columnWeights[Int(column)] }
                    squares += value * value
                    let base = Int(column) * classes
                    for k in 0..<classes { s[k] += value * w[base + k] }
                }
            }
        }
        let scale = squares > 0 ? 1 / sqrt(squares) : 0
        for k in 0..<classes { sums[k] = biases[k] + sums[k] * scale }
        return sums
    }

    /// ``probabilities(_:temperature:)`` computed in place (the same operations in the same order).
    static func softmaxInPlace(_ values: inout [Float], temperature: Float = 1) {
        guard !values.isEmpty else { return }
        for k in values.indices { values[k] /= temperature }
        var top = values[0]
        for v in values where v > top { top = v }
        var total: Float = 0
        for k in values.indices { values[k] = exp(values[k] - top); total += values[k] }
        for k in values.indices { values[k] /= total }
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
