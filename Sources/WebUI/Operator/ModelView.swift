import AgendaStore
import Foundation

/// The classifier pages: versions, the running job, one version's scores and confusion matrix.
enum ModelView {
    static let notices: [String: String] = [
        "started": "The job started; this page shows how it stands.",
        "busy": "A job is already running: wait for it to end.",
        "exists": "A version of this name is already registered: choose another name.",
        "promoted": "Version promoted. The daemon classifies with it from the next message on.",
        "worse": "Not promoted: its macro-F1 on the frozen test split is below the promoted version's. Tick "
            + "\"even if worse\" to promote it anyway.",
        "install_failed": "The model file of this version could not be installed (see the daemon's log).",
    ]

    /// Letters, digits, `.`, `_`, `-`; 1 to 64 characters (the name becomes a file name).
    static func isValidVersion(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.first != "." && name.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
                || byte == 46 || byte == 95
        }
    }

    static func list(session: Session, models: [ModelVersion], job: ModelJobs.State, labels: Int, available: Bool,
                     notice: String?) -> HTML {
        let rows = models.map { model -> HTML in
            let m = model.metrics
            let promote: HTML = model.promoted || !available ? "" : """
                <form method="post" action="/operator/models/\(model.id.rawValue)/promote" class="inline">\
                \(Layout.csrf(session))<label><input type="checkbox" name="force"> even if worse</label> \
                <button type="submit">Promote</button></form>
                """
            return """
                <tr\(model.promoted ? " class=\"green\"" as HTML : "")><td><a href="/operator/models/\(model.id.rawValue)">\
                \(model.version)</a></td><td>\(Format.instant(model.createdAt))</td>\
                <td>\(model.promoted ? "promoted" : "")</td><td>\(score(m[ModelMetrics.accuracy], percent: true))</td>\
                <td>\(score(m[ModelMetrics.macroF1]))</td><td>\(score(m[ModelMetrics.abstention], percent: true))</td>\
                <td>\(m[ModelMetrics.count].map { String(Int($0)) } ?? "–")</td><td>\(promote)</td></tr>
                """
        }
        let table: HTML = models.isEmpty ? "<p class=\"muted\">No version registered yet.</p>" : """
            <table><thead><tr><th>Version</th><th>Registered</th><th></th><th>Accuracy</th><th>Macro-F1</th>\
            <th>Abstained</th><th>Test replies</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let forms: HTML = available ? """
            <form method="post" action="/operator/models/train" class="filters">\(Layout.csrf(session))
            <label>Version name <input name="name" size="24" maxlength="64" pattern="[A-Za-z0-9_.\\-]+" \
            placeholder="ui-YYYYMMDD-HHMM"></label>
            <label><input type="checkbox" name="include_labels" checked> add the \(labels) labelled \
            \(labels == 1 ? "reply" : "replies") to training</label>
            <button type="submit">Train a new version</button></form>
            <form method="post" action="/operator/models/evaluate" class="filters">\(Layout.csrf(session))
            <span>Score the installed model on the frozen test split and register it.</span>
            <button type="submit">Evaluate the installed model</button></form>
            """ : "<p class=\"muted\">Training and promotion are not available in this process.</p>"
        return OperatorLayout.page(title: "Classifier", current: "/operator/models", session: session,
                                   notice: notice, body: """
            <p>Training runs the same code as <code>ingestd train</code> (train split plus the labels, scored on the \
            frozen test split); a version is promoted only if it is not worse there.</p>
            \(jobLine(job))\(forms)
            <h2>Versions</h2>\(table)
            """)
    }

    static func jobLine(_ job: ModelJobs.State) -> HTML {
        switch job {
        case .idle: ""
        case .running(let kind, let since):
            "<p class=\"notice\">The \(kind) started at \(Format.instant(since)) is running. Reload to follow it.</p>"
        case .finished(let kind, let version, let at):
            "<p class=\"notice\">The \(kind) finished at \(Format.instant(at)): version <strong>\(version)</strong>.</p>"
        case .failed(let kind, let reason, let at):
            "<p class=\"error\">The \(kind) failed at \(Format.instant(at)): \(reason).</p>"
        case .interrupted(let kind, let since):
            """
            <p class="error">The \(kind) started at \(Format.instant(since)) was interrupted: the daemon stopped \
            before it ended. Start it again.</p>
            """
        }
    }

    static func score(_ value: Double?, percent: Bool = false) -> String {
        guard let value else { return "–" }
        return percent ? String(format: "%.1f %%", value * 100) : String(format: "%.3f", value)
    }

    static func detail(session: Session, model: ModelVersion) -> HTML {
        let m = model.metrics
        let perIntent = Intent.allCases.map { intent -> HTML in
            """
            <tr><td>\(Format.words(intent.rawValue))</td><td>\(score(m[ModelMetrics.precision(intent)], percent: true))</td>\
            <td>\(score(m[ModelMetrics.recall(intent)], percent: true))</td><td>\(score(m[ModelMetrics.f1(intent)]))</td>\
            <td>\(m[ModelMetrics.support(intent)].map { String(Int($0)) } ?? "–")</td></tr>
            """
        }
        let known: Set<String> = Set([ModelMetrics.accuracy, ModelMetrics.macroF1, ModelMetrics.count,
                                      ModelMetrics.abstention])
        let others = m.keys.filter { key in
            !known.contains(key) && !["precision.", "recall.", "f1.", "support.", "confusion."].contains { key.hasPrefix($0) }
        }.sorted().map { "<tr><td>\($0)</td><td>\(score(m[$0]))</td></tr>" as HTML }
        return OperatorLayout.page(title: "Version \(model.version)", current: "/operator/models", session: session,
                                   body: """
            <p><a href="/operator/models">← Classifier</a></p>
            <dl class="meta"><dt>Registered</dt><dd>\(Format.instant(model.createdAt))</dd>
            <dt>Promoted</dt><dd>\(model.promoted ? "yes" : "no")</dd>
            <dt>Accuracy</dt><dd>\(score(m[ModelMetrics.accuracy], percent: true))</dd>
            <dt>Macro-F1</dt><dd>\(score(m[ModelMetrics.macroF1]))</dd>
            <dt>Abstained</dt><dd>\(score(m[ModelMetrics.abstention], percent: true))</dd>
            <dt>Test replies</dt><dd>\(m[ModelMetrics.count].map { String(Int($0)) } ?? "–")</dd></dl>
            <h2>Per intent</h2>
            <table><thead><tr><th>Intent</th><th>Precision</th><th>Recall</th><th>F1</th><th>Support</th></tr></thead>\
            <tbody>\(perIntent)</tbody></table>
            <h2>Confusion matrix</h2>\(confusion(m))
            \(others.isEmpty ? "" : "<h2>Other scores</h2><table><tbody>\(others)</tbody></table>" as HTML)
            """)
    }

    /// Rows are the gold intents, columns the predicted ones; the diagonal is marked, other cells shaded by share.
    static func confusion(_ metrics: [String: Double]) -> HTML {
        let intents = Intent.allCases
        let cells = intents.map { gold in intents.map { metrics[ModelMetrics.confusion(gold: gold, predicted: $0)] } }
        guard cells.joined().contains(where: { $0 != nil }) else {
            return "<p class=\"muted\">This version was registered without a confusion matrix.</p>"
        }
        let head = intents.map { "<th>\(Format.words($0.rawValue))</th>" as HTML }
        let rows = intents.enumerated().map { row, gold -> HTML in
            let total = max(1, cells[row].compactMap { $0 }.reduce(0, +))
            let tds = intents.enumerated().map { column, _ -> HTML in
                let value = cells[row][column] ?? 0
                let shade = value == 0 ? 0 : 1 + min(3, Int(value / total * 4))
                let kind: HTML = row == column ? "diag" : "off"
                return "<td class=\"cm \(kind)\(shade)\">\(Int(value))</td>"
            }
            return "<tr><th>\(Format.words(gold.rawValue))</th>\(tds)</tr>"
        }
        return """
            <table class="confusion"><thead><tr><th>gold ↓ / predicted →</th>\(head)</tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }
}
