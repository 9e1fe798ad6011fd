import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `ingestd demo` as the README's main job runs it: seeds a data folder (CSV import, sample messages in a Maildir),
/// starts `serve`, which reads the Maildir through the inbound pipeline; `/health` answers, the demo login works and
/// Replies & Comments shows the seeded replies with their customers; `/metrics` counts what was ingested; SIGINT
/// (Ctrl-C) stops it cleanly; a second start keeps the data and stores nothing twice.
@Suite(.serialized) struct DemoCommandTests {
    static let password = "demo password 42"

    /// Starts `ingestd demo` on a free port; returns the process and its port.
    static func start(_ directory: URL) throws -> (Process, Int, URL) {
        let port = try ServeCommandTests.freePort()
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.currentDirectoryURL = TestPaths.packageRoot
        process.arguments = ["demo", "--data-dir", directory.appendingPathComponent("data").path,
                             "--samples", TestPaths.packageRoot.appendingPathComponent("samples").path,
                             "--port", "\(port)", "--bcrypt-cost", "4"]
        process.environment = ProcessInfo.processInfo.environment.merging(["INGESTD_DEMO_PASSWORD": password]) { $1 }
        let output = directory.appendingPathComponent("out-\(port).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return (process, port, output)
    }

    @Test(.timeLimit(.minutes(2)))
    func demoSeedsServesAndShowsTheReplies() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var (process, port, output) = try Self.start(directory)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let http = PlainHTTP(base: "http://127.0.0.1:\(port)")

        var health: PlainHTTP.Reply?
        for _ in 0..<150 where health?.status != 200 {
            health = await http.get("/health")
            if health?.status != 200 { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(health?.status == 200 && health?.body == "ok\n")
        let printed = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        #expect(printed.contains("http://127.0.0.1:\(port)") && printed.contains("demo / (the password in"))
        #expect(printed.contains("/c/"), "a signed customer page link is printed")
        #expect(!printed.contains(Self.password), "the password given by the environment is not printed")

        let cookie = try #require(await http.login("demo", Self.password))
        // The Maildir is polled at start: wait until every sample reply is stored.
        var replies = ""
        for _ in 0..<150 {
            replies = await http.get("/agenda/replies", cookie: cookie)?.body ?? ""
            if ["Boulangeries", "Müller GmbH", "Distribuciones Sol", "Ferramenta Rossi", "Bakkerij de Vries",
                "Hurtownia Nowak", "山田商事"].allSatisfy(replies.contains) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        for customer in ["Boulangeries Réunies", "Müller GmbH", "Distribuciones Sol", "Ferramenta Rossi",
                         "Bakkerij de Vries", "Hurtownia Nowak", "山田商事"] {
            #expect(replies.contains(customer), "Replies & Comments shows the reply of \(customer)")
        }
        let manual = await http.get("/agenda/automatic", cookie: cookie)
        #expect(manual?.status == 200 && manual?.body.contains("Northwind") == true, "planned actions of the scenario")
        let metrics = await http.get("/metrics")?.body ?? ""
        #expect(metrics.contains("ingestd_messages_ingested_total{") && metrics.contains("mailbox=\"maildir/demo\""))
        #expect(metrics.contains("ingestd_classifications_total{"))
        let maildirNew = directory.appendingPathComponent("data/maildir/new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildirNew.path).isEmpty, "every message moved to cur/")

        process.interrupt() // Ctrl-C
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let log = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        #expect(log.contains("serve stopped") && !log.contains(Self.password))

        // Second start: seeded before, the same password still works, nothing stored twice.
        (process, port, output) = try Self.start(directory)
        let again = PlainHTTP(base: "http://127.0.0.1:\(port)")
        var ready = false
        for _ in 0..<150 where !ready {
            ready = await again.get("/health")?.status == 200
            if !ready { try await Task.sleep(for: .milliseconds(200)) }
        }
        let second = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        #expect(second.contains("seeded before"))
        let cookie2 = try #require(await again.login("collector", Self.password))
        let page = await again.get("/agenda/replies", cookie: cookie2)?.body ?? ""
        #expect(page.components(separatedBy: "Distribuciones Sol").count == replies.components(separatedBy: "Distribuciones Sol").count)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// A tiny HTTP client for tests: no redirects followed, cookies handled by hand.
struct PlainHTTP: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: String
        var headers: [String: String]
    }

    let base: String

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    func send(_ request: URLRequest) async -> Reply? {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        guard let (data, response) = try? await session.data(for: request),
              let http = response as? HTTPURLResponse else { return nil }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return Reply(status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: headers)
    }

    func get(_ path: String, cookie: String? = nil) async -> Reply? {
        var request = URLRequest(url: URL(string: base + path)!)
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        return await send(request)
    }

    /// Logs in through the form; returns the session cookie (`ingestd_session=...`).
    func login(_ login: String, _ password: String) async -> String? {
        guard let page = await get("/login"),
              let setCookie = page.headers["set-cookie"], let tokenCookie = setCookie.split(separator: ";").first,
              let range = page.body.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let token = String(page.body[range.upperBound...].prefix { $0 != "\"" })
        var request = URLRequest(url: URL(string: base + "/login")!)
        request.httpMethod = "POST"
        request.setValue(String(tokenCookie), forHTTPHeaderField: "Cookie")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let allowed = CharacterSet.alphanumerics
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        request.httpBody = Data("_csrf=\(encode(token))&login=\(encode(login))&password=\(encode(password))".utf8)
        guard let reply = await send(request), reply.status == 303,
              let session = reply.headers["set-cookie"]?.components(separatedBy: ",")
                .first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("ingestd_session=") })?
                .split(separator: ";").first else { return nil }
        return session.trimmingCharacters(in: .whitespaces)
    }
}
