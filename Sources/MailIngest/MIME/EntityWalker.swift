internal import Foundation

/// The state of one parse: defects seen, parts and decoded bytes counted against ``ParseLimits``. Walks entities
/// recursively; recursion depth is bounded by `maxDepth`.
struct EntityWalker {
    let limits: ParseLimits
    private(set) var defects: [Defect] = []
    private(set) var partCount = 0
    private var decodedBytes = 0
    private var reportedOnce: Set<Defect.Code> = []
    /// The bytes being walked (the input, or a decoded carried message): header fields keep it and read from it.
    private var source = Data()

    init(limits: ParseLimits) { self.limits = limits }

    mutating func report(_ code: Defect.Code, at path: String) {
        defects.append(Defect(code, at: path))
    }

    /// Reports a limit only the first time it is hit, so a huge message yields one defect, not thousands.
    mutating func reportLimit(_ code: Defect.Code, at path: String) {
        if reportedOnce.insert(code).inserted { report(code, at: path) }
    }

    /// Parses a whole buffer as one entity (a message or the message carried in a message/rfc822 body).
    mutating func parseMessage(_ data: Data, path: String, depth: Int, defaultType: ContentType) -> MIMEPart {
        let outer = source
        source = data
        defer { source = outer }
        return data.withUnsafeBytes { raw in
            let buf = raw.bindMemory(to: UInt8.self)
            return entity(buf, 0..<buf.count, path: path, depth: depth, defaultType: defaultType)
        }
    }

    /// One entity in `buf[range]`: header block, then a body chosen by its Content-Type.
    mutating func entity(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String, depth: Int,
                         defaultType: ContentType) -> MIMEPart {
        partCount += 1
        let scan = RawHeaderScanner(limits: limits).scan(buf, range, source: source)
        for code in scan.defects {
            if code == .tooManyHeaders || code == .headerTooLong { reportLimit(code, at: path) } else { report(code, at: path) }
        }
        let headers = HeaderFields(scan.fields)
        var contentType = defaultType
        let mime = (contentType: scan.contentType.map { scan.fields[$0].rawValue },
                    transferEncoding: scan.transferEncoding.map { scan.fields[$0].rawValue },
                    disposition: scan.disposition.map { scan.fields[$0].rawValue })
        if let raw = mime.contentType {
            if let parsed = HeaderParameterScanner.contentType(raw) {
                contentType = parsed
            } else {
                report(.malformedHeader, at: path)
                contentType = .textPlain  // RFC 2045 §5.2
            }
        }
        let mechanism = TransferDecoding.mechanism(mime.transferEncoding)
        var disposition: String? = nil
        var filename: String? = nil
        if let raw = mime.disposition {
            let (main, parameters) = HeaderParameterScanner.scan(raw)
            disposition = main.isEmpty ? nil : main.lowercased()
            filename = ParameterDecoder.decode(parameters)["filename"]
        }
        if filename == nil { filename = contentType.parameters["name"] }

        let bodyRange = scan.bodyStart..<range.upperBound
        let body: MIMEPart.Body
        (body, contentType, filename) = self.body(buf, bodyRange, contentType: contentType, mechanism: mechanism,
                                                  filename: filename, path: path, depth: depth)
        // Built once: `Body` is indirect, so every assignment would box again.
        return MIMEPart(path: path, headers: headers, contentType: contentType, transferEncoding: mechanism,
                        disposition: disposition, filename: filename, body: body)
    }

    /// The body by type: a multipart split on its boundary, a carried message parsed, anything else decoded.
    /// Returns the content type and file name as they end up (a multipart without boundary becomes text/plain;
    /// a uuencoded leaf may name its file).
    private mutating func body(_ buf: UnsafeBufferPointer<UInt8>, _ bodyRange: Range<Int>, contentType: ContentType,
                               mechanism: String, filename: String?, path: String, depth: Int)
        -> (MIMEPart.Body, ContentType, String?) {
        let isContainer = contentType.type == "multipart"
            || (contentType.type == "message" && (contentType.subtype == "rfc822" || contentType.subtype == "global"))
        if isContainer && depth >= limits.maxDepth {
            reportLimit(.tooDeep, at: path)
            return (.leaf(keep(Data(buffer: UnsafeBufferPointer(rebasing: buf[bodyRange])), at: path)), contentType, filename)
        }
        var contentType = contentType
        if contentType.type == "multipart" {
            if let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
                let childDefault: ContentType = contentType.subtype == "digest" ? .messageRFC822 : .textPlain
                let parts = multipart(buf, bodyRange, boundary: Array(boundary.utf8), path: path, depth: depth,
                                      childDefault: childDefault)
                return (parts, contentType, filename)
            }
            // No boundary: nothing can be split. Read it as text (as RFC 2045 §5.2 does for an unusable type),
            // so the words stay reachable for body choice; the declared type remains in the headers.
            report(.missingBoundary, at: path)
            contentType = ContentType(type: "text", subtype: "plain", parameters: contentType.parameters)
        } else if isContainer {
            return (message(buf, bodyRange, mechanism: mechanism, path: path, depth: depth), contentType, filename)
        }
        let decoded = TransferDecoding.decode(UnsafeBufferPointer(rebasing: buf[bodyRange]), mechanism: mechanism)
        if let defect = decoded.defect { report(defect, at: path) }
        return (.leaf(keep(decoded.bytes, at: path)), contentType, filename ?? decoded.filename)
    }

    /// The body of message/rfc822 or message/global (RFC 2046 §5.2.1, RFC 6532 §3.5): parsed in place when it is
    /// not encoded, else decoded first (senders do base64-encode them) and parsed from the decoded bytes.
    private mutating func message(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, mechanism: String,
                                  path: String, depth: Int) -> MIMEPart.Body {
        let innerPath = path + ".1"
        if partCount >= limits.maxParts {
            reportLimit(.tooManyParts, at: path)
            return .leaf(keep(Data(buffer: UnsafeBufferPointer(rebasing: buf[range])), at: path))
        }
        if TransferDecoding.isIdentity(mechanism) {
            return .message(entity(buf, range, path: innerPath, depth: depth + 1, defaultType: .textPlain))
        }
        let decoded = TransferDecoding.decode(UnsafeBufferPointer(rebasing: buf[range]), mechanism: mechanism)
        if let defect = decoded.defect { report(defect, at: path) }
        guard reserve(decoded.bytes.count, at: path) else {
            return .leaf(Data())
        }
        let data = MessageParser.normalisingLineEnds(decoded.bytes)
        return .message(parseMessage(data, path: innerPath, depth: depth + 1, defaultType: .textPlain))
    }

    /// Counts `count` decoded bytes against the budget; false (and a defect) when they do not fit.
    private mutating func reserve(_ count: Int, at path: String) -> Bool {
        if decodedBytes + count > limits.maxDecodedBytes {
            reportLimit(.decodedTooLarge, at: path)
            return false
        }
        decodedBytes += count
        return true
    }

    /// A leaf's bytes as kept: cut to what is left of the decoded-size budget.
    private mutating func keep(_ bytes: Data, at path: String) -> Data {
        let room = max(0, limits.maxDecodedBytes - decodedBytes)
        if bytes.count > room {
            reportLimit(.decodedTooLarge, at: path)
            decodedBytes += room
            return bytes.prefix(room)
        }
        decodedBytes += bytes.count
        return bytes
    }
}
