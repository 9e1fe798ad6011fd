import AgendaStore
import Foundation
import Hummingbird
import Logging

extension WebServer {
    /// `/operator/scenarios/<id>/steps/<n>`: an operator changes one step of a scenario (delay days, channel, mode).
    /// The form first previews the change (the step before and after); saving writes it and its history line.
    /// Operators and admins only; every POST carries the session's CSRF token (``SessionMiddleware``).
    func addScenarioEditing(to router: Router<WebContext>) {
        router.get("/operator/scenarios/:id/steps/:position") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let (scenario, position, step) = try await scenarioStep(context)
            return Responses.html(ScenarioEditView.page(session: session, scenario: scenario, position: position,
                                                        current: step, draft: ScenarioEditView.Draft(step),
                                                        errors: [], previewing: false))
        }
        router.post("/operator/scenarios/:id/steps/:position") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let (scenario, position, step) = try await scenarioStep(context)
            let draft = ScenarioEditView.Draft(form: context.form)
            let parsed = draft.validated(template: step.template, dayBase: step.dayBase)
            guard case .success(let edited) = parsed else {
                guard case .failure(let errors) = parsed else { throw WebError.badRequest }
                return Responses.html(ScenarioEditView.page(session: session, scenario: scenario, position: position,
                                                            current: step, draft: draft, errors: errors.messages,
                                                            previewing: false), status: .badRequest)
            }
            guard context.form["do"] == "save" else {
                return Responses.html(ScenarioEditView.page(session: session, scenario: scenario, position: position,
                                                            current: step, draft: draft, errors: [],
                                                            previewing: true, edited: edited))
            }
            try await store.updateScenarioStep(scenario: scenario.id, position: position, to: edited,
                                               by: session.user.id, at: options.now())
            context.logger.info("scenario step changed", metadata: ["scenario.id": "\(scenario.id)",
                                                                   "step.position": "\(position)",
                                                                   "user.id": "\(session.user.id)"])
            return Responses.redirect("/operator/templates?notice=step_saved")
        }
    }

    /// The scenario and step named by the path; 404 for anything else.
    func scenarioStep(_ context: WebContext) async throws -> (ScenarioSummary, Int, ScenarioStep) {
        guard let id = context.parameters.get("id", as: Int64.self),
              let number = context.parameters.get("position", as: Int.self),
              let scenario = try await store.scenarios().first(where: { $0.id.rawValue == id }),
              number >= 1, number <= scenario.steps.count else { throw WebError.notFound }
        return (scenario, number - 1, scenario.steps[number - 1])
    }
}

/// The form that changes one scenario step.
enum ScenarioEditView {
    /// Validation errors, one sentence each.
    struct Errors: Error { var messages: [String] }

    /// The form's fields as typed.
    struct Draft {
        var dayOffset: String
        var channel: String
        var mode: String

        init(_ step: ScenarioStep) {
            dayOffset = String(step.dayOffset)
            channel = step.channel.rawValue
            mode = step.mode.rawValue
        }

        init(form: FormData) {
            dayOffset = (form["day_offset"] ?? "").trimmingWhitespace()
            channel = form["channel"] ?? ""
            mode = form["mode"] ?? ""
        }

        /// The step the fields describe, or every reason they do not.
        func validated(template: String, dayBase: DayBase) -> Result<ScenarioStep, Errors> {
            var errors: [String] = []
            let offset = Int(dayOffset)
            if offset == nil || !(-365...3650).contains(offset ?? 0) {
                errors.append("Delay days must be a whole number from -365 to 3650.")
            }
            let channel = Channel(rawValue: self.channel)
            if channel == nil { errors.append("Choose a channel from the list.") }
            let mode = ActionMode(rawValue: self.mode)
            if mode == nil { errors.append("Choose a mode from the list.") }
            if let channel, let mode, mode != .manual, channel == .call || channel == .litigation {
                errors.append("A \(channel.rawValue) step is done by a person: its mode must be manual.")
            }
            guard errors.isEmpty, let offset, let channel, let mode else { return .failure(Errors(messages: errors)) }
            return .success(ScenarioStep(dayOffset: offset, dayBase: dayBase, channel: channel, mode: mode,
                                         template: template))
        }
    }

    /// A step in words: `day +7 from oldest open due date: email, automatic`.
    static func describe(_ step: ScenarioStep) -> String {
        "day \(step.dayOffset >= 0 ? "+" : "")\(step.dayOffset) from \(Format.words(step.dayBase.rawValue)): "
            + "\(step.channel.rawValue), \(Format.words(step.mode.rawValue))"
    }

    static func page(session: Session, scenario: ScenarioSummary, position: Int, current: ScenarioStep, draft: Draft,
                     errors: [String], previewing: Bool, edited: ScenarioStep? = nil) -> HTML {
        let action = "/operator/scenarios/\(scenario.id.rawValue)/steps/\(position + 1)"
        let errorList: HTML = errors.isEmpty ? "" : """
            <ul class="error">\(errors.map { "<li>\($0)</li>" as HTML })</ul>
            """
        let channels = Channel.allCases.map { channel -> HTML in
            let selected: HTML = draft.channel == channel.rawValue ? " selected" : ""
            return "<option value=\"\(channel.rawValue)\"\(selected)>\(channel.rawValue)</option>"
        }
        let modes = ActionMode.allCases.map { mode -> HTML in
            let selected: HTML = draft.mode == mode.rawValue ? " selected" : ""
            return "<option value=\"\(mode.rawValue)\"\(selected)>\(Format.words(mode.rawValue))</option>"
        }
        var preview: HTML = ""
        if previewing, let edited {
            preview = """
                <h2>Preview</h2>
                <dl class="meta"><dt>Before</dt><dd>\(describe(current))</dd><dt>After</dt><dd>\(describe(edited))</dd></dl>
                <p>Actions already planned keep their dates; customers who reach this step from now on get the new one.</p>
                <form method="post" action="\(action)">\(Layout.csrf(session))\
                <input type="hidden" name="day_offset" value="\(draft.dayOffset)">\
                <input type="hidden" name="channel" value="\(draft.channel)">\
                <input type="hidden" name="mode" value="\(draft.mode)">\
                <button type="submit" name="do" value="save">Save this change</button> \
                <a href="\(action)">Change it again</a></form>
                """
        }
        return OperatorLayout.page(title: "Scenario \(scenario.name), step \(position + 1)", current: "/operator/templates",
                                   session: session, body: """
            <p>Now: \(describe(current)), template <code>\(current.template)</code>.</p>
            \(errorList)
            <form method="post" action="\(action)" class="filters">\(Layout.csrf(session))
            <label>Delay days <input name="day_offset" size="5" value="\(draft.dayOffset)"></label>
            <label>Channel <select name="channel">\(channels)</select></label>
            <label>Mode <select name="mode">\(modes)</select></label>
            <button type="submit" name="do" value="preview">Preview</button></form>
            \(preview)
            <p><a href="/operator/templates">Back to scenarios and templates</a></p>
            """)
    }
}
