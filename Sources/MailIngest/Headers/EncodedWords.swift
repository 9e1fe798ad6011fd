/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in unstructured header text (Subject) and in phrases
/// (display names, once unquoted), with the tolerance mail in the wild needs:
/// - whitespace between adjacent encoded words is dropped (RFC 2047 §6.2);
/// - adjacent words in the same charset are joined as bytes before charset decoding, so a multibyte character
///   split across two words survives, and a base64 quantum split across words is carried over;
/// - words inside quoted strings or glued to text without spaces are decoded; `b`/`q` may be lower case;
/// - a missing `?=` ends the word at the next white space, or at the start of the next word;
/// - an RFC 2231 §5 language suffix (`=?utf-8*en?Q?...?=`) is ignored; any charset goes through ``CharsetDecoder``.
public enum EncodedWords {
    /// Decodes every encoded word in `raw`; text outside encoded words is kept as is (raw UTF-8 included).
    /// Never fails: problems are reported as `malformed_encoded_word`, `unknown_charset` or `invalid_charset_data`.
    public static func decode(_ raw: String) -> (text: String, defects: [Defect.Code]) {
        guard raw.utf8.count >= 8, raw.utf8.contains(UInt8(ascii: "?")) else { return (raw, []) }
        let input = Array(raw.utf8)
        var decoder = RunDecoder()
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var plainStart = 0
        var index = 0
        while index + 1 < input.count {
            guard input[index] == UInt8(ascii: "="), input[index + 1] == UInt8(ascii: "?"),
                  let word = EncodedWord(parsing: input, at: index)
            else {
                index += 1
                continue
            }
            // White space between two encoded words is dropped; a run continues only in the same charset.
            let between = input[plainStart..<index]
            let adjacent = decoder.isOpen && between.allSatisfy(isWhitespace)
            if !adjacent || !decoder.joins(word) { decoder.flush(into: &output) }
            if !adjacent { output.append(contentsOf: between) }
            decoder.add(word, from: input)
            index = word.end
            plainStart = index
        }
        decoder.flush(into: &output)
        output.append(contentsOf: input[plainStart...])
        return (String(decoding: output, as: UTF8.self), decoder.defects)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}

/// One encoded word's position in the input.
struct EncodedWord {
    /// The charset label, language suffix included (the decoder drops it).
    var charset: String
    /// True for B (base64), false for Q.
    var isBase64: Bool
    /// The encoded text.
    var text: Range<Int>
    /// Just past the word (past `?=` when present).
    var end: Int
    /// True when `?=` was missing.
    var unterminated: Bool

    /// Parses the word starting with `=?` at `start`, or nil when what follows is not an encoded word.
    init?(parsing input: [UInt8], at start: Int) {
        guard let (charsetEnd, isBase64) = Self.header(input, at: start) else { return nil }
        charset = String(decoding: input[(start + 2)..<charsetEnd], as: UTF8.self)
        self.isBase64 = isBase64
        let textStart = charsetEnd + 3
        // The first `?=`, unless another word's `=?` comes first (a missing `?=`).
        var close: Int?
        var nextWord: Int?
        var space: Int?
        var scan = textStart
        while scan < input.count {
            let byte = input[scan]
            if byte == UInt8(ascii: "?"), scan + 1 < input.count, input[scan + 1] == UInt8(ascii: "=") {
                close = scan
                break
            }
            if byte == UInt8(ascii: "="), scan + 1 < input.count, input[scan + 1] == UInt8(ascii: "?"),
               Self.header(input, at: scan) != nil {
                nextWord = scan
                break
            }
            if space == nil, EncodedWords.isWhitespace(byte) { space = scan }
            scan += 1
        }
        if let close {
            // Q text with raw spaces inside (seen in the wild) is accepted up to the `?=`.
            text = textStart..<close
            end = close + 2
            unterminated = false
        } else {
            let stop = min(nextWord ?? input.count, space ?? input.count)
            text = textStart..<stop
            end = stop
            unterminated = true
        }
    }

    /// Reads `=?charset?X?` at `start`: the index of the `?` ending the charset, and whether X is B.
    static func header(_ input: [UInt8], at start: Int) -> (charsetEnd: Int, isBase64: Bool)? {
        var index = start + 2
        let charsetStart = index
        while index < input.count, input[index] != UInt8(ascii: "?") {
            let byte = input[index]
            guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "="), index - charsetStart < 64 else { return nil }
            index += 1
        }
        guard index > charsetStart, index + 2 < input.count else { return nil }
        let encoding = input[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q"), input[index + 2] == UInt8(ascii: "?")
        else { return nil }
        return (index, encoding == UInt8(ascii: "b"))
    }
}
