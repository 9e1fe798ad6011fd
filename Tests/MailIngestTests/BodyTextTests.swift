import Testing
@testable import MailIngest

@Suite struct BodyTextTests {
    @Test(arguments: ["a\r\nb\r\n", "a\nb\n", "a\rb\r", "a\nb"])
    func splitsEveryLineEnding(_ input: String) {
        #expect(BodyText(plain: input).lines.map(\.text) == ["a", "b"])
    }

    @Test func keepsEmptyLinesInside() {
        #expect(BodyText(plain: "a\n\nb").lines.map(\.text) == ["a", "", "b"])
    }
}
