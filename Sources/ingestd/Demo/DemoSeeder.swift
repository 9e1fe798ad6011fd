import AgendaStore
import Foundation
import WebUI

/// Prepares the demo of the README's main-job command (issue #8, "The demo"): a data folder with a store holding demo
/// users, a scenario, customers, contacts and items imported from the CSV files of `samples/demo/` (the same ERP
/// import as production), a Maildir whose `new/` holds the sample messages of `samples/` (several languages), a
/// server key for the customers' pages and the configuration `serve` runs with. The daemon then polls the Maildir
/// through the inbound pipeline, like any mail source.
///
/// Seeding happens once per data folder (when the store has no user yet); later runs only set the demo password
/// again, so the one printed always works.
struct DemoSeeder: Sendable {
    /// The folder of the sample messages and `demo/` CSV files.
    var samples: URL
    /// The data folder (created when missing).
    var dataDirectory: URL
    /// The HTTP port `serve` listens on (loopback).
    var port = 8080
    /// The classifier model file; nil lets `serve` find the shipped one.
    var model: String?
    /// bcrypt cost of the demo passwords.
    var bcryptCost = 12
    /// The day item dates are relative to (`{today-30}` in items.csv).
    var today = Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))

    /// The demo's logins: an administrator who sees everything and the collector all demo customers are assigned to.
    static let logins: [(login: String, name: String, role: Role)] = [
        ("demo", "Demo administrator", .admin), ("collector", "Demo collector", .collector),
    ]

    /// What `seed` made.
    struct Setup: Sendable {
        /// The configuration file `serve` runs with.
        var configuration: URL
        /// The URL of the web UI.
        var url: String
        /// True when this run seeded the store (false: it was seeded before).
        var seeded: Bool
        /// Sample messages placed in the Maildir's `new/` by this run.
        var messages: Int
        /// A signed link to the first demo customer's page (valid 30 days).
        var customerPage: String?
    }

    var databaseURL: URL { dataDirectory.appendingPathComponent("ingestd.sqlite") }
    var maildir: URL { dataDirectory.appendingPathComponent("maildir") }
    var keyFile: URL { dataDirectory.appendingPathComponent("server.key") }

    /// Seeds the data folder (once) and writes the configuration; sets `password` on the demo logins.
    func seed(password: String) async throws -> Setup {
        let fm = FileManager.default
        try fm.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let store = try SQLiteAgendaStore(path: databaseURL.path)
        let now = Date()
        let fresh = try await store.users().isEmpty
        var messages = 0
        if fresh {
            for user in Self.logins {
                _ = try await store.createUser(login: user.login, name: user.name, role: user.role)
            }
            _ = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
                ScenarioStep(dayOffset: 5, channel: .email, mode: .automaticWithConfirmation, template: "reminder-1"),
                ScenarioStep(dayOffset: 10, dayBase: .previousAction, channel: .call, mode: .manual, template: "call"),
                ScenarioStep(dayOffset: 10, dayBase: .previousAction, channel: .letter, mode: .automatic,
                             template: "formal-notice"),
            ]))
            try await importCSV(store, at: now)
            // The capture tokens the sample replies were sent to (relances+c1042@..., mahnwesen+c2207@...).
            for key in ["C1042", "C2207", "C3310"] {
                if let customer = try await store.customer(externalKey: key) {
                    try await store.setCaptureToken(key.lowercased(), for: customer.id)
                }
            }
            messages = try placeMessages()
        }
        let hash = Passwords.hash(password, cost: UInt8(bcryptCost))
        for user in Self.logins {
            guard let account = try await store.account(login: user.login) else { continue }
            try await store.setPasswordHash(account.user.id, hash: hash, at: now)
        }
        if !fm.fileExists(atPath: keyFile.path) {
            try Data(RandomKey.hex(bytes: 32).utf8).write(to: keyFile)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        }
        let configuration = dataDirectory.appendingPathComponent("demo.yaml")
        try Data(configurationText().utf8).write(to: configuration)
        var page: String?
        if let first = try await store.customer(externalKey: "C1042"),
           let key = fm.contents(atPath: keyFile.path), let signer = PageLinkSigner(key: Array(key)) {
            page = "http://127.0.0.1:\(port)/c/" + signer.token(customer: first.id, expires: now.addingTimeInterval(30 * 86_400))
        }
        return Setup(configuration: configuration, url: "http://127.0.0.1:\(port)", seeded: fresh, messages: messages,
                     customerPage: page)
    }

    /// The `serve` configuration of the demo: the store, the port, the server key, the Maildir to poll.
    func configurationText() -> String {
        var lines = [
            "# Written by `ingestd demo`; rewritten at each demo start.",
            "data_dir: \(Self.quoted(dataDirectory.path))",
            "database: ingestd.sqlite",
            "listen: {host: 127.0.0.1, port: \(port)}",
            "session_key_file: \(Self.quoted(keyFile.path))",
            "web: {bcrypt_cost: \(bcryptCost)}",
            "maildirs:",
            "  - name: demo",
            "    path: \(Self.quoted(maildir.path))",
            "    interval_seconds: 5",
        ]
        if let model { lines.insert("model: \(Self.quoted(model))", at: 4) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Imports customers, contacts and items; `{today-N}` / `{today+N}` in the CSV text become ISO dates.
    func importCSV(_ store: SQLiteAgendaStore, at now: Date) async throws {
        var customers = CSVImportConfiguration.identity(.customers)
        customers.customFields = ["segment": "segment"]
        var items = CSVImportConfiguration.identity(.items)
        items.separator = .semicolon
        items.decimalStyle = .comma
        customers.separator = .semicolon
        for (file, configuration) in [("customers.csv", customers), ("contacts.csv", .identity(.contacts)),
                                      ("items.csv", items)] {
            let url = samples.appendingPathComponent("demo").appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandError("cannot read the demo file \(url.path)")
            }
            let text = resolveDates(String(decoding: data, as: UTF8.self))
            let report = try await store.importCSV(Data(text.utf8), configuration: configuration, at: now)
            guard report.committed else {
                throw CommandError("the demo file \(file) was refused: " + report.rejected.map { "line \($0.line): \($0.reason)" }
                    .joined(separator: "; "))
            }
        }
    }

    /// Replaces `{today}`, `{today-N}` and `{today+N}` with ISO dates relative to `today`.
    func resolveDates(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{today") {
            result += rest[..<open.lowerBound]
            let close = rest[open.upperBound...].firstIndex(of: "}")
            let sign = close.map { rest[open.upperBound..<$0].replacingOccurrences(of: "+", with: "") }
            guard let close, let sign, let offset = sign.isEmpty ? 0 : Int(sign) else {
                result += rest[open]
                rest = rest[open.upperBound...]
                continue
            }
            result += today.adding(days: offset).iso
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Copies every sample message (`samples/*.eml`, `samples/demo/replies/*.eml`) into the Maildir's `new/`.
    func placeMessages() throws -> Int {
        let fm = FileManager.default
        for sub in ["new", "cur", "tmp"] {
            try fm.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var sources: [URL] = []
        for folder in [samples, samples.appendingPathComponent("demo/replies")] {
            let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            sources += names.filter { $0.hasSuffix(".eml") }.sorted().map { folder.appendingPathComponent($0) }
        }
        let stamp = Int(Date().timeIntervalSince1970)
        for (index, source) in sources.enumerated() {
            // Deliver through tmp/ then rename, as a Maildir writer must.
            let name = "\(stamp).demo\(index).ingestd"
            let temporary = maildir.appendingPathComponent("tmp").appendingPathComponent(name)
            try fm.copyItem(at: source, to: temporary)
            try fm.moveItem(at: temporary, to: maildir.appendingPathComponent("new").appendingPathComponent(name))
        }
        return sources.count
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Random secrets for the demo (server key, generated password).
enum RandomKey {
    /// `bytes` random bytes as lower-case hex.
    static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", generator.next() as UInt8) }.joined()
    }

    /// A password easy to type: four groups of four letters and digits (about 82 bits).
    static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
        }.joined(separator: "-")
    }
}
