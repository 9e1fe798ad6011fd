import ArgumentParser

@main
struct Ingestd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingestd",
        abstract: "Reply capture and feedback classification for collection teams.",
        subcommands: []
    )
}
