import HTTPTypes
import Hummingbird

/// Tells the client how long the server spent on a request: `Server-Timing: app;dur=<ms>` (W3C Server Timing), from
/// the request reaching the router to its response being ready (the body of a page is built by then). The UI
/// benchmark reads it to report server time next to the latency the client sees. It carries a duration only, nothing
/// about the request or the user.
struct ServerTimingMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let header = HTTPField.Name("Server-Timing")!

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var response = try await next(request, context)
        response.headers[Self.header] = "app;dur=\(Self.milliseconds(clock.now - start))"
        return response
    }

    /// A duration in milliseconds with two decimals, as Server-Timing's `dur` expects.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + attoseconds / 10_000_000_000_000
        let whole = hundredths / 100, fraction = hundredths % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
