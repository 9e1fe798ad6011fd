internal import Foundation

/// Undoes a Content-Transfer-Encoding (RFC 2045 §6) leniently: damaged input is decoded as far as it goes and
/// reported, an unknown encoding keeps the raw bytes and is reported.
enum TransferDecoding {
    /// What decoding produced.
    struct Result {
        var bytes: Data
        var defect: Defect.Code?
        /// The name from a uuencode `begin` line, if any.
        var filename: String? = nil
    }

    /// The normalised mechanism name: first token, lower-cased; `7bit` when absent or empty.
    static func mechanism(_ headerValue: String?) -> String {
        guard var headerValue else { return "7bit" }
        return headerValue.withUTF8 { utf8 in
            var end = 0
            while end < utf8.count {
                let byte = utf8[end]
                if byte == Bytes.space || byte == Bytes.tab || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") { break }
                end += 1
            }
            if end == 0 { return "7bit" }
            let token = UnsafeBufferPointer(rebasing: utf8[..<end])
            // The usual names come back as literals (no new string).
            for name in knownMechanisms where name.utf8.count == end {
                var literal = name
                if literal.withUTF8({ Bytes.asciiCaseInsensitiveEquals(token, $0) }) { return name }
            }
            return String(unsafeUninitializedCapacity: end) { out in
                for (index, byte) in token.enumerated() { out[index] = Bytes.lower(byte) }
                return end
            }
        }
    }

    /// The mechanisms of RFC 2045 §6.1 (lower case).
    private static let knownMechanisms = ["7bit", "8bit", "base64", "quoted-printable", "binary"]

    /// True for the identity encodings (RFC 2045 §6.2), whose bodies need no decoding.
    static func isIdentity(_ mechanism: String) -> Bool {
        mechanism == "7bit" || mechanism == "8bit" || mechanism == "binary"
    }

    /// Decodes `input` declared as `mechanism` (already normalised by ``mechanism(_:)``).
    static func decode(_ input: UnsafeBufferPointer<UInt8>, mechanism: String) -> Result {
        switch mechanism {
        case "7bit", "8bit", "binary":
            return Result(bytes: Data(buffer: input))
        case "base64":
            let (bytes, valid) = Base64Decoding.decode(input)
            return Result(bytes: bytes, defect: valid ? nil : .invalidBase64)
        case "quoted-printable":
            let (bytes, valid) = QuotedPrintableDecoding.decode(input)
            return Result(bytes: bytes, defect: valid ? nil : .invalidQuotedPrintable)
        case "x-uuencode", "uuencode", "x-uue":
            guard let (bytes, filename, valid) = UUDecoding.decode(input) else {
                return Result(bytes: Data(buffer: input), defect: .unparsable)
            }
            return Result(bytes: Data(bytes), defect: valid ? nil : .unparsable, filename: filename)
        default:
            return Result(bytes: Data(buffer: input), defect: .unknownTransferEncoding)
        }
    }
}
