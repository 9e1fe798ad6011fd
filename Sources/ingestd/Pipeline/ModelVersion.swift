import Foundation

extension ModelLocator {
    /// The version recorded with each stored analysis: the model file's name and a 64-bit FNV-1a digest of its bytes
    /// (`feedback.igdm@fnv1a64:0123456789abcdef`), so decisions can be traced to the model that proposed; nil when
    /// no model file is found.
    static func version(explicit: String?) -> String? {
        guard let path = path(explicit: explicit), let data = FileManager.default.contents(atPath: path) else { return nil }
        let hash = data.withUnsafeBytes { bytes in
            bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
        let hex = String(hash, radix: 16)
        return URL(fileURLWithPath: path).lastPathComponent + "@fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
