import AgendaStore
import FeedbackClassifier
import MailIngest

/// What in a message can tie it to a customer, gathered before any store lookup (DESIGN.md, "Reply capture"), in the
/// order the rules use them. Pure: an analysed message in, values out.
struct CorrelationClues: Sendable, Hashable {
    /// Capture tokens (``CaptureToken``) of the To, Cc and Delivered-To addresses, in that order, each once.
    var captureTokens: [String] = []
    /// Message-IDs this message answers: In-Reply-To, then References newest first (RFC 5322 section 3.6.4); for a
    /// bounce, the bounced email's Message-ID first.
    var referencedMessageIDs: [String] = []
    /// The sender's address; for a bounce, the failed recipients (its From is the mailer daemon).
    var addresses: [String] = []
    /// The domains of `addresses`, lower-cased, without public mail providers (``FreemailDomains``).
    var domains: [String] = []
    /// Invoice references found in the subject and text (``InvoiceReferences``), as written.
    var itemReferences: [String] = []

    init(captureTokens: [String] = [], referencedMessageIDs: [String] = [], addresses: [String] = [],
         domains: [String] = [], itemReferences: [String] = []) {
        self.captureTokens = captureTokens
        self.referencedMessageIDs = referencedMessageIDs
        self.addresses = addresses
        self.domains = domains
        self.itemReferences = itemReferences
    }

    /// The clues of an analysed message. `withText` false leaves out the item references (a message whose body was
    /// not read).
    init(_ analysis: MailIngest.MessageAnalysis, withText: Bool = true, freemail: Set<String> = FreemailDomains.all) {
        guard let message = analysis.message else { return }
        let recipients = message.to.map(\.address) + message.cc.map(\.address) + message.deliveredTo
        captureTokens = Self.unique(recipients.compactMap(CaptureToken.token(inAddress:)))

        var referenced = message.inReplyTo + message.references.reversed()
        if let original = analysis.detection.bounce?.originalMessageID { referenced.insert(original, at: 0) }
        referencedMessageIDs = Self.unique(referenced)

        if analysis.kind == .bounce || analysis.kind == .feedbackReport {
            addresses = Self.unique((analysis.detection.bounce?.recipients ?? []).map(\.address).filter { $0.contains("@") })
        } else if let from = analysis.sender?.address, from.contains("@") {
            addresses = [from]
        }
        domains = Self.unique(addresses.compactMap(Self.domain).filter { !freemail.contains($0) })

        if withText { itemReferences = Self.itemReferences(in: analysis) }
    }

    /// The invoice references of the subject, the visible text and the quoted text, each once. The costliest clue
    /// (a scan of the whole text): the pipeline asks for it only when the earlier rules found nothing.
    static func itemReferences(in analysis: MailIngest.MessageAnalysis) -> [String] {
        guard let message = analysis.message else { return [] }
        let text = [message.subject ?? "", analysis.reply.visible, analysis.reply.quoted].joined(separator: "\n")
        return unique(InvoiceReferences.find(in: text, openItems: []).map(\.number))
    }

    /// The lower-cased domain of an address, or nil.
    static func domain(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return domain.isEmpty || !domain.contains(".") ? nil : domain
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}
