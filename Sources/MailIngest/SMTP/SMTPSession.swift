public import Foundation
private import CLibEtpan
#if canImport(Glibc)
import Glibc
#endif

/// One SMTP session over libetpan (`mailsmtp`): connect (plain, STARTTLS or TLS), EHLO, AUTH, then any number of
/// messages on the same connection (RFC 5321 section 3.3; `RSET` after a refused transaction), then QUIT. Every call
/// blocks: use it from one thread only (``SMTPSender`` gives it one), never from the cooperative pool. Each step has
/// the configured timeout. The C session is freed in `deinit`.
public final class SMTPSession {
    private let configuration: SMTPServerConfiguration
    private let verifier: (any TLSPeerVerifying)?
    private var smtp: UnsafeMutablePointer<mailsmtp>?
    private var hostCString: UnsafeMutablePointer<CChar>?
    /// True once connected, greeted and authenticated.
    public private(set) var isReady = false
    /// Extensions the server announced (EHLO): DSN support decides whether ENVID/NOTIFY are sent.
    public private(set) var supportsDSN = false
    /// PIPELINING announced (RFC 2920): MAIL, every RCPT and DATA then go out in one write, unless the
    /// configuration turns it off (`pipelining`).
    public private(set) var supportsPipelining = false

    /// A session for a server; `verifier` checks the certificate under TLS (nil accepts any: tests only).
    public init(configuration: SMTPServerConfiguration, verifier: (any TLSPeerVerifying)?) {
        self.configuration = configuration
        self.verifier = verifier
    }

    deinit {
        if let smtp { mailsmtp_free(smtp) }
        free(hostCString)
    }

    /// Connects, greets, secures and authenticates as configured.
    public func open() throws(SMTPError) {
        close(quit: false)
        guard let session = mailsmtp_new(0, nil) else { throw SMTPError(.connectionFailed, stage: .connect) }
        smtp = session
        mailsmtp_set_timeout(session, time_t(configuration.timeout))
        free(hostCString)
        hostCString = strdup(configuration.host)
        let timeout = time_t(configuration.timeout)
        guard let fd = TCPConnect.connect(host: configuration.host, port: configuration.port,
                                          timeout: configuration.timeout) else {
            throw SMTPError(.connectionFailed, stage: .connect)
        }
        let stream: UnsafeMutablePointer<mailstream>?
        switch configuration.security {
        case .tls:
            stream = mailstream_ssl_open_with_callback_timeout(fd, timeout, { context, data in
                if let context, let data { _ = mailstream_ssl_set_server_name(context, data.assumingMemoryBound(to: CChar.self)) }
            }, hostCString)
        case .none, .startTLS:
            stream = mailstream_socket_open_timeout(fd, timeout)
        }
        guard let stream else {
            Glibc.close(fd)
            throw SMTPError(configuration.security == .tls ? .tlsFailed : .connectionFailed, stage: .connect)
        }
        // mailsmtp_connect owns the stream from here (freed with the session, also on failure).
        var result = mailsmtp_connect(session, stream)
        guard result == Int32(MAILSMTP_NO_ERROR) else {
            throw error(.connectionFailed, .connect, result)
        }
        if configuration.security == .tls { try verifyPeer() }
        try hello()
        if configuration.security == .startTLS {
            guard session.pointee.esmtp & Int32(MAILSMTP_ESMTP_STARTTLS) != 0 else {
                throw SMTPError(.tlsFailed, stage: .startTLS, reply: lastReply)
            }
            result = mailsmtp_socket_starttls_with_callback(session, { context, data in
                if let context, let data { _ = mailstream_ssl_set_server_name(context, data.assumingMemoryBound(to: CChar.self)) }
            }, hostCString)
            guard result == Int32(MAILSMTP_NO_ERROR) else { throw error(.tlsFailed, .startTLS, result) }
            try verifyPeer()
            try hello()
        }
        if let username = configuration.username {
            // Only a mechanism the server announced (RFC 4954 section 3): a server that offers no AUTH here (e.g.
            // Postfix's `smtpd_tls_auth_only` before STARTTLS) never sees the password.
            let offered: Int32 = switch configuration.authMechanism {
            case .plain: Int32(MAILSMTP_AUTH_PLAIN)
            case .login: Int32(MAILSMTP_AUTH_LOGIN)
            }
            guard session.pointee.auth & offered != 0 else { throw SMTPError(.authenticationFailed, stage: .auth) }
            let mechanism = configuration.authMechanism.rawValue
            result = mailesmtp_auth_sasl(session, mechanism, configuration.host, nil, nil, username, username,
                                         configuration.password ?? "", nil)
            guard result == Int32(MAILSMTP_NO_ERROR) else { throw error(.authenticationFailed, .auth, result) }
        }
        isReady = true
    }

