public import Foundation

/// A file sent in a `multipart/form-data` form (customer data: never logged).
public struct UploadedFile: Sendable, Hashable {
    /// The form field's name.
    public var field: String
    /// The file name the browser sent (its last path component only).
    public var filename: String
    /// The media type the browser claimed (not trusted: the content is checked).
    public var contentType: String
    /// The bytes.
    public var data: Data
}

/// A `multipart/form-data` body (RFC 7578 over RFC 2046 section 5.1): text fields and files. Strict: a body without
/// the closing delimiter, a part without `Content-Disposition: form-data; name=...`, or more than `maxParts` parts is
/// refused (nil).
struct MultipartForm: Sendable {
    /// The text fields, decoded as UTF-8 (invalid bytes replaced).
    var fields: [(name: String, value: String)] = []
    /// The file fields that carried a file name.
    var files: [UploadedFile] = []

    /// The boundary of a `multipart/form-data` Content-Type, or nil for another type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, first.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.utf8.count) ? value : nil // RFC 2046: 1 to 70 characters
        }
        return nil
    }

    /// Parses `body` with `boundary`.
    init?(body: [UInt8], boundary: String, maxParts: Int = 200) {
        let delimiter = Array(("--" + boundary).utf8)
        guard var position = Self.find(delimiter, in: body, from: 0) else { return nil }
        var parts = 0
        while true {
            position += delimiter.count
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") {
                return // closing delimiter
            }
            guard let lineEnd = Self.find([13, 10], in: body, from: position) else { return nil }
            let start = lineEnd + 2
            guard let next = Self.nextDelimiter([13, 10] + delimiter, in: body, from: start) else { return nil }
            parts += 1
            guard parts <= maxParts, add(Array(body[start..<next])) else { return nil }
            position = next + 2
        }
    }

    /// Adds one part (headers, blank line, content).
    private mutating func add(_ part: [UInt8]) -> Bool {
        guard let split = Self.find([13, 10, 13, 10], in: part, from: 0) else { return false }
        let head = String(decoding: part[..<split], as: UTF8.self)
        let content = Data(part[(split + 4)...])
        var name: String?, filename: String?, type = "application/octet-stream"
        for line in head.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "content-disposition":
                let parameters = Self.parameters(pair[1])
                guard parameters.first?.lowercased() == "form-data" else { return false }
                name = Self.value(parameters, "name")
                filename = Self.value(parameters, "filename")
            case "content-type":
                type = pair[1]
            default:
                continue
            }
        }
        guard let name else { return false }
        if let filename {
            let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            if !base.isEmpty || !content.isEmpty {
                files.append(UploadedFile(field: name, filename: base, contentType: type, data: content))
            }
        } else {
            fields.append((name, String(decoding: content, as: UTF8.self)))
        }
        return true
    }

    /// `form-data; name="a"; filename="b.pdf"` split on semicolons outside quotes.
    static func parameters(_ text: String) -> [String] {
        var result: [String] = [], current = "", quoted = false, escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if quoted && character == "\\" { escaped = true; continue }
            if character == "\"" { quoted.toggle(); current.append(character); continue }
            if character == ";" && !quoted { result.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(character)
        }
        result.append(current.trimmingCharacters(in: .whitespaces))
        return result
    }

    /// The value of `key` among `key=value` / `key="value"` parameters.
    static func value(_ parameters: [String], _ key: String) -> String? {
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The next CRLF + delimiter that really ends a part: followed by `--` or by optional spaces/tabs and CRLF
    /// (RFC 2046 section 5.1.1); a look-alike inside the content (`--boundaryX`) is skipped.
    static func nextDelimiter(_ needle: [UInt8], in body: [UInt8], from: Int) -> Int? {
        var from = from
        while let index = find(needle, in: body, from: from) {
            var after = index + needle.count
            if after + 1 < body.count, body[after] == UInt8(ascii: "-"), body[after + 1] == UInt8(ascii: "-") { return index }
            while after < body.count, body[after] == 32 || body[after] == 9 { after += 1 }
            if after + 1 < body.count, body[after] == 13, body[after + 1] == 10 { return index }
            from = index + 1
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                while index <= last {
                    if hay[index] == first {
                        var matched = true
                        for offset in 1..<pin.count where hay[index + offset] != pin[offset] { matched = false; break }
                        if matched { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
