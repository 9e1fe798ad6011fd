/// Something wrong with a message that parsing worked around. Defects are reported, never thrown.
public struct Defect: Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code such as `unknown_charset` or `limit_parts`.
    public var code: Code
    /// Where it was seen: a part path such as `1.2` or a header name. Never message text.
    public var location: String?

    public init(_ code: Code, at location: String? = nil) {
        self.code = code
        self.location = location
    }

    /// Codes of the defects the parser reports.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case messageTooLarge = "limit_message_size"
        case tooManyParts = "limit_parts"
        case tooDeep = "limit_depth"
        case tooManyHeaders = "limit_header_count"
        case headerTooLong = "limit_header_length"
        case lineTooLong = "limit_line_length"
        case decodedTooLarge = "limit_decoded_size"
        case malformedHeader = "malformed_header"
        case malformedEncodedWord = "malformed_encoded_word"
        case malformedAddress = "malformed_address"
        case malformedDate = "malformed_date"
        case missingBoundary = "missing_boundary"
        case unterminatedMultipart = "unterminated_multipart"
        case invalidBase64 = "invalid_base64"
        case invalidQuotedPrintable = "invalid_quoted_printable"
        case unknownTransferEncoding = "unknown_transfer_encoding"
        case unknownCharset = "unknown_charset"
        case invalidCharsetData = "invalid_charset_data"
        case unparsable = "unparsable"
        case emptyMessage = "empty_message"
    }

    /// `code` or `code@location`, as printed by `ingestd inspect`.
    public var description: String {
        location.map { "\(code.rawValue)@\($0)" } ?? code.rawValue
    }
}
