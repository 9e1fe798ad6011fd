private import CLibXML2
#if canImport(Glibc)
private import Glibc
#elseif canImport(Darwin)
private import Darwin
#endif

/// Walks a libxml2 HTML tree in document order without recursion (depth is bounded only by memory: one frame per
/// open element on a heap array) and lays its text out through ``HTMLLineBuilder``.
struct HTMLDocumentWalker {
    private struct Context {
        var quoted = false
        var signature = false
        var preformatted = false
    }

    private struct Frame {
        let node: xmlNodePtr
        let tag: HTMLTag
        let marks: HTMLElementMarks
        let saved: Context
        let changesSection: Bool
    }

    private struct ListLevel {
        let ordered: Bool
        var next: Int
    }

    private static let elementNode = XML_ELEMENT_NODE.rawValue
    private static let textNode = XML_TEXT_NODE.rawValue
    private static let cdataNode = XML_CDATA_SECTION_NODE.rawValue

    private var builder = HTMLLineBuilder()
    private var context = Context()
    /// Set once an Outlook-style reply header is met: everything after it is quoted history.
    private var restQuoted = false
    private var lists: [ListLevel] = []
    /// True between a `pre` start and its first text, whose leading newline HTML ignores.
    private var atPreStart = false

    /// libxml2 wants xmlInitParser called once before parsers run on several threads.
    private static let parserReady: Void = { xmlInitParser() }()

    /// Parses UTF-8 HTML with libxml2's recovering HTML parser and returns its lines; the tree is freed here.
    static func lines(ofHTML buffer: UnsafeBufferPointer<UInt8>) -> [BodyText.Line] {
        let edits = HTMLSourceFixups.edits(in: buffer)
        if edits.isEmpty { return parse(buffer) }
        return HTMLSourceFixups.applying(edits, to: buffer).withUnsafeBufferPointer { parse($0) }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> [BodyText.Line] {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return [] }
        _ = parserReady
        // htmlReadMemory takes an int size; bodies are limited far below 2 GiB by ParseLimits.
        let size = Int32(clamping: buffer.count)
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            // Without it libxml2 stops at 256 open elements and silently drops the rest of the document.
            | XML_PARSE_HUGE.rawValue | HTML_PARSE_COMPACT.rawValue
        let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard let doc = htmlReadMemory(chars, size, nil, "UTF-8", Int32(bitPattern: options)) else { return [] }
        defer { xmlFreeDoc(doc) }
        var walker = HTMLDocumentWalker()
        walker.walk(doc.pointee.children)
        return walker.builder.finish()
    }

    private mutating func walk(_ first: xmlNodePtr?) {
        var stack: [Frame] = []
        var next = first
        while true {
            guard let node = next else {
                guard let frame = stack.popLast() else { return }
                leave(frame)
                next = frame.node.pointee.next
                continue
            }
            // Raw values: comparing the imported enum type goes through a generic `==`, slow in debug builds.
            let type = node.pointee.type.rawValue
            if type == Self.elementNode {
                if let frame = enter(node) {
                    if let child = node.pointee.children {
                        stack.append(frame)
                        next = child
                        continue
                    }
                    leave(frame)
                }
            } else if type == Self.textNode || type == Self.cdataNode {
                text(node)
            }  // else comments, processing instructions, the DTD
            next = node.pointee.next
        }
    }