    /// Sends one message (`data` in RFC 5322 form with CRLF lines; libetpan does the dot-stuffing). A refusal is
    /// an outcome (the session stays usable, reset for the next message); a broken session throws.
    public func send(_ data: Data, envelope: SMTPEnvelope) throws(SMTPError) -> SMTPOutcome {
        guard isReady, let session = smtp else { throw SMTPError(.protocolError, stage: .mail) }
        if configuration.pipelining && supportsPipelining { return try sendPipelined(data, envelope: envelope) }
        var result: Int32
        if supportsDSN {
            result = mailesmtp_mail(session, envelope.from, envelope.returnFull ? 1 : 0, envelope.envelopeID)
        } else {
            result = mailsmtp_mail(session, envelope.from)
        }
        if let outcome = try refusal(result, .mail) { return outcome }
        let notify = envelope.notify.reduce(Int32(0)) { flags, value in
            switch value {
            case .success: flags | MAILSMTP_DSN_NOTIFY_SUCCESS
            case .failure: flags | MAILSMTP_DSN_NOTIFY_FAILURE
            case .delay: flags | MAILSMTP_DSN_NOTIFY_DELAY
            case .never: flags | MAILSMTP_DSN_NOTIFY_NEVER
            }
        }
        for recipient in envelope.recipients {
            if supportsDSN {
                result = mailesmtp_rcpt(session, recipient, envelope.notify.isEmpty ? 0 : notify, nil)
            } else {
                result = mailsmtp_rcpt(session, recipient)
            }
            if let outcome = try refusal(result, .rcpt) { return outcome }
        }
        result = mailsmtp_data(session)
        if let outcome = try refusal(result, .data) { return outcome }
        result = data.withUnsafeBytes { buffer in
            mailsmtp_data_message(session, buffer.bindMemory(to: CChar.self).baseAddress, buffer.count)
        }
        if let outcome = try refusal(result, .data) { return outcome }
        return .accepted(lastReply ?? SMTPReply(code: 250, text: ""))
    }

    /// RFC 2920: MAIL FROM, every RCPT TO and DATA in one write, then their replies in order; one round trip
    /// instead of two plus one per recipient. The same commands and DSN parameters (RFC 3461) as libetpan's calls;
    /// the message itself goes through libetpan (dot-stuffing, final reply) once DATA got 354.
    private func sendPipelined(_ data: Data, envelope: SMTPEnvelope) throws(SMTPError) -> SMTPOutcome {
        guard let session = smtp, let stream = session.pointee.stream else {
            throw SMTPError(.protocolError, stage: .mail)
        }
        let commands = SMTPCommands.envelope(envelope, dsn: supportsDSN)
        let written = commands.joined.withCString { mailstream_write(stream, $0, strlen($0)) }
        guard written >= 0, mailstream_flush(stream) == 0 else {
            isReady = false
            throw SMTPError(.connectionLost, stage: .mail)
        }
        // Every reply is read, even after a refusal, so the session stays in step (RFC 2920 section 3.1).
        var replies: [SMTPReply] = []
        for _ in commands.stages.indices {
            guard let reply = readReply(stream) else {
                isReady = false
                throw SMTPError(.connectionLost, stage: commands.stages[replies.count])
            }
            replies.append(reply)
        }
        let dataReply = replies[replies.count - 1]
        for (stage, reply) in zip(commands.stages.dropLast(), replies) where !reply.isPositive {
            // Refused MAIL or RCPT: a server that still answered DATA with 354 gets an empty message ended at once.
            if dataReply.code == 354 {
                _ = ".\r\n".withCString { mailstream_write(stream, $0, 3) }
                _ = mailstream_flush(stream)
                _ = readReply(stream)
            }
            return try refused(reply, stage)
        }
        guard dataReply.code == 354 else { return try refused(dataReply, .data) }
        let result = data.withUnsafeBytes { buffer in
            mailsmtp_data_message(session, buffer.bindMemory(to: CChar.self).baseAddress, buffer.count)
        }
        if let outcome = try refusal(result, .data) { return outcome }
        return .accepted(lastReply ?? SMTPReply(code: 250, text: ""))
    }

