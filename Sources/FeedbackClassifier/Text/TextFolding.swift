import Foundation

/// Locale-independent normalisation of reply text for features and matching.
public enum TextFolding {
    /// NFKC, then lower case the same way in every locale: Turkish İ/ı and I/i all become `i`.
    public static func fold(_ text: String) -> String {
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

    /// `text` without accents and with the common Latin ligatures and strokes spelled out (é->e, ł->l, ß->ss).
    public static func stripAccents(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return text }
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
