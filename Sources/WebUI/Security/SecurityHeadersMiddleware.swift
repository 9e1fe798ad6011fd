import HTTPTypes
import Hummingbird
import Logging

/// Adds the security headers to every response, error pages included, and turns errors into plain pages that say
/// nothing about the request. The Content-Security-Policy allows only this origin's style sheet and images: no script
/// at all, no inline style, no framing (CSP Level 3; OWASP secure headers project).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"
    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, contentSecurityPolicy),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (.crossOriginResourcePolicy, "same-origin"),
    ]

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WebError {
            response = try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try WebError(status: error.status, message: Self.sentence(error.status))
                .response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))",
                                                              "http.path": "\(request.uri.path)"])
            response = try WebError(status: .internalServerError, message: "Something went wrong.")
                .response(from: request, context: context)
        }
        for (name, value) in Self.headers where response.headers[name] == nil { response.headers[name] = value }
        return response
    }

    /// The fixed sentence of a status.
    static func sentence(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "Not found."
        case .forbidden: "This request was refused."
        case .methodNotAllowed: "Method not allowed."
        case .contentTooLarge: "The form is too large."
        case .tooManyRequests: "Too many attempts; try again later."
        default: "The request was not understood."
        }
    }
}
