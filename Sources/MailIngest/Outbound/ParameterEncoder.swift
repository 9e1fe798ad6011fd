/// MIME parameters for outgoing parts (RFC 2045 section 5.1, RFC 2231): plain tokens or quoted strings for short
/// ASCII values, `name*=utf-8''%XX` for the rest, split into `name*0*`, `name*1*` sections when long, each on its own
/// folded line.
enum ParameterEncoder {
    /// `; name=value` pieces, each to be written after a `;` and a fold.
    static func encode(_ name: String, _ value: String) -> [String] {
        let ascii = value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if ascii && value.utf8.count <= 60 {
            var quoted = "\""
            for scalar in value.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { quoted += "\\" }
                quoted.unicodeScalars.append(scalar)
            }
            return ["\(name)=\(quoted)\""]
        }
        var encoded: [String] = []
        var piece = ""
        for character in value {
            var text = ""
            for byte in String(character).utf8 {
                if isAttributeChar(byte) {
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
                }
            }
            if piece.utf8.count + text.utf8.count > 60, !piece.isEmpty {
                encoded.append(piece)
                piece = ""
            }
            piece += text
        }
        if !piece.isEmpty || encoded.isEmpty { encoded.append(piece) }
        if encoded.count == 1 { return ["\(name)*=utf-8''\(encoded[0])"] }
        return encoded.enumerated().map { index, text in
            index == 0 ? "\(name)*0*=utf-8''\(text)" : "\(name)*\(index)*=\(text)"
        }
    }

    /// RFC 2231 attribute-char: token characters except `*`, `'` and `%`.
    private static func isAttributeChar(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        return !"()<>@,;:\\\"/[]?=*'%".utf8.contains(byte)
    }
}

extension String {
    /// The string with leading zeros up to `width` characters (hex bytes in RFC 2231 and RFC 3461 encodings).
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
