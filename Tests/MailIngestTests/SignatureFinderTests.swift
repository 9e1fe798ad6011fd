import Testing
@testable import MailIngest

/// The ASCII fast paths of ``SignatureFinder`` give what the Character rules give, over crafted lines and every
/// line of the shared fixtures.
@Suite struct SignatureFinderTests {
    static let crafted = [
        "", " ", "best regards,", "  kind regards!!", "kind regards ,.", "regards~", "thanks", "cordialement",
        "call +49 30 1234567", "123456", "1234567", "a@b", "see http://x", "www.example.com", "ww.w", "htt p",
        "mit freundlichen grüßen", "tel. 030 123 45 67", "best regards – ann", "met vriendelijke groet / kind regards",
    ]

    /// Every line of the shared fixtures, folded as the reply extractor folds them.
    static let fixtureLines: [ReplyLine] = ByteFastPathTests.fixtureTexts.prefix(400).flatMap { text in
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(300).map {
            ReplyLine(BodyText.Line(String($0)))
        }
    }

    @Test(arguments: crafted)
    func closingPhraseMatchesTheCharacterRule(_ text: String) {
        #expect(SignatureFinder.isClosingPhrase(Substring(text))
                == SignatureFinder.isClosingPhraseByCharacters(Substring(text)))
    }

    @Test(arguments: crafted)
    func contactDetailMatchesTheCharacterRule(_ text: String) {
        let line = ReplyLine(BodyText.Line(text))
        #expect(SignatureFinder.hasContactDetail(line) == SignatureFinder.hasContactDetailByCharacters(line.folded))
    }

    @Test func craftedLinesCoverBothAnswers() {
        #expect(Self.crafted.filter { SignatureFinder.isClosingPhrase(Substring($0)) }.count >= 3)
        #expect(Self.crafted.filter { SignatureFinder.hasContactDetail(ReplyLine(BodyText.Line($0))) }.count >= 4)
    }

    @Test func fastPathsMatchOnFixtureLines() {
        #expect(Self.fixtureLines.count > 1000)
        for line in Self.fixtureLines {
            #expect(SignatureFinder.isClosingPhrase(Substring(line.folded))
                    == SignatureFinder.isClosingPhraseByCharacters(Substring(line.folded)))
            #expect(SignatureFinder.hasContactDetail(line) == SignatureFinder.hasContactDetailByCharacters(line.folded))
        }
    }
}
