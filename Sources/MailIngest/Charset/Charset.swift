/// A charset label resolved to the decoder that reads it best (RFC 2978 names, IANA aliases, and the labels
/// mail clients actually write). Substitutions follow WHATWG's Encoding Standard: ISO-8859-1 and US-ASCII read as
/// Windows-1252, GB2312/GBK as GB18030, EUC-KR as CP949, Shift_JIS as CP932, Big5 as Big5-HKSCS, TIS-620 as
/// Windows-874.
enum Charset: Sendable, Hashable {
    /// Decoded in Swift.
    case asciiCompatible(Family)
    /// Decoded by iconv under this (glibc) name.
    case iconv(String)
    /// A label nobody knows (`x-unknown`, `unknown-8bit`, garbage).
    case unknown

    /// The charsets decoded without iconv.
    enum Family: Sendable, Hashable {
        case usASCII, utf8, latin1, windows1252
    }

    /// Resolves a label as found in a header: case, quotes, surrounding space, an RFC 2231 language suffix
    /// (`utf-8*en`) and punctuation variants (`iso8859-1`, `iso_8859-1`, `win-1252`) do not matter.
    static func resolve(_ label: String) -> Charset {
        // The labels of nearly all mail, without building a key.
        switch label {
        case "utf-8", "UTF-8", "utf8", "UTF8": return .asciiCompatible(.utf8)
        case "us-ascii", "US-ASCII": return .asciiCompatible(.usASCII)
        case "iso-8859-1", "ISO-8859-1": return .asciiCompatible(.latin1)
        case "windows-1252", "Windows-1252", "WINDOWS-1252": return .asciiCompatible(.windows1252)
        default: break
        }
        let key = squash(label)
        if key.isEmpty { return .unknown }
        if let known = aliases[key] { return known }
        if let numbered = numbered(key) { return numbered }
        // Anything else iconv may know under its own name (IBM850, MACINTOSH, CP866...).
        let trimmed = trimmedLabel(label)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 40,
              trimmed.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") })
        else { return .unknown }
        return Iconv.isSupported(trimmed.uppercased()) ? .iconv(trimmed.uppercased()) : .unknown
    }

    /// True when the iconv charset reads every ASCII byte as itself with no shift state, so pure-ASCII input can
    /// skip iconv.
    static func isASCIISuperset(_ name: String) -> Bool {
        !(name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") || name.hasPrefix("UTF-7")
            || name.hasPrefix("ISO-2022") || name == "HZ" || name.hasPrefix("CP50") || name == "VISCII")
    }

    /// True for the UTF-16/32 forms, whose leading byte order mark is not text.
    static func isUnicodeForm(_ name: String) -> Bool {
        name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") || name.hasPrefix("UTF-7")
    }

    /// The label without quotes, space and an RFC 2231 `*language` suffix.
    static func trimmedLabel(_ label: String) -> Substring {
        var text = Substring(label)
        while let first = text.first, first == " " || first == "\t" || first == "\"" || first == "'" {
            text = text.dropFirst()
        }
        while let last = text.last, last == " " || last == "\t" || last == "\"" || last == "'" {
            text = text.dropLast()
        }
        if let star = text.firstIndex(of: "*") { text = text[..<star] }
        return text
    }

