import Foundation

/// Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", algorithm 7.4) with a backtracking Armijo line
/// search. Deterministic: the same function and start give the same result.
struct LBFGS {
    var memory = 10
    var maxIterations = 300
    /// Stops when the gradient's infinity norm falls below this.
    var gradientTolerance = 1e-5
    /// Stops when the relative decrease of the objective over one step falls below this.
    var relativeTolerance = 1e-9

    /// Minimises `objective` (value and gradient) from `start`; `progress` gets (iteration, value).
    func minimize(_ start: [Double], objective: ([Double]) -> (Double, [Double]),
                  progress: ((Int, Double) -> Void)? = nil) -> [Double] {
        var x = start
        var (f, g) = objective(x)
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        for iteration in 0..<maxIterations {
            if g.reduce(0, { max($0, abs($1)) }) < gradientTolerance { break }
            // Two-loop recursion: direction = -H g.
            var q = g
            var alpha = [Double](repeating: 0, count: s.count)
            for i in stride(from: s.count - 1, through: 0, by: -1) {
                alpha[i] = rho[i] * dot(s[i], q)
                axpy(-alpha[i], y[i], &q)
            }
            if let lastS = s.last, let lastY = y.last {
                let gamma = dot(lastS, lastY) / max(dot(lastY, lastY), 1e-300)
                for i in q.indices { q[i] *= gamma }
            } else {
                let norm = sqrt(dot(g, g))
                if norm > 0 { for i in q.indices { q[i] /= norm } }
            }
            for i in 0..<s.count {
                let beta = rho[i] * dot(y[i], q)
                axpy(alpha[i] - beta, s[i], &q)
            }
            var direction = q.map { -$0 }
            var slope = dot(g, direction)
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                direction = g.map { -$0 }
                slope = dot(g, direction)
                s.removeAll(); y.removeAll(); rho.removeAll()
            }
            // Backtracking line search (Armijo).
            var step = 1.0
            var xNew = x, fNew = f, gNew = g
            var accepted = false
            for _ in 0..<40 {
                for i in x.indices { xNew[i] = x[i] + step * direction[i] }
                (fNew, gNew) = objective(xNew)
                if fNew <= f + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            if !accepted { break }
            let sk = zip(xNew, x).map { $0 - $1 }
            let yk = zip(gNew, g).map { $0 - $1 }
            let sy = dot(sk, yk)
            if sy > 1e-12 {
                s.append(sk); y.append(yk); rho.append(1 / sy)
                if s.count > memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
            }
            let decrease = (f - fNew) / max(abs(f), 1e-12)
            x = xNew; f = fNew; g = gNew
            progress?(iteration + 1, f)
            if decrease < relativeTolerance { break }
        }
        return x
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                for i in 0..<pa.count { sum += pa[i] * pb[i] }
            }
        }
        return sum
    }

    private func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                for i in 0..<px.count { py[i] += a * px[i] }
            }
        }
    }
}
