import AgendaStore
import Foundation

/// Matches an inbound message to a customer and, where possible, to the action it answers (DESIGN.md, "Reply
/// capture"). The rules, first match wins:
/// 1. a capture token in To, Cc or Delivered-To (``CaptureToken``) names a customer (or an action);
/// 2. In-Reply-To or References (or a bounce's returned Message-ID) name a sent email;
/// 3. the sender's address is a contact's, of exactly one customer (for a bounce: the failed recipients);
/// 4. the sender's domain is that of contacts of exactly one customer (public mail providers skipped); when no
///    contact has the sender's domain itself, its parent domains are tried, nearest first, while they are not public
///    mail domains (`mail.client.example` finds `client.example`);
/// 5. the invoice numbers in the subject and text belong to exactly one customer.
///
/// Otherwise `.unmatched`: the message is stored all the same and waits in the unmatched queue. When a rule other
/// than 2 found the customer, the action still comes from rule 2 if the sent email is that customer's; failing
/// that, rules 3 to 5 link the message to the customer's most recent done email action within ``actionWindowDays``
/// before its arrival (the email it most likely answers).
struct Correlator: Sendable {
    /// The outcome: the rule that matched, and the target.
    struct Match: Sendable, Hashable {
        var correlation: Correlation
        var target: CorrelationTarget?

        static let unmatched = Match(correlation: .unmatched, target: nil)
    }

    let lookup: CorrelationLookup
    /// Public mail providers: never a customer's domain, nor a parent domain tried by rule 4.
    var freemail: Set<String> = FreemailDomains.all
    /// How many days back rules 3 to 5 look for the customer's last done email action; 0 turns the link off.
    var actionWindowDays = 30

    /// The match of `clues` for a message that arrived at `receivedAt`. `itemReferences`, when given, replaces
    /// `clues.itemReferences` and is called only if rules 1 to 4 found nothing (the text scan is costly).
    func correlate(_ clues: CorrelationClues, receivedAt: Date, itemReferences: (() -> [String])? = nil) async throws
        -> Match {
        let sent = try await lookup.sentMessage(clues.referencedMessageIDs)
        for token in clues.captureTokens {
            if let target = try await lookup.captureToken(token) {
                let action = target.action ?? (sent?.customer == target.customer ? sent?.action : nil)
                return Match(correlation: .captureToken, target: CorrelationTarget(customer: target.customer, action: action))
            }
        }
        if let sent { return Match(correlation: .inReplyTo, target: sent) }
        func linked(_ correlation: Correlation, _ customer: CustomerID) async throws -> Match {
            Match(correlation: correlation, target: try await link(customer, sent: sent, receivedAt: receivedAt))
        }
        var byAddress = Set<CustomerID>()
        for address in clues.addresses { byAddress.formUnion(try await lookup.customers(contactAddress: address)) }
        if byAddress.count == 1, let customer = byAddress.first { return try await linked(.senderAddress, customer) }
        // Ambiguous addresses (a contact shared by several customers) fall through to the weaker rules.
        if let customer = try await domainOwner(clues.domains) { return try await linked(.senderDomain, customer) }
        let owners = try await lookup.itemOwners(itemReferences?() ?? clues.itemReferences)
        if owners.count == 1, let customer = owners.first { return try await linked(.itemNumber, customer) }
        return .unmatched
    }

    /// The one customer whose contacts have the senders' domains (rule 4); when none has them, the nearest parent
    /// domain that some contact has decides, if it is one customer's.
    func domainOwner(_ domains: [String]) async throws -> CustomerID? {
        var exact = Set<CustomerID>()
        for domain in domains { exact.formUnion(try await lookup.customers(contactDomain: domain)) }
        if !exact.isEmpty { return exact.count == 1 ? exact.first : nil }
        var byParent = Set<CustomerID>()
        for domain in domains {
            for parent in parentDomains(of: domain) {
                let owners = try await lookup.customers(contactDomain: parent)
                if !owners.isEmpty { byParent.formUnion(owners); break }
            }
        }
        return byParent.count == 1 ? byParent.first : nil
    }

    /// The parent domains of `domain` with at least two labels, nearest first; none when `domain` is a public mail
    /// domain or lies under one (`eu.mail.gmail.com` gives nothing).
    func parentDomains(of domain: String) -> [String] {
        let labels = domain.lowercased().split(separator: ".")
        guard labels.count > 2, !freemail.contains(domain.lowercased()) else { return [] }
        var parents: [String] = []
        for start in 1...(labels.count - 2) {
            let parent = labels[start...].joined(separator: ".")
            if freemail.contains(parent) { return [] }
            parents.append(parent)
        }
        return parents
    }

    /// The target of a customer found by rules 3 to 5: the action from rule 2 when the sent email is this
    /// customer's, else the customer's last done email action in the window.
    private func link(_ customer: CustomerID, sent: CorrelationTarget?, receivedAt: Date) async throws
        -> CorrelationTarget {
        if let sent, sent.customer == customer, let action = sent.action {
            return CorrelationTarget(customer: customer, action: action)
        }
        guard actionWindowDays > 0 else { return CorrelationTarget(customer: customer) }
        let day = Day(receivedAt)
        let action = try await lookup.lastDoneEmail(of: customer, from: day.adding(days: -actionWindowDays), through: day)
        return CorrelationTarget(customer: customer, action: action)
    }
}

extension Day {
    /// The UTC day of an instant.
    init(_ date: Date) {
        self.init(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
