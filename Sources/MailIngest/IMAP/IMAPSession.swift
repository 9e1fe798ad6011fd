import Foundation
import CLibEtpan

/// An IMAP session over libetpan's mailimap (RFC 9051), implementing ``IMAPMailboxSession``. Created logged in by
/// ``connect(_:)``; every call blocks (run it on a thread of its own, never on the cooperative pool) and is bounded by
/// the settings' timeout. TLS certificates are verified with ``CertificateVerifier`` before any credential is sent.
/// One thread at a time; after a connection failure every call throws ``IMAPError/connection(_:)``.
public final class IMAPSession: IMAPMailboxSession, @unchecked Sendable {
    /// The settings it was made with.
    public let settings: IMAPAccountSettings
    /// Capabilities after login, upper-cased; `AUTH=` mechanisms included as `AUTH=PLAIN` and so on.
    public private(set) var capabilities: Set<String> = []
    /// Why certificate verification failed when ``IMAPAccountSettings/allowInvalidCertificates`` let the session go
    /// on anyway (the caller logs it as a warning); nil when the certificate verified or TLS is off.
    public private(set) var certificateProblem: String?

    let imap: UnsafeMutablePointer<mailimap>
    let timeoutSeconds: Int
    var broken = false
    /// The mailbox selected, if any.
    var selected: String?
    /// EXISTS as SELECT reported it: a later EXISTS that came with another command's response (a new message that
    /// arrived during SEARCH or STORE) makes ``idle(timeout:)`` return at once instead of waiting for a notice the
    /// server already sent.
    var existsAtSelect: UInt32 = 0

    private init(settings: IMAPAccountSettings) throws(IMAPError) {
        guard let imap = mailimap_new(0, nil) else { throw IMAPError.connection("cannot allocate a session") }
        self.imap = imap
        self.settings = settings
        let components = settings.timeout.components
        timeoutSeconds = max(1, Int(components.seconds) + (components.attoseconds > 0 ? 1 : 0))
        mailimap_set_timeout(imap, time_t(timeoutSeconds))
    }

    deinit {
        mailimap_free(imap)
    }

    /// Connects, secures (verifying the certificate), logs in and reads capabilities.
    /// Throws ``IMAPError/tls(_:)`` for a refused certificate, ``IMAPError/authentication(_:)`` for bad credentials.
    public static func connect(_ settings: IMAPAccountSettings) throws(IMAPError) -> IMAPSession {
        let session = try IMAPSession(settings: settings)
        do {
            try session.open()
            session.forgetAnnouncedCapabilities()
            try session.authenticate()
            // Servers announce their capabilities after login in the login's OK (RFC 9051 section 6.2.3), which
            // saves a CAPABILITY round trip per connection; one that does not is asked.
            if !session.takeAnnouncedCapabilities() { try session.refreshCapabilities() }
        } catch {
            session.close()
            throw error
        }
        return session
    }

    /// LOGOUT and close; never throws.
    public func logout() {
        if !broken, imap.pointee.imap_stream != nil {
            _ = mailimap_logout(imap)
        }
        close()
    }

    func close() {
        broken = true
        if imap.pointee.imap_stream != nil {
            mailstream_close(imap.pointee.imap_stream)
            imap.pointee.imap_stream = nil
        }
    }

    // MARK: - Connecting

    private func open() throws(IMAPError) {
        let host = settings.host
        let context = TLSContext(host: host)
        let started = ContinuousClock.now
        let status: Int32
        switch settings.security {
        case .tls:
            status = withExtendedLifetime(context) {
                mailimap_ssl_connect_with_callback(imap, host, settings.port, TLSContext.configure,
                                                   Unmanaged.passUnretained(context).toOpaque())
            }
        case .startTLS, .plain:
            status = mailimap_socket_connect(imap, host, settings.port)
        }
        guard Self.succeeded(status) else {
            if status == MAILIMAP_ERROR_SSL { throw handshakeFailure(step: "TLS handshake", started: started) }
            if status == MAILIMAP_ERROR_CONNECTION_REFUSED { throw .connection("cannot connect to \(host):\(settings.port)") }
            throw failure(status, step: "connect", started: started)
        }
        try wrapStream()
        if settings.security == .startTLS {
            try refreshCapabilities()
            guard capabilities.contains("STARTTLS") else { throw .tls("the server does not offer STARTTLS") }
            let tlsStarted = ContinuousClock.now
            let upgraded = withExtendedLifetime(context) {
                mailimap_socket_starttls_with_callback(imap, TLSContext.configure,
                                                       Unmanaged.passUnretained(context).toOpaque())
            }
            guard upgraded == MAILIMAP_NO_ERROR else {
                if upgraded == MAILIMAP_ERROR_STREAM || upgraded == MAILIMAP_ERROR_SSL {
                    throw handshakeFailure(step: "STARTTLS", started: tlsStarted)
                }
                throw failure(upgraded, step: "STARTTLS", started: tlsStarted)
            }
        }
        try wrapStream()
        if settings.security != .plain { try verifyCertificate() }
    }

