import MailIngest
import Testing

@Suite("WaitPolicy")
struct WaitPolicyTests {
    @Test("IDLE when offered and allowed; re-IDLE well before RFC 2177's 29 minutes")
    func idle() {
        let policy = WaitPolicy(useIdle: true, pollInterval: .seconds(30), idleRefresh: .seconds(40 * 60))
        guard case .idle(let refresh) = policy.wait(capabilities: ["IMAP4REV1", "IDLE"]) else {
            Issue.record("expected IDLE"); return
        }
        #expect(refresh < WaitPolicy.idleLimit)
        #expect(refresh == .seconds(28 * 60))
        #expect(WaitPolicy().wait(capabilities: ["IDLE"]) == .idle(.seconds(25 * 60)))
    }

    @Test("Poll when the server lacks IDLE or IDLE is off",
          arguments: [(true, Set(["IMAP4REV1"])), (false, Set(["IDLE"]))])
    func poll(useIdle: Bool, capabilities: Set<String>) {
        let policy = WaitPolicy(useIdle: useIdle, pollInterval: .seconds(30))
        #expect(policy.wait(capabilities: capabilities) == .poll(.seconds(30)))
    }

    @Test("Degenerate intervals are raised to a floor")
    func floors() {
        #expect(WaitPolicy(useIdle: false, pollInterval: .zero).wait(capabilities: []) == .poll(.milliseconds(10)))
        #expect(WaitPolicy(idleRefresh: .zero).wait(capabilities: ["IDLE"]) == .idle(.seconds(1)))
    }
}