    private mutating func text(_ node: xmlNodePtr) {
        guard let content = node.pointee.content else { return }
        var bytes = Self.bytes(content)
        if atPreStart, context.preformatted {
            atPreStart = false
            if bytes.first == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst()) }
            if bytes.first == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst()) }
        }
        builder.appendText(bytes)
    }

    /// Opens an element; nil when it and its content are not shown.
    private mutating func enter(_ node: xmlNodePtr) -> Frame? {
        let tag = Self.tag(of: node)
        if tag == .dropped { return nil }
        let marks = node.pointee.properties == nil && tag != .blockquote
            ? HTMLElementMarks.plain : HTMLElementMarks(tag: tag, attributes: Self.attributes(of: node))
        if marks.hidden { return nil }
        let saved = context
        let changesSection = marks.quoted || marks.quotesRest || marks.signature
        if changesSection { builder.softBreak() }
        if marks.quotesRest {
            if !restQuoted { builder.quotePrecedingRule() }
            restQuoted = true
        }
        context.quoted = context.quoted || marks.quoted || restQuoted
        context.signature = context.signature || marks.signature
        if marks.preformatted || tag == .preformatted {
            if !context.preformatted { atPreStart = tag == .preformatted }
            context.preformatted = true
        }
        apply(context)
        open(tag, marks: marks, node: node)
        return Frame(node: node, tag: tag, marks: marks, saved: saved, changesSection: changesSection)
    }

    private mutating func leave(_ frame: Frame) {
        close(frame.tag, marks: frame.marks)
        if frame.changesSection { builder.softBreak() }
        context = frame.saved
        context.quoted = context.quoted || restQuoted
        if !context.preformatted { atPreStart = false }
        apply(context)
    }

    private mutating func apply(_ context: Context) {
        builder.quoted = context.quoted
        builder.signature = context.signature
        builder.preformatted = context.preformatted
    }

    private mutating func open(_ tag: HTMLTag, marks: HTMLElementMarks, node: xmlNodePtr) {
        switch tag {
        case .inline, .dropped:
            break
        case .block, .tableRow:
            builder.softBreak()
        case .paragraph, .blockquote, .preformatted:
            builder.paragraphBreak()
        case .p:
            if marks.marginTop { builder.paragraphBreak() } else { builder.softBreak() }
        case .lineBreak:
            builder.hardBreak()
        case .rule:
            builder.appendRule()
        case .unorderedList, .orderedList:
            if lists.isEmpty { builder.paragraphBreak() } else { builder.softBreak() }
            lists.append(ListLevel(ordered: tag == .orderedList, next: Self.listStart(node)))
        case .listItem:
            builder.softBreak()
            builder.setPrefix(listMarker())
        case .tableCell:
            builder.separateCell()
        }
    }

    private mutating func close(_ tag: HTMLTag, marks: HTMLElementMarks) {
        switch tag {
        case .inline, .dropped, .lineBreak, .rule, .tableCell:
            break
        case .block, .tableRow:
            builder.softBreak()
        case .listItem:
            builder.softBreak()
            builder.clearPrefix()
        case .paragraph, .blockquote, .preformatted:
            builder.paragraphBreak()
        case .p:
            if marks.marginBottom { builder.paragraphBreak() } else { builder.softBreak() }
        case .unorderedList, .orderedList:
            lists.removeLast()
            if lists.isEmpty { builder.paragraphBreak() } else { builder.softBreak() }
        }
    }

    private mutating func listMarker() -> String {
        let indent = String(repeating: "  ", count: min(max(lists.count - 1, 0), 8))
        guard let level = lists.last, level.ordered else { return indent + "- " }
        lists[lists.count - 1].next += 1
        return indent + "\(level.next). "
    }

    private static func tag(of node: xmlNodePtr) -> HTMLTag {
        guard let name = node.pointee.name else { return .inline }
        return HTMLTag(name: bytes(name))
    }

    /// The `start` of an `ol` (HTML Living Standard 4.4.5), 1 when absent or not a number.
    private static func listStart(_ node: xmlNodePtr) -> Int {
        guard let bytes = attributes(of: node).start else { return 1 }
        let text = String(decoding: HTMLBytes.trimmed(bytes), as: UTF8.self)
        guard let value = Int(text), value > -1_000_000, value < 1_000_000 else { return 1 }
        return value
    }

    /// The bytes of a NUL-terminated libxml2 string, without copying.
    private static func bytes(_ string: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: string, count: strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self)))
    }

    private static func attributes(of node: xmlNodePtr) -> HTMLAttributes {
        var result = HTMLAttributes()
        var next = node.pointee.properties
        while let attribute = next {
            next = attribute.pointee.next
            guard let rawName = attribute.pointee.name else { continue }
            let name = bytes(rawName)
            var value: UnsafeBufferPointer<UInt8>?
            if let content = attribute.pointee.children?.pointee.content {
                value = bytes(content)
            }
            switch name.count {
            case 2 where HTMLBytes.equals(name, "id"): result.id = value
            case 4 where HTMLBytes.equals(name, "type"): result.type = value
            case 4 where HTMLBytes.equals(name, "name"): result.name = value
            case 5 where HTMLBytes.equals(name, "class"): result.className = value
            case 5 where HTMLBytes.equals(name, "style"): result.style = value
            case 5 where HTMLBytes.equals(name, "start"): result.start = value
            case 6 where HTMLBytes.equals(name, "hidden"): result.hidden = true
            case 14 where HTMLBytes.equals(name, "data-smartmail"): result.dataSmartmail = value
            case 19 where HTMLBytes.equals(name, "data-signatureblock"): result.dataSignatureBlock = value
            default: break
            }
        }
        return result
    }
}
