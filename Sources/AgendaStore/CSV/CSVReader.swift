/// One CSV record with the 1-based line it starts on.
struct CSVRecord: Sendable {
    var line: Int
    var fields: [String]
}

/// A reader of RFC 4180 CSV as ERPs write it: `,` `;` or tab separators, a UTF-8 BOM, CRLF/LF/CR line ends,
/// quoted fields with doubled quotes and newlines inside. Fields that are not valid UTF-8 are read as Latin-1
/// (ISO 8859-1), the usual fallback of older exports. Pure: bytes in, records out.
enum CSVReader {
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// Drops a UTF-8 byte order mark; refuses UTF-16/32 (they need transcoding first).
    static func stripBOM(_ bytes: [UInt8]) throws -> ArraySlice<UInt8> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return bytes[3...] }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw AgendaStoreError(.badFile, "UTF-16 or UTF-32 file; export it as UTF-8")
        }
        return bytes[...]
    }

    /// The most frequent of `,` `;` tab outside quotes on the first line (comma when none).
    static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 9: 0]
        var quoted = false
        for byte in bytes {
            if byte == quote { quoted.toggle(); continue }
            if !quoted && (byte == lf || byte == cr) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }!
        return best.value == 0 ? UInt8(ascii: ",") : best.key
    }

    /// Every non-blank record. Throws `badFile` for a quote left open at the end of the file.
    static func records(_ bytes: ArraySlice<UInt8>, separator: UInt8) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var line = 1, recordLine = 1
        var wasQuoted = false
        var i = bytes.startIndex
        let end = bytes.endIndex

        func finishField() {
            fields.append(decode(field, trim: !wasQuoted))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func finishRecord() {
            finishField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }

        while i < end {
            let byte = bytes[i]
            if byte == quote && field.allSatisfy({ $0 == 32 }) && !wasQuoted {
                // Quoted field: read to the closing quote; "" is a quote; newlines are data.
                field.removeAll(keepingCapacity: true)
                wasQuoted = true
                i += 1
                var closed = false
                while i < end {
                    let inner = bytes[i]
                    if inner == quote {
                        if i + 1 < end && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    if inner == lf || (inner == cr && !(i + 1 < end && bytes[i + 1] == lf)) { line += 1 }
                    field.append(inner)
                    i += 1
                }
                if !closed { throw AgendaStoreError(.badFile, "unterminated quoted field starting on line \(recordLine)") }
                continue
            }
            if byte == separator {
                finishField()
            } else if byte == lf || byte == cr {
                finishRecord()
                if byte == cr && i + 1 < end && bytes[i + 1] == lf { i += 1 }
                line += 1
                recordLine = line
            } else if !(wasQuoted && (byte == 32 || byte == 9)) {
                field.append(byte)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { finishRecord() }
        return records
    }

    /// UTF-8, else Latin-1; unquoted fields are trimmed of spaces and tabs.
    static func decode(_ bytes: [UInt8], trim: Bool) -> String {
        var slice = bytes[...]
        if trim {
            while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
            while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        }
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        if let text = String(validating: slice, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(slice.map { Unicode.Scalar($0) }))
    }
}
