import ArgumentParser
import MailIngest

/// The `ingestd` executable: one command per job (DESIGN.md, "Modules").
@main
struct Ingestd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingestd",
        abstract: "Reply capture and feedback classification for collection teams.",
        version: "0.1.0 (libetpan \(LibraryVersions.libetpan), libxml2 \(LibraryVersions.libxml2))",
        subcommands: [InspectCommand.self, TrainCommand.self, EvaluateCommand.self, CorpusCommand.self,
                      IngestCommand.self, PollCommand.self, SendCommand.self, PreviewCommand.self,
                      RescheduleCommand.self, ServeCommand.self, UserCommand.self, DemoCommand.self]
    )
}
