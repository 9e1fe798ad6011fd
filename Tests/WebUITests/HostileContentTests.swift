import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// Customer text never becomes markup: scripts, event handlers, `javascript:` links and style tricks stay text.
@Suite struct HostileContentTests {
    @Test(arguments: ["reply", "agenda", "customer"])
    func aHostileReplyComesOutEscaped(page: String) async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let adam = try await Browser.login(client, as: "adam")
            let path = switch page {
            case "reply": "/replies/\(fixture.hostileReply.rawValue)"
            case "agenda": "/agenda/replies"
            default: "/customers/\(fixture.acme.rawValue)"
            }
            let html = try await adam.get(path).text
            let lowered = html.lowercased()
            #expect(!lowered.contains("<script"))
            #expect(!lowered.contains("<img"))
            #expect(!lowered.contains("<style"))
            #expect(!lowered.contains("href=\"javascript:"))
            #expect(!lowered.contains("<b>bv</b>"))
            if page == "reply" {
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(html.contains("<mark>&lt;img src=x onerror=alert(2)&gt;</mark>"))
                #expect(html.contains("&lt;a href=&quot;javascript:alert(3)&quot;&gt;"))
                #expect(html.contains("&quot;&gt;&lt;script&gt;x&lt;/script&gt;@evil.example"))
            }
            if page == "agenda" { #expect(html.contains("&lt;script&gt;alert(5)&lt;/script&gt;")) }
        }
    }

    @Test func htmlInterpolationEscapesTextAndKeepsMarkup() {
        let name = "<b onclick='x'>&\"</b>"
        let inner: HTML = "<em>ok</em>"
        let html: HTML = "<p title=\"\(name)\">\(name)\(inner)\(42)</p>"
        #expect(html.markup == "<p title=\"&lt;b onclick=&#39;x&#39;&gt;&amp;&quot;&lt;/b&gt;\">"
                + "&lt;b onclick=&#39;x&#39;&gt;&amp;&quot;&lt;/b&gt;<em>ok</em>42</p>")
        let optional: String? = nil
        #expect(("<i>\(optional)</i>" as HTML).markup == "<i></i>")
    }

    @Test(arguments: [
        ("We pay. Thanks", ["We pay."], "<mark>We pay.</mark> Thanks"),
        ("a <b> a", ["<b>"], "a <mark>&lt;b&gt;</mark> a"),
        ("x y x", ["x", "x y"], "<mark>x y</mark> <mark>x</mark>"),
        ("nothing", ["absent", "  "], "nothing"),
    ])
    func evidenceIsMarkedAndEscaped(text: String, evidence: [String], expected: String) {
        #expect(EvidenceHighlighter.highlight(text, evidence: evidence).markup == expected)
    }

    @Test(arguments: [
        ("a=1&b=x+y&a=%3Cz%3E", "a", ["1", "<z>"]),
        ("_csrf=abc%2B%2F&empty=", "_csrf", ["abc+/"]),
        ("bad=%ZZ%4", "bad", ["%ZZ%4"]),
        ("utf=%C3%A9t%C3%A9", "utf", ["été"]),
    ])
    func formDataDecodesURLEncodedBodies(body: String, name: String, values: [String]) {
        #expect(FormData(body).all(name) == values)
    }
}
