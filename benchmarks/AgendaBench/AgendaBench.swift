import AgendaStore
import Foundation

/// Agenda store benchmark (issue 4): builds a dataset of 100,000 customers, 1,000,000 items, 1,000,000 actions and
/// 200,000 replies (times `--scale`), then measures CSV import rate, planning one day for every customer, p95 of the
/// four agenda tabs, inbound storing rate and the database size. Prints one JSON object per measurement.
/// Usage: agenda-bench [--scale 1.0] [--db PATH] [--queries 200] [--tabs-only]
/// `--plan YYYY-MM-DD` with `--db` of an earlier run: plan that day only and time it.
/// `--tabs-only` with `--db` of an earlier run: migrate that database and measure the tabs only (A/B of queries).
@main struct AgendaBench {
    static func main() async throws {
        var scale = 1.0, path: String?, queries = 200, tabsOnly = false
        var planDay: Day?
        var arguments = CommandLine.arguments.dropFirst()
        while let flag = arguments.popFirst() {
            switch flag {
            case "--scale": scale = Double(arguments.popFirst() ?? "") ?? scale
            case "--db": path = arguments.popFirst()
            case "--queries": queries = Int(arguments.popFirst() ?? "") ?? queries
            case "--tabs-only": tabsOnly = true
            case "--plan": planDay = Day(iso: arguments.popFirst() ?? "")
            default: fatalError("unknown argument \(flag)")
            }
        }
        if let planDay, let path {
            // Planning one more day on an earlier run's database (A/B of the write path).
            let store = try SQLiteAgendaStore(path: path)
            let (plan, seconds, cpu) = try await Measure.timeCPU { try await store.plan(on: planDay, at: Date()) }
            Measure.emit(["planning": "one day (\(planDay.iso)), all customers", "seconds": seconds, "cpu_seconds": cpu,
                          "created": plan.created])
            return
        }
        if tabsOnly, let path {
            let (store, migrationSeconds) = try await Measure.time { try SQLiteAgendaStore(path: path) }
            Measure.emit(["migrations": try await store.appliedMigrations(), "seconds": migrationSeconds])
            try await TabBench(store: store, today: Day(iso: "2026-11-18")!, collectors: 20, queries: queries).run()
            return
        }
        let dbPath = path ?? FileManager.default.temporaryDirectory.appendingPathComponent("agenda-bench-\(UUID().uuidString).sqlite").path
        defer { if path == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } } }
        let customers = Int(100_000 * scale), items = Int(1_000_000 * scale)
        let actions = Int(1_000_000 * scale), replies = Int(200_000 * scale)
        let collectors = 20
        let today = Day(iso: "2026-11-18")!
        let now = Date()
        let emit = Measure.emit
        emit(["dataset": ["customers": customers, "items": items, "actions": actions, "replies": replies, "scale": scale]])

        let store = try SQLiteAgendaStore(path: dbPath)
        for c in 0..<collectors { _ = try await store.createUser(login: "collector\(c)", name: "Collector \(c)", role: .collector) }
        _ = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
            ScenarioStep(dayOffset: 5, channel: .email, mode: .automatic, template: "reminder-1"),
            ScenarioStep(dayOffset: 10, dayBase: .previousAction, channel: .call, mode: .manual, template: "call"),
            ScenarioStep(dayOffset: 7, dayBase: .previousAction, channel: .letter, mode: .automaticWithConfirmation,
                         template: "formal"),
        ]))

        // Customers, then items in files of 100,000 rows (as an ERP export would be split), through the CSV API.
        var customersCSV = "key;name;language;collector;scenario;segment;credit_insurance_limit\n"
        let segments = ["retail", "wholesale", "public", "export"]
        for c in 0..<customers {
            customersCSV += "C\(c);Customer \(c) SA;fr;collector\(c % collectors);standard;\(segments[(c / collectors) % 4]);\(c % 7 == 0 ? "5000" : "")\n"
        }
        var customerConfig = CSVImportConfiguration.identity(.customers)
        customerConfig.customFields = ["segment": "segment", "credit_insurance_limit": "credit_insurance_limit"]
        let (customerReport, customerSeconds) = try await Measure.time {
            try await store.importCSV(Data(customersCSV.utf8), configuration: customerConfig, at: now)
        }
        precondition(customerReport.committed && customerReport.inserted == customers)
        emit(["import": "customers", "rows": customers, "seconds": customerSeconds,
              "rows_per_s": Double(customers) / customerSeconds])

        let chunk = 100_000
        var itemSeconds: [Double] = []
        var random = SplitMix(state: 7)
        for start in stride(from: 0, to: items, by: chunk) {
            var csv = "key;customer_key;issue_date;due_date;amount;open_amount;currency\n"
            for n in start..<min(items, start + chunk) {
                let due = today.adding(days: -Int.random(in: -30...400, using: &random))
                let issue = due.adding(days: -30).components
                let amountCents = Int.random(in: 1_000...5_000_000, using: &random)
                let open = Int.random(in: 0..<10, using: &random) < 3 ? amountCents : 0
                let dueText = due.components
                csv += "F-\(n);C\(n % customers);\(pad(issue.day))/\(pad(issue.month))/\(issue.year);"
                csv += "\(pad(dueText.day)).\(pad(dueText.month)).\(dueText.year);"
                csv += "\(amountCents / 100),\(pad(amountCents % 100));\(open / 100),\(pad(open % 100));EUR\n"
            }
            let rows = min(items, start + chunk) - start
            let (report, seconds, cpu) = try await Measure.timeCPU {
                try await store.importCSV(Data(csv.utf8), configuration: .identity(.items), at: now)
            }
            precondition(report.committed && report.inserted == rows, "import rejected: \(report.rejected.prefix(3))")
            itemSeconds.append(seconds)
            emit(["import": "items", "rows": rows, "seconds": seconds, "cpu_seconds": cpu,
                  "rows_per_s": Double(rows) / seconds])
        }
        let reimport = "key;customer_key;issue_date;due_date;amount\n"
            + (0..<min(items, chunk)).map { "F-\($0);C\($0 % customers);01/01/2026;01.02.2026;10,00\n" }.joined()
        let (_, updateSeconds) = try await Measure.time {
            try await store.importCSV(Data(reimport.utf8), configuration: .identity(.items), at: now)
        }
        emit(["import": "items_update", "rows": min(items, chunk), "seconds": updateSeconds])

        let (_, seedSeconds) = try await Measure.time {
            try Seeder(path: dbPath, customers: customers, actions: actions, replies: replies, collectors: collectors,
                       today: today).seed()
        }
        emit(["seed": "actions+history+replies (SQL)", "seconds": seedSeconds])

        // Inbound messages through the API: hash, compress, analysis and proposals, one transaction each.
        let inboundCount = max(100, min(5_000, replies / 40))
        let body = String(repeating: "Bonjour, nous réglerons la facture F-12 le 15 décembre. Cordialement, Anne\r\n", count: 12)
        let (_, inboundSeconds) = try await Measure.time {
            for n in 0..<inboundCount {
                let raw = Data("Message-ID: <bench\(n)@example.com>\r\nSubject: Re: F-12\r\n\r\n\(body)".utf8)
                _ = try await store.storeInbound(InboundMessage(raw: raw, kind: .reply, messageID: "<bench\(n)@example.com>",
                                                                receivedAt: now, correlation: .unmatched),
                                                 analysis: MessageAnalysis(visibleText: "Nous réglerons le 15.",
                                                                           intent: .promiseToPay, confidence: 0.9,
                                                                           proposals: [ProposalInput(itemNumber: "F-12",
                                                                                                     proposed: QualificationState(.promiseToPay), confidence: 0.9)]))
            }
        }
        emit(["inbound": "storeInbound", "messages": inboundCount, "seconds": inboundSeconds,
              "msgs_per_s": Double(inboundCount) / inboundSeconds])

        let (plan, planSeconds, planCPU) = try await Measure.timeCPU { try await store.plan(on: today, at: now) }
        emit(["planning": "one day, all customers", "seconds": planSeconds, "cpu_seconds": planCPU,
              "created": plan.created,
              "paused_dispute": plan.pausedByDispute, "paused_promise": plan.pausedByPromise, "not_due": plan.notDue])
        let (again, againSeconds) = try await Measure.time { try await store.plan(on: today, at: now) }
        emit(["planning": "rerun same day (idempotent)", "seconds": againSeconds, "created": again.created])

        try await TabBench(store: store, today: today, collectors: collectors, queries: queries).run()

        let (brokenAlerts, brokenSeconds) = try await Measure.time { try await store.checkBrokenPromises(on: today, at: now) }
        emit(["alerts": "broken promises", "seconds": brokenSeconds, "raised": brokenAlerts.count])
        let size = try await store.databaseSize()
        emit(["database_bytes": size, "database_mb": Double(size) / 1_048_576])
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
