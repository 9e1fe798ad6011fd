import Foundation

/// The `Original-Envelope-Id` of a delivery status notification (RFC 3464 section 2.2.1: a per-message field of
/// the `message/delivery-status` part, echoing the ENVID the sender gave at MAIL FROM, RFC 3461 section 4.4).
/// A byte scan of the raw message, for the few messages already known to be bounces; pure.
enum DSNEnvelopeID {
    /// The envelope id (xtext decoded, RFC 3461 section 4), or nil when the message has none.
    static func find(in raw: Data) -> String? {
        let name = Array("original-envelope-id:".utf8)
        let bytes = [UInt8](raw)
        var index = 0
        while index + name.count <= bytes.count {
            // Only at the start of a line.
            if index == 0 || bytes[index - 1] == 0x0A, Self.matches(bytes, at: index, name) {
                var end = index + name.count
                while end < bytes.count, bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
                let value = String(decoding: bytes[(index + name.count)..<end], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : xtextDecoded(value)
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ name: [UInt8]) -> Bool {
        for (offset, expected) in name.enumerated() {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != expected { return false }
        }
        return true
    }

    /// `+XX` hex escapes of xtext (RFC 3461 section 4) decoded.
    static func xtextDecoded(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "+"), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
