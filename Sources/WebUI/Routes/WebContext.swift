public import Hummingbird

/// The request context of the web UI: the session found from the cookie and the decoded form of a POST.
public struct WebContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The logged-in session, set by `SessionMiddleware`.
    public var session: Session?
    /// The decoded `application/x-www-form-urlencoded` body of a POST, set by `SessionMiddleware`.
    public var form = FormData("")
    /// The files of a `multipart/form-data` POST to a customer's page, set by `SessionMiddleware`.
    public var files: [UploadedFile] = []
    /// The client's IP address, when the channel knows it (rate limiting).
    public var clientAddress: String?

    /// Makes the context of one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
