import Foundation
import Crypto

/// SHA-256 (FIPS 180-4), the content hash of inbound messages and uploads, computed by swift-crypto (BoringSSL's
/// assembly on x86-64 and arm64: the hash of every stored message is on the IMAP path, and the earlier hand-written
/// Swift version took 7% of the IMAP benchmark's CPU). Checked against the standard's test vectors in the tests.
enum SHA256 {
    /// The 32-byte digest of `bytes`.
    static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ Array(Crypto.SHA256.hash(data: UnsafeRawBufferPointer($0))) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { Array(Crypto.SHA256.hash(data: $0)) }
    }

    /// Lower-case hex of the digest.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in hash(bytes) { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
