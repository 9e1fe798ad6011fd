import Testing
@testable import MailIngest

/// Content-Type and Content-Disposition values (RFC 2045 §5.1, RFC 2183).
@Suite struct HeaderParameterScannerTests {
    @Test func typeSubtypeAndParameters() throws {
        let type = try #require(HeaderParameterScanner.contentType(
            "Text/HTML ; charset=\"UTF-8\" ; format=flowed (a comment)"))
        #expect(type.mimeType == "text/html")
        #expect(type.charset == "utf-8")
        #expect(type.parameters["format"] == "flowed (a comment)")
    }

    @Test func quotedValuesWithEscapesAndSemicolons() {
        let (main, parameters) = HeaderParameterScanner.scan(#"attachment; filename="a \"b\"; c.pdf"; size=12"#)
        #expect(main == "attachment")
        #expect(parameters.map(\.name) == ["filename", "size"])
        #expect(parameters.map(\.value) == [#"a "b"; c.pdf"#, "12"])
    }

    @Test func unquotedValueWithSpacesAndUTF8() {
        let (_, parameters) = HeaderParameterScanner.scan("inline; filename=rapport mai é.pdf ")
        #expect(parameters.first?.value == "rapport mai é.pdf")
    }

    @Test func rfc2231NamesArePassedThroughRaw() {
        let (_, parameters) = HeaderParameterScanner.scan("attachment; filename*0*=utf-8''a%20; filename*1=b")
        #expect(parameters.map(\.name) == ["filename*0*", "filename*1"])
    }

    @Test(arguments: ["text", "/plain", "text/", "", ";charset=x"])
    func unusableTypesGiveNil(_ value: String) {
        #expect(HeaderParameterScanner.contentType(value) == nil)
    }

    @Test func unterminatedQuoteRunsToTheEnd() {
        let (_, parameters) = HeaderParameterScanner.scan("multipart/mixed; boundary=\"abc")
        #expect(parameters.first?.value == "abc")
    }

    @Test func commentInTheMainValueIsSkipped() {
        #expect(HeaderParameterScanner.contentType("text/plain (old mailer)")?.mimeType == "text/plain")
    }
}
