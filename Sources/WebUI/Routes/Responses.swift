import Hummingbird
import NIOCore

/// Response builders.
enum Responses {
    /// An HTML page.
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: page.markup)))
    }

    /// Plain text.
    static func text(_ text: String, status: HTTPResponse.Status = .ok,
                     contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other to a path of this site (after a POST, RFC 9110 section 15.4.4).
    static func redirect(_ path: String) -> Response {
        precondition(path.hasPrefix("/") && !path.hasPrefix("//"), "redirects stay on this site")
        return Response(status: .seeOther, headers: [.location: path])
    }
}

/// An error that becomes a plain page with a status and a short, fixed message (no data from the request).
struct WebError: Error, HTTPResponseError {
    /// Status.
    var status: HTTPResponse.Status
    /// A fixed sentence.
    var message: String

    static let notFound = WebError(status: .notFound, message: "Not found.")
    static let forbidden = WebError(status: .forbidden, message: "This request was refused.")
    static let badRequest = WebError(status: .badRequest, message: "The form was not understood.")

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Responses.html(Layout.bare(title: "\(status.code) \(status.reasonPhrase)", body: "<p>\(message)</p>"),
                       status: status)
    }
}