    /// One reply (RFC 5321 section 4.2: `code-text` continuation lines, then `code text`), or nil on a stream error.
    private func readReply(_ stream: UnsafeMutablePointer<mailstream>) -> SMTPReply? {
        guard let line = mmap_string_new("") else { return nil }
        defer { mmap_string_free(line) }
        var texts: [String] = []
        while let raw = mailstream_read_line_remove_eol(stream, line) {
            let text = String(cString: raw)
            guard let code = Int(text.prefix(3)), text.count >= 3 else { return nil }
            texts.append(String(text.dropFirst(4)))
            if text.count == 3 || text.dropFirst(3).first == " " {
                return SMTPReply(code: code, text: texts.joined(separator: " "))
            }
        }
        return nil
    }

    /// The outcome of a refusal read by ``sendPipelined(_:envelope:)``: the session is reset for the next message.
    private func refused(_ reply: SMTPReply, _ stage: SMTPStage) throws(SMTPError) -> SMTPOutcome {
        guard reply.isTransient || reply.isPermanent else {
            isReady = false
            throw SMTPError(.protocolError, stage: stage, reply: reply)
        }
        if let session = smtp, mailsmtp_reset(session) != Int32(MAILSMTP_NO_ERROR) { isReady = false }
        return reply.isPermanent ? .rejected(stage, reply) : .deferred(stage, reply)
    }

    /// Ends the session (QUIT when `quit` and connected) and frees it.
    public func close(quit: Bool = true) {
        if let smtp {
            if quit && isReady { _ = mailsmtp_quit(smtp) }
            mailsmtp_free(smtp)
        }
        smtp = nil
        isReady = false
    }

    // MARK: Steps

    private func hello() throws(SMTPError) {
        guard let session = smtp else { throw SMTPError(.protocolError, stage: .hello) }
        var result = mailesmtp_ehlo(session)
        if result == Int32(MAILSMTP_ERROR_NOT_IMPLEMENTED) {
            result = mailsmtp_helo(session)
        }
        guard result == Int32(MAILSMTP_NO_ERROR) else { throw error(.protocolError, .hello, result) }
        supportsDSN = session.pointee.esmtp & Int32(MAILSMTP_ESMTP_DSN) != 0
        supportsPipelining = session.pointee.esmtp & Int32(MAILSMTP_ESMTP_PIPELINING) != 0
    }

    private func verifyPeer() throws(SMTPError) {
        guard let verifier else { return }
        guard let stream = smtp?.pointee.stream else { throw SMTPError(.tlsFailed, stage: .verify) }
        let chain = IMAPSession.certificateChain(of: stream)
        do {
            try verifier.verify(chain: chain, host: configuration.host)
        } catch {
            throw SMTPError(.certificateRejected, stage: .verify)
        }
    }

    /// Nil when `result` is success; an outcome for a 4yz/5yz reply (after RSET); throws for a broken session.
    private func refusal(_ result: Int32, _ stage: SMTPStage) throws(SMTPError) -> SMTPOutcome? {
        if result == Int32(MAILSMTP_NO_ERROR) { return nil }
        guard let reply = lastReply, reply.isTransient || reply.isPermanent,
              result != Int32(MAILSMTP_ERROR_STREAM) else {
            isReady = false
            throw error(.connectionLost, stage, result)
        }
        if let session = smtp, mailsmtp_reset(session) != Int32(MAILSMTP_NO_ERROR) {
            // The refusal stands; the session is not reusable.
            isReady = false
        }
        return reply.isPermanent ? .rejected(stage, reply) : .deferred(stage, reply)
    }

    /// The last reply libetpan read (code and text).
    private var lastReply: SMTPReply? {
        guard let session = smtp, session.pointee.response_code > 0 else { return nil }
        let text = session.pointee.response.map { String(cString: $0) } ?? ""
        return SMTPReply(code: Int(session.pointee.response_code),
                         text: text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    private func error(_ kind: SMTPError.Kind, _ stage: SMTPStage, _ result: Int32) -> SMTPError {
        let stream = result == Int32(MAILSMTP_ERROR_STREAM)
        return SMTPError(stream && kind != .connectionFailed ? .connectionLost : kind, stage: stage, code: result,
                         reply: lastReply)
    }
}
