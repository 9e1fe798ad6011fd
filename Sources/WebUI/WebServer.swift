public import AgendaStore
public import Hummingbird
import Logging

/// What the web UI needs from the store: the agenda, the accounts, the review and the operators' queries, and its
/// own state across restarts (sessions, model jobs, configuration history).
public typealias WebStore = AgendaStore & AccountStore & ReviewStore & OperatorStore & WebStateStore

/// The people's side of `ingestd serve` (issue #8): the router of the collectors' and operators' pages, with its
/// sessions and login throttle. The daemon puts the router in a Hummingbird `Application` and that in its service
/// group; tests drive the same router without sockets.
public struct WebServer: Sendable {
    let store: any WebStore
    let options: WebOptions
    let sessions: SessionStore
    let throttle: LoginThrottle
    let decoyHash: String
    let metricsText: @Sendable () async -> String
    let health: @Sendable () async -> Bool
    let linkSigner: PageLinkSigner?
    let submissions: any PageSubmissionSink
    let operatorServices: (any OperatorServices)?
    let modelJobs = ModelJobs()
    /// Reads stored messages for the original-message view (the daemon sets one built on MailIngest).
    public var messageReader: any OriginalMessageReader = PlainOriginalMessageReader()

    /// Makes the web UI over `store`. `metricsText` renders `/metrics` (Prometheus text format 0.0.4); `health`
    /// answers `/health`. With a `linkSigner` the customers' pages exist at `/c/<token>`; what customers send goes to
    /// `submissions` (by default stored as `comment` messages with their answers as proposals). `operatorServices`
    /// gives the operators' pages the pollers, the classifier and the templates.
    public init(store: any WebStore, options: WebOptions = WebOptions(),
                metricsText: @escaping @Sendable () async -> String = { "" },
                health: @escaping @Sendable () async -> Bool = { true },
                linkSigner: PageLinkSigner? = nil, submissions: (any PageSubmissionSink)? = nil,
                operatorServices: (any OperatorServices)? = nil) {
        self.operatorServices = operatorServices
        self.linkSigner = linkSigner
        self.submissions = submissions ?? StorePageSubmissionSink(store: store)
        self.store = store
        self.options = options
        self.sessions = SessionStore(lifetime: options.sessionLifetime, store: store)
        self.throttle = LoginThrottle(limit: options.loginAttempts, window: options.loginWindow)
        self.decoyHash = Passwords.hash(RandomToken.make(), cost: options.bcryptCost)
        self.metricsText = metricsText
        self.health = health
    }

    /// The router with every route and the security middleware.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: ServerTimingMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MetricsMiddleware<WebContext>())
        router.add(middleware: SessionMiddleware(sessions: sessions, options: options, linkSigner: linkSigner))
        addSystemRoutes(to: router)
        addAuthRoutes(to: router)
        addAgendaRoutes(to: router)
        addReplyRoutes(to: router)
        addCustomerRoutes(to: router)
        addOperatorRoutes(to: router)
        addOperatorPages(to: router)
        addCustomerPageRoutes(to: router)
        addChartRoutes(to: router)
        addCollectorRoutes(to: router)
        return router
    }

    /// Drops expired sessions (the daemon calls it now and then).
    public func purgeSessions() async -> Int { await sessions.purge(now: options.now()) }

    /// The session of a request (the middleware already sent visitors without one to the login page).
    static func session(_ context: WebContext) throws -> Session {
        guard let session = context.session else { throw WebError.forbidden }
        return session
    }

    /// True when `user` may see `customer`: collectors only their assigned customers (DESIGN.md, "Who uses it").
    static func may(_ user: User, see customer: Customer?) -> Bool {
        user.role != .collector || (customer != nil && customer?.collector == user.id)
    }

    func today() -> Day { Format.day(options.now()) }

    func addSystemRoutes(to router: Router<WebContext>) {
        let health = self.health, metricsText = self.metricsText
        router.get("/health") { _, _ -> Response in
            await health() ? Responses.text("ok\n") : Responses.text("unavailable\n", status: .serviceUnavailable)
        }
        router.get("/metrics") { _, _ -> Response in
            Responses.text(await metricsText(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/static/app.css") { _, _ -> Response in
            var response = Responses.text(StyleSheet.css + OperatorStyleSheet.css, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "max-age=3600"
            return response
        }
        router.get("/") { _, _ in Responses.redirect("/agenda/manual") }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    }
}