    /// Lower-case letters and digits only: `ISO_8859-1` and `iso8859-1` both give `iso88591`. (What
    /// ``trimmedLabel(_:)`` removes is never a letter or digit, so only its cut at `*` matters here.)
    static func squash(_ label: String) -> String {
        var label = label
        return label.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out[count] = byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): out[count] = byte | 0x20
                    case UInt8(ascii: "*"): return count
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
    }

    /// ISO-8859-N, Windows-125N and their spellings (`cp1252`, `win1252`, `xcp1252`, `ms1252`, `l2`...).
    private static func numbered(_ key: String) -> Charset? {
        for prefix in ["iso8859", "8859"] where key.hasPrefix(prefix) {
            // `iso88591` / `iso885915`; an `iso88591:1987` year suffix was squashed into the digits.
            var digits = key.dropFirst(prefix.count)
            if digits.hasSuffix("1987") && digits.count > 4 { digits = digits.dropLast(4) }
            guard let number = Int(digits), (1...16).contains(number), number != 12 else { return nil }
            if number == 1 { return .asciiCompatible(.latin1) }
            if number == 11 { return .iconv("WINDOWS-874") }
            return .iconv("ISO-8859-\(number)")
        }
        for prefix in ["windows", "xcp", "cp", "win", "ms", "xwindows"] where key.hasPrefix(prefix) {
            guard let number = Int(key.dropFirst(prefix.count)) else { continue }
            switch number {
            case 1252: return .asciiCompatible(.windows1252)
            case 1250...1258: return .iconv("WINDOWS-\(number)")
            case 874: return .iconv("WINDOWS-874")
            case 932: return .iconv("CP932")
            case 936: return .iconv("GB18030")
            case 949: return .iconv("CP949")
            case 950: return .iconv("BIG5-HKSCS")
            default: return Iconv.isSupported("CP\(number)") ? .iconv("CP\(number)") : nil
            }
        }
        return nil
    }

    /// Squashed label -> decoder, for the labels that are not ISO-8859-N or Windows-125N.
    private static let aliases: [String: Charset] = [
        // ASCII and Unicode
        "usascii": .asciiCompatible(.usASCII), "ascii": .asciiCompatible(.usASCII),
        "ansix341968": .asciiCompatible(.usASCII), "iso646us": .asciiCompatible(.usASCII),
        "us": .asciiCompatible(.usASCII), "ibm367": .asciiCompatible(.usASCII), "csascii": .asciiCompatible(.usASCII),
        "utf8": .asciiCompatible(.utf8), "unicode11utf8": .asciiCompatible(.utf8),
        "unicode20utf8": .asciiCompatible(.utf8), "xunicode20utf8": .asciiCompatible(.utf8),
        "utf8bom": .asciiCompatible(.utf8),
        "utf7": .iconv("UTF-7"), "unicode11utf7": .iconv("UTF-7"), "xunicode20utf7": .iconv("UTF-7"),
        "csunicode11utf7": .iconv("UTF-7"),
        "utf16": .iconv("UTF-16"), "utf16be": .iconv("UTF-16BE"), "utf16le": .iconv("UTF-16LE"),
        "unicode": .iconv("UTF-16"), "ucs2": .iconv("UTF-16"), "isoiec106461ucs2": .iconv("UTF-16"),
        "unicodefffe": .iconv("UTF-16BE"), "unicodefeff": .iconv("UTF-16LE"),
        "utf32": .iconv("UTF-32"), "utf32be": .iconv("UTF-32BE"), "utf32le": .iconv("UTF-32LE"),
        "ucs4": .iconv("UTF-32"),
        // Latin-1 family
        "latin1": .asciiCompatible(.latin1), "l1": .asciiCompatible(.latin1), "isolatin1": .asciiCompatible(.latin1),
        "ibm819": .asciiCompatible(.latin1), "isoir100": .asciiCompatible(.latin1),
        "csisolatin1": .asciiCompatible(.latin1), "xansi": .asciiCompatible(.windows1252),
        "ansi": .asciiCompatible(.windows1252), "ansi1252": .asciiCompatible(.windows1252),
        "latin2": .iconv("ISO-8859-2"), "l2": .iconv("ISO-8859-2"), "isolatin2": .iconv("ISO-8859-2"),
        "latin3": .iconv("ISO-8859-3"), "latin4": .iconv("ISO-8859-4"), "latin5": .iconv("ISO-8859-9"),
        "latin6": .iconv("ISO-8859-10"), "latin7": .iconv("ISO-8859-13"), "latin8": .iconv("ISO-8859-14"),
        "latin9": .iconv("ISO-8859-15"), "l9": .iconv("ISO-8859-15"), "latin10": .iconv("ISO-8859-16"),
        "latin0": .iconv("ISO-8859-15"),
        "cyrillic": .iconv("ISO-8859-5"), "greek": .iconv("ISO-8859-7"), "hebrew": .iconv("ISO-8859-8"),
        "arabic": .iconv("ISO-8859-6"), "isoir138": .iconv("ISO-8859-8"), "iso88598i": .iconv("ISO-8859-8"),
        "iso88596i": .iconv("ISO-8859-6"), "iso88596e": .iconv("ISO-8859-6"), "iso88598e": .iconv("ISO-8859-8"),
        "visual": .iconv("ISO-8859-8"),
        // Cyrillic
        "koi8r": .iconv("KOI8-R"), "koi8": .iconv("KOI8-R"), "cskoi8r": .iconv("KOI8-R"),
        "koi8u": .iconv("KOI8-U"), "koi8ru": .iconv("KOI8-RU"), "ibm866": .iconv("CP866"),
        "xmaccyrillic": .iconv("MAC-CYRILLIC"), "maccyrillic": .iconv("MAC-CYRILLIC"),
        // Mac
        "macintosh": .iconv("MACINTOSH"), "macroman": .iconv("MACINTOSH"), "xmacroman": .iconv("MACINTOSH"),
        "mac": .iconv("MACINTOSH"), "csmacintosh": .iconv("MACINTOSH"),
        // Thai, Vietnamese
        "tis620": .iconv("WINDOWS-874"), "dos874": .iconv("WINDOWS-874"), "viscii": .iconv("VISCII"),
        // Japanese
        "shiftjis": .iconv("CP932"), "sjis": .iconv("CP932"), "xsjis": .iconv("CP932"),
        "csshiftjis": .iconv("CP932"), "mskanji": .iconv("CP932"), "windows31j": .iconv("CP932"),
        "xmscp932": .iconv("CP932"), "shiftjis2004": .iconv("SHIFT_JISX0213"),
        "eucjp": .iconv("EUC-JP"), "xeucjp": .iconv("EUC-JP"), "cseucpkdfmtjapanese": .iconv("EUC-JP"),
        "eucjpms": .iconv("EUC-JP-MS"),
        "iso2022jp": .iconv("ISO-2022-JP-2"), "csiso2022jp": .iconv("ISO-2022-JP-2"),
        "iso2022jp1": .iconv("ISO-2022-JP-2"), "iso2022jp2": .iconv("ISO-2022-JP-2"),
        "iso2022jp3": .iconv("ISO-2022-JP-3"), "cp50220": .iconv("ISO-2022-JP-3"),
        "cp50221": .iconv("ISO-2022-JP-3"), "cp50222": .iconv("ISO-2022-JP-3"), "jis": .iconv("ISO-2022-JP-2"),
        // Chinese
        "gb2312": .iconv("GB18030"), "gbk": .iconv("GB18030"), "xgbk": .iconv("GB18030"),
        "gb18030": .iconv("GB18030"), "chinese": .iconv("GB18030"), "csgb2312": .iconv("GB18030"),
        "gb231280": .iconv("GB18030"), "euccn": .iconv("GB18030"), "xeuccn": .iconv("GB18030"),
        "csiso58gb231280": .iconv("GB18030"), "isoir58": .iconv("GB18030"), "xgb2312": .iconv("GB18030"),
        "hzgb2312": .iconv("HZ"), "hz": .iconv("HZ"),
        "big5": .iconv("BIG5-HKSCS"), "xxbig5": .iconv("BIG5-HKSCS"), "cnbig5": .iconv("BIG5-HKSCS"),
        "csbig5": .iconv("BIG5-HKSCS"), "big5hkscs": .iconv("BIG5-HKSCS"), "xbig5": .iconv("BIG5-HKSCS"),
        "euctw": .iconv("EUC-TW"),
        // Korean
        "euckr": .iconv("CP949"), "xeuckr": .iconv("CP949"), "cseuckr": .iconv("CP949"),
        "ksc56011987": .iconv("CP949"), "ksc5601": .iconv("CP949"), "ksc56011989": .iconv("CP949"),
        "ksx1001": .iconv("CP949"), "korean": .iconv("CP949"), "isoir149": .iconv("CP949"),
        "csksc56011987": .iconv("CP949"), "uhc": .iconv("CP949"), "iso2022kr": .iconv("ISO-2022-KR"),
        "xwindows949": .iconv("CP949"),
        // Labels that name no charset
        "xunknown": .unknown, "unknown": .unknown, "unknown8bit": .unknown, "xuserdefined": .unknown,
        "default": .unknown, "charset": .unknown, "8bit": .unknown, "7bit": .unknown, "none": .unknown,
        "binary": .unknown, "xbinaryenc": .unknown,
    ]
}
