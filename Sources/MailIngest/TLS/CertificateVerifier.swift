public import Foundation
private import CGnuTLS

/// Verifies a TLS server's certificate chain with GnuTLS: path validation to a trust anchor (RFC 5280), the server
/// purpose (id-kp-serverAuth), and the host name against the certificate's names (RFC 6125; IP literals against IP
/// SANs). libetpan accepts any certificate, so IMAP and SMTP sessions call this after the handshake and before
/// sending credentials.
public struct CertificateVerifier: Sendable, Hashable {
    /// Where trust anchors come from.
    public enum Trust: Sendable, Hashable {
        /// The system's CA store (`gnutls_x509_trust_list_add_system_trust`).
        case system
        /// A PEM file of CA certificates, e.g. a company CA or a test CA.
        case caFile(String)
    }

    /// The trust anchors used.
    public var trust: Trust

    /// Makes a verifier over `trust`.
    public init(trust: Trust = .system) {
        self.trust = trust
    }

    /// Verifies `chain` (DER certificates, the server's own first, as sent in the handshake) for `host`.
    /// Throws ``CertificateVerificationError`` with GnuTLS's reason when the chain or the name does not check out.
    public func verify(chain: [Data], host: String) throws(CertificateVerificationError) {
        guard !chain.isEmpty else { throw CertificateVerificationError(reason: "the server sent no certificate") }
        var list: gnutls_x509_trust_list_t? = nil
        guard gnutls_x509_trust_list_init(&list, 0) == 0, let list else {
            throw CertificateVerificationError(reason: "cannot create a trust list")
        }
        defer { gnutls_x509_trust_list_deinit(list, 1) }
        try loadTrust(into: list)

        var certificates: [gnutls_x509_crt_t?] = []
        defer { certificates.forEach { gnutls_x509_crt_deinit($0) } }
        for der in chain {
            var certificate: gnutls_x509_crt_t? = nil
            guard gnutls_x509_crt_init(&certificate) == 0 else {
                throw CertificateVerificationError(reason: "cannot allocate a certificate")
            }
            certificates.append(certificate)
            let status = der.withUnsafeBytes { bytes -> Int32 in
                var datum = gnutls_datum_t(
                    data: UnsafeMutablePointer(mutating: bytes.bindMemory(to: UInt8.self).baseAddress),
                    size: UInt32(bytes.count))
                return gnutls_x509_crt_import(certificate, &datum, GNUTLS_X509_FMT_DER)
            }
            guard status == 0 else {
                throw CertificateVerificationError(reason: "unparsable certificate (\(Self.errorName(status)))")
            }
        }

        var output: UInt32 = 0
        let purpose = Array("1.3.6.1.5.5.7.3.1".utf8CString)  // id-kp-serverAuth, RFC 5280 section 4.2.1.12
        let status = purpose.withUnsafeBufferPointer { oid -> Int32 in
            var data = gnutls_typed_vdata_st(
                type: GNUTLS_DT_KEY_PURPOSE_OID,
                data: UnsafeMutableRawPointer(mutating: oid.baseAddress!).assumingMemoryBound(to: UInt8.self),
                size: 0)
            return certificates.withUnsafeMutableBufferPointer { crts in
                gnutls_x509_trust_list_verify_crt2(list, crts.baseAddress, UInt32(crts.count), &data, 1, 0,
                                                   &output, nil)
            }
        }
        guard status == 0 else {
            throw CertificateVerificationError(reason: "verification failed (\(Self.errorName(status)))")
        }
        guard output == 0 else { throw CertificateVerificationError(reason: Self.describe(output)) }
        guard gnutls_x509_crt_check_hostname2(certificates[0], host, 0) != 0 else {
            throw CertificateVerificationError(reason: "the certificate does not match the host name \(host)")
        }
    }

    private func loadTrust(into list: gnutls_x509_trust_list_t) throws(CertificateVerificationError) {
        switch trust {
        case .system:
            let added = gnutls_x509_trust_list_add_system_trust(list, 0, 0)
            guard added > 0 else {
                throw CertificateVerificationError(reason: "no system CA certificates (\(Self.errorName(added)))")
            }
        case .caFile(let path):
            let added = gnutls_x509_trust_list_add_trust_file(list, path, nil, GNUTLS_X509_FMT_PEM, 0, 0)
            guard added > 0 else {
                throw CertificateVerificationError(reason: "no CA certificate read from \(path) (\(Self.errorName(added)))")
            }
        }
    }

    private static func describe(_ status: UInt32) -> String {
        var text = gnutls_datum_t()
        guard gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &text, 0) == 0,
              let data = text.data else { return "certificate not trusted (status \(status))" }
        defer { ingestd_gnutls_free(data) }
        return String(cString: data)
    }

    private static func errorName(_ code: Int32) -> String {
        guard code < 0, let name = gnutls_strerror_name(code) else { return "code \(code)" }
        return String(cString: name)
    }
}

/// Why a certificate chain was refused: GnuTLS's reason (issuer unknown, expired, name mismatch, ...).
public struct CertificateVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, in GnuTLS's words.
    public var reason: String

    /// Makes an error.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
