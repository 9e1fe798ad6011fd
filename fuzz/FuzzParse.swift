// libFuzzer entry point: the whole MIME analysis (parse, transfer and charset decoding, body choice, HTML to text)
// on arbitrary bytes. Compiled into the MailIngest module by fuzz/build; not part of the package.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func ingestdFuzzParse(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    var limits = ParseLimits()
    limits.maxMessageBytes = 1 << 20
    let analysis = MessageAnalyzer(limits: limits).analyze(data)
    // Touch the results so nothing is optimised away.
    _ = analysis.body.body.text.utf8.count + analysis.defects.count
    if let message = analysis.message {
        _ = message.subject?.count
        _ = message.from?.address.count
        _ = message.root.leaves.count
    }
    _ = HTMLText.convert(String(decoding: data.prefix(64 * 1024), as: UTF8.self)).lines.count
    return 0
}
