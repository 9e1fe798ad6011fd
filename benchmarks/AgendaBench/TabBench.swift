import AgendaStore
import Foundation

/// Latency of the four agenda tabs under a mix of filters a collector uses.
struct TabBench {
    let store: SQLiteAgendaStore
    let today: Day
    let collectors: Int
    let queries: Int

    /// How many filter mixes `mix` cycles through.
    static let mixes = 11

    func mix(_ n: Int) -> (String, AgendaQuery) {
        let collector = UserID(Int64(n % collectors + 1))
        let week = (from: today.adding(days: -7), to: today.adding(days: 7))
        switch n % Self.mixes {
        case 0: return ("first page", AgendaQuery(today: today))
        case 1: return ("collector", AgendaQuery(today: today, collector: collector))
        case 2: return ("collector+segment", AgendaQuery(today: today, collector: collector,
                                                        customerFields: ["segment": "retail"]))
        case 3: return ("status+channel", AgendaQuery(today: today, statuses: [.error, .planned], channels: [.email, .call]))
        case 4: return ("date range", AgendaQuery(today: today, from: week.from, to: week.to))
        case 5: return ("page 21", AgendaQuery(today: today, collector: collector, offset: 1_000))
        // The operator's view of one segment or of the insured customers (custom fields without a collector).
        case 6: return ("segment", AgendaQuery(today: today, customerFields: ["segment": "retail"]))
        case 7: return ("insured", AgendaQuery(today: today, customerFields: ["credit_insurance_limit": "5000"]))
        // A collector narrowing their own work: statuses and channels, a date range, a field plus a date range.
        case 8: return ("collector+status+channel", AgendaQuery(today: today, collector: collector,
                                                               statuses: [.error, .planned], channels: [.email, .call]))
        case 9: return ("collector+dates", AgendaQuery(today: today, collector: collector, from: week.from, to: week.to))
        default: return ("collector+segment+dates", AgendaQuery(today: today, collector: collector, from: week.from,
                                                               to: week.to, customerFields: ["segment": "retail"]))
        }
    }

    func run() async throws {
        let emit = Measure.emit
        try await tab("manual") { try await store.manualActions($0).total }
        try await tab("automatic") { try await store.automaticActions($0).total }
        try await tab("replies") { try await store.replies($0).total }
        // History: the tab opens on the last 30 days; the unbounded count is measured separately.
        try await tab("history (last 30 days)") { query in
            var bounded = query
            if bounded.from == nil { bounded.from = today.adding(days: -30) }
            return try await store.history(bounded).total
        }
        try await tab("history (all time)") { try await store.history($0).total }
        let (csv, exportSeconds) = try await Measure.time {
            try await store.exportHistoryCSV(AgendaQuery(today: today, collector: UserID(1), from: today.adding(days: -30)))
        }
        emit(["export": "history CSV, one collector, 30 days", "seconds": exportSeconds,
              "rows": csv.split(separator: "\r\n").count - 1])
    }

    func tab(_ name: String, _ body: (AgendaQuery) async throws -> Int) async throws {
        var samples: [Double] = [], cpuSamples: [Double] = []
        var byMix: [String: [Double]] = [:], cpuByMix: [String: [Double]] = [:]
        var totals: [String: Int] = [:]
        for n in 0..<queries {
            let (label, query) = mix(n)
            let (total, seconds, cpu) = try await Measure.timeCPU { try await body(query) }
            samples.append(seconds)
            cpuSamples.append(cpu)
            byMix[label, default: []].append(seconds)
            cpuByMix[label, default: []].append(cpu)
            totals[label] = total
        }
        var mixes: [String: Any] = [:]
        for (label, values) in byMix {
            mixes[label] = ["p95_ms": Measure.percentile(values, 95), "total": totals[label] ?? 0,
                            "cpu_p95_ms": Measure.percentile(cpuByMix[label] ?? [], 95)]
        }
        Measure.emit(["tab": name, "queries": samples.count, "p50_ms": Measure.percentile(samples, 50),
              "p95_ms": Measure.percentile(samples, 95), "max_ms": Measure.percentile(samples, 100), "mixes": mixes,
                      "cpu_p50_ms": Measure.percentile(cpuSamples, 50), "cpu_p95_ms": Measure.percentile(cpuSamples, 95)])
    }
}
