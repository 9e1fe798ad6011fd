import Foundation
import Testing
@testable import MailIngest

/// The corpus the libetpan differential suite runs over, and how our leaves are compared with libetpan's.
enum LibEtpanDifferential {
    /// One message of the corpus: a short stable id (`set/file`) and its location.
    struct Message: Sendable, CustomTestStringConvertible {
        var id: String
        var url: URL
        var testDescription: String { id }
    }

    /// The message sets compared, as (id prefix, folder, which file names).
    static var sets: [(prefix: String, folder: URL, keep: @Sendable (String) -> Bool)] {
        let fixtures = MIMETestSupport.fixtures
        return [
            ("mime4j", MIMETestSupport.mime4j, { $0.hasSuffix(".msg") }),
            ("bsd", fixtures.appendingPathComponent("bounces/bsd"), { $0.hasSuffix(".eml") }),
            ("talon", fixtures.appendingPathComponent("replies/talon-eml"), { !$0.hasPrefix(".") }),
            ("cpython", CPythonCorpusTests.folder, { $0.hasPrefix("msg_") && $0.hasSuffix(".txt") }),
            ("samples", MIMETestSupport.packageRoot.appendingPathComponent("samples"), { $0.hasSuffix(".eml") }),
        ]
    }

    /// Every message of every set, in set order then by name.
    static let corpus: [Message] = sets.flatMap { set in
        MIMETestSupport.files(in: set.folder).filter(set.keep).map {
            Message(id: "\(set.prefix)/\($0)", url: set.folder.appendingPathComponent($0))
        }
    }

    /// What libetpan is given: the message without a leading Unix mbox separator line (`From ...`). That line is
    /// mbox framing, not RFC 5322: libetpan's mbox driver strips it before `mailmime_parse`, which would otherwise
    /// stop its header parse there and return the whole file as one text/plain body. ``MessageParser`` skips it
    /// itself (see ``RawHeaderScanner``).
    static func libetpanInput(_ bytes: Data) -> Data {
        guard bytes.starts(with: Array("From ".utf8)) else { return bytes }
        guard let lf = bytes.firstIndex(of: 0x0A) else { return Data() }
        return Data(bytes[(lf + 1)...])
    }

    /// A leaf as both parsers can state it.
    struct Leaf {
        var path: String
        var mimeType: String
        var bytes: Data
        /// libetpan's transfer encoding for the leaf (nil on our side).
        var transferEncoding: String? = nil
    }

    /// Our leaves, from ``MessageParser``.
    static func ourLeaves(_ bytes: Data) -> [Leaf] {
        MessageParser().parse(bytes).root.leaves.map {
            Leaf(path: $0.path, mimeType: $0.contentType.mimeType, bytes: $0.data ?? Data())
        }
    }

    /// libetpan's leaves (meaningful only when its summary is sound).
    static func libetpanLeaves(_ summary: LibEtpanMIME.Summary) -> [Leaf] {
        summary.leaves.map {
            Leaf(path: $0.path, mimeType: $0.mimeType, bytes: $0.decoded ?? Data(), transferEncoding: $0.transferEncoding)
        }
    }

    /// How the two leaf lists compare.
    enum Outcome: Equatable, CustomStringConvertible {
        /// Same paths, types and bytes.
        case identical
        /// Same paths and types; the only byte differences are in quoted-printable leaves and vanish once every
        /// CRLF is read as LF: libetpan's QP decoder writes CRLF for each line break of an LF-stored message
        /// (pinned in ``LibEtpanMIMETests``), where we keep the message's own line ends.
        case identicalButQuotedPrintableLineEnds
        /// The first difference, checked in this order: the list of leaf paths (`paths`), the first leaf whose type
        /// differs (`type@path`), the first whose bytes differ (`bytes@path`).
        case differs(String)

        var description: String {
            switch self {
            case .identical: return "identical"
            case .identicalButQuotedPrintableLineEnds: return "identical but QP line ends"
            case .differs(let at): return at
            }
        }
    }

    static func compare(ours: [Leaf], libetpan: [Leaf]) -> Outcome {
        if ours.map(\.path) != libetpan.map(\.path) { return .differs("paths") }
        for (a, b) in zip(ours, libetpan) where a.mimeType != b.mimeType { return .differs("type@\(a.path)") }
        var lineEndsOnly = false
        for (a, b) in zip(ours, libetpan) where a.bytes != b.bytes {
            guard b.transferEncoding == "quoted-printable", lf(a.bytes) == lf(b.bytes) else {
                return .differs("bytes@\(a.path)")
            }
            lineEndsOnly = true
        }
        return lineEndsOnly ? .identicalButQuotedPrintableLineEnds : .identical
    }

    /// `bytes` with every CRLF replaced by LF.
    static func lf(_ bytes: Data) -> Data {
        var out = Data()
        out.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A, previous == 0x0D { out.removeLast() }
            out.append(byte)
            previous = byte
        }
        return out
    }

    /// Runs both parsers on one file.
    static func run(_ message: Message) throws -> (summary: LibEtpanMIME.Summary, outcome: Outcome?) {
        let bytes = try Data(contentsOf: message.url)
        let summary = LibEtpanMIME.parse(libetpanInput(bytes))
        guard summary.isSound else { return (summary, nil) }
        return (summary, compare(ours: ourLeaves(bytes), libetpan: libetpanLeaves(summary)))
    }
}
