public import Foundation

/// Converts bytes in a declared charset to a Swift string.
public enum CharsetDecoder {
    /// Decodes `data` as `charset` (nil means US-ASCII, read leniently as UTF-8 then ISO-8859-1). An unknown charset
    /// or bytes invalid in it are decoded with U+FFFD replacement and reported in `defects`; never an error.
    public static func decode(_ data: Data, charset: String?) -> (text: String, defects: [Defect.Code]) {
        // Placeholder: UTF-8, else ISO-8859-1.
        if let text = String(data: data, encoding: .utf8) { return (text, []) }
        return (String(decoding: data.map { UInt16($0) }, as: UTF16.self), [])
    }
}
