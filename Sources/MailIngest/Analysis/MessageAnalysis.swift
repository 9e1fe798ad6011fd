public import Foundation

/// What MailIngest sees in one inbound message: the parsed tree, the chosen body and everything found so far.
public struct MessageAnalysis: Sendable {
    /// How the input was given.
    public enum InputFormat: String, Sendable, CaseIterable {
        /// A whole RFC 5322 message.
        case eml
        /// A bare plain-text body.
        case text
        /// A bare HTML body.
        case html
    }

    /// The inbound message kinds of DESIGN.md.
    public enum Kind: String, Sendable, CaseIterable {
        case reply, autoReply = "auto_reply", bounce, feedbackReport = "feedback_report", comment, other
    }

    /// The parsed message; nil for bare bodies.
    public var message: ParsedMessage?
    /// The body the customer wrote.
    public var body: BodyChoice
    /// The message's kind (`other` until detection decides).
    public var kind: Kind
    /// Parse and decode defects, in the order seen.
    public var defects: [Defect]

    public init(message: ParsedMessage?, body: BodyChoice, kind: Kind, defects: [Defect]) {
        self.message = message
        self.body = body
        self.kind = kind
        self.defects = defects
    }
}

/// Runs MIME analysis and body choice on raw input. Pure: bytes in, value out.
public struct MessageAnalyzer: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .default) { self.limits = limits }

    /// Analyses `bytes` given in `format`.
    public func analyze(_ bytes: Data, format: MessageAnalysis.InputFormat = .eml) -> MessageAnalysis {
        switch format {
        case .eml:
            let message = MessageParser(limits: limits).parse(bytes)
            let body = BodyChooser(limits: limits).choose(message)
            return MessageAnalysis(message: message, body: body, kind: .other,
                                   defects: message.defects + body.defects)
        case .text, .html:
            let leaf = MIMEPart(path: "1", headers: HeaderFields(),
                                contentType: ContentType(type: "text", subtype: format == .html ? "html" : "plain"),
                                body: .leaf(bytes.prefix(limits.maxMessageBytes)))
            var body = BodyChooser(limits: limits).choose(leaf)
            if bytes.count > limits.maxMessageBytes { body.defects.insert(Defect(.messageTooLarge), at: 0) }
            return MessageAnalysis(message: nil, body: body, kind: .other, defects: body.defects)
        }
    }
}
