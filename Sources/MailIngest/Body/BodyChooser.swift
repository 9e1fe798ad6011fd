import Foundation

/// Chooses the text the customer wrote from a message's part tree (RFC 2046): in multipart/alternative the plain
/// part unless it is empty or a stub of the HTML one; in multipart/mixed the inline text parts in order; in
/// multipart/related the root; in multipart/signed and multipart/report the first part. Attachments, carried
/// messages and machine-readable parts are not body.
public struct BodyChooser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .default) { self.limits = limits }

    /// The chosen body of `message`.
    public func choose(_ message: ParsedMessage) -> BodyChoice {
        choose(message.root)
    }

    /// The chosen body under `part`.
    public func choose(_ part: MIMEPart) -> BodyChoice {
        var parts: [MIMEPart] = []
        var cache = RenderCache()
        collect(part, into: &parts, cache: &cache)
        guard !parts.isEmpty else { return .empty }
        var lines: [BodyText.Line] = []
        var defects: [Defect] = []
        for (index, leaf) in parts.enumerated() {
            let rendered = cache.render(leaf, defects: &defects)
            if index > 0, !lines.isEmpty, !rendered.lines.isEmpty { lines.append(BodyText.Line("")) }
            lines.append(contentsOf: rendered.lines)
        }
        lines = cutLongLines(lines, defects: &defects)
        return BodyChoice(body: BodyText(lines: lines), sourcePaths: parts.map(\.path),
                          sourceType: parts.first?.contentType.mimeType, defects: defects)
    }

    /// Appends the leaves that make up the body under `part`, in reading order.
    private func collect(_ part: MIMEPart, into out: inout [MIMEPart], cache: inout RenderCache) {
        switch part.body {
        case .leaf:
            if isBodyLeaf(part) { out.append(part) }
        case .message:
            // A carried message (forward as attachment) is not what the customer wrote.
            return
        case .multipart(let children, _, _):
            switch part.contentType.subtype {
            case "alternative":
                if let best = bestAlternative(children, cache: &cache) { collect(best, into: &out, cache: &cache) }
            case "related":
                let start = part.contentType.parameters["start"].map(Self.stripAngles)
                let root = children.first { start != nil && Self.stripAngles($0.headers.first("Content-ID") ?? "") == start }
                if let root = root ?? children.first { collect(root, into: &out, cache: &cache) }
            case "signed", "report", "encrypted":
                if let first = children.first { collect(first, into: &out, cache: &cache) }
            default:
                for child in children where !child.isAttachment { collect(child, into: &out, cache: &cache) }
            }
        }
    }

    private func isBodyLeaf(_ part: MIMEPart) -> Bool {
        guard part.isText, !part.isAttachment else { return false }
        switch part.contentType.subtype {
        case "plain", "html", "enriched", "richtext": return true
        default: return part.path == "1"
        }
    }

    /// The richer of the alternatives: plain text unless it is empty or a stub of the HTML one.
    private func bestAlternative(_ children: [MIMEPart], cache: inout RenderCache) -> MIMEPart? {
        // Each child with its first text leaf, found once.
        var plain: (part: MIMEPart, leaf: MIMEPart)?
        var html: (part: MIMEPart, leaf: MIMEPart)?
        var lastCandidate: MIMEPart?
        for child in children {
            guard let leaf = Self.firstLeaf(child) else { continue }
            lastCandidate = child
            switch leaf.contentType.subtype {
            case "plain": plain = (child, leaf)
            case "html": html = (child, leaf)
            default: break
            }
        }
        guard let plain else { return html?.part ?? lastCandidate ?? children.first }
        guard let html else { return plain.part }
        let plainChars = cache.weight(plain.leaf)
        if plainChars > 2_000 { return plain.part }  // a long plain part is no stub: spare the HTML conversion
        let htmlChars = cache.weight(html.leaf)
        // A stub: empty, or much shorter than the HTML text ("view this message in a browser").
        if plainChars == 0 || (htmlChars > 200 && plainChars * 5 < htmlChars) { return html.part }
        return plain.part
    }

    /// The first text leaf under `part` (itself when a leaf), depth first in input order, without building
    /// ``MIMEPart/allParts``.
    private static func firstLeaf(_ part: MIMEPart) -> MIMEPart? {
        switch part.body {
        case .leaf:
            return part.isText ? part : nil
        case .multipart(let parts, _, _):
            for child in parts {
                if let found = firstLeaf(child) { return found }
            }
            return nil
        case .message(let inner):
            return firstLeaf(inner)
        }
    }

    private func cutLongLines(_ lines: [BodyText.Line], defects: inout [Defect]) -> [BodyText.Line] {
        // Nearly always nothing to cut: keep the array as it is.
        guard lines.contains(where: { $0.text.utf8.count > limits.maxLineLength }) else { return lines }
        var cut = false
        let result = lines.map { line -> BodyText.Line in
            guard line.text.utf8.count > limits.maxLineLength, line.text.count > limits.maxLineLength else { return line }
            cut = true
            var copy = line
            copy.text = String(line.text.prefix(limits.maxLineLength))
            return copy
        }
        if cut { defects.append(Defect(.lineTooLong)) }
        return result
    }

    private static func stripAngles(_ id: String) -> String {
        id.trimmingCharacters(in: [" ", "\t", "<", ">"])
    }
}

/// Decoded and rendered leaves of one choice, so that an alternative weighed is not converted twice.
private struct RenderCache {
    private var rendered: [String: (BodyText, [Defect])] = [:]

    /// The leaf as text lines (HTML converted), with its decoding defects.
    mutating func text(_ leaf: MIMEPart) -> (BodyText, [Defect]) {
        if let hit = rendered[leaf.path] { return hit }
        var result = (BodyText(lines: []), [Defect]())
        if let decoded = leaf.decodedText() {
            result = (leaf.contentType.subtype == "html" ? HTMLText.convert(decoded.text) : BodyText(plain: decoded.text),
                      decoded.defects)
        }
        rendered[leaf.path] = result
        return result
    }

    mutating func render(_ leaf: MIMEPart, defects: inout [Defect]) -> BodyText {
        let (body, found) = text(leaf)
        defects.append(contentsOf: found)
        return body
    }

    /// Bytes of visible (non-space) text the leaf gives.
    mutating func weight(_ leaf: MIMEPart) -> Int {
        var total = 0
        for line in text(leaf).0.lines {
            var text = line.text
            total += text.withUTF8 { bytes in
                var count = 0
                for byte in bytes where byte > 0x20 { count += 1 }
                return count
            }
        }
        return total
    }
}
