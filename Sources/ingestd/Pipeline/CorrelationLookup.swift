import AgendaStore
import Foundation

/// The store reads of correlation and classification (capture tokens, sent Message-IDs, contacts by address and
/// domain, item owners, a customer's items and last done email), remembered for the life of one value: the pipeline
/// makes one per batch, so the replies of one customer in a batch cost one lookup each instead of one per message.
/// A batch sees the store as it was when each value was first read; nothing the batch writes changes these reads.
/// Safe to share between the batch's concurrent tasks (a miss read twice at once is read twice, harmlessly).
final class CorrelationLookup: @unchecked Sendable {
    /// What was looked up.
    private enum Key: Hashable {
        case token(String)
        case sent([String])
        case address(String)
        case domain(String)
        case owner(String)
        case items(CustomerID)
        case lastDone(CustomerID, from: Day, through: Day)
    }

    /// A looked-up value; boxed so that a remembered nil differs from a miss.
    private struct Box { var value: any Sendable }

    let store: any PipelineStore
    private let lock = NSLock()
    private var values: [Key: Box] = [:]

    init(store: any PipelineStore) {
        self.store = store
    }

    func captureToken(_ token: String) async throws -> CorrelationTarget? {
        try await value(.token(token.lowercased())) { try await store.resolveCaptureToken(token) }
    }

    func sentMessage(_ ids: [String]) async throws -> CorrelationTarget? {
        guard !ids.isEmpty else { return nil }
        return try await value(.sent(ids)) { try await store.resolveSentMessage(ids) }
    }

    func customers(contactAddress address: String) async throws -> [CustomerID] {
        try await value(.address(address.lowercased())) { try await store.customers(contactAddress: address) }
    }

    func customers(contactDomain domain: String) async throws -> [CustomerID] {
        try await value(.domain(domain.lowercased())) { try await store.customers(contactDomain: domain) }
    }

    /// The distinct customers owning the items numbered `numbers`.
    func itemOwners(_ numbers: [String]) async throws -> Set<CustomerID> {
        var owners = Set<CustomerID>()
        for number in numbers {
            let owner: CustomerID? = try await value(.owner(number)) { try await store.itemOwners([number])[number] }
            if let owner { owners.insert(owner) }
        }
        return owners
    }

    func items(of customer: CustomerID) async throws -> [Item] {
        try await value(.items(customer)) { try await store.items(of: customer) }
    }

    func lastDoneEmail(of customer: CustomerID, from: Day, through: Day) async throws -> ActionID? {
        try await value(.lastDone(customer, from: from, through: through)) {
            try await store.lastDoneAction(of: customer, channel: .email, from: from, through: through)
        }
    }

    private func value<T: Sendable>(_ key: Key, _ load: () async throws -> T) async throws -> T {
        if let hit = lock.withLock({ values[key] }), let value = hit.value as? T { return value }
        let loaded = try await load()
        lock.withLock { values[key] = Box(value: loaded) }
        return loaded
    }
}
