#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one pass over a text's dashes that finds the report field names ``ReportText`` looks for in the notice.
extension ReportText {
    /// ``finalRecipientFields`` and ``FeedbackReport/feedbackTypeFields`` with the offset of their dash.
    static let finalRecipientDashes = finalRecipientFields.map { (bytes: $0.bytes, dash: $0.bytes.firstIndex(of: 0x2D)!) }
    static let feedbackTypeDashes = FeedbackReport.feedbackTypeFields.map {
        (bytes: $0.bytes, dash: $0.bytes.firstIndex(of: 0x2D)!)
    }

    /// Whether `text` holds one of ``finalRecipientFields`` and one of ``FeedbackReport/feedbackTypeFields``, as
    /// their ``BytePattern/occurs(in:)`` would tell, in one `memchr` pass over the dashes: each name has its dash at
    /// a fixed offset, so it occurs iff it is found around one of the text's dashes.
    static func dashFields(_ text: String) -> (finalRecipient: Bool, feedbackType: Bool) {
        let names = dashNames(text)
        return (names.finalRecipient, names.feedbackType)
    }

    /// ``FeedbackReport/hmxmRecipientField``.
    static let hmxmRecipientField = FeedbackReport.hmxmRecipientField

    /// ``dashFields(_:)`` and whether `text` holds ``hmxmRecipientField`` in any ASCII case (as
    /// ``ASCIIFold/contains(_:_:)-(String,_)`` would tell), in the same pass: that name has its dash second.
    static func dashNames(_ text: String) -> (finalRecipient: Bool, feedbackType: Bool, hmxmRecipient: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var finalRecipient = false, feedbackType = false, hmxmRecipient = false
            guard let base = bytes.baseAddress else { return (false, false, false) }
            let count = bytes.count
            func found(_ patterns: [(bytes: [UInt8], dash: Int)], around dash: Int) -> Bool {
                patterns.contains { pattern in
                    let start = dash - pattern.dash
                    return start >= 0 && start + pattern.bytes.count <= count
                        && pattern.bytes.withUnsafeBufferPointer { memcmp(base + start, $0.baseAddress!, $0.count) == 0 }
                }
            }
            var from = 0
            while from < count, let hit = memchr(base + from, Int32(UInt8(ascii: "-")), count - from) {
                let dash = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                // Every Final-Recipient name has an R or r after its dash, every Feedback-Type name a T or t.
                let after = dash + 1 < count ? base[dash + 1] | 0x20 : 0
                if after == UInt8(ascii: "r"), !finalRecipient, found(finalRecipientDashes, around: dash) {
                    finalRecipient = true
                }
                if after == UInt8(ascii: "t"), !feedbackType, found(feedbackTypeDashes, around: dash) { feedbackType = true }
                if after == UInt8(ascii: "h"), !hmxmRecipient, dash >= 1, dash - 1 + hmxmRecipientField.count <= count {
                    hmxmRecipient = hmxmRecipientField.indices.allSatisfy {
                        ASCIIFold.fold(base[dash - 1 + $0]) == hmxmRecipientField[$0]
                    }
                }
                if finalRecipient && feedbackType && hmxmRecipient { break }
                from = dash + 1
            }
            return (finalRecipient, feedbackType, hmxmRecipient)
        }
    }
}
