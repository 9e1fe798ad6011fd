import AgendaStore
import Foundation
import MailIngest

/// The outbound configuration file (JSON, snake_case keys), e.g.
/// ```json
/// {"smtp": {"host": "smtp.acme.example", "port": 587, "security": "starttls", "username": "collections",
///           "password_file": "/run/secrets/smtp"},
///  "from": {"name": "Acme Collections", "address": "collections@acme.example"},
///  "capture": {"pattern": "replies+{token}@acme.example", "header": "reply_to"},
///  "message_id_domain": "acme.example", "templates": "templates", "page_link": "https://pay.acme.example/{customer}",
///  "rate_per_second": 10}
/// ```
/// Secrets are never in the file itself: `password_file` or `password_env` (and the same for the SMS token).
struct OutboundConfiguration: Codable, Sendable {
    /// SMTP server.
    struct SMTP: Codable, Sendable {
        var host: String
        var port: Int
        /// `none`, `starttls` (default) or `tls`.
        var security: SMTPServerConfiguration.Security?
        var username: String?
        /// A file holding the password (first line).
        var passwordFile: String?
        /// An environment variable holding the password.
        var passwordEnv: String?
        /// `PLAIN` (default) or `LOGIN`.
        var auth: SMTPServerConfiguration.AuthMechanism?
        /// Timeout of each step, seconds (default 30).
        var timeoutSeconds: Int?
        /// A CA file for the certificate check (default: the system's).
        var caFile: String?
        /// Accept any certificate (tests against a local server only).
        var insecureSkipVerify: Bool?
        /// Send MAIL, RCPT and DATA in one write when the server announces PIPELINING (RFC 2920; default true).
        var pipelining: Bool?
    }

    /// A mailbox.
    struct Mailbox: Codable, Sendable {
        var name: String?
        var address: String
    }

    /// Reply capture (DESIGN.md): the per-customer address and the header that carries it.
    struct Capture: Codable, Sendable {
        /// e.g. `replies+{token}@acme.example`.
        var pattern: String
        /// `reply_to` (default) or `cc`.
        var header: Header?

        enum Header: String, Codable, Sendable {
            case replyTo = "reply_to"
            case cc
        }
    }

    /// SMS through an HTTP gateway.
    struct SMS: Codable, Sendable {
        /// POST target.
        var url: String
        /// Header name for the credential, e.g. `Authorization`.
        var authHeader: String?
        /// Credential value from an environment variable (e.g. `Bearer ...`).
        var authEnv: String?
        /// Credential value from a file.
        var authFile: String?
        /// JSON object whose string values are Mustache templates over `phone`, `text`, `action`, `customer`.
        var bodyTemplate: [String: String]
        /// Timeout, seconds (default 30).
        var timeoutSeconds: Int?
    }

    /// Letters written to an outbox folder for a print provider.
    struct Letters: Codable, Sendable {
        var outbox: String
        /// Also render each letter as PDF with WeasyPrint (Debian `weasyprint`), or with `pdf_command`.
        var pdf: Bool?
        /// The renderer's arguments, `{html}` and `{pdf}` standing for the input and output files.
        var pdfCommand: [String]?
    }

    /// Retry of temporary failures.
    struct Retry: Codable, Sendable {
        var maxAttempts: Int?
        var delaysSeconds: [Double]?
    }

    var smtp: SMTP?
    var from: Mailbox
    /// MAIL FROM (where DSNs go); default `from.address`.
    var envelopeFrom: String?
    var capture: Capture
    var messageIdDomain: String
    /// Templates folder: `<template>/<lang>.subject.mustache`, `.text.mustache`, `.html.mustache`.
    var templates: String
    /// Folder of invoice PDFs named `<item number>.pdf`, attached when present.
    var attachments: String?
    /// The customer's interactive page, with `{customer}` for the customer's key.
    var pageLink: String?
    /// Most messages per second to the SMTP server (default: no limit).
    var ratePerSecond: Double?
    /// Actions claimed per batch (default 100).
    var batchSize: Int?
    var sms: SMS?
    var letters: Letters?
    var retry: Retry?
    /// Language of templates when the customer's is missing (default `en`).
    var defaultLanguage: String?
    /// Team's offset from UTC in seconds (dates in headers, "today").
    var utcOffsetSeconds: Int?
    /// Hold automatic sends to a customer whose reply or comment waits for a collector's review (default true).
    var pauseOnUnreviewedReply: Bool?
    /// The SMTP server's mail log (Postfix `maillog`), when this node can read it: actions left "to verify" by a
    /// crash are closed as `done` when the log shows the server queued their Message-ID.
    var serverLog: String?
    /// Only claims older than this are judged from the log (default 1800 s): longer than any pass takes, so an
    /// action another scheduler is still sending is never judged unsent.
    var serverLogGraceSeconds: Double?

    /// Reads a configuration file.
    static func load(path: String) throws -> OutboundConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("cannot read outbound configuration \(path)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(OutboundConfiguration.self, from: data)
        } catch {
            throw CommandError("cannot read outbound configuration \(path): \(error)")
        }
    }

    /// The SMTP server settings with the password resolved from its file or environment variable.
    func smtpServer(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SMTPServerConfiguration? {
        guard let smtp else { return nil }
        let password: String?
        do {
            password = try SecretSource.read(file: smtp.passwordFile, env: smtp.passwordEnv, environment: environment)
        } catch {
            throw CommandError("smtp: \(error.describe("password"))")
        }
        var server = SMTPServerConfiguration(host: smtp.host, port: smtp.port, security: smtp.security ?? .startTLS,
                                             username: smtp.username, password: password,
                                             authMechanism: smtp.auth ?? .plain, timeout: smtp.timeoutSeconds ?? 30)
        server.pipelining = smtp.pipelining ?? true
        return server
    }

    /// The retry policy.
    var retryPolicy: RetryPolicy {
        RetryPolicy(maxAttempts: retry?.maxAttempts ?? 5, delays: retry?.delaysSeconds ?? [300, 900, 3600, 14_400])
    }
}
