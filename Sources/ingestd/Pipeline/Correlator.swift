import AgendaStore

/// Matches an inbound message to a customer and, where possible, to the action it answers (DESIGN.md, "Reply
/// capture"). The rules, first match wins:
/// 1. a capture token in To, Cc or Delivered-To (``CaptureToken``) names a customer (or an action);
/// 2. In-Reply-To or References (or a bounce's returned Message-ID) name a sent email;
/// 3. the sender's address is a contact's, of exactly one customer (for a bounce: the failed recipients);
/// 4. the sender's domain is that of contacts of exactly one customer (public mail providers skipped);
/// 5. the invoice numbers in the subject and text belong to exactly one customer.
///
/// Otherwise `.unmatched`: the message is stored all the same and waits in the unmatched queue. When a rule other
/// than 2 found the customer, the action still comes from rule 2 if the sent email is that customer's.
struct Correlator: Sendable {
    /// The outcome: the rule that matched, and the target.
    struct Match: Sendable, Hashable {
        var correlation: Correlation
        var target: CorrelationTarget?

        static let unmatched = Match(correlation: .unmatched, target: nil)
    }

    let store: any CorrelationStore

    func correlate(_ clues: CorrelationClues) async throws -> Match {
        let sent = try await store.resolveSentMessage(clues.referencedMessageIDs)
        func withAction(_ customer: CustomerID, action: ActionID? = nil) -> CorrelationTarget {
            CorrelationTarget(customer: customer, action: action ?? (sent?.customer == customer ? sent?.action : nil))
        }
        for token in clues.captureTokens {
            if let target = try await store.resolveCaptureToken(token) {
                return Match(correlation: .captureToken, target: withAction(target.customer, action: target.action))
            }
        }
        if let sent { return Match(correlation: .inReplyTo, target: sent) }
        var byAddress = Set<CustomerID>()
        for address in clues.addresses { byAddress.formUnion(try await store.customers(contactAddress: address)) }
        if byAddress.count == 1, let customer = byAddress.first {
            return Match(correlation: .senderAddress, target: withAction(customer))
        }
        // Ambiguous addresses (a contact shared by several customers) fall through to the weaker rules.
        var byDomain = Set<CustomerID>()
        for domain in clues.domains { byDomain.formUnion(try await store.customers(contactDomain: domain)) }
        if byDomain.count == 1, let customer = byDomain.first {
            return Match(correlation: .senderDomain, target: withAction(customer))
        }
        let owners = Set(try await store.itemOwners(clues.itemReferences).values)
        if owners.count == 1, let customer = owners.first {
            return Match(correlation: .itemNumber, target: withAction(customer))
        }
        return .unmatched
    }
}
