import Foundation
import Testing
@testable import FeedbackClassifier

@Suite struct IntentModelTests {
    /// A tiny corpus with clear signals, enough to check training, prediction, calibration and the file.
    static let examples: [LabelledReply] = {
        let phrases: [(Intent, [String])] = [
            (.promiseToPay, ["we will pay on friday", "payment will be made next week", "we will pay invoice 4711 tomorrow",
                             "will pay by the end of the month", "we shall pay it on monday", "you will be paid next friday"]),
            (.paymentMade, ["we paid yesterday", "payment was sent last week", "the transfer was made today",
                            "already paid, see remittance", "paid on monday by wire", "we have paid it already"]),
            (.dispute, ["the goods arrived damaged", "the price is wrong, we dispute it", "we never received the goods",
                        "quantity is wrong, we will not pay", "the invoice amount is incorrect", "defective items, disputed"]),
        ]
        var out: [LabelledReply] = []
        for (intent, texts) in phrases {
            for (i, text) in texts.enumerated() {
                out.append(LabelledReply(id: "\(intent.rawValue)-\(i)", lang: "en", text: text, intent: intent))
            }
        }
        return out
    }()

    static func trainer() -> FeedbackModelTrainer {
        var trainer = FeedbackModelTrainer()
        trainer.text = Self.textTrainer()
        return trainer
    }

    static func textTrainer() -> TextModelTrainer {
        var trainer = TextModelTrainer()
        trainer.minDocumentFrequency = 1
        trainer.folds = 3
        trainer.minimumSupport = 2
        return trainer
    }

    @Test func learnsClearSignals() {
        let model = Self.trainer().train(Self.examples, name: "test")
        #expect(model.predictIntent("we will pay on the 15th").intent == .promiseToPay)
        #expect(model.predictIntent("it was paid yesterday").intent == .paymentMade)
        #expect(model.predictIntent("the items were damaged").intent == .dispute)
        let p = model.predictIntent("we will pay next week")
        #expect(p.ranked.count == Intent.allCases.count)
        #expect(abs(p.ranked.map(\.confidence).reduce(0, +) - 1) < 1e-4)
        #expect(p.ranked.first?.intent == p.intent)
    }

    @Test func trainingIsDeterministic() throws {
        let a = try Self.trainer().train(Self.examples, name: "x").encoded()
        let b = try Self.trainer().train(Self.examples, name: "x").encoded()
        #expect(a == b)
    }

    /// Both file formats: 1 (plain term frequencies) and 2 (with inverse document frequencies per column).
    @Test(arguments: [false, true])
    func fileRoundTripGivesTheSamePredictions(idf: Bool) throws {
        var trainer = Self.trainer()
        trainer.text.inverseDocumentFrequency = idf
        let model = trainer.train(Self.examples, name: "round-trip")
        let encoded = try model.encoded()
        #expect(encoded[16] == (idf ? 2 : 1))  // "IGDB", a length (8 bytes), the intent model's "IGDM", its format
        let copy = try FeedbackModel(decoding: encoded)
        #expect(copy.intent.metadata == model.intent.metadata)
        for text in ["we will pay on friday", "goods damaged", "paid", "bonjour"] {
            #expect(copy.predictIntent(text) == model.predictIntent(text))
        }
    }

    @Test func damagedFilesAreRejectedWithAReason() throws {
        let data = try Self.trainer().train(Self.examples, name: "x").encoded()
        #expect(throws: TextModel.FileError.self) { try FeedbackModel(decoding: data.prefix(data.count - 3)) }
        #expect(throws: TextModel.FileError.self) { try FeedbackModel(decoding: Data("not a model".utf8)) }
    }

    @Test func thresholdsDemandThePrecisionAsked() {
        // Class 0 predictions: confidences 0.9 (right), 0.8 (right), 0.7 (wrong), 0.6 (right).
        let logits: [[Float]] = [[2.2, 0], [1.4, 0], [0.85, 0], [0.4, 0]]
        let labels = [0, 0, 1, 0]
        let t = Calibration.thresholds(logits: logits, labels: labels, temperature: 1, classes: 2, precision: 0.95,
                                       minimumSupport: 1)
        let p2 = SoftmaxRegression.probabilities([1.4, 0])[0]
        #expect(t[0] == p2)  // below 0.8 precision drops to 2/3
        #expect(t[1] == 1.01)  // never predicted
    }

    @Test func temperatureShrinksOverconfidentLogits() {
        // Always confident, right only half the time: the fitted temperature must soften the scores (T > 1).
        let logits: [[Float]] = Array(repeating: [5, 0], count: 10)
        let labels = (0..<10).map { $0 % 2 }
        #expect(Calibration.temperature(logits: logits, labels: labels) > 1)
    }
}

extension LabelledReply {
    init(id: String, lang: String, text: String, intent: Intent) {
        self.init(id: id, lang: lang, text: text, intent: intent, intents: [intent], disputeReason: nil, items: nil,
                  openItems: nil, now: nil, returnDate: nil, redirectContact: nil, source: "written", split: "train")
    }
}
