import AgendaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import WebUI

/// `/operator/models`: training and evaluation as background jobs, the registry, the confusion matrix, promotion
/// under the "not worse on the frozen test split" rule.
@Suite struct ModelPagesTests {
    @Test func trainingRunsInTheBackgroundAndRegistersTheVersionWithItsScores() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.post("/operator/models/train", ["name": "../evil"]).status == .badRequest)
            let started = try await olga.post("/operator/models/train", ["name": "v2-test", "include_labels": "on"])
            #expect(started.status == .seeOther && started.headers[.location] == "/operator/models?notice=started")
            await fixture.web.modelJobs.wait()
            let page = try await olga.get("/operator/models").text
            #expect(page.contains("The training finished at 2026-11-18 11:06 UTC: version <strong>v2-test</strong>."))
            #expect(page.contains("<a href=\"/operator/models/") && page.contains("v2-test</a>"))
            #expect(page.contains("<td>87.5 %</td><td>0.900</td><td>5.0 %</td><td>40</td>"))
            #expect(await services.trainedNames == ["v2-test"])
            let model = try #require(try await fixture.store.models().first { $0.version == "v2-test" })
            #expect(model.metrics[ModelMetrics.confusion(gold: .promiseToPay, predicted: .paymentMade)] == 4)
            // The same name again is refused before any training, and the registry keeps one version.
            let again = try await olga.post("/operator/models/train", ["name": "v2-test"])
            #expect(again.headers[.location] == "/operator/models?notice=exists")
            #expect(try await olga.get("/operator/models?notice=exists").text.contains("already registered"))
            #expect(await services.trainedNames == ["v2-test"])
            #expect(try await fixture.store.models().count == 1)
        }
    }

    @Test func aVersionPageShowsPerIntentScoresAndTheConfusionMatrix() async throws {
        let fixture = try await OperatorFixture.make()
        let id = try await fixture.store.registerModel(version: "m-1", metrics: FakeOperatorServices.scores(macroF1: 0.9),
                                                       at: WebFixture.now)
        try await fixture.test { client in
            let adam = try await Browser.login(client, as: "adam")
            let page = try await adam.get("/operator/models/\(id.rawValue)").text
            #expect(page.contains("<tr><td>promise to pay</td><td>90.0 %</td><td>80.0 %</td><td>0.847</td><td>20</td></tr>"))
            // Row "promise to pay": 16 right (diagonal, 80 % of the row), 4 taken for "payment made" (20 %).
            #expect(page.contains("<tr><th>promise to pay</th><td class=\"cm diag4\">16</td><td class=\"cm off1\">4</td>"))
            #expect(page.contains("<td class=\"cm diag4\">19</td><td class=\"cm off1\">1</td>"))
            #expect(page.contains("<tr><td>expected_calibration_error</td><td>0.031</td></tr>"))
            #expect(try await adam.get("/operator/models/999").status == .notFound)
            let bare = try await fixture.store.registerModel(version: "m-0", metrics: ["macro_f1": 0.5], at: WebFixture.now)
            #expect(try await adam.get("/operator/models/\(bare.rawValue)").text
                .contains("registered without a confusion matrix"))
        }
    }

    @Test func promotionRefusesAWorseVersionUnlessForcedAndInstallsTheFile() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        let good = try await fixture.store.registerModel(version: "good", metrics: FakeOperatorServices.scores(macroF1: 0.9),
                                                         at: WebFixture.now)
        let worse = try await fixture.store.registerModel(version: "worse", metrics: FakeOperatorServices.scores(macroF1: 0.7),
                                                          at: WebFixture.now)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let first = try await olga.post("/operator/models/\(good.rawValue)/promote", [:])
            #expect(first.headers[.location] == "/operator/models?notice=promoted")
            let refused = try await olga.post("/operator/models/\(worse.rawValue)/promote", [:])
            #expect(refused.headers[.location] == "/operator/models?notice=worse")
            #expect(try await olga.get("/operator/models?notice=worse").text.contains("Not promoted: its macro-F1"))
            #expect(try await fixture.store.models().first(where: \.promoted)?.version == "good")
            let forced = try await olga.post("/operator/models/\(worse.rawValue)/promote", ["force": "on"])
            #expect(forced.headers[.location] == "/operator/models?notice=promoted")
            #expect(try await fixture.store.models().first(where: \.promoted)?.version == "worse")
            #expect(await services.installed == ["good", "worse"])
            #expect(try await olga.post("/operator/models/999/promote", [:]).status == .notFound)
        }
    }

    @Test func evaluatingTheInstalledModelRegistersItAndFailuresAreReportedWithoutDetail() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            _ = try await olga.post("/operator/models/evaluate", [:])
            await fixture.web.modelJobs.wait()
            #expect(try await fixture.store.models().map(\.version) == ["feedback.igdm@fnv1a64:00000000000000aa"])
            await services.setFailTraining(true)
            _ = try await olga.post("/operator/models/train", ["name": "broken"])
            await fixture.web.modelJobs.wait()
            let page = try await olga.get("/operator/models").text
            #expect(page.contains("The training failed at") && page.contains("the job failed (see the daemon"))
        }
    }

    @Test func withoutTheDaemonTrainingIsUnavailable() async throws {
        let fixture = try await OperatorFixture.make(services: nil)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.get("/operator/models").text.contains("not available in this process"))
            #expect(try await olga.post("/operator/models/train", [:]).status == .serviceUnavailable)
        }
    }

    @Test(arguments: [("v2", true), ("ui-20261118-0930", true), ("a.b_c-d", true), ("../x", false), (".hidden", false),
                      ("", false), ("a/b", false), (String(repeating: "x", count: 65), false)])
    func versionNamesAreSafeFileNames(name: String, valid: Bool) {
        #expect(ModelView.isValidVersion(name) == valid)
    }

    @Test func defaultVersionNamesComeFromTheClock() {
        #expect(WebServer.compactStamp(WebFixture.now) == "20261118-1106")
        #expect(ModelView.isValidVersion("ui-" + WebServer.compactStamp(WebFixture.now)))
    }
}
