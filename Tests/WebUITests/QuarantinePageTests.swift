import AgendaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import WebUI

/// `/operator/quarantine`: the reasons, the raw bytes as a download, release and discard.
@Suite struct QuarantinePageTests {
    @Test func listsReasonsEscapedAndNewestFirst() async throws {
        let fixture = try await OperatorFixture.make()
        let older = try await fixture.quarantined(uid: 1, reason: "too_large")
        let newer = try await fixture.quarantined(uid: 2, reason: "mystery_code")
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let page = try await olga.get("/operator/quarantine").text
            let first = try #require(page.range(of: "<tr><td>\(newer.rawValue)</td>"))
            let second = try #require(page.range(of: "<tr><td>\(older.rawValue)</td>"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(page.contains("<code>too_large</code> <span class=\"muted\">Larger than the message size limit"))
            #expect(page.contains("<code>mystery_code</code></td>"), "an unknown code is shown as it is")
            #expect(page.contains("collections/INBOX UID 2"))
            #expect(page.contains("&lt;img src=x onerror=alert(9)&gt;") && !page.contains("<img"))
            #expect(!page.contains("<script>raw"), "the raw bytes are never in the page")
        }
    }

    @Test func theRawMessageIsADownloadOfTheBytesAsStored() async throws {
        let fixture = try await OperatorFixture.make()
        let raw = "From: x\r\nSubject: y\r\n\r\n<html><script>alert(1)</script>"
        let message = try await fixture.quarantined(uid: 3, raw: raw)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let response = try await olga.get("/operator/quarantine/\(message.rawValue)/raw")
            #expect(response.status == .ok)
            #expect(response.text == raw)
            #expect(response.headers[.contentType] == "application/octet-stream")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"message-\(message.rawValue).eml\"")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            // Messages that are not quarantined are not served here.
            #expect(try await olga.get("/operator/quarantine/\(fixture.base.acmeReply.rawValue)/raw").status == .notFound)
            #expect(try await olga.get("/operator/quarantine/999999/raw").status == .notFound)
        }
    }

    @Test(arguments: QuarantineDisposition.allCases)
    func releaseOrDiscardTakesTheMessageOutOfTheQueueOnce(disposition: QuarantineDisposition) async throws {
        let fixture = try await OperatorFixture.make()
        let message = try await fixture.quarantined(uid: 4)
        let other = try await fixture.quarantined(uid: 5)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let path = "/operator/quarantine/\(message.rawValue)"
            #expect(try await olga.post(path, ["disposition": "burn"]).status == .badRequest)
            let done = try await olga.post(path, ["disposition": disposition.rawValue])
            #expect(done.status == .seeOther && done.headers[.location] == "/operator/quarantine?done=\(disposition.rawValue)")
            let page = try await olga.get("/operator/quarantine?done=\(disposition.rawValue)").text
            #expect(page.contains("Message \(disposition.rawValue)."))
            #expect(!page.contains("<tr><td>\(message.rawValue)</td>") && page.contains("<tr><td>\(other.rawValue)</td>"))
            #expect(try await olga.post(path, ["disposition": disposition.rawValue]).status == .notFound, "only once")
            #expect(try await olga.post("/operator/quarantine/\(fixture.base.acmeReply.rawValue)",
                                        ["disposition": "released"]).status == .notFound, "not quarantined")
            #expect(try await fixture.store.rawMessage(message) != nil, "the bytes stay")
        }
    }
}

/// Reading a quarantined message again through the daemon's pipeline.
@Suite struct QuarantineReprocessTests {
    @Test func readingAgainReplacesTheMessageOrSaysItIsStillQuarantined() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        let fixed = try await fixture.quarantined(uid: 6, reason: "correlation_failed")
        let stuck = try await fixture.quarantined(uid: 7, reason: "limit_parts")
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.get("/operator/quarantine").text
                .contains("action=\"/operator/quarantine/\(fixed.rawValue)/reprocess\""))
            let done = try await olga.post("/operator/quarantine/\(fixed.rawValue)/reprocess", [:])
            let location = try #require(done.headers[.location])
            #expect(done.status == .seeOther && location.hasPrefix("/operator/quarantine?reprocessed="))
            let newID = try #require(Int64(location.dropFirst("/operator/quarantine?reprocessed=".count)))
            #expect(try await olga.get(location).text.contains("Read again and stored as message \(newID)."))
            #expect(try await fixture.store.inboundDetail(InboundMessageID(newID))?.quarantineReason == nil)
            #expect(try await fixture.store.inboundDetail(fixed) == nil, "the old row is replaced")
            let again = try await olga.post("/operator/quarantine/\(stuck.rawValue)/reprocess", [:])
            let page = try await olga.get(try #require(again.headers[.location])).text
            #expect(page.contains("quarantined again: limit_parts."))
            #expect(try await fixture.store.quarantine(limit: 10).map(\.reason) == ["limit_parts"])
            // The replaced id is gone: reading it again is a 404.
            #expect(try await olga.post("/operator/quarantine/\(fixed.rawValue)/reprocess", [:]).status == .notFound)
            #expect(await services.reprocessed == [fixed, stuck])
        }
    }

    @Test func withoutTheDaemonThereIsNoReadAgain() async throws {
        let fixture = try await OperatorFixture.make(services: nil)
        let message = try await fixture.quarantined(uid: 8)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(!(try await olga.get("/operator/quarantine").text.contains("/reprocess")))
            #expect(try await olga.post("/operator/quarantine/\(message.rawValue)/reprocess", [:]).status
                    == .serviceUnavailable)
        }
    }
}
