import Foundation
import Testing
@testable import MailIngest

/// libetpan 1.9.4's MIME parser (`mailmime_parse` + `mailmime_part_parse`, through ``LibEtpanMIME``) as a
/// differential oracle for ``MessageParser`` over every message of the shared MIME, bounce (LF) and reply fixtures,
/// CPython's email test messages and `samples/`. Where libetpan's tree is sound, our leaves (paths, types, decoded
/// bytes) must equal its leaves, except on the messages listed below with the cause of each difference. Listed
/// messages must still differ in the listed way, so the list cannot go stale silently.
@Suite struct LibEtpanDifferentialTests {
    typealias Message = LibEtpanDifferential.Message

    /// Why the two parsers disagree on a message. Unless marked "ours", the difference is a libetpan defect
    /// (each pinned on a minimal message in ``LibEtpanMIMETests``) and our result is the right one.
    enum Cause: String, Sendable, CaseIterable {
        /// A multipart with no usable delimiter: the preamble length is `SIZE_MAX - 2` (CRLF) or `- 1` (LF).
        case corruptPreambleLength = "libetpan: preamble length SIZE_MAX-2/-1 when no delimiter is found"
        /// Two delimiters in a row (an empty part): libetpan does not see the second one (no line break of the
        /// part's own before it), so the empty part is lost and the next delimiter line (often the close delimiter,
        /// then the epilogue) becomes part content.
        case dropsEmptyPart = "libetpan: drops an empty part"
        /// No delimiter of this boundary at all, or only the close delimiter: libetpan makes a part of what follows.
        case inventsPart = "libetpan: invents a part in a multipart without one"
        /// A part without Content-Type inside multipart/digest is message/rfc822 (RFC 2046 §5.1.5); libetpan reads
        /// text/plain, so the carried message's headers end up in a text body.
        case digestDefaultIgnored = "libetpan: ignores multipart/digest's default type message/rfc822"
        /// A boundary containing `=?` (legal `bchars`, RFC 2046 §5.1.1): libetpan's parameter parser takes it for
        /// an RFC 2047 encoded word and loses the boundary, so the multipart stays one leaf. mime4j's "very long"
        /// and "space-ending" boundary cases fail in libetpan for this reason, not for their length or spaces.
        case boundaryWithEncodedWordOpener = "libetpan: loses a boundary containing '=?'"
        /// `boundary*=charset''value` (RFC 2231 §4): libetpan does not decode the parameter and finds no boundary.
        case rfc2231BoundaryIgnored = "libetpan: ignores an RFC 2231 boundary*= parameter"
        /// After a close delimiter libetpan keeps looking for an ordinary delimiter of the same boundary (here the
        /// same boundary reused by a nested or appended multipart), so the epilogue becomes parts (RFC 2046 §5.1.1).
        case readsPastCloseDelimiter = "libetpan: reads parts past the close delimiter"
        /// Text after the boundary on a delimiter line: libetpan makes it the part's first line; RFC 2046 §5.1.1
        /// allows only white space there, and mime4j and we ignore the rest of the line.
        case delimiterLineTail = "libetpan: keeps text after the boundary on a delimiter line"
        /// The last part of a multipart with no close delimiter runs to the end of its container; libetpan drops
        /// its final line break as if a delimiter followed.
        case unterminatedPartTrimmed = "libetpan: trims the last line break of an unterminated last part"
        /// Same situation; libetpan also cuts the part at the last line starting with `--` even when that line is
        /// not a delimiter of this boundary, losing the text after it.
        case unterminatedPartCut = "libetpan: cuts an unterminated last part at its last '--' line"
        /// Quoted-printable: white space at the end of an encoded line is transport padding a decoder deletes
        /// (RFC 2045 §6.7 rule 3); libetpan keeps it.
        case quotedPrintableTrailingSpace = "libetpan: keeps trailing white space of quoted-printable lines"
        /// Quoted-printable `=` not followed by two hex digits (`charset="us-ascii"` unencoded in a QP part):
        /// libetpan emits a garbage byte (NUL here) and drops the `=`; RFC 2045 §6.7 note 1 says keep it as is.
        case quotedPrintableBadEscape = "libetpan: decodes '=' + non-hex as a byte"
        /// Quoted-printable `=0D` at the end of a line of an LF message: libetpan's CRLF rewrite of line breaks
        /// yields CR CR LF.
        case quotedPrintableEncodedCR = "libetpan: '=0D' before a line break becomes CR CR LF"
        /// A part whose last header line has no line break (the delimiter follows at once): libetpan's field
        /// parser rejects it and the line becomes the body; it is a header (RFC 5322 §2.2 allows no body).
        case lastHeaderWithoutLineBreak = "libetpan: reads a last header line without line break as body"
        /// `Content-Type: text` (no subtype) is invalid, so the default text/plain applies (RFC 2045 §5.2);
        /// libetpan invents the subtype `unknown`.
        case typeWithoutSubtype = "libetpan: types 'text' without subtype as text/unknown"
        /// `Content-Type: multipart/...;` then `boundary=...` on the next line without folding white space: we
        /// read the line as the lost continuation (``RawHeaderScanner``); libetpan ends the field there, finds no
        /// boundary and keeps the multipart as one leaf.
        case lostFoldingWhiteSpace = "libetpan: no recovery of a boundary= line that lost its folding"
        /// Ours, by design: a base64 or QP message/rfc822 body is decoded and parsed (as mime4j does; senders do
        /// this although RFC 2046 §5.2.1 forbids it); libetpan keeps it as one leaf holding the carried message.
        case encodedMessageDescended = "ours: an encoded message/rfc822 is decoded and parsed"
        /// Ours, by design: a multipart without boundary parameter is read as a text/plain leaf (RFC 2045 §5.2's
        /// fallback, so body choice finds the words); libetpan keeps the multipart type on the leaf.
        case multipartWithoutBoundaryAsText = "ours: a multipart without boundary is typed text/plain"
    }

