import AgendaStore
import Foundation
import Hummingbird
import Logging

extension WebServer {
    /// `/operator/templates/edit?template=<name>&language=<tag>`: an operator edits a template's subject, text and
    /// HTML in one language. "Preview" renders the unsaved source for a customer (nothing is written or sent);
    /// "Save" writes the files through the daemon and records each changed part in the configuration history.
    /// Operators and admins only; every POST carries the session's CSRF token.
    func addTemplateEditing(to router: Router<WebContext>) {
        router.get("/operator/templates/edit") { request, context -> Response in
            let session = try Self.operatorSession(context)
            let query = FormData(request.uri.query ?? "")
            guard let template = query.nonEmpty("template"), TemplateEditView.isTemplateName(template) else {
                throw WebError.notFound
            }
            let language = query.nonEmpty("language") ?? "en"
            guard TemplateView.isLanguageTag(language) else { throw WebError.badRequest }
            let services = try daemon()
            let source: TemplateSource
            do { source = try await services.templateSource(template: template, language: language) } catch {
                return Responses.html(TemplateEditView.page(session: session, draft: .init(template: template,
                                                                                        language: language),
                                                            errors: [TemplateEditView.message(error)]),
                                      status: .serviceUnavailable)
            }
            let draft = TemplateEditView.Draft(template: template, language: language, source: source)
            return Responses.html(TemplateEditView.page(session: session, draft: draft, errors: []))
        }
        router.post("/operator/templates/edit") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let services = try daemon()
            let draft = TemplateEditView.Draft(form: context.form)
            var errors = draft.errors
            guard errors.isEmpty else {
                return Responses.html(TemplateEditView.page(session: session, draft: draft, errors: errors),
                                      status: .badRequest)
            }
            if context.form["do"] == "save" {
                do {
                    let before = try await services.templateSource(template: draft.template, language: draft.language)
                    try await services.saveTemplate(draft.source, template: draft.template, language: draft.language)
                    let now = options.now()
                    for (part, after) in zip(before.parts, draft.source.parts) where part.value != after.value {
                        try await store.recordTemplateRevision(TemplateRevision(
                            template: draft.template, language: draft.language, part: part.name, before: part.value,
                            after: after.value, user: session.user.id, at: now))
                    }
                    context.logger.info("template saved", metadata: ["template": "\(draft.template)",
                                                                     "template.language": "\(draft.language)",
                                                                     "user.id": "\(session.user.id)"])
                    return Responses.redirect("/operator/templates?notice=template_saved")
                } catch {
                    context.logger.notice("template refused", metadata: ["error.type": "\(type(of: error))"])
                    return Responses.html(TemplateEditView.page(session: session, draft: draft,
                                                                errors: [TemplateEditView.message(error)]),
                                          status: .badRequest)
                }
            }
            guard let key = draft.customerKey else {
                errors.append("Give a customer key to preview the template for that customer.")
                return Responses.html(TemplateEditView.page(session: session, draft: draft, errors: errors),
                                      status: .badRequest)
            }
            guard let customer = try await store.customer(externalKey: key) else {
                return Responses.html(TemplateEditView.page(session: session, draft: draft,
                                                            errors: ["No customer has this key."]), status: .badRequest)
            }
            do {
                let preview = try await services.previewDraft(draft.source, template: draft.template,
                                                              customer: customer.id, language: draft.language)
                return Responses.html(TemplateEditView.page(session: session, draft: draft, errors: [],
                                                            preview: (preview, customer)))
            } catch {
                context.logger.notice("template preview refused", metadata: ["error.type": "\(type(of: error))"])
                return Responses.html(TemplateEditView.page(session: session, draft: draft,
                                                            errors: [TemplateEditView.message(error)]),
                                      status: .badRequest)
            }
        }
    }
}

/// The template editor.
enum TemplateEditView {
    /// Largest part accepted, in characters.
    static let maxPartCharacters = 20_000

