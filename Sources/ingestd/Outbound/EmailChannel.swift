import AgendaStore
import Foundation
import MailIngest

/// Email over SMTP: builds the MIME message (Message-ID naming the action, capture address in Reply-To or Cc,
/// invoice PDFs attached when the attachments folder has them) and sends it through one reused connection.
/// The envelope carries ENVID `action-ID` and NOTIFY=FAILURE,DELAY so DSNs can be matched back (RFC 3461).
struct EmailChannel: OutboundChannel {
    let sender: SMTPSender
    let configuration: OutboundConfiguration
    let builder: MIMEBuilder

    init(sender: SMTPSender, configuration: OutboundConfiguration) {
        self.sender = sender
        self.configuration = configuration
        builder = MIMEBuilder(secondsFromGMT: configuration.utcOffsetSeconds ?? 0)
    }

    /// The message and envelope for an action (pure apart from reading attachment files).
    func compose(_ action: RenderedAction, date: Date) throws -> (Data, SMTPEnvelope) {
        guard case .email(let address, let name) = action.destination else {
            throw CommandError("action \(action.claim.id) has no email destination")
        }
        let capture = CaptureAddress(pattern: configuration.capture.pattern)
            .address(token: action.claim.captureToken, customer: String(action.claim.customer.rawValue))
        let captureMailbox = capture.map { [MailAddress(address: $0)] } ?? []
        let toCc = configuration.capture.header == .cc
        var attachments: [OutgoingMessage.Attachment] = []
        if let folder = configuration.attachments {
            for number in action.itemNumbers {
                let safe = number.filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
                let path = URL(fileURLWithPath: folder).appendingPathComponent("\(safe).pdf")
                if let data = FileManager.default.contents(atPath: path.path) {
                    attachments.append(.init(filename: "\(safe).pdf", mimeType: "application/pdf", data: data))
                }
            }
        }
        let message = OutgoingMessage(
            from: MailAddress(name: configuration.from.name, address: configuration.from.address),
            to: [MailAddress(name: name, address: address)], cc: toCc ? captureMailbox : [],
            replyTo: toCc ? [] : captureMailbox, subject: action.content.subject, date: date,
            messageID: action.claim.messageID, text: action.content.text, html: action.content.html,
            attachments: attachments)
        let data = try builder.build(message)
        var recipients = [address]
        if toCc, let capture { recipients.append(capture) }
        let envelope = SMTPEnvelope(from: configuration.envelopeFrom ?? configuration.from.address,
                                    recipients: recipients, envelopeID: "action-\(action.claim.id.rawValue)")
        return (data, envelope)
    }

    func deliver(_ action: RenderedAction) async -> DeliveryResult {
        let data: Data
        let envelope: SMTPEnvelope
        do {
            (data, envelope) = try compose(action, date: Date())
        } catch let error as MIMEBuildError where error.code == .invalidAddress && error.field == "To" {
            return .rejected(.addressRejected, reply: "invalid address syntax")
        } catch {
            return .temporary(reply: "message not built: \(error)")
        }
        switch await sender.send(data, envelope: envelope) {
        case .success(.accepted(let reply)):
            return .sent(queueID: reply.queueID, reply: reply.description)
        case .success(.rejected(let stage, let reply)):
            // 5xx at MAIL FROM is our side (sender refused): retrying will not help either, but it is not the
            // customer's address; keep it temporary so an operator fixes the configuration.
            if stage == .mail { return .temporary(reply: reply.description) }
            return .rejected(.addressRejected, reply: reply.description)
        case .success(.deferred(_, let reply)):
            return .temporary(reply: reply.description)
        case .failure(let error):
            if error.isUncertain { return .uncertain(reason: error.description) }
            return .temporary(reply: error.reply?.description ?? error.description)
        }
    }

    func finish() async { await sender.close() }
}
