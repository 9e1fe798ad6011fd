import Foundation
import Logging
import ServiceLifecycle
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// The outbound part of `serve`: no `outbound:` section, no scheduler; with one, a periodic pass sends the due
/// actions through the configured SMTP server and the bounce sweep runs beside it.
@Suite(.serialized) struct OutboundComponentTests {
    static func environment(_ yaml: String, store: SQLiteAgendaStore) throws -> DaemonEnvironment {
        DaemonEnvironment(configuration: try ConfigurationFile.parse(yaml, environment: [:]), store: store,
                          logger: Logger(label: "test"))
    }

    @Test func withoutASectionThereIsNoScheduler() async throws {
        let fixture = try await OutboundFixture.make(count: 1, smtpPort: 1)
        defer { fixture.remove() }
        let services = try await OutboundComponent.services(in: try Self.environment("{}", store: fixture.store))
        #expect(services.isEmpty)
        let bad = try Self.environment("outbound: {config: /nonexistent/outbound.json}", store: fixture.store)
        await #expect(throws: ConfigurationError.self) { try await OutboundComponent.services(in: bad) }
    }

    @Test(.timeLimit(.minutes(1)))
    func theSchedulerSendsDueActionsPeriodically() async throws {
        let postfix: PostfixServer
        do { postfix = try PostfixServer() } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: postfix.port)
        defer { fixture.remove() }
        let environment = try Self.environment("outbound:\n  config: \(fixture.configPath)\n  interval_seconds: 1\n",
                                               store: fixture.store)
        let services = try await OutboundComponent.services(in: environment)
        #expect(services.count == 1)
        let service = try #require(services.first)
        let running = Task { try await service.run() }
        defer { running.cancel() }
        // The first pass runs at once; wait for its three deliveries.
        #expect(await postfix.waitForSink(count: 3, timeout: 20).count == 3)
        let deadline = Date(timeIntervalSinceNow: 10)
        var done = 0
        while done < 3 && Date() < deadline {
            done = try await fixture.actionsByStatus()[.done]?.count ?? 0
            if done < 3 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(done == 3)
        running.cancel()
        try await running.value
    }
}
