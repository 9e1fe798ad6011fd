import Testing
@testable import MailIngest

@Suite struct MessageIDsTests {
    @Test(arguments: [
        ("<1234@local.machine.example>", ["1234@local.machine.example"]),
        ("  <1234@local.machine.example>  ", ["1234@local.machine.example"]),
        ("<1234@local.machine.example> <3456@example.net>", ["1234@local.machine.example", "3456@example.net"]),
        ("<a@x>\r\n\t<b@x>\r\n <c@x>", ["a@x", "b@x", "c@x"]),                 // folded References
        ("<a@x><b@x>", ["a@x", "b@x"]),                                          // no space between
        ("<a@x>,<b@x>", ["a@x", "b@x"]),
        ("<a@x> (comment <z@z>) <b@x>", ["a@x", "b@x"]),
        ("<testabcd.1234@silly.test> (a (nested) comment)", ["testabcd.1234@silly.test"]),
        ("<act-118.f3a9\r\n @dunning.example.com>", ["act-118.f3a9@dunning.example.com"]),  // folded inside
        ("1234@local.machine.example", ["1234@local.machine.example"]),       // missing brackets
        ("a@x b@x", ["a@x", "b@x"]),
        ("<a@x", ["a@x"]),                                                       // unterminated
        ("Your message of \"Mon, 1 Jan 2024\" <a@x>", ["a@x"]),                  // obsolete phrase
        ("Message from john@x.com of Mon <a@x>", ["a@x"]),                        // bare words lose to brackets
        ("<a@x> <b@x> <a@x>", ["a@x", "b@x"]),                                   // duplicates
        ("<local-only>", ["local-only"]),
        ("", []),
        ("<>", []),
        ("no id here", []),
    ] as [(String, [String])])
    func parses(_ raw: String, _ expected: [String]) {
        #expect(MessageIDs.parse(raw) == expected)
        #expect(MessageIDs.parseAny(raw) == expected)
    }

    /// The one-id shortcut gives what the full reader gives, or leaves the value to it.
    @Test(arguments: ["<a@x>", " \t<a@x>\r\n", "<a(b)\"c\"@x>", "<a,b;c@x>", "<é@exämple>", "<a b@x>", "<a@x> ", "<a<b@x>",
                      "<a>b@x>", "<>", "<a>", "x<a@x>", "<a@x>x", "<a@x\r\n @y>", "<<a@x>>"])
    func theOneIdShortcutAgreesWithTheFullReader(_ raw: String) {
        if let id = MessageIDs.singleBracketed(raw) {
            #expect(MessageIDs.parseAny(raw) == [id], "\(raw)")
        }
        #expect(MessageIDs.parse(raw) == MessageIDs.parseAny(raw))
    }

    /// The shortcut does take the plain cases (otherwise the test above would hold for a shortcut that never answers).
    @Test func theShortcutAnswersForOneBracketedId() {
        #expect(MessageIDs.singleBracketed("<a@x>") == "a@x")
        #expect(MessageIDs.singleBracketed(" \t<a(b)\"c\"@x>\r\n") == "a(b)\"c\"@x")
        #expect(MessageIDs.singleBracketed("<é@exämple>") == "é@exämple")
        #expect(MessageIDs.singleBracketed("<a@x> <b@x>") == nil)
        #expect(MessageIDs.singleBracketed("<a b@x>") == nil)
    }
}
