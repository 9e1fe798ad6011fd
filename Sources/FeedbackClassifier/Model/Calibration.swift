import Foundation

/// Temperature scaling (Guo et al., 2017) and per-intent confidence thresholds from held-out predictions.
enum Calibration {
    /// The temperature minimising the negative log-likelihood of `labels` under softmax(logits / T), searched by
    /// golden section on log T in [0.05, 20].
    static func temperature(logits: [[Float]], labels: [Int]) -> Float {
        func nll(_ logT: Double) -> Double {
            let t = Float(exp(logT))
            var total = 0.0
            for (l, y) in zip(logits, labels) {
                total -= log(max(Double(SoftmaxRegression.probabilities(l, temperature: t)[y]), 1e-12))
            }
            return total
        }
        var a = log(0.05), b = log(20.0)
        let phi = (sqrt(5.0) - 1) / 2
        var c = b - phi * (b - a), d = a + phi * (b - a)
        var fc = nll(c), fd = nll(d)
        for _ in 0..<60 {
            if fc < fd { b = d; d = c; fd = fc; c = b - phi * (b - a); fc = nll(c) }
            else { a = c; c = d; fc = fd; d = a + phi * (b - a); fd = nll(d) }
        }
        return Float(exp((a + b) / 2))
    }

    /// For each class, the lowest confidence at which predictions of that class are right at least `precision`
    /// of the time (counting every prediction at or above it). 1.01 (never propose) when fewer than
    /// `minimumSupport` predictions back it.
    static func thresholds(logits: [[Float]], labels: [Int], temperature: Float, classes: Int, precision: Float,
                           minimumSupport: Int) -> [Float] {
        var byClass = [[(confidence: Float, right: Bool)]](repeating: [], count: classes)
        for (l, y) in zip(logits, labels) {
            let p = SoftmaxRegression.probabilities(l, temperature: temperature)
            let best = p.indices.max { p[$0] < p[$1] }!
            byClass[best].append((p[best], best == y))
        }
        return byClass.map { predictions in
            let sorted = predictions.sorted { $0.confidence > $1.confidence }
            var right = 0
            var threshold: Float = 1.01
            for (i, p) in sorted.enumerated() {
                if p.right { right += 1 }
                let count = i + 1
                if count >= minimumSupport, Float(right) / Float(count) >= precision { threshold = p.confidence }
            }
            return threshold
        }
    }
}
