import Foundation
import Testing
@testable import ingestd

/// The parsed-template cache of the send path: a file is parsed once, and an edit, a new file or a removal while
/// the daemon runs is seen at the next render.
@Suite struct TemplateCacheTests {
    @Test func editsAdditionsAndRemovalsAreSeenAtTheNextRender() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString.prefix(8))")
        let step = folder.appendingPathComponent("reminder")
        try FileManager.default.createDirectory(at: step, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = OutboundTemplates(directory: folder.path)
        let text = step.appendingPathComponent("en.text.mustache")
        try Data("Hello {{name}} & co".utf8).write(to: text)
        let first = try templates.render("reminder", language: "en", context: ["name": "Anne"])
        #expect(first.text == "Hello Anne & co" && first.subject == "" && first.html == nil)
        #expect(try templates.render("reminder", language: "en", context: ["name": "Bob"]).text == "Hello Bob & co")

        // Same size, new time: the edit is used.
        try Data("Dear! {{name}} & co".utf8).write(to: text)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: text.path)
        #expect(try templates.render("reminder", language: "en", context: ["name": "Anne"]).text == "Dear! Anne & co")
        try Data("Re: {{name}}".utf8).write(to: step.appendingPathComponent("en.subject.mustache"))
        #expect(try templates.render("reminder", language: "en", context: ["name": "Anne"]).subject == "Re: Anne")

        try FileManager.default.removeItem(at: text)
        #expect(throws: OutboundTemplates.Missing.self) {
            try templates.render("reminder", language: "en", context: ["name": "Anne"])
        }
    }
}
