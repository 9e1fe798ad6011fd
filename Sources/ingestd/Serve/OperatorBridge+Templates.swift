import AgendaStore
import Foundation
import Mustache
import WebUI

/// Template editing for the operators' pages: the files of the templates folder (`<template>/<lang>.<part>.mustache`,
/// the layout ``OutboundTemplates`` reads), checked with the same Mustache parser before anything is previewed or
/// written.
extension OperatorBridge {
    func templateSource(template: String, language: String) async throws -> TemplateSource {
        let folder = try templateFolder(template, language: language)
        let language = language.lowercased()
        func read(_ part: String) -> String? {
            try? String(contentsOf: folder.appendingPathComponent("\(language).\(part).mustache"), encoding: .utf8)
        }
        return TemplateSource(subject: read("subject"), text: read("text"), html: read("html"))
    }

    func previewDraft(_ source: TemplateSource, template: String, customer id: CustomerID,
                      language: String) async throws -> TemplatePreview {
        _ = try templateFolder(template, language: language)
        try Self.validate(source)
        guard let customer = try await store.customer(id) else { throw TemplateRejected("No such customer.") }
        // The draft is rendered from a private folder by the same code as a saved template, then removed.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ingestd-draft-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Self.write(source, to: scratch.appendingPathComponent(template), language: language.lowercased())
        let context = try await previewContext(customer)
        do {
            let rendered = try OutboundTemplates(directory: scratch.path, defaultLanguage: language.lowercased())
                .render(template, language: language, context: context)
            return TemplatePreview(subject: rendered.subject, text: rendered.text, html: rendered.html,
                                   language: rendered.language)
        } catch {
            throw TemplateRejected("The template does not render: \(error).")
        }
    }

    func saveTemplate(_ source: TemplateSource, template: String, language: String) async throws {
        let folder = try templateFolder(template, language: language)
        try Self.validate(source)
        guard source.text != nil || source.html != nil else {
            throw TemplateRejected("A template needs a text or an HTML part.")
        }
        try Self.write(source, to: folder, language: language.lowercased())
    }

    /// The template's folder, after checking both names can be file names.
    func templateFolder(_ template: String, language: String) throws -> URL {
        guard let templateDirectory else { throw TemplateRejected("This process has no templates folder.") }
        guard Self.isSafeVersion(template) else { throw TemplateRejected("The template name is not valid.") }
        guard (1...35).contains(language.utf8.count), language.utf8.allSatisfy({ byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
        }) else { throw TemplateRejected("The language must be a tag such as fr or de-CH.") }
        return URL(fileURLWithPath: templateDirectory).appendingPathComponent(template)
    }

    /// Each part must parse as the sender will parse it (subject and text without HTML escaping).
    static func validate(_ source: TemplateSource) throws {
        for (name, value) in source.parts {
            guard let value else { continue }
            do {
                _ = try MustacheTemplate(string: name == "html" ? value : "{{% CONTENT_TYPE: TEXT}}" + value)
            } catch {
                throw TemplateRejected("The \(name) part is not valid Mustache: \(error).")
            }
        }
    }

    /// Writes the parts (atomically each) and removes the files of absent parts.
    static func write(_ source: TemplateSource, to folder: URL, language: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, value) in source.parts {
            let file = folder.appendingPathComponent("\(language).\(name).mustache")
            if let value {
                try value.write(to: file, atomically: true, encoding: .utf8)
            } else if FileManager.default.fileExists(atPath: file.path) {
                try FileManager.default.removeItem(at: file)
            }
        }
    }
}
