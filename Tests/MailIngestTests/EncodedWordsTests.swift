import Testing
@testable import MailIngest

@Suite struct EncodedWordsTests {
    /// RFC 2047 §8's own examples.
    @Test(arguments: [
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
        ("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
        ("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
         "If you can read this you understand the example."),
    ])
    func decodesRFC2047Examples(_ raw: String, _ expected: String) {
        let result = EncodedWords.decode(raw)
        #expect(result.text == expected)
        #expect(result.defects.isEmpty)
    }

    /// Forms seen in the wild that still decode cleanly.
    @Test(arguments: [
        ("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=", "café"),                      // UTF-8 split across words
        ("=?UTF-8?Q?caf=C3?= =?utf-8?B?qQ==?=", "café"),                     // ...and across encodings
        ("=?shift_jis?B?k/o=?= =?shift_jis?B?lns=?=", "日本"),                  // Shift_JIS split
        ("=?utf-8?B?Y2Fmw?= =?utf-8?B?6k=?=", "café"),                       // base64 quantum split
        ("=?utf-8?b?R3LDvMOfZQ==?=", "Grüße"),                               // lower-case b
        ("=?utf-8?q?Gr=c3=bc=c3=9fe?=", "Grüße"),                            // lower-case q and hex
        ("\"=?utf-8?Q?Caf=C3=A9?=\" <x@y>", "\"Café\" <x@y>"),               // inside a quoted string
        ("Re:=?utf-8?Q?caf=C3=A9?=!", "Re:café!"),                            // no spaces around
        ("=?utf-8?Q?a?==?utf-8?Q?b?=", "ab"),                                 // glued words
        ("=?utf-8*en?Q?hello?=", "hello"),                                    // RFC 2231 language
        ("=?UTF-8*fr-CA?B?R3LDvMOfZQ==?=", "Grüße"),
        ("Réf. =?utf-8?Q?caf=C3=A9?= déjà", "Réf. café déjà"),                // raw 8-bit around
        ("=?iso-8859-1?q?this is some text?=", "this is some text"),          // spaces inside Q
        ("=?ISO-2022-JP?B?GyRCRnxLXBsoQg==?=", "日本"),
        ("=?gb2312?B?1YjH85X4?=", "請求書"),
        ("=?utf-8?B?6KuL5rGC5pu4?=\t=?utf-8?Q?_ok?=", "請求書 ok"),
        ("=?utf-8?Q?a?= =?iso-8859-1?Q?=E9?=", "aé"),                          // charset change, space dropped
        ("=?utf-8?Q?a?= b =?utf-8?Q?c?=", "a b c"),                           // text between keeps its spaces
        ("=?utf-8?Q??=", ""),
        ("=?\"utf-8\"?Q?x?=", "x"),
    ])
    func decodesWildForms(_ raw: String, _ expected: String) {
        let result = EncodedWords.decode(raw)
        #expect(result.text == expected)
        #expect(result.defects.isEmpty)
    }

    /// Text that only looks like an encoded word is left alone.
    @Test(arguments: [
        "Is it ok?=yes", "What? =) a=?b", "=?utf-8?X?abc?=", "=??Q?abc?=", "=?utf 8?Q?abc?=", "plain subject", "",
        "=?utf-8?", "a =? b ?= c", "Prix 100€ =?",
    ])
    func leavesNonWordsAlone(_ raw: String) {
        let result = EncodedWords.decode(raw)
        #expect(result.text == raw)
        #expect(result.defects.isEmpty)
    }

    /// Broken words still decode, with a defect.
    @Test(arguments: [
        ("=?utf-8?Q?caf=C3=A9 ok", "café ok", Defect.Code.malformedEncodedWord),
        ("Hello =?utf-8?B?Y2Fmw6k=", "Hello café", .malformedEncodedWord),
        ("=?utf-8?Q?a=?utf-8?Q?b?=", "ab", .malformedEncodedWord),
        ("=?utf-8?Q?100=% sure?=", "100=% sure", .malformedEncodedWord),
        ("=?utf-8?B?Y2F*mw6k=?=", "café", .malformedEncodedWord),
        ("=?x-unknown?Q?caf=C3=A9?=", "café", .unknownCharset),
        ("=?klingon?B?R3LDvMOfZQ==?=", "Grüße", .unknownCharset),
        ("=?utf-8?Q?caf=E9?=", "caf\u{FFFD}", .invalidCharsetData),
    ])
    func reportsBrokenWords(_ raw: String, _ expected: String, _ defect: Defect.Code) {
        let result = EncodedWords.decode(raw)
        #expect(result.text == expected)
        #expect(result.defects == [defect])
    }
}
