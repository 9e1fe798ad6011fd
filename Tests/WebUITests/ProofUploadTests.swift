import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import WebUI

/// The proof-of-payment upload of the customer's page: multipart/form-data (RFC 7578), size and type limits, stored
/// in the store (never in a served folder) with a comment in Replies & Comments, downloadable by the collector only.
@Suite struct ProofUploadTests {
    static let pdf = Data("%PDF-1.4\n% proof of payment\n".utf8)
    static let boundary = "----ingestdTestBoundary7MA4YWxk"

    /// A multipart body with text fields and at most one file.
    static func multipart(_ fields: [String: String], file: (name: String, type: String, data: Data)?) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"proof\"; filename=\"\(file.name)\"\r\n".utf8)
            body += Data("Content-Type: \(file.type)\r\n\r\n".utf8) + file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    static func post(_ client: any TestClientProtocol, token: String, _ fields: [String: String],
                     file: (name: String, type: String, data: Data)?, csrf: String? = nil) async throws -> TestResponse {
        var fields = fields
        fields["_csrf"] = csrf ?? WebFixture.signer.formToken(for: token)
        return try await client.execute(uri: "/c/\(token)", method: .post,
                                        headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: multipart(fields, file: file))
    }

    @Test func aProofAloneBecomesACommentWithTheFileAttached() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let token = WebFixture.signer.token(customer: fixture.acme, expires: CustomerPageTests.valid)
            let page = try await client.execute(uri: "/c/\(token)", method: .get)
            #expect(page.text.contains("enctype=\"multipart/form-data\"") && page.text.contains("type=\"file\""))
            #expect(page.text.contains("Justificatif de paiement"), "the label in the customer's language")

            let sent = try await Self.post(client, token: token, [:], file: ("virement 12.pdf", "application/pdf", Self.pdf))
            #expect(sent.status == .seeOther)
            let replies = try await fixture.store.replies(AgendaQuery(today: Format.day(WebFixture.now), customer: fixture.acme))
            let comment = try #require(replies.rows.first { $0.kind == .comment })
            #expect(comment.summary == "Customer page: proof of payment uploaded")
            let uploads = try await fixture.store.uploads(of: comment.message)
            #expect(uploads.count == 1 && uploads.first?.filename == "virement 12.pdf")
            #expect(uploads.first?.contentType == "application/pdf" && uploads.first?.size == Self.pdf.count)

            let alice = try await Browser.login(client, as: "alice")
            let original = try await alice.get("/replies/\(comment.message.rawValue)/original")
            #expect(original.text.contains("/uploads/\(uploads[0].id.rawValue)"))
            let file = try await alice.get("/uploads/\(uploads[0].id.rawValue)")
            #expect(file.status == .ok && Data(file.body.readableBytesView) == Self.pdf)
            #expect(file.headers[.contentType] == "application/octet-stream")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let bob = try await Browser.login(client, as: "bob")
            #expect(try await bob.get("/uploads/\(uploads[0].id.rawValue)").status == .notFound)
        }
    }

    @Test func aProofWithAnswersIsAttachedToTheirComment() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let token = WebFixture.signer.token(customer: fixture.acme, expires: CustomerPageTests.valid)
            let f100 = try #require(try await fixture.store.item(number: "F-100")).id.rawValue
            let sent = try await Self.post(client, token: token, ["answer_\(f100)": "paid", "comment_\(f100)": "Payé"],
                                           file: ("proof.png", "image/png",
                                                  Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])))
            #expect(sent.status == .seeOther)
            let replies = try await fixture.store.replies(AgendaQuery(today: Format.day(WebFixture.now), customer: fixture.acme))
            let comment = try #require(replies.rows.first { $0.kind == .comment })
            #expect(comment.summary?.contains("F-100 paid") == true)
            #expect(try await fixture.store.uploads(of: comment.message).map(\.contentType) == ["image/png"])
        }
    }

    @Test(arguments: ["html", "exe-named-pdf", "large", "no-csrf"])
    func badUploadsAreRefusedAndStoreNothing(kind: String) async throws {
        var options = WebFixture.options()
        options.maxUploadBytes = 1024
        let fixture = try await WebFixture.make(options: options)
        try await fixture.test { client in
            let token = WebFixture.signer.token(customer: fixture.acme, expires: CustomerPageTests.valid)
            let response: TestResponse
            switch kind {
            case "html":
                response = try await Self.post(client, token: token, [:],
                                               file: ("proof.html", "text/html", Data("<script>x</script>".utf8)))
                #expect(response.status == .unsupportedMediaType)
            case "exe-named-pdf":
                response = try await Self.post(client, token: token, [:],
                                               file: ("proof.pdf", "application/pdf", Data("MZ\u{90}\0".utf8)))
                #expect(response.status == .unsupportedMediaType)
            case "large":
                response = try await Self.post(client, token: token, [:],
                                               file: ("proof.pdf", "application/pdf", Self.pdf + Data(count: 2048)))
                #expect(response.status == .contentTooLarge)
            default:
                response = try await Self.post(client, token: token, [:],
                                               file: ("proof.pdf", "application/pdf", Self.pdf), csrf: "forged")
                #expect(response.status == .forbidden)
            }
            let replies = try await fixture.store.replies(AgendaQuery(today: Format.day(WebFixture.now), customer: fixture.acme))
            #expect(!replies.rows.contains { $0.kind == .comment })
        }
    }

    @Test func theMultipartParserReadsFieldsAndFilesAndRefusesBrokenBodies() throws {
        let body = Array("""
            --b\r\nContent-Disposition: form-data; name="a"\r\n\r\none\r\n\
            --b\r\nContent-Disposition: form-data; name="proof"; filename="C:\\\\dir\\\\x;y.pdf"\r\n\
            Content-Type: application/pdf\r\n\r\n%PDF-\r\n--bb\r\n--b--\r\n
            """.utf8)
        let form = try #require(MultipartForm(body: body, boundary: "b"))
        #expect(form.fields.map(\.name) == ["a"] && form.fields.first?.value == "one")
        #expect(form.files.count == 1 && form.files.first?.filename == "x;y.pdf")
        #expect(form.files.first.map { String(decoding: $0.data, as: UTF8.self) } == "%PDF-\r\n--bb")
        #expect(MultipartForm(body: Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none".utf8),
                              boundary: "b") == nil, "no closing delimiter")
        #expect(MultipartForm(body: Array("--b\r\nContent-Type: text/plain\r\n\r\none\r\n--b--".utf8), boundary: "b") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"x y\"") == "x y")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
    }
}
