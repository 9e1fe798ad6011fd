internal import Foundation
private import CLibEtpan

/// Walks a `struct mailmime` tree into ``LibEtpanMIME/Node`` values. Every pointer into the input is checked
/// against the buffer `[base, base + count)` before it is read; tags are checked against libetpan's enums before a
/// union member is read.
struct LibEtpanMIMEWalk {
    typealias Node = LibEtpanMIME.Node
    typealias Anomaly = LibEtpanMIME.Anomaly

    /// The buffer's address and size.
    let base: UInt
    let count: Int
    private(set) var anomalies: [Anomaly] = []

    init(base: UInt, count: Int) {
        self.base = base
        self.count = count
    }

    mutating func report(_ code: Anomaly.Code, at path: String, field: String, offset: Int = 0, length: UInt = 0) {
        anomalies.append(Anomaly(code: code, path: path, field: field, offset: offset, length: length))
    }

    /// The span when `length` bytes from `pointer` lie inside the buffer; else nil and an `outOfBounds` anomaly
    /// carrying the raw offset and length (nothing is read).
    mutating func region(_ pointer: UnsafePointer<CChar>?, _ length: Int, path: String,
                         field: String) -> LibEtpanMIME.Region? {
        guard let pointer else {
            report(.nullPointer, at: path, field: field)
            return nil
        }
        let address = UInt(bitPattern: pointer)
        let offset = Int(bitPattern: address &- base)
        let rawLength = UInt(bitPattern: length)
        // Offset first (so `count - offset` cannot overflow), then the length against what is left.
        guard address >= base, offset <= count, rawLength <= UInt(count - offset) else {
            report(.outOfBounds, at: path, field: field, offset: offset, length: rawLength)
            return nil
        }
        return LibEtpanMIME.Region(offset: offset, length: length)
    }

    /// The top entity (our path `1`) of a `mailmime_parse` result, passed untyped because the C module is imported
    /// privately. libetpan's root is a message/rfc822 wrapper whose `mm_msg_mime` is that entity.
    mutating func top(of tree: UnsafeMutableRawPointer) -> Node? {
        let wrapper = tree.assumingMemoryBound(to: mailmime.self)
        guard Int(wrapper.pointee.mm_type) == MAILMIME_MESSAGE else {
            report(.unknownTag, at: "1", field: "entity")
            return nil
        }
        guard let top = wrapper.pointee.mm_data.mm_message.mm_msg_mime else {
            report(.missingMessage, at: "1", field: "message")
            return nil
        }
        return node(top, path: "1", depth: 0)
    }

    /// One entity and everything under it.
    fileprivate mutating func node(_ mime: UnsafeMutablePointer<mailmime>, path: String, depth: Int) -> Node {
        let entity = mime.pointee
        _ = region(entity.mm_mime_start, entity.mm_length, path: path, field: "entity")
        var node = Node(path: path, kind: .single, mimeType: mimeType(entity.mm_content_type, path: path))
        guard depth < LibEtpanMIME.maxDepth else {
            report(.tooDeep, at: path, field: "entity")
            return node
        }
        switch Int(entity.mm_type) {
        case MAILMIME_SINGLE:
            leaf(entity.mm_data.mm_single, into: &node)
        case MAILMIME_MULTIPLE:
            node.kind = .multipart
            let multipart = entity.mm_data.mm_multipart
            node.preamble = textRegion(multipart.mm_preamble, path: path, field: "preamble")
            node.epilogue = textRegion(multipart.mm_epilogue, path: path, field: "epilogue")
            guard let list = multipart.mm_mp_list else {
                report(.nullPointer, at: path, field: "parts")
                return node
            }
            var iterator = ingestd_clist_begin(list)
            var index = 1
            while let current = iterator {
                if let child = ingestd_clist_content(current) {
                    node.children.append(self.node(child.assumingMemoryBound(to: mailmime.self),
                                                   path: "\(path).\(index)", depth: depth + 1))
                } else {
                    report(.nullPointer, at: "\(path).\(index)", field: "entity")
                }
                index += 1
                iterator = ingestd_clist_next(current)
            }
        case MAILMIME_MESSAGE:
            node.kind = .message
            if let inner = entity.mm_data.mm_message.mm_msg_mime {
                node.children = [self.node(inner, path: path + ".1", depth: depth + 1)]
            } else {
                report(.missingMessage, at: path, field: "message")
            }
        default:
            report(.unknownTag, at: path, field: "entity")
        }
        return node
    }

