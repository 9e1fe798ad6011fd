import Foundation

/// Locale-independent normalisation of reply text for features and matching.
public enum TextFolding {
    /// NFKC, then lower case the same way in every locale: Turkish İ/ı and I/i all become `i`.
    public static func fold(_ text: String) -> String {
        // Fast path: text whose scalars NFKC leaves alone (ASCII and precomposed Latin letters, no combining marks)
        // needs only lower-casing; Foundation's normalisation is by far the slowest step otherwise.
        if let lower = latinLowercased(text) { return lower }
        let nfkc = text.precomposedStringWithCompatibilityMapping.lowercased()
        guard nfkc.unicodeScalars.contains(where: { $0 == "\u{131}" || $0 == "\u{307}" }) else { return nfkc }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in nfkc.unicodeScalars {
            if scalar == "\u{307}", previous == "i" { continue }  // İ lower-cases to i + combining dot above
            let mapped: Unicode.Scalar = scalar == "\u{131}" ? "i" : scalar
            out.append(mapped)
            previous = mapped
        }
        return String(out)
    }

    /// `text.lowercased()` for text whose scalars NFKC leaves alone, read from a table of their lower-case UTF-8 bytes
    /// in one pass (`String.lowercased()` was most of the folding time); nil for any other text, and for the Turkish
    /// İ and ı, which ``fold(_:)`` maps itself.
    static func latinLowercased(_ text: String) -> String? {
        let table = lowerTable
        var length = 0
        for s in text.unicodeScalars {
            guard isNFKCStable(s), s.value != 0x130, s.value != 0x131 else { return nil }
            let entry = table[Int(s.value)]
            guard entry != 0 else { return nil }
            length += Int(entry >> 24)
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for s in text.unicodeScalars {
                let entry = table[Int(s.value)]
                for k in 0..<Int(entry >> 24) {
                    buffer[i] = UInt8(truncatingIfNeeded: entry >> (8 * k))
                    i += 1
                }
            }
            return i
        }
    }

    /// For each scalar up to U+024F: its lower case's UTF-8 bytes (up to 3, low byte first) and their count in the top
    /// byte, computed once with `String.lowercased()` so that the result is the same.
    private static let lowerTable: [UInt32] = (0...0x24F).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let bytes = Array(String(scalar).lowercased().utf8)
        guard bytes.count <= 3 else { return 0 }  // 0: left to the slow path (none in this range)
        var entry = UInt32(bytes.count) << 24
        for (k, b) in bytes.enumerated() { entry |= UInt32(b) << (8 * k) }
        return entry
    }

    /// Scalars that NFKC maps to themselves and that compose with nothing before them: ASCII, and the Latin-1 and
    /// Latin Extended-A/B letters except the few with compatibility mappings.
    static func isNFKCStable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x7F: return true
        case 0xC0...0xFF: return true  // letters, × and ÷: no compatibility mappings
        case 0x100...0x24F: return !nfkcExceptions.contains(s.value)
        default: return false
        }
    }

    /// Latin Extended letters with NFKC compatibility mappings (ĳ, ŀ, ŉ, ſ, ǆ ...).
    private static let nfkcExceptions: Set<UInt32> = [0x132, 0x133, 0x13F, 0x140, 0x149, 0x17F, 0x1C4, 0x1C5, 0x1C6,
                                                      0x1C7, 0x1C8, 0x1C9, 0x1CA, 0x1CB, 0x1CC, 0x1F1, 0x1F2, 0x1F3]

    /// Base letters of the precomposed Latin letters U+00C0-U+024F (é -> e), computed once from their canonical
    /// decompositions; a letter absent from the table has none.
    private static let latinBase: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }
            if decomposed.count >= 1, String(String.UnicodeScalarView(decomposed)) != String(scalar) {
                table[value] = String(String.UnicodeScalarView(decomposed))
            }
        }
        for (letter, base) in [("ł", "l"), ("ø", "o"), ("đ", "d"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ı", "i"),
                               ("Ł", "L"), ("Ø", "O"), ("Đ", "D"), ("Æ", "AE"), ("Œ", "OE")] {
            table[letter.unicodeScalars.first!.value] = base
        }
        return table
    }()

    /// `text` without accents and with the common Latin ligatures and strokes spelled out (é->e, ł->l, ß->ss).
    public static func stripAccents(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return text }
        // Fast path: only precomposed Latin letters beyond ASCII, read from the table.
        if text.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            var out: [Unicode.Scalar] = []  // then one UTF-8 encoding pass (``Tokenizer/string(_:)``)
            out.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.value < 0xC0 { out.append(scalar) }
                else if let base = latinBase[scalar.value] { out.append(contentsOf: base.unicodeScalars) }
                else { out.append(scalar) }
            }
            return Tokenizer.string(out[...])
        }
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "ł": out.append("l")
            case "ø": out.append("o")
            case "đ": out.append("d")
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "ı": out.append("i")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// True for Han, Hiragana, Katakana, Hangul and CJK punctuation-free ideographic ranges.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF,  // kana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F,  // Han
             0xAC00...0xD7AF, 0x1100...0x11FF:  // Hangul
            return true
        default:
            return false
        }
    }
}
