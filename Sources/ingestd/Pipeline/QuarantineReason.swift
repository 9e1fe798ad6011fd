import Foundation
import MailIngest

/// Why a message was stored in quarantine: a code, never text (DESIGN.md, "Nothing is lost"). A quarantined message
/// keeps its raw bytes, kind, headers and correlation, but no classification; operators see it in the queue.
enum QuarantineReason: String, Sendable, CaseIterable {
    /// Over ``ParseLimits/maxMessageBytes``: only its header block was read.
    case tooLarge = "too_large"
    /// No bytes, or only white space.
    case emptyMessage = "empty_message"
    /// Not an RFC 5322 message: none of the fields every message has (From, Date, Message-ID, ...) was found.
    case unparsable
    /// More MIME parts than ``ParseLimits/maxParts``.
    case tooManyParts = "limit_parts"
    /// Nested deeper than ``ParseLimits/maxDepth``.
    case tooDeep = "limit_depth"
    /// More header fields than ``ParseLimits/maxHeaderCount``.
    case tooManyHeaders = "limit_header_count"
    /// A header field longer than ``ParseLimits/maxHeaderBytes``.
    case headerTooLong = "limit_header_length"
    /// A body line longer than ``ParseLimits/maxLineLength``.
    case lineTooLong = "limit_line_length"
    /// More decoded bytes than ``ParseLimits/maxDecodedBytes``.
    case decodedTooLarge = "limit_decoded_size"
    /// A store lookup failed while matching the message to a customer.
    case correlationFailed = "correlation_failed"
    /// Reading the customer's open items for the classifier failed.
    case classificationFailed = "classification_failed"

    /// Fields at least one of which every real message has (RFC 5322 section 3.6 and the trace fields).
    static let messageFields = ["From", "Sender", "Date", "Message-ID", "Subject", "To", "Received", "Return-Path",
                                "Delivered-To", "MIME-Version", "Content-Type"]

    /// The reason an analysed message goes to quarantine, or nil when it does not.
    static func of(_ analysis: MessageAnalysis, raw: Data) -> QuarantineReason? {
        if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) { return .emptyMessage }
        if let limit = analysis.defects.lazy.compactMap({ limitReason($0.code) }).first { return limit }
        return isMessage(analysis) ? nil : .unparsable
    }

    /// True when the analysed bytes have at least one of the ``messageFields``.
    static func isMessage(_ analysis: MessageAnalysis) -> Bool {
        guard let headers = analysis.message?.headers else { return false }
        return messageFields.contains { headers.contains($0) }
    }

    /// The reason of a limit defect, nil for other defects (repaired and noted, not quarantined).
    static func limitReason(_ code: Defect.Code) -> QuarantineReason? {
        switch code {
        case .messageTooLarge: .tooLarge
        case .tooManyParts: .tooManyParts
        case .tooDeep: .tooDeep
        case .tooManyHeaders: .tooManyHeaders
        case .headerTooLong: .headerTooLong
        case .lineTooLong: .lineTooLong
        case .decodedTooLarge: .decodedTooLarge
        default: nil
        }
    }
}