    /// A leaf's body decoded by `mailmime_part_parse` with the mechanism libetpan recorded for it.
    private mutating func leaf(_ data: UnsafeMutablePointer<mailmime_data>?, into node: inout Node) {
        guard let data else {
            report(.nullPointer, at: node.path, field: "body")
            return
        }
        guard Int(data.pointee.dt_type) == MAILMIME_DATA_TEXT else {
            report(.unknownTag, at: node.path, field: "body")
            return
        }
        switch Int(data.pointee.dt_encoding) {
        case MAILMIME_MECHANISM_7BIT: node.transferEncoding = "7bit"
        case MAILMIME_MECHANISM_8BIT: node.transferEncoding = "8bit"
        case MAILMIME_MECHANISM_BINARY: node.transferEncoding = "binary"
        case MAILMIME_MECHANISM_QUOTED_PRINTABLE: node.transferEncoding = "quoted-printable"
        case MAILMIME_MECHANISM_BASE64: node.transferEncoding = "base64"
        default: node.transferEncoding = "other"
        }
        let text = data.pointee.dt_data.dt_text
        guard region(text.dt_data, text.dt_length, path: node.path, field: "body") != nil, let start = text.dt_data
        else { return }
        var index = 0
        var result: UnsafeMutablePointer<CChar>? = nil
        var resultLength = 0
        let status = mailmime_part_parse(start, text.dt_length, &index, data.pointee.dt_encoding, &result, &resultLength)
        guard Int(status) == MAILIMF_NO_ERROR, let result else {
            report(.decodeFailed, at: node.path, field: "body")
            return
        }
        defer { mmap_string_unref(result) }
        node.decoded = Data(bytes: result, count: resultLength)
    }

    /// A preamble or epilogue: absent is fine, present must be text inside the buffer.
    private mutating func textRegion(_ data: UnsafeMutablePointer<mailmime_data>?, path: String,
                                     field: String) -> LibEtpanMIME.Region? {
        guard let data else { return nil }
        guard Int(data.pointee.dt_type) == MAILMIME_DATA_TEXT else {
            report(.unknownTag, at: path, field: field)
            return nil
        }
        return region(data.pointee.dt_data.dt_text.dt_data, data.pointee.dt_data.dt_text.dt_length, path: path,
                      field: field)
    }

    /// `type/subtype`, lower-cased, from libetpan's parsed Content-Type (or the default it substituted).
    private mutating func mimeType(_ content: UnsafeMutablePointer<mailmime_content>?, path: String) -> String {
        guard let content, let type = content.pointee.ct_type, let subtype = content.pointee.ct_subtype else {
            report(.nullPointer, at: path, field: "content_type")
            return ""
        }
        var top: String? = nil
        switch Int(type.pointee.tp_type) {
        case MAILMIME_TYPE_DISCRETE_TYPE:
            if let discrete = type.pointee.tp_data.tp_discrete_type {
                switch Int(discrete.pointee.dt_type) {
                case MAILMIME_DISCRETE_TYPE_TEXT: top = "text"
                case MAILMIME_DISCRETE_TYPE_IMAGE: top = "image"
                case MAILMIME_DISCRETE_TYPE_AUDIO: top = "audio"
                case MAILMIME_DISCRETE_TYPE_VIDEO: top = "video"
                case MAILMIME_DISCRETE_TYPE_APPLICATION: top = "application"
                case MAILMIME_DISCRETE_TYPE_EXTENSION: top = discrete.pointee.dt_extension.map { String(cString: $0) }
                default: break
                }
            }
        case MAILMIME_TYPE_COMPOSITE_TYPE:
            if let composite = type.pointee.tp_data.tp_composite_type {
                switch Int(composite.pointee.ct_type) {
                case MAILMIME_COMPOSITE_TYPE_MESSAGE: top = "message"
                case MAILMIME_COMPOSITE_TYPE_MULTIPART: top = "multipart"
                case MAILMIME_COMPOSITE_TYPE_EXTENSION: top = composite.pointee.ct_token.map { String(cString: $0) }
                default: break
                }
            }
        default:
            break
        }
        guard let top else {
            report(.unknownTag, at: path, field: "content_type")
            return ""
        }
        return "\(top)/\(String(cString: subtype))".lowercased()
    }
}
