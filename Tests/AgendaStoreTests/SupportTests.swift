import Foundation
import Testing
@testable import AgendaStore

/// SHA-256 against FIPS 180-4 / NIST vectors, DEFLATE round trips, days and money.
@Suite struct SupportTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256MatchesTheStandardVectors(input: String, hex: String) {
        #expect(SHA256.hex(Array(input.utf8)) == hex)
    }

    @Test func sha256OfAMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 1000])
    func sha256PaddingBoundariesDifferByLength(length: Int) {
        let a = SHA256.hash([UInt8](repeating: 0, count: length))
        let b = SHA256.hash([UInt8](repeating: 0, count: length + 1))
        #expect(a.count == 32 && a != b)
    }

    @Test(arguments: [0, 1, 100, 70_000])
    func deflateRoundTrips(size: Int) throws {
        let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) })
        let compressed = try #require(Deflate.compress(data))
        #expect(Deflate.decompress(compressed, size: size) == data)
        #expect(Deflate.decompress(compressed, size: size + 1) == nil)
        if size > 1000 { #expect(compressed.count < size / 4) }
    }

    @Test func deflateRefusesCorruptData() {
        #expect(Deflate.decompress(Data([1, 2, 3, 4]), size: 10) == nil)
    }

    @Test(arguments: [0, 1, 100, 70_000, 3_000_000])
    func zstdRoundTrips(size: Int) throws {
        let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) })
        let compressed = try #require(Zstd.compress(data))
        #expect(Zstd.decompress(compressed, size: size) == data)
        #expect(Zstd.decompress(compressed, size: size + 1) == nil)
        if size > 1000 { #expect(compressed.count < size / 4) }
    }

    @Test func zstdRefusesCorruptOrTruncatedData() throws {
        #expect(Zstd.decompress(Data([1, 2, 3, 4]), size: 10) == nil)
        let data = Data(String(repeating: "Invoice F-100 is paid. ", count: 200).utf8)
        let compressed = try #require(Zstd.compress(data))
        #expect(Zstd.decompress(compressed.dropLast(3), size: data.count) == nil)
        var flipped = compressed
        flipped[flipped.count / 2] ^= 0xFF
        #expect(Zstd.decompress(flipped, size: data.count) != data)
    }

    /// Contexts are reused across tasks compressing at once: every result stays its own input's frame.
    @Test func zstdCompressesConcurrently() async throws {
        let inputs = (0..<64).map { (n: Int) -> Data in
            var input = Data("message \(n) ".utf8)
            input.append(contentsOf: [UInt8](repeating: UInt8(65 + n % 26), count: 5000 * (n % 4)))
            return input
        }
        let outputs = await withTaskGroup(of: (Int, Data?).self) { group in
            for (index, input) in inputs.enumerated() { group.addTask { (index, Zstd.compress(input)) } }
            var outputs = [Data?](repeating: nil, count: inputs.count)
            for await (index, output) in group { outputs[index] = output }
            return outputs
        }
        for (input, output) in zip(inputs, outputs) {
            #expect(Zstd.decompress(try #require(output), size: input.count) == input)
        }
    }

    @Test(arguments: ["1970-01-01", "2000-02-29", "2026-11-18", "1969-12-31", "9999-12-31", "0001-01-01"])
    func daysRoundTrip(iso: String) throws {
        let day = try #require(Day(iso: iso))
        #expect(day.iso == iso && Day(ordinal: day.ordinal) == day)
    }

    @Test func dayArithmetic() throws {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2026-02-28")?.adding(days: 1).iso == "2026-03-01")
        #expect(Day(iso: "2028-02-28")?.adding(days: 1).iso == "2028-02-29")
        #expect(try #require(Day(iso: "2026-12-31")).days(since: try #require(Day(iso: "2026-01-01"))) == 364)
        #expect(Day(iso: "2026-02-29") == nil && Day(iso: "2026-1-01") == nil)
    }

    @Test func moneyRendersWithTheCurrencyExponent() {
        #expect(Money(minorUnits: 125_000, currency: "eur").description == "1250.00 EUR")
        #expect(Money(minorUnits: -5, currency: "EUR").description == "-0.05 EUR")
        #expect(Money(minorUnits: 1500, currency: "JPY").description == "1500 JPY")
        #expect(Money(minorUnits: 1234, currency: "KWD").description == "1.234 KWD")
        #expect(Money.isCurrencyCode("EUR") && !Money.isCurrencyCode("EURO") && !Money.isCurrencyCode("€"))
    }
}
