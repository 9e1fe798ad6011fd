import Foundation
import TestServers
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AgendaStore
@testable import ingestd

/// SMS through an HTTP gateway (a tiny local HTTP listener that records requests and answers with a given status)
/// and letters into an outbox folder, each driven end to end by the service.
@Suite(.serialized) struct SMSAndLetterChannelTests {
    /// Answers every POST with `status` and a JSON id; keeps the request heads and bodies.
    final class Gateway: @unchecked Sendable {
        let fd: Int32
        let port: UInt16
        let status: Int
        private let lock = NSLock()
        private var requests: [(head: String, body: Data)] = []

        init(status: Int) throws {
            fd = try Loopback.listeningSocket(port: 0)
            port = try Loopback.localPort(of: fd)
            self.status = status
            Thread.detachNewThread { [self] in serve() }
        }

        var received: [(head: String, body: Data)] { lock.withLock { requests } }

        private func serve() {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                Loopback.setReceiveTimeout(client, seconds: 2)
                var buffer = Data()
                var chunk = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = recv(client, &chunk, chunk.count, 0)
                    if n <= 0 { break }
                    buffer.append(contentsOf: chunk[0..<n])
                    if let end = buffer.range(of: Data("\r\n\r\n".utf8)) {
                        let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                        let length = head.split(separator: "\r\n").compactMap { line -> Int? in
                            let parts = line.split(separator: ":", maxSplits: 1)
                            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                            return Int(parts[1].trimmingCharacters(in: .whitespaces))
                        }.first ?? 0
                        if buffer.count - end.upperBound >= length {
                            let body = buffer[end.upperBound..<(end.upperBound + length)]
                            lock.withLock { requests.append((head, Data(body))) }
                            break
                        }
                    }
                }
                let json = "{\"id\":\"sms-\(received.count)\"}"
                let response = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\nConnection: close\r\n\r\n\(json)"
                _ = Loopback.sendAll(client, Data(response.utf8))
                close(client)
            }
        }

        func stop() {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    static func smsConfiguration(port: UInt16) -> OutboundConfiguration.SMS {
        OutboundConfiguration.SMS(url: "http://127.0.0.1:\(port)/send", authHeader: "Authorization", authEnv: nil,
                                  authFile: nil, bodyTemplate: ["to": "{{phone}}", "message": "{{text}}",
                                                                "reference": "action-{{action}}"],
                                  timeoutSeconds: 5)
    }

    @Test func smsGoThroughTheGatewayWithTheRenderedTextAndCredential() async throws {
        let gateway = try Gateway(status: 200)
        defer { gateway.stop() }
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1, channel: .sms, extra: {
            $0.smtp = nil
            $0.sms = Self.smsConfiguration(port: gateway.port)
        })
        defer { fixture.remove() }
        var service = try fixture.service()
        service = OutboundService(store: service.store, configuration: service.configuration,
                                  templates: service.templates,
                                  channels: [.sms: SMSChannel(configuration: Self.smsConfiguration(port: gateway.port),
                                                              credential: "Bearer t0ken")],
                                  owner: service.owner)
        let report = try await service.runPass()
        #expect(report.sent == 2)
        let requests = gateway.received
        #expect(requests.count == 2)
        let first = try #require(requests.first)
        #expect(first.head.hasPrefix("POST /send") && first.head.contains("Authorization: Bearer t0ken"))
        let body = try #require(try JSONSerialization.jsonObject(with: first.body) as? [String: String])
        #expect(body["to"] == "+33100000")
        #expect(body["reference"] == "action-1")
        // The text template, not HTML-escaped, JSON-encoded by the channel.
        #expect(body["message"]?.contains("F-0 : 1250.50 EUR") == true)
        #expect(try await fixture.store.sendRecord(ActionID(1))?.queueID?.hasPrefix("sms-") == true)
    }

    @Test(arguments: [(400, ErrorCause.addressRejected), (503, nil)] as [(Int, ErrorCause?)])
    func gatewayRefusalsAreErrorsOrRetries(status: Int, cause: ErrorCause?) async throws {
        let gateway = try Gateway(status: status)
        defer { gateway.stop() }
        let fixture = try await OutboundFixture.make(count: 1, smtpPort: 1, channel: .sms, extra: {
            $0.smtp = nil
            $0.sms = Self.smsConfiguration(port: gateway.port)
            $0.retry = .init(maxAttempts: 5, delaysSeconds: [600])
        })
        defer { fixture.remove() }
        _ = try await fixture.service().runPass()
        let action = try #require(try await fixture.store.action(ActionID(1)))
        if let cause {
            #expect(action.status == .error && action.errorCause == cause && action.errorDetail == "HTTP \(status)")
        } else {
            #expect(action.status == .planned)
            #expect(try await fixture.store.sendRecord(ActionID(1))?.lastReply == "HTTP \(status)")
        }
    }

    @Test func lettersAreWrittenToTheOutboxWithTheAddressBlock() async throws {
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1, channel: .letter, extra: {
            $0.smtp = nil
            $0.letters = .init(outbox: outbox.path)
        })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.sent == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        #expect(files == ["action-1-C0.html", "action-2-C1.html"])
        let page = try String(contentsOf: outbox.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(page.contains("<address class=\"recipient\">Contact 0<br>\n0 rue X<br>\n75001 Paris</address>"))
        #expect(page.contains("Client n° 0 SARL"))
        #expect(try await fixture.store.action(ActionID(1))?.status == .done)
    }

    static let weasyPrintInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint")

    @Test(.enabled(if: weasyPrintInstalled, "needs WeasyPrint (Debian weasyprint)"))
    func lettersAreAlsoRenderedAsPDF() async throws {
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let fixture = try await OutboundFixture.make(count: 1, smtpPort: 1, channel: .letter, extra: {
            $0.smtp = nil
            $0.letters = .init(outbox: outbox.path, pdf: true)
        })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.sent == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        #expect(files == ["action-1-C0.html", "action-1-C0.pdf"], "no temporary file left behind")
        let pdf = try Data(contentsOf: outbox.appendingPathComponent("action-1-C0.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)) && pdf.count > 1000)
        #expect(String(decoding: pdf.suffix(64), as: UTF8.self).contains("%%EOF"))
        #expect(try await fixture.store.sendRecord(ActionID(1))?.queueID == "action-1-C0.pdf")
    }

    @Test func aFailingPDFRendererIsRetriedAndLeavesNoFile() async throws {
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let fixture = try await OutboundFixture.make(count: 1, smtpPort: 1, channel: .letter, extra: {
            $0.smtp = nil
            $0.letters = .init(outbox: outbox.path, pdfCommand: ["false", "{html}", "{pdf}"])
            $0.retry = .init(maxAttempts: 5, delaysSeconds: [600])
        })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.sent == 0 && report.retried == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).isEmpty)
        #expect(try await fixture.store.sendRecord(ActionID(1))?.lastReply == "pdf renderer failed (exit 1)")
        #expect(try await fixture.store.action(ActionID(1))?.status == .planned)
    }
}