    /// A failed handshake is a timeout when it took the whole timeout, else a TLS failure.
    private func handshakeFailure(step: String, started: ContinuousClock.Instant) -> IMAPError {
        close()
        let elapsed = ContinuousClock.now - started
        return elapsed >= .seconds(timeoutSeconds) - .milliseconds(500) ? .timeout(step: step) : .tls("\(step) failed")
    }

    /// Installs the end-of-stream guard (see `ingestd_wrap_eof_as_error` in the CLibEtpan shim).
    private func wrapStream() throws(IMAPError) {
        guard let stream = imap.pointee.imap_stream, ingestd_wrap_eof_as_error(stream) == 0 else {
            throw .connection("cannot set up the stream")
        }
    }

    private func verifyCertificate() throws(IMAPError) {
        let chain = Self.certificateChain(of: imap.pointee.imap_stream)
        do throws(CertificateVerificationError) {
            try settings.certificateVerifier.verify(chain: chain, host: settings.host)
        } catch {
            guard settings.allowInvalidCertificates else { throw .tls(error.reason) }
            certificateProblem = error.reason
        }
    }

    static func certificateChain(of stream: UnsafeMutablePointer<mailstream>?) -> [Data] {
        guard let stream, let chain = mailstream_get_certificate_chain(stream) else { return [] }
        defer { mailstream_certificate_chain_free(chain) }
        return (0..<ingestd_carray_count(chain)).compactMap { index in
            guard let string = ingestd_carray_get(chain, index)?.assumingMemoryBound(to: MMAPString.self),
                  let bytes = string.pointee.str else { return nil }
            return Data(bytes: bytes, count: string.pointee.len)
        }
    }

    private func authenticate() throws(IMAPError) {
        let started = ContinuousClock.now
        let status: Int32
        switch settings.authentication {
        case .login(let user, let password):
            status = mailimap_login(imap, user, password)
        case .plain(let user, let password):
            status = mailimap_authenticate(imap, "PLAIN", settings.host, nil, nil, user, user, password, nil)
        case .xoauth2(let user, let token):
            status = mailimap_oauth2_authenticate(imap, user, token)
        }
        guard Self.succeeded(status) else {
            switch Int(status) {
            case Int(MAILIMAP_ERROR_LOGIN), Int(MAILIMAP_ERROR_SASL), Int(MAILIMAP_ERROR_EXTENSION):
                throw .authentication(responseCode ?? "credentials refused")
            default:
                throw failure(status, step: "LOGIN", started: started)
            }
        }
    }

    /// CAPABILITY (RFC 9051 section 6.1.1), stored upper-cased.
    func refreshCapabilities() throws(IMAPError) {
        var data: UnsafeMutablePointer<mailimap_capability_data>? = nil
        try run("CAPABILITY") { mailimap_capability(imap, &data) }
        guard let data else { return }
        defer { mailimap_capability_data_free(data) }
        capabilities = Self.names(data)
    }

    /// Drops the capabilities libetpan kept from a response code so far (the greeting's, before login), so that
    /// ``takeAnnouncedCapabilities()`` sees only what a later response announced.
    private func forgetAnnouncedCapabilities() {
        guard let info = imap.pointee.imap_connection_info, let data = info.pointee.imap_capability else { return }
        mailimap_capability_data_free(data)
        info.pointee.imap_capability = nil
    }

    /// Adopts the capabilities announced by a `[CAPABILITY ...]` response code since
    /// ``forgetAnnouncedCapabilities()`` (libetpan keeps the last one); false when none was.
    private func takeAnnouncedCapabilities() -> Bool {
        guard let data = imap.pointee.imap_connection_info?.pointee.imap_capability else { return false }
        capabilities = Self.names(data)
        return !capabilities.isEmpty
    }

    /// The capability names of a CAPABILITY list, upper-cased (`AUTH=` mechanisms included).
    private static func names(_ data: UnsafeMutablePointer<mailimap_capability_data>) -> Set<String> {
        var result: Set<String> = []
        for pointer in CList(data.pointee.cap_list) {
            let capability = pointer.assumingMemoryBound(to: mailimap_capability.self).pointee
            if Int(capability.cap_type) == Int(MAILIMAP_CAPABILITY_AUTH_TYPE) {
                if let name = capability.cap_data.cap_auth_type { result.insert("AUTH=" + String(cString: name).uppercased()) }
            } else if let name = capability.cap_data.cap_name {
                result.insert(String(cString: name).uppercased())
            }
        }
        return result
    }
}

/// Context handed to libetpan's TLS setup callback: sets SNI (RFC 6066) unless the host is an IP literal.
private final class TLSContext {
    let hostName: UnsafeMutablePointer<CChar>?

    init(host: String) {
        let isIPLiteral = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        hostName = isIPLiteral ? nil : strdup(host)
    }

    deinit { free(hostName) }

    static let configure: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { ssl, data in
        guard let ssl, let data else { return }
        let context = Unmanaged<TLSContext>.fromOpaque(data).takeUnretainedValue()
        if let name = context.hostName { _ = mailstream_ssl_set_server_name(ssl, name) }
    }
}
