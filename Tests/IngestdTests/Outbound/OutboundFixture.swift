import Foundation
import MailIngest
import Testing
@testable import AgendaStore
@testable import ingestd

/// A store with `count` customers, each with one collection contact and one overdue invoice, and a scenario whose
/// single step is an automatic email (template `reminder`), planned for today; plus templates and a configuration
/// pointing at a local SMTP server.
struct OutboundFixture {
    let directory: URL
    let storePath: String
    let configPath: String
    let store: SQLiteAgendaStore
    let configuration: OutboundConfiguration
    let count: Int

    static let today = Day(date: Date())

    /// `emails[i]` is customer i's contact email (nil: no email); `languages[i]` its language.
    static func make(count: Int, smtpPort: Int, emails: ((Int) -> String?)? = nil, channel: Channel = .email,
                     pauseOnDispute: Bool = true,
                     extra: (inout OutboundConfiguration) -> Void = { _ in }) async throws -> OutboundFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbound-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let storePath = directory.appendingPathComponent("agenda.sqlite").path
        let store = try SQLiteAgendaStore(path: storePath)
        _ = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
            ScenarioStep(dayOffset: 0, channel: channel, mode: .automatic, template: "reminder"),
        ], pauseOnDispute: pauseOnDispute))
        var customers = "key;name;language;collector;scenario\n"
        var contacts = "key,customer_key,name,email,phone,address,collection_contact\n"
        var items = "key\tcustomer_key\tkind\tissue_date\tdue_date\tamount\topen_amount\tcurrency\n"
        let due = today.adding(days: -1).iso
        for index in 0..<count {
            let language = index % 2 == 0 ? "fr" : "en"
            customers += "C\(index);Client n° \(index) SARL;\(language);;standard\n"
            let email = emails?(index) ?? "customer\(index)@customer.example"
            contacts += "K\(index),C\(index),Contact \(index),\(email),+3310000\(index),\"\(index) rue X\n75001 Paris\",1\n"
            items += "F-\(index)\tC\(index)\tinvoice\t\(today.adding(days: -31).iso)\t\(due)\t1250,50\t1250,50\tEUR\n"
        }
        for (csv, kind) in [(customers, CSVImportKind.customers), (contacts, .contacts), (items, .items)] {
            let report = try await store.importCSV(Data(csv.utf8), configuration: .identity(kind), at: Date())
            #expect(report.committed && report.rejected.isEmpty, "\(kind): \(report.rejected)")
        }
        let planning = try await store.plan(on: today, at: Date())
        #expect(planning.created == count)

        let templates = directory.appendingPathComponent("templates/reminder")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let files = [
            "en.subject.mustache": "Reminder: {{#items}}{{number}} {{/items}}is overdue",
            "en.text.mustache": "Dear {{contact.name}},\n{{#items}}{{number}} due {{due_date}}: {{open_amount}} {{currency}}\n{{/items}}Total: {{#totals}}{{open_amount}} {{currency}}{{/totals}}\n{{page_link}}\n",
            "en.html.mustache": "<p>Dear {{contact.name}},</p><table>{{#items}}<tr><td>{{number}}</td><td>{{open_amount}}</td></tr>{{/items}}</table><p><a href=\"{{page_link}}\">Your page</a></p>",
            "fr.subject.mustache": "Relance : facture {{#items}}{{number}}{{/items}} échue",
            "fr.text.mustache": "Bonjour {{contact.name}},\n{{#items}}{{number}} : {{open_amount}} {{currency}}\n{{/items}}{{page_link}}\n",
            "fr.html.mustache": "<p>Bonjour {{contact.name}},</p><p>{{customer.name}}</p>",
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: templates.appendingPathComponent(name))
        }
        var configuration = OutboundConfiguration(
            smtp: .init(host: "127.0.0.1", port: smtpPort, security: SMTPServerConfiguration.Security.none, username: nil,
                        passwordFile: nil, passwordEnv: nil, auth: nil, timeoutSeconds: 5, caFile: nil,
                        insecureSkipVerify: nil),
            from: .init(name: "Acme Collections", address: "collections@acme.example"), envelopeFrom: nil,
            capture: .init(pattern: "replies+{token}@acme.example", header: .replyTo),
            messageIdDomain: "acme.example", templates: directory.appendingPathComponent("templates").path,
            attachments: nil, pageLink: "https://pay.acme.example/{customer}", ratePerSecond: nil, batchSize: 50,
            sms: nil, letters: nil, retry: .init(maxAttempts: 3, delaysSeconds: [0]), defaultLanguage: "en",
            utcOffsetSeconds: 0)
        extra(&configuration)
        let configPath = directory.appendingPathComponent("outbound.json").path
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(configuration).write(to: URL(fileURLWithPath: configPath))
        return OutboundFixture(directory: directory, storePath: storePath, configPath: configPath, store: store,
                               configuration: configuration, count: count)
    }

    /// A service over this fixture's store and configuration.
    func service(owner: String = "test") throws -> OutboundService {
        OutboundService(store: store, configuration: configuration,
                        templates: OutboundTemplates(directory: configuration.templates),
                        channels: try SendCommand.channels(configuration), owner: ClaimOwner(owner))
    }

    /// Every action of the store, by status.
    func actionsByStatus() async throws -> [ActionStatus: [Action]] {
        var out: [ActionStatus: [Action]] = [:]
        for id in 1...Int64(count) {
            let action = try #require(try await store.action(ActionID(id)))
            out[action.status, default: []].append(action)
        }
        return out
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

