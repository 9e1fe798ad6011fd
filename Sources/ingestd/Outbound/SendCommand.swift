import AgendaStore
import ArgumentParser
import Foundation
import MailIngest

/// `ingestd send`: one scheduler pass: claims the due automatic (and confirmed) actions, sends them by email, SMS or
/// letter, and records each result in the store. Prints one JSON object with the counts.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send the due outbound actions once (email, SMS, letters) and record the results."
    )

    @Option(help: "The agenda store (SQLite file).")
    var store: String

    @Option(help: "The outbound configuration (JSON).")
    var config: String

    @Flag(help: "Show what would be sent, without claiming, sending or recording anything.")
    var dryRun = false

    @Option(help: "Claim at most this many actions in this pass.")
    var limit: Int?

    @Option(help: "Name of this scheduler in claims (default host:pid:start).")
    var owner: String?

    func run() async throws {
        DescriptorLimit.keepUnderSelectLimit()
        let configuration = try OutboundConfiguration.load(path: config)
        let storePath = store
        let ownerName = owner ?? "\(ProcessInfo.processInfo.hostName):\(getpid()):\(Int(Date().timeIntervalSince1970))"
        let dryRun = dryRun
        let limit = limit
        let output = try await {
            let agenda = try SQLiteAgendaStore(path: storePath)
            let service = OutboundService(store: agenda, configuration: configuration,
                                          templates: OutboundTemplates(directory: configuration.templates,
                                                                       defaultLanguage: configuration.defaultLanguage ?? "en"),
                                          channels: try Self.channels(configuration), owner: ClaimOwner(ownerName))
            if dryRun { return try await service.dryRun().joined(separator: "\n") }
            let report = try await service.runPass(limit: limit)
            return Self.json(report)
        }()
        print(output)
    }

    /// The channels the configuration enables.
    static func channels(_ configuration: OutboundConfiguration) throws -> [Channel: any OutboundChannel] {
        var channels: [Channel: any OutboundChannel] = [:]
        if let server = try configuration.smtpServer() {
            let verifier: (any TLSPeerVerifying)?
            if server.security == .none || configuration.smtp?.insecureSkipVerify == true {
                verifier = nil
            } else {
                verifier = CertificateVerifier(trust: configuration.smtp?.caFile.map { .caFile($0) } ?? .system)
            }
            let sender = SMTPSender(configuration: server, verifier: verifier, maxPerSecond: configuration.ratePerSecond)
            channels[.email] = EmailChannel(sender: sender, configuration: configuration)
        }
        if let sms = configuration.sms {
            // A configured credential that cannot be read stops the pass instead of calling the gateway without it.
            let credential: String?
            do { credential = try SecretSource.read(file: sms.authFile, env: sms.authEnv) } catch {
                throw CommandError("sms: \(error.describe("auth"))")
            }
            channels[.sms] = SMSChannel(configuration: sms, credential: credential)
        }
        if let letters = configuration.letters {
            let pdf = letters.pdfCommand ?? (letters.pdf == true ? LetterChannel.weasyPrint : nil)
            channels[.letter] = LetterChannel(outbox: URL(fileURLWithPath: letters.outbox), pdfCommand: pdf)
        }
        return channels
    }

    /// The report as one JSON line, with p50/p95 of the send times in milliseconds instead of every duration.
    static func json(_ report: OutboundService.PassReport) -> String {
        let sorted = report.sendSeconds.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
            return (sorted[max(0, index)] * 1000 * 100).rounded() / 100
        }
        let object: [String: Any] = [
            "claimed": report.claimed, "sent": report.sent, "rejected": report.rejected, "retried": report.retried,
            "gave_up": report.gaveUp, "failed_before_send": report.failedBeforeSend, "held": report.held,
            "uncertain": report.uncertain, "to_verify": report.toVerify,
            "verified_sent": report.verifiedSent, "verified_not_sent": report.verifiedNotSent,
            "send_ms_p50": percentile(0.5), "send_ms_p95": percentile(0.95),
            "send_seconds_total": (report.sendSeconds.reduce(0, +) * 1000).rounded() / 1000,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
