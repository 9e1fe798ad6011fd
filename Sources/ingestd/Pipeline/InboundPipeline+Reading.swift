import AgendaStore
import FeedbackClassifier
import Foundation
import MailIngest

extension InboundPipeline {
    /// Steps 1 to 4 for one message: size check, analysis, quarantine reason, correlation, classification or
    /// auto-reply details. Never throws: a failed lookup quarantines the message instead.
    func prepare(_ delivery: InboundDelivery, lookup: CorrelationLookup) async -> Prepared {
        // With a live model, the caller should resolve it once per batch (``resolvingModel()``); else per message.
        guard configuration.live == nil else { return await resolvingModel().prepare(delivery, lookup: lookup) }
        let raw = delivery.raw
        var message = InboundMessage(raw: raw, source: delivery.source, kind: .other, receivedAt: delivery.receivedAt)
        var quarantine: QuarantineReason?
        let mail: MailIngest.MessageAnalysis
        if raw.count > configuration.limits.maxMessageBytes {
            quarantine = .tooLarge
            mail = MessageAnalyzer(limits: configuration.limits).analyze(Self.headerBlock(of: raw))
        } else {
            mail = MessageAnalyzer(limits: configuration.limits).analyze(raw)
            quarantine = QuarantineReason.of(mail, raw: raw)
        }
        // Bytes that are not a message (garbage, empty, a too-large blob without a header) keep kind `other` and
        // go unmatched: there is nothing to read a customer from.
        let readable = quarantine != .emptyMessage && QuarantineReason.isMessage(mail)
        if readable, let parsed = mail.message {
            message.kind = MessageKind(rawValue: mail.kind.rawValue) ?? .other
            message.messageID = parsed.messageID
            message.fromAddress = mail.sender?.address
            message.subject = parsed.subject
        }

        var match = Correlator.Match.unmatched
        if readable {
            do {
                // The item references (rule 5) are read only when the earlier rules found nothing.
                let clues = CorrelationClues(mail, withText: false, freemail: configuration.freemailDomains)
                let withText = quarantine != .tooLarge
                match = try await correlator(lookup).correlate(clues, receivedAt: delivery.receivedAt) {
                    withText ? CorrelationClues.itemReferences(in: mail) : []
                }
            } catch {
                quarantine = quarantine ?? .correlationFailed
            }
        }
        message.correlation = match.correlation
        message.customer = match.target?.customer
        message.action = match.target?.action

        var analysis: AgendaAnalysis?
        if quarantine == nil, let interpreter = configuration.interpreter, Self.classifiedKinds.contains(mail.kind) {
            do {
                analysis = try await classify(mail, with: interpreter, customer: match.target?.customer,
                                              receivedAt: delivery.receivedAt, lookup: lookup)
            } catch {
                quarantine = .classificationFailed
            }
        }
        message.quarantineReason = quarantine?.rawValue

        var entry = InboundBatchEntry(message: message, analysis: analysis)
        if quarantine == nil, let report = mail.detection.bounce, mail.kind == .bounce {
            entry.bounce = BounceInput(originalMessageID: report.originalMessageID, recipients: report.recipients.map {
                BounceRecipient(address: $0.address, status: $0.status, replyCode: $0.replyCode,
                                reason: $0.reason.rawValue, hard: $0.hard, diagnostic: $0.diagnostic)
            })
        }
        if readable, mail.kind == .autoReply, let info = mail.detection.autoReply {
            entry.autoReply = AutoReplyDetails(returnDate: info.returnDate.flatMap { Day(iso: $0) },
                                               redirectContact: info.redirectContact)
        }
        return Prepared(entry: entry, target: match.target, quarantine: quarantine)
    }

    /// The correlator with this pipeline's settings over a batch's lookups.
    func correlator(_ lookup: CorrelationLookup) -> Correlator {
        Correlator(lookup: lookup, freemail: configuration.freemailDomains,
                   actionWindowDays: configuration.actionWindowDays)
    }

    /// The classifier's reading for the store, with the matched customer's open items as context.
    private func classify(_ mail: MailIngest.MessageAnalysis, with interpreter: ReplyInterpreter,
                          customer: CustomerID?, receivedAt: Date,
                          lookup: CorrelationLookup) async throws -> AgendaAnalysis? {
        let context = try await openItems(of: customer, lookup: lookup)
        let today = LocalDate(configuration.referenceDate ?? mail.message?.date ?? receivedAt)
        guard let reading = ReplyReading.interpret(mail, with: interpreter, today: today, language: nil,
                                                   openItems: context.items) else { return nil }
        return StoredReading.analysis(reading, visibleText: mail.reply.visible,
                                      modelVersion: configuration.modelVersion, currencies: context.currencies)
    }

    /// A customer's open items as the classifier's context, with each item's currency.
    func openItems(of customer: CustomerID?, lookup: CorrelationLookup) async throws
        -> (items: [ReplyContext.OpenItem], currencies: [String: String]) {
        var openItems: [ReplyContext.OpenItem] = []
        var currencies: [String: String] = [:]
        guard let customer else { return ([], [:]) }
        for item in try await lookup.items(of: customer) {
            guard let open = StoredReading.openItem(item) else { continue }
            openItems.append(open)
            currencies[item.number] = item.openAmount.currency
        }
        return (openItems, currencies)
    }

    /// The header block of a message (up to and including the first empty line), searched in its first MiB.
    static func headerBlock(of raw: Data) -> Data {
        let window = raw.prefix(headerScanBytes)
        let ends = [Data("\r\n\r\n".utf8), Data("\n\n".utf8)].compactMap { window.range(of: $0)?.upperBound }
        guard let end = ends.min() else { return Data(window) }
        return Data(raw[raw.startIndex..<end])
    }
}
