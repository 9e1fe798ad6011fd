import AgendaStore
import Foundation
import Hummingbird
import Logging

extension WebServer {
    /// `/operator/models`: the registered classifier versions with their scores, the training or evaluation job, and
    /// promotion; `/operator/models/<id>`: one version's per-intent scores and confusion matrix.
    func addModelPages(to router: Router<WebContext>) {
        router.get("/operator/models") { request, context -> Response in
            let session = try Self.operatorSession(context)
            let notice = FormData(request.uri.query ?? "").nonEmpty("notice").flatMap { ModelView.notices[$0] }
            return Responses.html(ModelView.list(session: session, models: try await store.models(),
                                                 job: await modelJobs.current(store: store), labels: try await store.labelCount(),
                                                 available: operatorServices != nil, notice: notice))
        }
        router.get("/operator/models/:id") { _, context -> Response in
            let session = try Self.operatorSession(context)
            guard let id = context.parameters.get("id", as: Int64.self),
                  let model = try await store.models().first(where: { $0.id.rawValue == id }) else {
                throw WebError.notFound
            }
            return Responses.html(ModelView.detail(session: session, model: model))
        }
        router.post("/operator/models/train") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let services = try daemon()
            let name = context.form.nonEmpty("name") ?? "ui-\(Self.compactStamp(options.now()))"
            guard ModelView.isValidVersion(name) else { throw WebError.badRequest }
            // A registered name is refused before training: its candidate file must not be overwritten.
            if try await store.models().contains(where: { $0.version == name }) {
                return Responses.redirect("/operator/models?notice=exists")
            }
            var labels: [LabelledReplyRecord] = []
            if context.form["include_labels"] == "on" { labels = try await store.labelledReplies() }
            let extra = CorpusExport.jsonLines(labels)
            let started = await modelJobs.start(kind: "training", now: options.now(), store: store, clock: options.now,
                                                logger: context.logger) {
                try await services.train(name: name, extraExamples: extra)
            }
            context.logger.info("model training requested", metadata: ["user.id": "\(session.user.id)",
                                                                       "model.extra_bytes": "\(extra.count)"])
            return Responses.redirect("/operator/models?notice=\(started ? "started" : "busy")")
        }
        router.post("/operator/models/evaluate") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let services = try daemon()
            let started = await modelJobs.start(kind: "evaluation", now: options.now(), store: store,
                                                clock: options.now, logger: context.logger) {
                try await services.evaluateInstalled()
            }
            context.logger.info("model evaluation requested", metadata: ["user.id": "\(session.user.id)"])
            return Responses.redirect("/operator/models?notice=\(started ? "started" : "busy")")
        }
        router.post("/operator/models/:id/promote") { _, context -> Response in
            try await promote(context)
        }
    }

    /// Installs and promotes a version, unless it scores below the promoted one on the frozen test split (the
    /// corpus rule, DESIGN.md "Corpus format") and the operator did not insist.
    func promote(_ context: WebContext) async throws -> Response {
        let session = try Self.operatorSession(context)
        let services = try daemon()
        let models = try await store.models()
        guard let id = context.parameters.get("id", as: Int64.self),
              let model = models.first(where: { $0.id.rawValue == id }) else { throw WebError.notFound }
        if let current = models.first(where: \.promoted), current.id != model.id, context.form["force"] != "on",
           let new = model.metrics[ModelMetrics.macroF1], let old = current.metrics[ModelMetrics.macroF1], new < old {
            return Responses.redirect("/operator/models?notice=worse")
        }
        do {
            try await services.install(version: model.version)
        } catch {
            context.logger.error("model install failed", metadata: ["model.version": "\(model.version)",
                                                                    "error.type": "\(type(of: error))"])
            return Responses.redirect("/operator/models?notice=install_failed")
        }
        try await store.promoteModel(model.id, by: session.user.id, at: options.now())
        context.logger.info("model promoted", metadata: ["model.version": "\(model.version)",
                                                         "user.id": "\(session.user.id)"])
        return Responses.redirect("/operator/models?notice=promoted")
    }

    /// `20261118-0930` (UTC).
    static func compactStamp(_ date: Date) -> String {
        Format.instant(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " UTC", with: "")
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: " ", with: "-")
    }
}
