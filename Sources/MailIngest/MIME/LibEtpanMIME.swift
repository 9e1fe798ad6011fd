internal import Foundation

/// libetpan's own reading of a message's MIME tree (`mailmime_parse`, leaves decoded with `mailmime_part_parse`),
/// as plain Swift values. Not used at runtime: ``MessageParser`` builds the tree itself (its doc comment says why).
/// This is the differential oracle the tests compare ``MessageParser`` against, so that the decision and every
/// disagreement stay evidenced.
///
/// Safety: libetpan's tree points into the input buffer and, on malformed input, can hold lengths that run past it
/// (a preamble of `SIZE_MAX - 2` bytes on a missing boundary). Every pointer and length is checked against the
/// buffer before anything is read; a violation becomes an ``Anomaly`` and the region is never touched.
enum LibEtpanMIME {
    /// What libetpan made of one message.
    struct Summary: Sendable, Equatable {
        /// `mailmime_parse`'s return code (`MAILIMF_NO_ERROR` is 0).
        var status: Int
        /// The top entity (our path `1`): the `mm_msg_mime` of the message wrapper libetpan puts at its root.
        var root: Node?
        /// Everything found unsafe or impossible in libetpan's tree, in walk order.
        var anomalies: [Anomaly]

        /// True when libetpan returned a tree with no anomaly: only then are its leaves worth comparing.
        var isSound: Bool { status == 0 && root != nil && anomalies.isEmpty }

        /// Every node, depth first, in input order.
        var allNodes: [Node] { root.map { $0.allNodes } ?? [] }

        /// The leaves (`MAILMIME_SINGLE` entities), depth first, in input order.
        var leaves: [Node] { allNodes.filter { $0.kind == .single } }
    }

    /// One entity of libetpan's tree.
    struct Node: Sendable, Equatable {
        /// libetpan's `mm_type`.
        enum Kind: Sendable, Equatable {
            case single, multipart, message
        }

        /// Our naming (`1`, `1.2`, `1.2.1`): a multipart's i-th part adds `.i`, a carried message adds `.1`.
        var path: String
        var kind: Kind
        /// Lower-cased `type/subtype` from libetpan's `mailmime_content` (its default when the header is absent).
        var mimeType: String
        /// The transfer encoding libetpan decoded a leaf with (`7bit`, `8bit`, `binary`, `quoted-printable`,
        /// `base64`, or `other` for a token it does not know, which it copies as is); nil for containers.
        var transferEncoding: String? = nil
        /// A leaf's body after `mailmime_part_parse`; nil for containers or when the body was unsafe to read.
        var decoded: Data? = nil
        /// A multipart's preamble and epilogue as libetpan located them (offsets into the input), when in bounds.
        var preamble: Region? = nil
        var epilogue: Region? = nil
        var children: [Node] = []

        /// This node and every descendant, depth first.
        var allNodes: [Node] { [self] + children.flatMap { $0.allNodes } }
    }

    /// A span of the input buffer: `offset` from its start, `length` bytes.
    struct Region: Sendable, Equatable {
        var offset: Int
        var length: Int
    }

    /// Something in libetpan's tree that cannot be trusted.
    struct Anomaly: Sendable, Equatable {
        enum Code: Sendable, Equatable {
            /// A pointer/length pair that does not lie inside the input buffer (never read).
            case outOfBounds
            /// A pointer libetpan left NULL where its types promise one.
            case nullPointer
            /// A message/rfc822 entity whose carried message libetpan could not build (`mm_msg_mime` NULL).
            case missingMessage
            /// A type tag outside libetpan's documented enum.
            case unknownTag
            /// `mailmime_part_parse` failed on a leaf.
            case decodeFailed
            /// The tree is deeper than ``LibEtpanMIME/maxDepth``: the walk stopped there.
            case tooDeep
        }

        var code: Code
        /// The path of the entity where it was found.
        var path: String
        /// Which member: `entity`, `body`, `preamble`, `epilogue`, `content_type`, `parts`, `message`.
        var field: String
        /// The raw offset of the pointer from the buffer's start (may be negative or past the end) and the raw
        /// length, as libetpan gave them, for `outOfBounds`; zero otherwise.
        var offset: Int = 0
        var length: UInt = 0
    }

    /// Depth at which the walk stops (libetpan itself recursed to build the tree; the walk does not follow further).
    static let maxDepth = 100

    /// Parses `bytes` with libetpan and summarises the tree. The bytes are copied into a buffer that stays alive
    /// and unmoved until the summary is built and the tree freed.
    static func parse(_ bytes: Data) -> Summary {
        let document = LibEtpanMIMEDocument(bytes)
        return withExtendedLifetime(document) { document.summary() }
    }
}
