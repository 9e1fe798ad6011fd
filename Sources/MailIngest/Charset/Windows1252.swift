/// Windows-1252 decoded in Swift, as WHATWG's Encoding Standard defines it (also its reading of ISO-8859-1 and
/// US-ASCII): bytes 0x80-0x9F map through the table below, the five bytes Windows leaves undefined map to the C1
/// control of the same value, every other byte to the code point of the same value.
enum Windows1252 {
    /// Code points for 0x80...0x9F.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes every byte; never fails.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let value = byte <= 0x9F ? high[Int(byte) - 0x80] : UInt16(byte)
            if value < 0x800 {
                utf8.append(UInt8(0xC0 | (value >> 6)))
            } else {
                utf8.append(UInt8(0xE0 | (value >> 12)))
                utf8.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            }
            utf8.append(UInt8(0x80 | (value & 0x3F)))
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
