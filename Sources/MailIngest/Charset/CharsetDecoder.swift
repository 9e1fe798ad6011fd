public import Foundation

/// Converts bytes in a declared charset (RFC 2045 §5.1, RFC 2046 §4.1.2) to a Swift string.
///
/// Labels are resolved through ``Charset/resolve(_:)`` (aliases seen in the wild, WHATWG substitutions such as
/// ISO-8859-1 read as Windows-1252). Pure ASCII, UTF-8 and the Latin-1 family are decoded in Swift; every other
/// charset goes through glibc's iconv with a descriptor opened per call (no shared mutable state).
public enum CharsetDecoder {
    /// Decodes `data` as `charset` (nil means US-ASCII, read leniently as UTF-8 then Windows-1252). An unknown charset
    /// or bytes invalid in it are decoded with U+FFFD replacement and reported in `defects`; never an error.
    public static func decode(_ data: Data, charset: String?) -> (text: String, defects: [Defect.Code]) {
        data.withUnsafeBytes { decode(bytes: $0, charset: charset) }
    }

    /// Same as ``decode(_:charset:)`` for a byte array.
    public static func decode(_ bytes: [UInt8], charset: String?) -> (text: String, defects: [Defect.Code]) {
        bytes.withUnsafeBytes { decode(bytes: $0, charset: charset) }
    }

    /// The shared implementation over raw bytes.
    static func decode(bytes: UnsafeRawBufferPointer, charset label: String?) -> (text: String, defects: [Defect.Code]) {
        let charset = label.map(Charset.resolve) ?? .asciiCompatible(.usASCII)
        if bytes.isEmpty {
            if case .unknown = charset { return ("", [.unknownCharset]) }
            return ("", [])
        }
        switch charset {
        case .asciiCompatible(let family):
            return decodeASCIICompatible(bytes, family)
        case .iconv(let label):
            let name = byteOrder(label, bytes)
            if isPlainASCII(bytes), Charset.isASCIISuperset(name) {
                return (String(decoding: bytes, as: UTF8.self), [])
            }
            guard var result = Iconv.convert(bytes, from: name) else {
                return decodeUnknown(bytes)
            }
            if result.hadInvalidBytes, let retry = microsoftJapanese(name, bytes), !retry.hadInvalidBytes {
                result = retry
            }
            let text = Charset.isUnicodeForm(name) ? stripBOM(result.text) : result.text
            return (text, result.hadInvalidBytes ? [.invalidCharsetData] : [])
        case .unknown:
            return decodeUnknown(bytes)
        }
    }

    /// ASCII, UTF-8 and the Latin-1 family, decoded without iconv.
    private static func decodeASCIICompatible(
        _ bytes: UnsafeRawBufferPointer, _ family: Charset.Family
    ) -> (text: String, defects: [Defect.Code]) {
        if isPlainASCII(bytes) {
            // Old Japanese mailers send ISO-2022-JP with no label or a US-ASCII one; its escapes give it away.
            if family == .usASCII, hasISO2022JPEscape(bytes), let result = Iconv.convert(bytes, from: "ISO-2022-JP-2"),
               !result.hadInvalidBytes {
                return (result.text, [])
            }
            return (String(decoding: bytes, as: UTF8.self), [])
        }
        switch family {
        case .utf8:
            if let text = Bytes.validUTF8(bytes.assumingMemoryBound(to: UInt8.self)) { return (stripBOM(text), []) }
            return (stripBOM(String(decoding: bytes, as: UTF8.self)), [.invalidCharsetData])
        case .usASCII, .latin1, .windows1252:
            // 8-bit bytes under an ASCII or Latin-1 label that form valid UTF-8 are UTF-8 (the common lie);
            // anything else is read as Windows-1252, a superset of ISO-8859-1's printable range (WHATWG).
            if let text = Bytes.validUTF8(bytes.assumingMemoryBound(to: UInt8.self)) { return (stripBOM(text), []) }
            return (Windows1252.decode(bytes), [])
        }
    }

    /// An unknown label: valid UTF-8 is kept, anything else is UTF-8 with U+FFFD replacement.
    private static func decodeUnknown(_ bytes: UnsafeRawBufferPointer) -> (text: String, defects: [Defect.Code]) {
        (String(decoding: bytes, as: UTF8.self), [.unknownCharset])
    }

    /// `UTF-16`/`UTF-32` made explicit: a byte order mark rules; without one, RFC 2781 §4.3 says big-endian, but
    /// BOM-less little-endian text is common from Windows, so ASCII-range text with its zero bytes at odd offsets is
    /// read as little-endian.
    private static func byteOrder(_ name: String, _ bytes: UnsafeRawBufferPointer) -> String {
        guard name == "UTF-16" || name == "UTF-32" else { return name }
        let width = name == "UTF-16" ? 2 : 4
        if bytes.count >= width {
            let head = Array(bytes.prefix(width))
            if width == 2 && (head == [0xFF, 0xFE] || head == [0xFE, 0xFF]) { return name }
            if width == 4 && (head == [0xFF, 0xFE, 0, 0] || head == [0, 0, 0xFE, 0xFF]) { return name }
        }
        var zerosAtStart = 0, zerosAtEnd = 0
        var index = 0
        while index + width <= min(bytes.count, 512) {
            if bytes[index] == 0 { zerosAtStart += 1 }
            if bytes[index + width - 1] == 0 { zerosAtEnd += 1 }
            index += width
        }
        return name + (zerosAtEnd > zerosAtStart ? "LE" : "BE")
    }

    /// Japanese text that glibc's strict decoders reject often uses Microsoft's extensions (NEC row 13: ①, ㈱...):
    /// EUC-JP is retried as EUC-JP-MS, ISO-2022-JP through its EUC-JP rewriting.
    private static func microsoftJapanese(_ name: String, _ bytes: UnsafeRawBufferPointer) -> Iconv.Result? {
        switch name {
        case "EUC-JP":
            return Iconv.convert(bytes, from: "EUC-JP-MS")
        case "ISO-2022-JP-2", "ISO-2022-JP-3":
            return ISO2022JP.toEUCJP(bytes).withUnsafeBytes { Iconv.convert($0, from: "EUC-JP-MS") }
        default:
            return nil
        }
    }

    /// True when the bytes hold `ESC $ B`, `ESC $ @` or `ESC ( J` (ISO-2022-JP designations, RFC 1468).
    private static func hasISO2022JPEscape(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        // Jump from ESC to ESC with memchr: most text has none.
        while index + 2 < bytes.count {
            guard let hit = memchr(base + index, 0x1B, bytes.count - 2 - index) else { return false }
            index = base.distance(to: UnsafeRawPointer(hit))
            let (first, second) = (bytes[index + 1], bytes[index + 2])
            if first == UInt8(ascii: "$") && (second == UInt8(ascii: "B") || second == UInt8(ascii: "@")) { return true }
            if first == UInt8(ascii: "(") && second == UInt8(ascii: "J") { return true }
            index += 1
        }
        return false
    }

    /// True when no byte has the high bit set.
    static func isPlainASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        // 32 bytes at a time (four words OR-ed, one test), then eight.
        if let base = bytes.baseAddress {
            while index + 32 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return false }
                index += 32
            }
            while index + 8 <= count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                index += 8
            }
        }
        while index < count {
            if bytes[index] & 0x80 != 0 { return false }
            index += 1
        }
        return true
    }

    /// Drops one leading U+FEFF (byte order mark), as WHATWG's decoders do.
    private static func stripBOM(_ text: String) -> String {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return String(text.unicodeScalars.dropFirst())
    }
}
