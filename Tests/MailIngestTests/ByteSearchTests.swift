import Testing
@testable import MailIngest

/// ``BytePattern`` searches from its rarest byte: it finds exactly what a plain byte-by-byte search finds, with the
/// anchor at the first, last and a middle position of the pattern and repeated in the text.
@Suite struct ByteSearchTests {
    static let patterns = ["eedback-Type:", "inal-Recipient:", "notificationType", "x", "-", "ab-", "-ab", "aaa", "é:"]
    static let texts = [
        "", "e", "eedback-Type", "Feedback-Type: abuse", "xFeedback-Type:", "--------", "eedback-Typeeedback-Type:",
        "Final-Recipient: rfc822; a@b", "a-b-c-ab-", "-ab", "ab", "aa aaa", "café: x", "cafe:", "notificationType",
        String(repeating: "e", count: 300) + "eedback-Type:", String(repeating: "-", count: 100) + "ab-",
    ]

    /// The reference: the pattern's bytes at some offset of the text's bytes.
    static func naive(_ pattern: String, _ text: String) -> Bool {
        let needle = Array(pattern.utf8), haystack = Array(text.utf8)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test(arguments: patterns)
    func occursAgreesWithTheNaiveSearch(_ pattern: String) {
        let search = BytePattern(pattern)
        for text in Self.texts {
            #expect(search.occurs(in: text) == Self.naive(pattern, text), "\(pattern) in \(text)")
        }
    }

    @Test func anchorsOnTheRarestByte() {
        #expect(BytePattern("eedback-Type:").anchor == 7)  // "-"
        #expect(BytePattern("notificationType").anchor == 12)  // "T"
        #expect(BytePattern("eee").anchor == 0)
    }

    @Test func occursAgreesWithTheNaiveSearchOnFixtures() {
        let searches = Self.patterns.map(BytePattern.init)
        for text in ByteFastPathTests.fixtureTexts.prefix(300) where text.utf8.count < 20_000 {
            for (pattern, search) in zip(Self.patterns, searches) {
                #expect(search.occurs(in: text) == Self.naive(pattern, text))
            }
        }
    }
}
