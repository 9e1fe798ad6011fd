import Foundation

/// The SMTP command (RFC 5321 §4.1) a failure answered, as bounce texts name it: "in reply to RCPT TO command"
/// (Postfix), "after end of data" (Exim), `>>> DATA` then `<<< 550` (Sendmail transcripts), "SMTP command DATA".
///
/// It refines a reason: an unknown user refused only after the message body was sent is a content filter's
/// decision (`filtered`), and a refusal at MAIL FROM is about the sender (`rejected`).
enum SMTPCommand: Sendable, Hashable {
    case connect, helo, mailFrom, rcptTo, data

    /// Phrases naming the command, as UTF-8 bytes of lower-cased, space-collapsed text.
    private static let phrases: [([UInt8], SMTPCommand)] = [
        ("in reply to end of data command", SMTPCommand.data), ("in reply to data command", .data),
        ("after end of data", .data), ("after data", .data), ("smtp command data", .data),
        ("command data", .data), ("(data)", .data), ("after end of data:", .data),
        ("in reply to rcpt to command", .rcptTo), ("after rcpt to", .rcptTo), ("rcpt to command", .rcptTo),
        ("in reply to mail from command", .mailFrom), ("after mail from", .mailFrom),
        ("mail from command", .mailFrom),
        ("in reply to helo command", .helo), ("in reply to ehlo command", .helo), ("after helo", .helo),
        ("after ehlo", .helo), ("after initial connection", .connect), ("while performing the helo", .helo),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The marker of a server's line in a session transcript.
    private static let transcriptReply: [UInt8] = Array("<<<".utf8)

    /// The command the first failure in `text` answered, or nil when the text does not say.
    static func find(in text: String) -> SMTPCommand? {
        find(in: text, collapsed: DiagnosticText.collapse(text))
    }

    /// ``find(in:)`` with `DiagnosticText.collapse(text)` already made (``ReasonClassifier`` needs it too).
    static func find(in text: String, collapsed: String) -> SMTPCommand? {
        // Byte search over the normalised text (PhraseText): Foundation's range(of:) was slow enough on large notices
        // to exceed the fuzzer's one-second budget.
        let normalised = PhraseText(collapsed, pairs: false)
        var best: (Int, SMTPCommand)?
        for (phrase, command) in phrases {
            if let end = normalised.find(phrase, from: 0), best.map({ end - phrase.count < $0.0 }) ?? true {
                best = (end - phrase.count, command)
            }
        }
        if let best { return best.1 }
        // A transcript answers only on a "<<<" line: without one there is nothing to read.
        guard normalised.find(transcriptReply, from: 0) != nil else { return nil }
        return fromTranscript(text.lowercased())
    }

    /// The last `>>> COMMAND` line before the first `<<< 4xx/5xx` reply of a session transcript.
    static func fromTranscript(_ lower: String) -> SMTPCommand? {
        var last: SMTPCommand?
        for line in TextLines.all(lower) {
            // trimmingWhitespace: the same trimming, over the bytes when they are ASCII.
            let trimmed = DeliveryStatusFields.trimmingWhitespace(line)
            if trimmed.hasPrefix(">>>") {
                let command = DeliveryStatusFields.trimmingWhitespace(trimmed.dropFirst(3))
                if command.hasPrefix("mail from") { last = .mailFrom }
                else if command.hasPrefix("rcpt to") { last = .rcptTo }
                else if command.hasPrefix("data") { last = .data }
                else if command.hasPrefix("ehlo") || command.hasPrefix("helo") { last = .helo }
                else { last = nil }
            } else if trimmed.hasPrefix("<<< 4") || trimmed.hasPrefix("<<< 5") {
                return last
            }
        }
        return nil
    }
}
