import ArgumentParser
import Foundation

/// `ingestd demo`: the README's main job on embedded defaults. Seeds a data folder once (demo users, a scenario,
/// customers, contacts and items from `samples/demo/*.csv`, the sample messages of `samples/` in a Maildir), prints
/// the URL and the demo logins, then runs `serve` on it until Ctrl-C (SIGINT) or SIGTERM. The daemon reads the
/// Maildir through the inbound pipeline within seconds, so the replies appear in Replies & Comments.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Seed a demo data folder and run `serve` on it (the README's main job)."
    )

    @Option(help: ArgumentHelp("The demo's data folder (created and seeded once).", valueName: "DIR"))
    var dataDir = "data/demo"

    @Option(help: ArgumentHelp("The folder of the sample messages and demo/*.csv.", valueName: "DIR"))
    var samples = "samples"

    @Option(help: "The HTTP port on 127.0.0.1.")
    var port = 8080

    @Option(help: ArgumentHelp("Environment variable holding the demo password; without it one is generated.",
                               valueName: "VAR"))
    var passwordEnv = "INGESTD_DEMO_PASSWORD"

    @Option(help: .hidden)
    var bcryptCost = 10

    @Flag(help: "Seed and write the configuration, then stop without serving.")
    var seedOnly = false

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1...65535") }
        guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be 4...31") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let given = environment[passwordEnv].flatMap { $0.isEmpty ? nil : $0 }
        if let given, given.count < 8 { throw ValidationError("\(passwordEnv) must have at least 8 characters") }
        let password = given ?? RandomKey.password()
        let data = URL(fileURLWithPath: dataDir).standardizedFileURL
        let seeder = DemoSeeder(samples: URL(fileURLWithPath: samples).standardizedFileURL, dataDirectory: data,
                                port: port,
                                model: ModelLocator.path(explicit: nil).map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                                bcryptCost: bcryptCost)
        let setup = try await seeder.seed(password: password)
        var lines = """
            ingestd demo: \(setup.seeded ? "seeded \(data.path) (\(setup.messages) sample messages in its Maildir)"
                                          : "using \(data.path), seeded before")
              open      \(setup.url)
              log in    demo / \(given == nil ? password : "(the password in $\(passwordEnv))")   (administrator: every customer, Operations)
                        collector / same password   (the collector of every demo customer)

            """
        if let page = setup.customerPage { lines += "  customer page (signed link, 30 days): \(page)\n" }
        lines += "  configuration \(setup.configuration.path); stop with Ctrl-C\n"
        // Unbuffered: the daemon runs on in this process, its output must not wait in a buffer.
        FileHandle.standardOutput.write(Data(lines.utf8))
        if seedOnly { return }
        let serve = try ServeCommand.parse(["--config", setup.configuration.path])
        try await serve.run()
    }
}
