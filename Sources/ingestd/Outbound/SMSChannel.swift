import AgendaStore
import AsyncHTTPClient
import Foundation
import Mustache
import NIOCore
import NIOHTTP1

/// SMS through a configurable HTTP gateway: POST of a JSON object whose string values are Mustache templates over
/// `phone`, `text`, `action` and `customer` (rendered as text, then JSON-encoded, so any character is safe), with an
/// optional credential header. 2xx is sent (the id is read from an `id` or `message_id` field when present), 429 and
/// 5xx are temporary, other 4xx refuse the number (`address_rejected` with the status).
///
/// The request goes through AsyncHTTPClient (SwiftNIO, TLS verified against the system's CAs) rather than
/// Foundation's URLSession: FoundationNetworking brings libcurl and some twenty libraries of its own, which every
/// `ingestd` command loaded and bound at start (about 11 ms a start here).
struct SMSChannel: OutboundChannel {
    let configuration: OutboundConfiguration.SMS
    let credential: String?

    /// The gateway's answer is read up to this size; an id is all that is wanted of it.
    static let maxResponseBytes = 1 << 20

    func deliver(_ action: RenderedAction) async -> DeliveryResult {
        guard case .phone(let phone) = action.destination else {
            return .rejected(.contactHasNoPhone, reply: "no phone number")
        }
        guard let url = URL(string: configuration.url), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            return .temporary(reply: "bad gateway URL")
        }
        let values: [String: Any] = ["phone": phone, "text": action.content.text,
                                     "action": String(action.claim.id.rawValue), "customer": action.customerKey]
        var body: [String: String] = [:]
        do {
            for (key, template) in configuration.bodyTemplate {
                body[key] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template).render(values)
            }
        } catch {
            return .temporary(reply: "bad SMS body template")
        }
        guard let json = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
            return .temporary(reply: "bad SMS body template")
        }
        var request = HTTPClientRequest(url: configuration.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let header = configuration.authHeader, let credential { request.headers.add(name: header, value: credential) }
        request.body = .bytes(ByteBuffer(bytes: json))
        let status: Int
        let answer: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request,
                                                               timeout: .seconds(Int64(configuration.timeoutSeconds ?? 30)))
            status = Int(response.status.code)
            answer = (try? await response.body.collect(upTo: Self.maxResponseBytes)) ?? ByteBuffer()
        } catch {
            return .temporary(reply: "gateway not reached")
        }
        switch status {
        case 200..<300:
            let json = (try? JSONSerialization.jsonObject(with: Data(answer.readableBytesView))) as? [String: Any]
            let id = (json?["id"] ?? json?["message_id"]).map { "\($0)" }
            return .sent(queueID: id, reply: "HTTP \(status)")
        case 429, 500..<600:
            return .temporary(reply: "HTTP \(status)")
        default:
            return .rejected(.addressRejected, reply: "HTTP \(status)")
        }
    }

    func finish() async {}
}
