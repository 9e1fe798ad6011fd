/// The envelope commands of one message as text, for PIPELINING (RFC 2920): MAIL FROM (RFC 5321 section 4.1.1.2),
/// one RCPT TO per recipient (4.1.1.3) and DATA (4.1.1.4), with the DSN parameters of RFC 3461 (`RET`, `ENVID` as
/// xtext, `NOTIFY`) when the server offers DSN: the same commands libetpan's `mailesmtp_mail`/`mailesmtp_rcpt` send.
struct SMTPCommands: Sendable, Equatable {
    /// The command lines, without their CRLF.
    var lines: [String]
    /// The stage each line's reply belongs to (a refusal is reported there).
    var stages: [SMTPStage]

    /// Every line with its CRLF, in one string for one write.
    var joined: String { lines.map { $0 + "\r\n" }.joined() }

    /// The commands for `envelope`; `dsn` when the server announced DSN.
    static func envelope(_ envelope: SMTPEnvelope, dsn: Bool) -> SMTPCommands {
        var mail = "MAIL FROM:<\(envelope.from)>"
        if dsn {
            mail += envelope.returnFull ? " RET=FULL" : " RET=HDRS"
            if let id = envelope.envelopeID, !id.isEmpty { mail += " ENVID=\(xtext(id))" }
        }
        var lines = [mail]
        var notify = ""
        if dsn, !envelope.notify.isEmpty {
            let words = envelope.notify.contains(.never) ? ["NEVER"]
                : [DSNNotify.success, .failure, .delay].filter(envelope.notify.contains).map { $0.rawValue.uppercased() }
            notify = " NOTIFY=" + words.joined(separator: ",")
        }
        lines += envelope.recipients.map { "RCPT TO:<\($0)>\(notify)" }
        lines.append("DATA")
        return SMTPCommands(lines: lines,
                            stages: [.mail] + Array(repeating: .rcpt, count: envelope.recipients.count) + [.data])
    }

    /// RFC 3461 section 4: printable ASCII except `+` and `=` as is, any other byte as `+` and two upper-case hex digits.
    static func xtext(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if (33...126).contains(byte), byte != UInt8(ascii: "+"), byte != UInt8(ascii: "=") {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "+" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

