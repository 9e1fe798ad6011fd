import Foundation
import Testing
@testable import MailIngest

@Suite struct AddressParserTests {
    typealias Expected = [(name: String?, address: String)]

    /// Well-formed lists (RFC 5322 §3.4 and its Appendix A examples) parse without defects.
    @Test(arguments: [
        ("John Doe <jdoe@machine.example>", [("John Doe", "jdoe@machine.example")]),
        ("Mary Smith <mary@example.net>", [("Mary Smith", "mary@example.net")]),
        ("\"Joe Q. Public\" <john.q.public@example.com>", [("Joe Q. Public", "john.q.public@example.com")]),
        ("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>",
         [("Mary Smith", "mary@x.test"), (nil, "jdoe@example.org"), ("Who?", "one@y.test")]),
        ("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>",
         [(nil, "boss@nil.test"), ("Giant; \"Big\" Box", "sysservices@example.net")]),
        ("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;",
         [("Ed Jones", "c@a.test"), (nil, "joe@where.test"), ("John", "jdoe@one.test")]),
        ("Undisclosed recipients:;", []),
        ("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
         [("Pete", "pete@silly.test")]),
        ("a@x, b@y", [(nil, "a@x"), (nil, "b@y")]),
        ("jdoe@example.org (John Doe)", [("John Doe", "jdoe@example.org")]),
        ("(John Doe) jdoe@example.org", [("John Doe", "jdoe@example.org")]),
        ("\"Doe, John\" <j@x.com>", [("Doe, John", "j@x.com")]),
        ("<@a.test,@b.test:joe@c.test>", [(nil, "joe@c.test")]),
        ("\"john doe\"@example.com", [(nil, "\"john doe\"@example.com")]),
        ("=?utf-8?Q?J=C3=B6rg_M=C3=BCller?= <jm@x.de>", [("Jörg Müller", "jm@x.de")]),
        ("=?utf-8?Q?J=C3=B6rg?= =?utf-8?Q?_M=C3=BCller?= <jm@x.de>", [("Jörg Müller", "jm@x.de")]),
        ("\"=?utf-8?B?SsO2cmc=?=\" <jm@x.de>", [("Jörg", "jm@x.de")]),
        ("jm@x.de (=?iso-8859-1?Q?J=F6rg?=)", [("Jörg", "jm@x.de")]),
        ("Jörg Müller <jm@x.de>", [("Jörg Müller", "jm@x.de")]),
        ("'Jane Roe' <jr@x.com>", [("Jane Roe", "jr@x.com")]),
        ("<MAILTO:j@x.com>", [(nil, "j@x.com")]),
        ("", []),
        ("  ", []),
    ] as [(String, Expected)])
    func parsesValidLists(_ raw: String, _ expected: Expected) {
        let result = AddressParser.parseWithDefects(raw)
        #expect(result.addresses == expected.map { MailAddress(name: $0.name, address: $0.address) })
        #expect(result.defects.isEmpty)
    }

    /// Broken lists seen in the wild: read as meant, with `malformed_address`.
    @Test(arguments: [
        ("Doe, John <j@x.com>", [("Doe, John", "j@x.com")]),
        ("Doe, John <j@x.com>, Roe, Jane <r@x.com>", [("Doe, John", "j@x.com"), ("Roe, Jane", "r@x.com")]),
        ("John Doe j@x.com", [("John Doe", "j@x.com")]),
        ("John Doe <j@x.com", [("John Doe", "j@x.com")]),
        ("John Doe <j@x.com, b@y.com", [("John Doe", "j@x.com"), (nil, "b@y.com")]),
        ("\"John Doe <j@x.com>", []),
        ("John <j@x.com> trailing junk", [("John", "j@x.com")]),
        ("<j@x.com> John", [("John", "j@x.com")]),
        ("j@x.com>", [(nil, "j@x.com")]),
        ("j@x.com, Sales", [(nil, "j@x.com"), (nil, "Sales")]),                 // local-only address
        ("Sales, j@x.com", [(nil, "Sales"), (nil, "j@x.com")]),
        ("mailer-daemon", [(nil, "mailer-daemon")]),
        ("postmaster (Mail System)", [("Mail System", "postmaster")]),
        ("a@x.com, Sales Team", [(nil, "a@x.com")]),                             // two words: not an address
        ("sales, support", [(nil, "sales"), (nil, "support")]),
        ("a@x b@y", [(nil, "a@x"), (nil, "b@y")]),
    ] as [(String, Expected)])
    func repairsBrokenLists(_ raw: String, _ expected: Expected) {
        let result = AddressParser.parseWithDefects(raw)
        #expect(result.addresses == expected.map { MailAddress(name: $0.name, address: $0.address) })
        #expect(result.defects.contains(.malformedAddress))
    }

    @Test func keepsUnknownCharsetDefectOfANamesWords() {
        let result = AddressParser.parseWithDefects("=?x-unknown?Q?Jo?= <j@x.com>")
        #expect(result.addresses == [MailAddress(name: "Jo", address: "j@x.com")])
        #expect(result.defects == [.unknownCharset])
    }

    @Test func emptyAngleIsNoAddress() {
        #expect(AddressParser.parse("<>").isEmpty)
    }

    /// The one-pass reading of the plainest forms gives exactly what the full parser gives, with no defect, for every
    /// address field of the shared fixtures and for forms at its edges; it declines anything else.
    @Test func simpleFormsAgreeWithTheFullParser() throws {
        var values = [
            "Customer 7 <c7@example.test>", "<a.b-c_d+e@mail.example.co.uk>", "  j.doe@x.org\t", "J2 <j@x.de>",
            "Name  Two <a@b.cd>", "Dr. No <no@x.org>", "a@x", ".a@x.org", "a.@x.org", "a@.x.org", "a@x.org.", "a@x..org",
            "a..b@x.org", "a@-x.org", "a@x.org-", "Who? <one@y.test>", "=?utf-8?Q?J=C3=B6rg?= <jm@x.de>", "<a@b.c> x",
            "a@b.c, d@e.f", "John <a@b.c>>", "Jörg <j@x.de>", "\"Doe, John\" <j@x.com>", "<a@b@c.d>", "a+b@x_y.org",
        ]
        for file in MIMETestSupport.allFiles(under: MIMETestSupport.fixtures) {
            guard let bytes = try? Data(contentsOf: file) else { continue }
            let message = MessageParser().parse(bytes)
            for name in ["From", "To", "Cc", "Reply-To", "Sender"] { values += message.headers.all(name) }
        }
        var simple = 0
        for value in values {
            guard let mailbox = AddressParser.simpleMailbox(value) else { continue }
            simple += 1
            let full = AddressParser.parseInFull(value)
            #expect(full.addresses == [mailbox] && full.defects.isEmpty, "\(value)")
        }
        #expect(values.count > 500 && simple > values.count / 3, "\(simple) of \(values.count)")
        #expect(AddressParser.simpleMailbox("a@x") == nil && AddressParser.simpleMailbox("Dr. No <no@x.org>") == nil)
        #expect(AddressParser.simpleMailbox("Customer 7 <c7@example.test>")
                == MailAddress(name: "Customer 7", address: "c7@example.test"))
    }
}
