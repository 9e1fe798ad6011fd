import Foundation
import Testing
import MailIngest
import TestServers

/// ``CertificateVerifier`` over certificates made by openssl: trust anchors, host names, malformed input.
@Suite struct CertificateVerifierTests {
    /// A fresh test CA and server certificates for `localhost` (with IP SAN) and for `mail.example.test`, as DER.
    final class Material {
        let directory: String
        let localhost: TestCertificates
        let named: TestCertificates
        let localhostDER: Data
        let namedDER: Data

        init() throws {
            directory = NSTemporaryDirectory() + "/ingestd-certs-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: directory + "/b", withIntermediateDirectories: true)
            localhost = try TestCertificates(directory: directory + "/a")
            named = try TestCertificates(directory: directory + "/b", commonName: "mail.example.test")
            localhostDER = try Self.der(localhost.certificateFile, directory + "/a/server.der")
            namedDER = try Self.der(named.certificateFile, directory + "/b/server.der")
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        static func der(_ pem: String, _ out: String) throws -> Data {
            try ProcessRunner.run("/usr/bin/openssl", ["x509", "-in", pem, "-outform", "DER", "-out", out])
            return try Data(contentsOf: URL(fileURLWithPath: out))
        }
    }

    @Test(arguments: ["localhost", "LOCALHOST", "127.0.0.1"])
    func trustedChainAndMatchingNamePass(host: String) throws {
        let material = try Material()
        let verifier = CertificateVerifier(trust: .caFile(material.localhost.caFile))
        #expect(throws: Never.self) { try verifier.verify(chain: [material.localhostDER], host: host) }
    }

    @Test(arguments: ["example.com", "127.0.0.2", "localhost.evil.test", "mail.example.test"])
    func otherNamesAreRefused(host: String) throws {
        let material = try Material()
        let verifier = CertificateVerifier(trust: .caFile(material.localhost.caFile))
        #expect {
            try verifier.verify(chain: [material.localhostDER], host: host)
        } throws: { error in
            (error as? CertificateVerificationError)?.reason.contains("host name") == true
        }
    }

    /// The system store does not know the test CA; nor does another test CA.
    @Test func unknownIssuerIsRefused() throws {
        let material = try Material()
        for verifier in [CertificateVerifier(trust: .system), CertificateVerifier(trust: .caFile(material.named.caFile))] {
            #expect {
                try verifier.verify(chain: [material.localhostDER], host: "localhost")
            } throws: { error in
                let reason = (error as? CertificateVerificationError)?.reason ?? ""
                return reason.contains("not trusted") || reason.contains("issuer")
            }
        }
        let right = CertificateVerifier(trust: .caFile(material.named.caFile))
        #expect(throws: Never.self) { try right.verify(chain: [material.namedDER], host: "mail.example.test") }
    }

    @Test func malformedInputIsRefused() throws {
        let material = try Material()
        let verifier = CertificateVerifier(trust: .caFile(material.localhost.caFile))
        #expect(throws: CertificateVerificationError.self) { try verifier.verify(chain: [], host: "localhost") }
        #expect(throws: CertificateVerificationError.self) {
            try verifier.verify(chain: [Data("not a certificate".utf8)], host: "localhost")
        }
        let missing = CertificateVerifier(trust: .caFile(material.directory + "/missing.pem"))
        #expect(throws: CertificateVerificationError.self) {
            try missing.verify(chain: [material.localhostDER], host: "localhost")
        }
    }
}