    /// A listed difference: its cause, and where the comparison first sees it (`paths`, `type@P`, `bytes@P`).
    struct Known: Sendable {
        var cause: Cause
        var at: String
        init(_ cause: Cause, _ at: String) {
            self.cause = cause
            self.at = at
        }
    }

    /// Messages on which libetpan's tree is unsound (a length past the buffer): not compared. Every one is a
    /// multipart (outer or nested) whose boundary never occurs as a delimiter.
    static let unsound: [String: Cause] = [
        "mime4j/missing-boundary.msg": .corruptPreambleLength,
        "mime4j/missing-inner-boundary.msg": .corruptPreambleLength,
        "bsd/lhost-amazonses-14.eml": .corruptPreambleLength,
        "bsd/lhost-messagingserver-03.eml": .corruptPreambleLength,
        "bsd/lhost-sendgrid-01.eml": .corruptPreambleLength,
        "bsd/rfc3464-04.eml": .corruptPreambleLength,
        "cpython/msg_17.txt": .corruptPreambleLength,
    ]

    /// Messages on which libetpan's tree is sound but its leaves differ from ours.
    static let differences: [String: Known] = [
        // mime4j's malformed cases (the reasons MessageParser does not use libetpan's tree).
        "mime4j/multipartemptypart.msg": Known(.dropsEmptyPart, "bytes@1.1"),
        "mime4j/multipartnestedemptyparts.msg": Known(.dropsEmptyPart, "bytes@1.1.1.1"),
        "mime4j/multipartnestedemptypartsnorfc822.msg": Known(.dropsEmptyPart, "bytes@1.1.1"),
        "mime4j/multipartnopart.msg": Known(.inventsPart, "paths"),
        "mime4j/missing-inner-start-boundary.msg": Known(.inventsPart, "paths"),
        "mime4j/multipartdigestnestedemptyparts.msg": Known(.digestDefaultIgnored, "paths"),
        "mime4j/very-long-boundary.msg": Known(.boundaryWithEncodedWordOpener, "paths"),
        "mime4j/very-very-long-boundary.msg": Known(.boundaryWithEncodedWordOpener, "paths"),
        "mime4j/weird-boundary.msg": Known(.boundaryWithEncodedWordOpener, "paths"),
        "mime4j/ending-boundaries.msg": Known(.delimiterLineTail, "bytes@1.1"),
        "mime4j/base64encoded-rfc822message.msg": Known(.encodedMessageDescended, "paths"),
        "mime4j/base64encoded-rfc822message-nested.msg": Known(.encodedMessageDescended, "paths"),
        "mime4j/bad-newlines-multiple-parts-base64.msg": Known(.encodedMessageDescended, "paths"),
        // CPython's email test messages.
        "cpython/msg_24.txt": Known(.dropsEmptyPart, "bytes@1.1"),
        "cpython/msg_37.txt": Known(.dropsEmptyPart, "paths"),
        "cpython/msg_31.txt": Known(.inventsPart, "paths"),  // declares BOUNDARY_, uses BOUNDARY
        "cpython/msg_42.txt": Known(.inventsPart, "paths"),  // inner body is only `--BBB--`
        "cpython/msg_02.txt": Known(.digestDefaultIgnored, "paths"),
        "cpython/msg_30.txt": Known(.digestDefaultIgnored, "paths"),
        "cpython/msg_33.txt": Known(.rfc2231BoundaryIgnored, "paths"),
        "cpython/msg_15.txt": Known(.readsPastCloseDelimiter, "paths"),  // inner and outer share one boundary
        "cpython/msg_39.txt": Known(.readsPastCloseDelimiter, "paths"),  // same
        "cpython/msg_14.txt": Known(.typeWithoutSubtype, "type@1"),
        "cpython/msg_25.txt": Known(.multipartWithoutBoundaryAsText, "type@1"),  // `boundary` cut to `bo`
        "cpython/msg_41.txt": Known(.multipartWithoutBoundaryAsText, "type@1"),
        // sisimai's bounces (LF line ends). Bounce generators often leave the report unterminated.
        "bsd/arf-01.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/arf-16.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-activehunter-01.eml": Known(.unterminatedPartTrimmed, "bytes@1.2.1"),
        "bsd/lhost-biglobe-01.eml": Known(.unterminatedPartTrimmed, "bytes@1.2.1"),
        "bsd/lhost-courier-03.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-domino-03.eml": Known(.unterminatedPartTrimmed, "bytes@1.1.3.1"),  // nested report unterminated
        "bsd/lhost-exchange2003-03.eml": Known(.unterminatedPartTrimmed, "bytes@1.2.1"),
        "bsd/lhost-interscanmss-01.eml": Known(.unterminatedPartTrimmed, "bytes@1.2.1"),
        "bsd/lhost-kddi-01.eml": Known(.unterminatedPartTrimmed, "bytes@1.2.1"),
        "bsd/lhost-mailfoundry-01.eml": Known(.unterminatedPartTrimmed, "bytes@1.2.1"),
        "bsd/lhost-postfix-05.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-postfix-16.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-postfix-30.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-sendmail-13.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-sendmail-17.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        "bsd/lhost-surfcontrol-03.eml": Known(.unterminatedPartTrimmed, "bytes@1.3.1"),
        // Its delimiters name boundary ...0007/..., not the declared ...0000/...
        "bsd/rhost-google-01.eml": Known(.unterminatedPartCut, "bytes@1.2"),
        // Its delimiters name xxxx.xxxx.net, the declared boundary xxx.xxxx.net.
        "bsd/rhost-franceptt-07.eml": Known(.inventsPart, "paths"),
        // The report is closed, then a second copy of it follows in the epilogue.
        "bsd/rhost-cox-01.eml": Known(.readsPastCloseDelimiter, "paths"),
        "bsd/lhost-gmail-19.eml": Known(.quotedPrintableTrailingSpace, "bytes@1"),
        "bsd/rfc3464-09.eml": Known(.quotedPrintableBadEscape, "bytes@1.3"),
        "bsd/lhost-postfix-64.eml": Known(.quotedPrintableEncodedCR, "bytes@1.3.1.1"),
        "bsd/rfc3464-26.eml": Known(.lastHeaderWithoutLineBreak, "bytes@1.3.1.2.1.1"),
        "bsd/lhost-apachejames-01.eml": Known(.lostFoldingWhiteSpace, "paths"),
        "bsd/lhost-office365-09.eml": Known(.lostFoldingWhiteSpace, "paths"),
        "bsd/lhost-office365-11.eml": Known(.lostFoldingWhiteSpace, "paths"),
        // talon's replies.
        "talon/sparrow.eml": Known(.quotedPrintableTrailingSpace, "bytes@1.2"),
    ]

