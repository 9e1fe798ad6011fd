import Foundation

/// What the agenda would know about a message (DESIGN.md, "context file"): given to `inspect --context`.
struct InspectContext: Decodable, Sendable {
    /// One open item of the customer.
    struct OpenItem: Decodable, Sendable {
        var number: String
        var amount: String?
        var currency: String?
        var due: String?
    }

    /// The instant relative dates resolve against (ISO-8601); the message date or the clock when absent.
    var now: String?
    var customer: String?
    /// The customer's language when the agenda knows it.
    var language: String?
    var openItems: [OpenItem]?

    enum CodingKeys: String, CodingKey {
        case now, customer, language
        case openItems = "open_items"
    }

    /// Reads and validates a context file; the error says what is wrong and where.
    static func load(path: String) throws -> InspectContext {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InspectError("cannot read context file \(path): \(error.localizedDescription)")
        }
        do {
            let context = try JSONDecoder().decode(InspectContext.self, from: data)
            if let now = context.now, ISO8601DateFormatter().date(from: now) == nil {
                throw InspectError("context file \(path): \"now\" is not an ISO-8601 date-time")
            }
            return context
        } catch let error as InspectError {
            throw error
        } catch {
            throw InspectError("context file \(path) is not valid: \(error)")
        }
    }
}

/// An error of the inspect command, with a message meant for the person who ran it.
struct InspectError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
