import Glibc
import Synchronization

/// glibc iconv to UTF-8 with replacement. A descriptor (`iconv_t`, not thread safe) is used by one conversion at a
/// time: taken from a small process-wide pool of idle descriptors per charset, reset, and given back afterwards.
/// Without the pool every call opened and closed its own descriptor, and glibc unloads a conversion module (dlclose,
/// munmap) a few releases after its last descriptor closes, so alternating charsets paid a dlopen each time.
/// The pool changes no result: a descriptor is returned to its initial shift state before reuse, and the Unicode
/// forms (UTF-16, UTF-32, UCS-2/4, UTF-7 and their aliases), whose glibc decoders also remember the byte order a BOM
/// announced beyond that reset, are never pooled.
enum Iconv {
    /// Idle descriptors by charset name, as bit patterns (so the protected value is plain data).
    private static let idle = Mutex<[String: [UInt]]>([:])
    /// Idle descriptors kept per charset; more are closed.
    private static let idlePerCharset = 4

    /// False for charsets whose decoder keeps state a reset does not clear (byte order from a BOM).
    private static func isPoolable(_ charset: String) -> Bool {
        var name = charset
        return name.withUTF8 { bytes in
            // Each marker, ASCII case-insensitively, at every offset.
            !(contains(bytes, "utf") || contains(bytes, "ucs") || contains(bytes, "unicode") || contains(bytes, "10646")
                || contains(bytes, "wchar") || contains(bytes, "internal"))
        }
    }

    /// True when `bytes` hold `marker` (lower-case ASCII), ignoring ASCII case.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ marker: StaticString) -> Bool {
        let length = marker.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        let wanted = marker.utf8Start
        for start in 0...(bytes.count - length) {
            var offset = 0
            while offset < length, bytes[start + offset] | 0x20 == wanted[offset] | 0x20 { offset += 1 }
            if offset == length { return true }
        }
        return false
    }

    /// An idle descriptor for `charset` to `UTF-8`, or a new one; nil when iconv does not know the charset.
    private static func take(_ charset: String) -> iconv_t? {
        guard isPoolable(charset) else {
            let descriptor = iconv_open("UTF-8", charset)
            return isInvalid(descriptor) ? nil : descriptor
        }
        let pooled: UInt? = idle.withLock { $0[charset]?.popLast() }
        if let pooled, let descriptor = iconv_t(bitPattern: pooled) {
            _ = iconv(descriptor, nil, nil, nil, nil)  // back to the initial state
            return descriptor
        }
        let descriptor = iconv_open("UTF-8", charset)
        return isInvalid(descriptor) ? nil : descriptor
    }

    /// Gives a descriptor from ``take(_:)`` back to the pool (or closes it when the pool is full).
    private static func give(_ descriptor: iconv_t, _ charset: String) {
        guard isPoolable(charset) else {
            iconv_close(descriptor)
            return
        }
        let pattern = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(descriptor)))
        let kept: Bool = idle.withLock { pool in
            guard pool[charset, default: []].count < idlePerCharset else { return false }
            pool[charset, default: []].append(pattern)
            return true
        }
        if !kept { iconv_close(descriptor) }
    }

    /// The result of one conversion.
    struct Result {
        var text: String
        /// True when some input bytes were invalid or truncated and replaced by U+FFFD.
        var hadInvalidBytes: Bool
    }

    /// `(iconv_t)-1`, what iconv_open returns on failure.
    private static func isInvalid(_ descriptor: iconv_t?) -> Bool {
        descriptor == nil || descriptor == iconv_t(bitPattern: -1)
    }

    /// True when glibc can convert from `name` to UTF-8.
    static func isSupported(_ name: String) -> Bool {
        guard let descriptor = take(name) else { return false }
        give(descriptor, name)
        return true
    }

    /// Converts `input` from `charset` to UTF-8. A byte sequence invalid in the charset becomes U+FFFD (the byte is
    /// skipped and conversion goes on); an incomplete sequence at the end becomes one U+FFFD. Nil when iconv does not
    /// know the charset.
    static func convert(_ input: UnsafeRawBufferPointer, from charset: String) -> Result? {
        guard let descriptor = take(charset) else { return nil }
        defer { give(descriptor, charset) }

        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2 + 16)
        var invalid = false
        let chunkSize = min(max(256, input.count * 4), 64 * 1024)
        // Scratch output for iconv; never read beyond what iconv wrote, so it need not be zero-filled.
        let chunk = UnsafeMutableBufferPointer<CChar>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }

        guard let base = input.baseAddress else { return Result(text: "", hadInvalidBytes: false) }
        var inPointer = UnsafeMutablePointer<CChar>(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count

        // An invalid unit is skipped whole: 2 bytes in UTF-16, 4 in UTF-32, 1 elsewhere.
        let unit = charset.hasPrefix("UTF-32") || charset.hasPrefix("UCS-4") ? 4 : charset.hasPrefix("UTF-16") ? 2 : 1
        do {
            let outBase = chunk.baseAddress!
            func flush(_ outPointer: UnsafeMutablePointer<CChar>?) {
                let produced = outPointer.map { $0 - outBase } ?? 0
                output.append(contentsOf: UnsafeRawBufferPointer(start: outBase, count: produced))
            }
            while inLeft > 0 {
                var outPointer: UnsafeMutablePointer<CChar>? = outBase
                var outLeft = chunkSize
                var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                let status = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                let error = status == -1 ? errno : 0
                inPointer = inOptional ?? inPointer
                flush(outPointer)
                if status != -1 || error == E2BIG { continue }
                invalid = true
                output.append(contentsOf: replacement)
                if error == EINVAL {
                    inLeft = 0  // a truncated sequence at the end of input
                } else {
                    let skip = min(unit, inLeft)
                    inPointer += skip
                    inLeft -= skip
                }
            }
            // Return to the initial shift state (ISO-2022-JP, UTF-7), emitting what that produces.
            while true {
                var outPointer: UnsafeMutablePointer<CChar>? = outBase
                var outLeft = chunkSize
                let status = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                let error = status == -1 ? errno : 0
                flush(outPointer)
                if error != E2BIG { break }
            }
        }
        return Result(text: String(decoding: output, as: UTF8.self), hadInvalidBytes: invalid)
    }
}
