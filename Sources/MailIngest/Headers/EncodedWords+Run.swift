/// Collects the bytes of adjacent encoded words in one charset, then decodes them at once.
struct RunDecoder {
    private var charset: String?
    private var charsetKey = ""
    private var bytes: [UInt8] = []
    /// Base64 characters of an unfinished quantum, carried to the next B word of the run.
    private var carry: [UInt8] = []
    private(set) var defects: [Defect.Code] = []

    /// True while a run is collecting (the next word may join it).
    var isOpen: Bool { charset != nil }

    /// True when `word` continues the open run (same charset).
    func joins(_ word: EncodedWord) -> Bool {
        isOpen && Charset.squash(word.charset) == charsetKey
    }

    /// Adds one word to the open run (the caller flushed first when the charset differs).
    mutating func add(_ word: EncodedWord, from input: [UInt8]) {
        let key = Charset.squash(word.charset)
        charset = word.charset
        charsetKey = key
        if word.unterminated { note(.malformedEncodedWord) }
        let text = input[word.text]
        if word.isBase64 {
            decodeBase64(text)
        } else {
            finishCarry()
            decodeQ(text)
        }
    }

    /// Decodes the run's bytes in its charset and appends the UTF-8 result; the run is then closed.
    mutating func flush(into output: inout [UInt8]) {
        guard let charset else { return }
        finishCarry()
        let result = CharsetDecoder.decode(bytes, charset: charset)
        for defect in result.defects { note(defect) }
        output.append(contentsOf: result.text.utf8)
        self.charset = nil
        charsetKey = ""
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func note(_ defect: Defect.Code) {
        if !defects.contains(defect) { defects.append(defect) }
    }

    /// RFC 2047 §4.2: `_` is a space, `=XX` a byte; a stray `=` is kept.
    private mutating func decodeQ(_ text: ArraySlice<UInt8>) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < text.endIndex,
                      let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                if byte == UInt8(ascii: "=") { note(.malformedEncodedWord) }
                bytes.append(byte)
            }
            index += 1
        }
    }

    /// RFC 2047 §4.1 (base64, RFC 2045 §6.8), leniently: characters outside the alphabet are skipped, an unfinished
    /// quantum without padding is carried to the next word.
    private mutating func decodeBase64(_ text: ArraySlice<UInt8>) {
        for byte in text {
            if byte == UInt8(ascii: "=") {
                finishCarry()
                continue
            }
            guard let value = base64Value(byte) else {
                if !EncodedWords.isWhitespace(byte) { note(.malformedEncodedWord) }
                continue
            }
            carry.append(value)
            if carry.count == 4 {
                bytes.append(carry[0] << 2 | carry[1] >> 4)
                bytes.append(carry[1] << 4 | carry[2] >> 2)
                bytes.append(carry[2] << 6 | carry[3])
                carry.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Decodes what remains of an unfinished quantum (2 or 3 characters hold 1 or 2 bytes).
    private mutating func finishCarry() {
        switch carry.count {
        case 0: return
        case 1: note(.malformedEncodedWord)
        case 2: bytes.append(carry[0] << 2 | carry[1] >> 4)
        default:
            bytes.append(carry[0] << 2 | carry[1] >> 4)
            bytes.append(carry[1] << 4 | carry[2] >> 2)
        }
        carry.removeAll(keepingCapacity: true)
    }

    private func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}

/// The value of one hexadecimal digit (either case), or nil.
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    default: return nil
    }
}