    /// The form's fields.
    struct Draft {
        var template: String
        var language: String
        var subject = ""
        var text = ""
        var html = ""
        var customerKey: String?

        init(template: String, language: String, source: TemplateSource = TemplateSource(subject: nil, text: nil,
                                                                                         html: nil)) {
            self.template = template
            self.language = language
            subject = source.subject ?? ""
            text = source.text ?? ""
            html = source.html ?? ""
        }

        init(form: FormData) {
            template = form["template"] ?? ""
            language = form["language"] ?? ""
            // Browsers send CRLF line breaks in a textarea (WHATWG HTML, form submission): stored as LF.
            subject = (form["subject"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
            text = (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            html = (form["html"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            customerKey = form.nonEmpty("customer")
        }

        /// Empty parts are absent.
        var source: TemplateSource {
            TemplateSource(subject: subject.isEmpty ? nil : subject,
                           text: text.trimmingWhitespace().isEmpty ? nil : text,
                           html: html.trimmingWhitespace().isEmpty ? nil : html)
        }

        /// What is wrong with the fields themselves (the daemon checks the Mustache syntax).
        var errors: [String] {
            var errors: [String] = []
            if !TemplateEditView.isTemplateName(template) { errors.append("The template name is not valid.") }
            if !TemplateView.isLanguageTag(language) { errors.append("The language must be a tag such as fr or de-CH.") }
            if subject.contains("\n") { errors.append("The subject must be one line.") }
            if source.text == nil && source.html == nil { errors.append("A template needs a text or an HTML part.") }
            if [subject, text, html].contains(where: { $0.count > TemplateEditView.maxPartCharacters }) {
                errors.append("A part is longer than \(TemplateEditView.maxPartCharacters) characters.")
            }
            return errors
        }
    }

    /// A template folder name: letters, digits, `.`, `_`, `-`, not starting with `.`, at most 64 bytes.
    static func isTemplateName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && !name.hasPrefix(".") && name.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
                || byte == 46 || byte == 95
        }
    }

    /// The sentence shown for a failure: a ``TemplateRejected``'s own, else a fixed one.
    static func message(_ error: any Error) -> String {
        (error as? TemplateRejected)?.message ?? "The template could not be saved or rendered (see the daemon's log)."
    }

    static func page(session: Session, draft: Draft, errors: [String],
                     preview: (TemplatePreview, Customer)? = nil) -> HTML {
        let errorList: HTML = errors.isEmpty ? "" : "<ul class=\"error\">\(errors.map { "<li>\($0)</li>" as HTML })</ul>"
        let rendered: HTML = preview.map { "<h2>Preview (not saved)</h2>" + TemplateView.result(.rendered($0.0, $0.1)) } ?? ""
        return OperatorLayout.page(title: "Template \(draft.template) (\(draft.language))", current: "/operator/templates",
                                   session: session, body: """
            \(errorList)
            <form method="post" action="/operator/templates/edit">\(Layout.csrf(session))
            <input type="hidden" name="template" value="\(draft.template)">
            <input type="hidden" name="language" value="\(draft.language)">
            <p><label>Subject<br><input name="subject" size="80" value="\(draft.subject)"></label></p>
            <p><label>Text part<br><textarea name="text" rows="12" cols="80">\(draft.text)</textarea></label></p>
            <p><label>HTML part (Mustache; values are escaped)<br>\
            <textarea name="html" rows="12" cols="80">\(draft.html)</textarea></label></p>
            <p><label>Customer key for the preview <input name="customer" size="14" value="\(draft.customerKey ?? "")">\
            </label></p>
            <p><button type="submit" name="do" value="preview">Preview</button> \
            <button type="submit" name="do" value="save">Save</button></p>
            </form>
            \(rendered)
            <p><a href="/operator/templates">Back to scenarios and templates</a></p>
            """)
    }
}
