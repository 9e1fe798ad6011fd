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
    /// The message's kind, with the bounce or auto-reply details (``KindDetector``).
    public var detection: MessageDetection
    /// The customer's new words, the quoted history and the signature (``ReplyExtractor``).
    public var reply: ExtractedReply
    /// Parse and decode defects, in the order seen.
    public var defects: [Defect]
    /// The first From address (RFC 5322 section 3.6.2), parsed once: `message.from` parses the field on every read.
    public var sender: MailAddress?

    /// The message's kind.
    public var kind: Kind { detection.kind }

    public init(message: ParsedMessage?, body: BodyChoice, detection: MessageDetection, reply: ExtractedReply,
                defects: [Defect], sender: MailAddress? = nil) {
        self.message = message
        self.sender = sender ?? message?.from
        self.body = body
        self.detection = detection
        self.reply = reply
        self.defects = defects
    }
}

/// Runs MIME analysis, body choice, kind detection (bounce, feedback report, auto-reply) and reply extraction on raw
/// input. Pure: bytes in, value out.
public struct MessageAnalyzer: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .default) { self.limits = limits }

    /// Analyses `bytes` given in `format`.
    public func analyze(_ bytes: Data, format: MessageAnalysis.InputFormat = .eml) -> MessageAnalysis {
        switch format {
        case .eml:
            let message = MessageParser(limits: limits).parse(bytes)
            let body = BodyChooser(limits: limits).choose(message)
            let sender = message.from
            let reply = ReplyExtractor.extract(body.body, hints: ReplyHints(senderName: sender?.name))
            return MessageAnalysis(message: message, body: body, detection: KindDetector().detect(message), reply: reply,
                                   defects: message.defects + body.defects, sender: sender)
        case .text, .html:
            let leaf = MIMEPart(path: "1", headers: HeaderFields(),
                                contentType: ContentType(type: "text", subtype: format == .html ? "html" : "plain"),
                                body: .leaf(bytes.prefix(limits.maxMessageBytes)))
            var body = BodyChooser(limits: limits).choose(leaf)
            if bytes.count > limits.maxMessageBytes { body.defects.insert(Defect(.messageTooLarge), at: 0) }
            let reply = ReplyExtractor.extract(body.body)
            return MessageAnalysis(message: nil, body: body, detection: KindDetector().detect(body: body.body.text),
                                   reply: reply, defects: body.defects)
        }
    }

    /// Parse and kind detection only, without body choice or reply extraction: what filing a raw message needs
    /// (its kind, Message-ID, sender and subject) at a fraction of ``analyze(_:format:)``'s cost.
    public func detect(_ bytes: Data) -> DetectedMessage {
        let message = MessageParser(limits: limits).parse(bytes)
        return DetectedMessage(message: message, detection: KindDetector().detect(message), sender: message.from)
    }
}

/// A parsed message and its kind, without the reading of its body (``MessageAnalyzer/detect(_:)``).
public struct DetectedMessage: Sendable {
    /// The parsed message.
    public var message: ParsedMessage
    /// Its kind, with the bounce or auto-reply details.
    public var detection: MessageDetection
    /// The first From address.
    public var sender: MailAddress?
}
