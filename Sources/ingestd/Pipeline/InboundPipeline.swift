import AgendaStore
import FeedbackClassifier
import Foundation
import MailIngest

/// The real ``InboundSink``: every mail source hands its messages here. Steps, for each message:
/// 1. size check: over ``ParseLimits/maxMessageBytes`` only the header block is read and the message is quarantined
///    (`too_large`);
/// 2. MIME analysis, kind detection and reply extraction (``MessageAnalyzer``); a message that is empty, not a
///    message at all, or over another parse limit is quarantined with the reason (``QuarantineReason``);
/// 3. correlation to a customer and action (``Correlator``);
/// 4. for replies and comments, the classifier (``ReplyReading``) with the customer's open items as context, giving
///    the summary, intent and one proposal per item;
/// 5. one store transaction (``CorrelationStore/storeInbound(_:analysis:bounce:)``): raw bytes, parsed fields,
///    analysis, proposals, bounce recipients and, for a mailbox source, the sync cursor.
///
/// Nothing is lost: whatever fails before step 5 stores the message anyway, quarantined and without analysis; only a
/// failure of the store itself is thrown (the source then keeps the message and retries). The same bytes (or the
/// same mailbox position) twice are stored once.
struct InboundPipeline: InboundSink {
    /// What the pipeline does besides its fixed steps.
    struct Configuration: Sendable {
        /// Parse limits; a message over `maxMessageBytes` is quarantined as `too_large`.
        var limits = ParseLimits.default
        /// The classifier; nil stores replies without classification.
        var interpreter: ReplyInterpreter?
        /// The model version recorded with each analysis.
        var modelVersion: String?
        /// The instant relative dates in replies resolve against; nil: the message's Date field, else its arrival.
        var referenceDate: Date?
        /// Public mail providers, skipped by the sender-domain rule.
        var freemailDomains = FreemailDomains.all

        init(limits: ParseLimits = .default, interpreter: ReplyInterpreter? = nil, modelVersion: String? = nil,
             referenceDate: Date? = nil) {
            self.limits = limits
            self.interpreter = interpreter
            self.modelVersion = modelVersion
            self.referenceDate = referenceDate
        }
    }

    /// What happened to one message (for summaries and tests).
    struct Outcome: Sendable, Hashable {
        var stored: StoredInbound
        var kind: MessageKind
        var correlation: Correlation
        var target: CorrelationTarget?
        var quarantine: QuarantineReason?
    }

    /// Kinds the classifier reads for the store (auto-replies and bounces are handled by rules).
    static let classifiedKinds: Set<MailIngest.MessageAnalysis.Kind> = [.reply, .comment]
    /// How much of a too-large message is searched for the end of its header block.
    static let headerScanBytes = 1 << 20

    let store: any PipelineStore
    let configuration: Configuration

    init(store: any PipelineStore, configuration: Configuration = Configuration()) {
        self.store = store
        self.configuration = configuration
    }

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        try await process(raw: raw, source: source, receivedAt: receivedAt).stored
    }

    /// Runs every step for one message and stores it.
    func process(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> Outcome {
        var message = InboundMessage(raw: raw, source: source, kind: .other, receivedAt: receivedAt)
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
            message.fromAddress = parsed.from?.address
            message.subject = parsed.subject
        }

        var match = Correlator.Match.unmatched
        if readable {
            do {
                let clues = CorrelationClues(mail, withText: quarantine != .tooLarge,
                                             freemail: configuration.freemailDomains)
                match = try await Correlator(store: store).correlate(clues)
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
                                              receivedAt: receivedAt)
            } catch {
                quarantine = .classificationFailed
            }
        }
        message.quarantineReason = quarantine?.rawValue

        var bounce: BounceInput?
        if quarantine == nil, let report = mail.detection.bounce, mail.kind == .bounce {
            bounce = BounceInput(originalMessageID: report.originalMessageID, recipients: report.recipients.map {
                BounceRecipient(address: $0.address, status: $0.status, replyCode: $0.replyCode,
                                reason: $0.reason.rawValue, hard: $0.hard, diagnostic: $0.diagnostic)
            })
        }
        let stored = try await store.storeInbound(message, analysis: analysis, bounce: bounce)
        return Outcome(stored: stored, kind: message.kind, correlation: match.correlation, target: match.target,
                       quarantine: quarantine)
    }

    /// The classifier's reading for the store, with the matched customer's open items as context.
    private func classify(_ mail: MailIngest.MessageAnalysis, with interpreter: ReplyInterpreter,
                          customer: CustomerID?, receivedAt: Date) async throws -> AgendaAnalysis? {
        var openItems: [ReplyContext.OpenItem] = []
        var currencies: [String: String] = [:]
        if let customer {
            for item in try await store.items(of: customer) {
                guard let open = StoredReading.openItem(item) else { continue }
                openItems.append(open)
                currencies[item.number] = item.openAmount.currency
            }
        }
        let today = LocalDate(configuration.referenceDate ?? mail.message?.date ?? receivedAt)
        guard let reading = ReplyReading.interpret(mail, with: interpreter, today: today, language: nil,
                                                   openItems: openItems) else { return nil }
        return StoredReading.analysis(reading, visibleText: mail.reply.visible,
                                      modelVersion: configuration.modelVersion, currencies: currencies)
    }

    /// The header block of a message (up to and including the first empty line), searched in its first MiB.
    static func headerBlock(of raw: Data) -> Data {
        let window = raw.prefix(headerScanBytes)
        let ends = [Data("\r\n\r\n".utf8), Data("\n\n".utf8)].compactMap { window.range(of: $0)?.upperBound }
        guard let end = ends.min() else { return Data(window) }
        return Data(raw[raw.startIndex..<end])
    }
}