    @Test(arguments: LibEtpanDifferential.corpus)
    func leavesAgreeWhereLibetpanIsSound(_ message: Message) throws {
        let (summary, outcome) = try LibEtpanDifferential.run(message)
        if Self.unsound[message.id] != nil {
            #expect(!summary.isSound, "listed as unsound, but libetpan's tree is sound now: compare it")
            #expect(!summary.anomalies.isEmpty && summary.anomalies.allSatisfy {
                $0.code == .outOfBounds && $0.field == "preamble" && $0.length > UInt(Int.max)
            }, "\(summary.anomalies)")
            return
        }
        #expect(summary.status == 0)
        #expect(summary.anomalies.isEmpty, "\(summary.anomalies)")
        guard let outcome else { return }
        if let known = Self.differences[message.id] {
            #expect(outcome == .differs(known.at), "listed as \(known.cause) at \(known.at)")
        } else {
            #expect(outcome == .identical || outcome == .identicalButQuotedPrintableLineEnds, "\(outcome)")
        }
    }

    @Test func corpusIsPresentAndListsAreCurrent() {
        let ids = Set(LibEtpanDifferential.corpus.map(\.id))
        #expect(ids.count >= 400, "\(ids.count) messages: are the shared fixtures and CPython's test data installed?")
        for id in Self.unsound.keys { #expect(ids.contains(id), "stale entry \(id)") }
        for id in Self.differences.keys { #expect(ids.contains(id), "stale entry \(id)") }
        #expect(Set(Self.unsound.keys).isDisjoint(with: Self.differences.keys))
    }

    /// The agreement numbers, printed for the record; they must add up to the corpus.
    @Test func agreementNumbers() throws {
        var counts: [String: Int] = [:]
        var byCause: [Cause: Int] = [:]
        for message in LibEtpanDifferential.corpus {
            let (_, outcome) = try LibEtpanDifferential.run(message)
            switch outcome {
            case nil: counts["unsound", default: 0] += 1
            case .identical?: counts["identical", default: 0] += 1
            case .identicalButQuotedPrintableLineEnds?: counts["identicalButQPLineEnds", default: 0] += 1
            case .differs?: counts["differs", default: 0] += 1
            }
            if let known = Self.differences[message.id], outcome != .identical { byCause[known.cause, default: 0] += 1 }
        }
        let total = LibEtpanDifferential.corpus.count
        #expect(counts.values.reduce(0, +) == total)
        #expect(counts["unsound", default: 0] == Self.unsound.count)
        #expect(counts["differs", default: 0] == Self.differences.count)
        print("libetpan differential: \(total) messages, \(total - counts["unsound", default: 0]) compared, "
              + "\(counts["identical", default: 0]) identical, \(counts["identicalButQPLineEnds", default: 0]) "
              + "identical but for libetpan's CRLF in QP output, \(counts["differs", default: 0]) differ, "
              + "\(counts["unsound", default: 0]) unsound")
        for cause in Cause.allCases where byCause[cause] != nil { print("  \(byCause[cause]!) \(cause.rawValue)") }
    }
}
