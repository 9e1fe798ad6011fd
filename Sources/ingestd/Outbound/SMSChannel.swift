import AgendaStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Mustache

/// SMS through a configurable HTTP gateway: POST of a JSON object whose string values are Mustache templates over
/// `phone`, `text`, `action` and `customer` (rendered as text, then JSON-encoded, so any character is safe), with an
/// optional credential header. 2xx is sent (the id is read from an `id` or `message_id` field when present), 429 and
/// 5xx are temporary, other 4xx refuse the number (`address_rejected` with the status).
struct SMSChannel: OutboundChannel {
    let configuration: OutboundConfiguration.SMS
    let credential: String?

    func deliver(_ action: RenderedAction) async -> DeliveryResult {
        guard case .phone(let phone) = action.destination else {
            return .rejected(.contactHasNoPhone, reply: "no phone number")
        }
        guard let url = URL(string: configuration.url) else { return .temporary(reply: "bad gateway URL") }
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
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = TimeInterval(configuration.timeoutSeconds ?? 30)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let header = configuration.authHeader, let credential { request.setValue(credential, forHTTPHeaderField: header) }
        request.httpBody = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            return .temporary(reply: "gateway not reached")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        switch status {
        case 200..<300:
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            let id = (json?["id"] ?? json?["message_id"]).map { "\($0)" }
            return .sent(queueID: id, reply: "HTTP \(status)")
        case 429, 500..<600, 0:
            return .temporary(reply: "HTTP \(status)")
        default:
            return .rejected(.addressRejected, reply: "HTTP \(status)")
        }
    }

    func finish() async {}
}
