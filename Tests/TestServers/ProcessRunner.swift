public import Foundation

/// Runs a command to completion for the harness (openssl, doveadm) and returns its status and output.
public enum ProcessRunner {
    /// What a finished command gave.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output and standard error, together.
        public var output: String
    }

    /// Runs `executable` with `arguments`, feeding `input` to its standard input.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], input: Data? = nil,
                           check: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            try inputPipe.fileHandleForWriting.write(contentsOf: input)
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
        if check && result.status != 0 {
            throw TestServerError("\(executable) \(arguments.joined(separator: " ")) exited \(result.status): \(result.output)")
        }
        return result
    }
}

/// A throwaway certificate authority and a server certificate it signed, made with openssl in `directory`
/// (P-256 keys, valid two days, SAN `DNS:localhost,IP:127.0.0.1`).
public struct TestCertificates: Sendable {
    /// PEM of the test CA: the trust anchor a client must be given.
    public let caFile: String
    /// PEM of the server certificate (signed by the CA).
    public let certificateFile: String
    /// PEM of the server's private key.
    public let keyFile: String

    /// Generates the CA and the server certificate for `commonName` (about 0.1 s). The certificate also carries
    /// `IP:127.0.0.1` when the name is `localhost`.
    public init(directory: String, commonName: String = "localhost") throws {
        caFile = directory + "/ca.pem"
        certificateFile = directory + "/server.pem"
        keyFile = directory + "/server.key"
        let openssl = "/usr/bin/openssl"
        let caKey = directory + "/ca.key"
        let request = directory + "/server.csr"
        let extensions = directory + "/server-ext.cnf"
        try ProcessRunner.run(openssl, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=ingestd test CA", "-keyout", caKey, "-out", caFile,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        try ProcessRunner.run(openssl, [
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-subj", "/CN=\(commonName)", "-keyout", keyFile, "-out", request,
        ])
        try Data("""
            subjectAltName=DNS:\(commonName)\(commonName == "localhost" ? ",IP:127.0.0.1" : "")
            basicConstraints=critical,CA:FALSE
            extendedKeyUsage=serverAuth
            keyUsage=critical,digitalSignature

            """.utf8).write(to: URL(fileURLWithPath: extensions))
        try ProcessRunner.run(openssl, [
            "x509", "-req", "-in", request, "-CA", caFile, "-CAkey", caKey, "-CAcreateserial", "-days", "2",
            "-out", certificateFile, "-extfile", extensions,
        ])
    }
}
