import Testing
@testable import MailIngest

@Suite struct ParameterDecoderTests {
    typealias Raw = [(name: String, value: String)]

    /// RFC 2231's own examples (§3, §4, §4.1), values as a MIME parser hands them over (quotes removed).
    @Test func decodesRFC2231Examples() {
        let continuation = ParameterDecoder.decode([
            (name: "URL*0", value: "ftp://"), (name: "URL*1", value: "cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"),
        ])
        #expect(continuation == ["url": "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"])

        let charset = ParameterDecoder.decode([(name: "title*", value: "us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A")])
        #expect(charset == ["title": "This is ***fun***"])

        let mixed = ParameterDecoder.decode([
            (name: "title*0*", value: "us-ascii'en'This%20is%20even%20more%20"),
            (name: "title*1*", value: "%2A%2A%2Afun%2A%2A%2A%20"),
            (name: "title*2", value: "isn't it!"),
        ])
        #expect(mixed == ["title": "This is even more ***fun*** isn't it!"])
    }

    /// One parameter list -> the decoded `filename` (or `name`).
    @Test(arguments: [
        ([(name: "filename*", value: "UTF-8''%E2%82%AC%20rates.pdf")], "€ rates.pdf"),
        ([(name: "filename*", value: "iso-8859-1'fr'facture%20r%E9gl%E9e.pdf")], "facture réglée.pdf"),
        ([(name: "filename*", value: "''facture%20r%C3%A9gl%C3%A9e.pdf")], "facture réglée.pdf"),
        ([(name: "filename*", value: "%C3%A9t%C3%A9.pdf")], "été.pdf"),
        // Sections out of order, a multibyte character split across them.
        ([(name: "filename*1*", value: "%A9.pdf"), (name: "filename*0*", value: "utf-8''caf%C3")], "café.pdf"),
        ([(name: "filename*2", value: "c"), (name: "filename*0", value: "a"), (name: "filename*1", value: "b")], "abc"),
        ([(name: "FileName*0*", value: "shift_jis''%93%FA"), (name: "FILENAME*1*", value: "%96%7B.txt")], "日本.txt"),
        // Outlook and others: RFC 2047 in a quoted value.
        ([(name: "filename", value: "=?utf-8?B?ZmFjdHVyZSByw6lnbMOpZS5wZGY=?=")], "facture réglée.pdf"),
        ([(name: "filename", value: "=?iso-8859-1?Q?r=E9gl=E9e?= =?iso-8859-1?Q?.pdf?=")], "réglée.pdf"),
        // The RFC 2231 form beats the plain fallback, whatever the order.
        ([(name: "filename", value: "fallback.pdf"), (name: "filename*", value: "utf-8''vrai%20nom.pdf")], "vrai nom.pdf"),
        ([(name: "filename*", value: "utf-8''vrai.pdf"), (name: "filename", value: "fallback.pdf")], "vrai.pdf"),
        // Duplicates: the first wins.
        ([(name: "filename", value: "first.pdf"), (name: "filename", value: "second.pdf")], "first.pdf"),
        ([(name: "filename*0", value: "a"), (name: "filename*0", value: "b")], "a"),
        // Raw 8-bit (already a string) and plain text stay as they are.
        ([(name: "filename", value: "réglée.pdf")], "réglée.pdf"),
        ([(name: " filename ", value: "a b.pdf")], "a b.pdf"),
    ] as [(Raw, String)])
    func decodesFilenames(_ raw: Raw, _ expected: String) {
        #expect(ParameterDecoder.decode(raw)["filename"] == expected)
    }

    @Test func keepsOtherParametersAndLowerCasesNames() {
        let result = ParameterDecoder.decode([
            (name: "Charset", value: "UTF-8"), (name: "format", value: "flowed"), (name: "DelSp", value: "yes"),
            (name: "boundary", value: "=_Part_1?x"),
        ])
        #expect(result == ["charset": "UTF-8", "format": "flowed", "delsp": "yes", "boundary": "=_Part_1?x"])
    }

    @Test(arguments: [
        ([(name: "filename*x*", value: "a")], Defect.Code.malformedHeader),
        ([(name: "filename*", value: "utf-8''100%"), ], .malformedHeader),
        ([(name: "filename*", value: "klingon''abc")], .unknownCharset),
        ([(name: "filename*", value: "utf-8''%FF")], .invalidCharsetData),
        ([(name: "filename", value: "=?utf-8?Q?a")], .malformedEncodedWord),
    ] as [(Raw, Defect.Code)])
    func reportsDefects(_ raw: Raw, _ defect: Defect.Code) {
        #expect(ParameterDecoder.decodeWithDefects(raw).defects == [defect])
    }

    @Test func brokenSectionDoesNotHideTheOthers() {
        let result = ParameterDecoder.decode([(name: "name*x", value: "junk"), (name: "name", value: "ok.txt")])
        #expect(result == ["name": "ok.txt"])
    }
}
