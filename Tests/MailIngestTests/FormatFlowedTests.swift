import Testing
@testable import MailIngest

@Suite struct FormatFlowedTests {
    /// RFC 3676 §4's rules on small bodies: input -> unflowed (DelSp=no).
    @Test(arguments: [
        ("Hello, this is a \r\nflowed paragraph.\r\n", "Hello, this is a flowed paragraph."),
        ("one \ntwo \nthree\nfour", "one two three\nfour"),                             // fixed line ends it
        ("a \n\nb", "a \nb"),                                                               // empty line ends it
        (" From the start\n >quoted? no, stuffed", "From the start\n>quoted? no, stuffed"), // §4.4 stuffing
        ("  two spaces\n", " two spaces"),                                                 // only one is stuffing
        ("> a \n> b\n", "> a b"),
        (">> a \n>> b\n> c\n", ">> a b\n> c"),
        ("> a \n>> b\n", "> a \n>> b"),                                                    // depth change: no join
        ("> a \nb\n", "> a \nb"),
        ("text \n-- \nsig", "text \n-- \nsig"),                                            // §4.3 signature
        ("-- \nJohn \nDoe", "-- \nJohn Doe"),
        ("fixed\nlines\n", "fixed\nlines"),
        ("last flowed ", "last flowed "),
        ("", ""),
    ])
    func unflows(_ input: String, _ expected: String) {
        #expect(FormatFlowed.unflow(input, delSp: false) == expected)
    }

    /// RFC 3676 §4.3: with DelSp=yes the soft space goes (languages without spaces between words).
    @Test(arguments: [
        ("請求書の支払い \nが完了しました。\n", "請求書の支払いが完了しました。"),
        ("Hello  \nworld\n", "Hello world"),
        ("> a \n> b\n", "> ab"),
        ("text \n-- \nsig", "text\n-- \nsig"),
    ])
    func deletesSoftSpace(_ input: String, _ expected: String) {
        #expect(FormatFlowed.unflow(input, delSp: true) == expected)
    }

    /// The quoting example in the spirit of RFC 3676 §4.5: each depth flows on its own.
    @Test func keepsQuoteDepths() {
        let input = """
        > Thou villainous ill-breeding spongy dizzy-eyed\u{20}
        > reeky elf-skinned pigeon-egg!\u{20}
        >> Thou artless swag-bellied milk-livered\u{20}
        >> dismal-dreaming idle-headed scut!
        >>> Thou errant folly-fallen spleeny reeling-ripe\u{20}
        >>> unmuzzled ratsbane!
        Reply text.
        """
        let expected = """
        > Thou villainous ill-breeding spongy dizzy-eyed reeky elf-skinned pigeon-egg!\u{20}
        >> Thou artless swag-bellied milk-livered dismal-dreaming idle-headed scut!
        >>> Thou errant folly-fallen spleeny reeling-ripe unmuzzled ratsbane!
        Reply text.
        """
        #expect(FormatFlowed.unflow(input, delSp: false) == expected)
    }
}
