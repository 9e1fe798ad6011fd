import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A minimal W3C WebDriver client (https://www.w3.org/TR/webdriver2/) over Debian's chromedriver driving headless
/// Chromium: enough to log in, click, read text and take screenshots in the browser tests.
final class WebDriver: @unchecked Sendable {
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    static let executable = "/usr/bin/chromedriver"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    let process = Process()
    let client: TestClient
    let authority: String
    let port: Int
    var session = ""
    let profile: URL

    /// Starts chromedriver on a free port and opens a headless Chromium session.
    init() async throws {
        port = try FreePort.find()
        authority = "127.0.0.1:\(port)"
        client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("webui-chromium-\(UUID())")
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if let ready = try? await probe(port), ready { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        client.connect()
        let created = try await call("POST", "/session", [
            "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": [
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,900", "--user-data-dir=\(profile.path)"],
            ]]],
        ])
        session = try #require(created["sessionId"] as? String)
    }

    /// Ends the session and stops chromedriver.
    func quit() async {
        // Ending the session closes Chromium; a fresh connection with a short timeout, as chromedriver may close the
        // kept-alive one.
        let closer = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10)))
        closer.connect()
        _ = try? await closer.execute(TestClient.Request("/session/\(session)", method: .delete, authority: authority))
        // chromedriver ignores SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // TestClient.shutdown() waits for the server to close; close the channels ourselves.
        try? await closer.channelPromise.futureResult.get().close()
        try? await client.channelPromise.futureResult.get().close()
        try? FileManager.default.removeItem(at: profile)
    }

    func go(_ url: String) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": url]) }

    func element(_ css: String) async throws -> String {
        let value = try await call("POST", "/session/\(session)/element", ["using": "css selector", "value": css])
        return try #require(value[Self.elementKey] as? String, "no element \(css)")
    }

    func type(_ css: String, _ text: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/value", ["text": text])
    }

    func click(_ css: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/click", [:])
    }

    func text(_ css: String) async throws -> String {
        try await callValue("GET", "/session/\(session)/element/\(try await element(css))/text") as? String ?? ""
    }

    /// Polls `condition` (errors count as false: a page may be replaced mid-read) until it holds or time runs out.
    /// A click that submits a form may return before the next page has loaded.
    func eventually(_ timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    func currentURL() async throws -> String { try await callValue("GET", "/session/\(session)/url") as? String ?? "" }

    /// Runs a script in the page (WebDriver "Execute Script"; not subject to the page's CSP).
    func script(_ source: String) async throws -> Any? {
        try await callValue("POST", "/session/\(session)/execute/sync", ["script": source, "args": []])
    }

    /// True when a JavaScript dialog (alert) is open.
    func alertOpen() async -> Bool {
        (try? await callValue("GET", "/session/\(session)/alert/text")) != nil
    }

    func screenshot() async throws -> Data {
        let encoded = try #require(try await callValue("GET", "/session/\(session)/screenshot") as? String)
        return try #require(Data(base64Encoded: encoded))
    }

    @discardableResult
    func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        (try await callValue(method, path, body) as? [String: Any]) ?? [:]
    }

    func callValue(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        var headers: HTTPFields = [:]
        var buffer: ByteBuffer?
        if let body {
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
            headers[.contentType] = "application/json"
        }
        let response = try await client.execute(TestClient.Request(path, method: HTTPRequest.Method(method)!,
                                                                   authority: authority, headers: headers, body: buffer))
        let data = response.body.map { Data($0.readableBytesView) } ?? Data()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard response.status == .ok else {
            throw WebDriverError(path: path, error: (json?["value"] as? [String: Any])?["error"] as? String ?? "?")
        }
        return json?["value"]
    }

    /// True once chromedriver answers its status as ready (a fresh connection: it may not listen yet).
    func probe(_ port: Int) async throws -> Bool {
        let probe = TestClient(host: "127.0.0.1", port: port)
        probe.connect()
        let response = try await probe.execute(TestClient.Request("/status", method: .get, authority: authority))
        try? await probe.channelPromise.futureResult.get().close()
        return response.status == .ok
    }
}

/// A WebDriver error: the endpoint and the error code.
struct WebDriverError: Error, CustomStringConvertible {
    var path: String
    var error: String
    var description: String { "webdriver \(path): \(error)" }
}

/// A loopback port that was free a moment ago.
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        try #require(bound == 0)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
